using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using Briefings.Core.Digests;
using Briefings.Core.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Briefings.Core.Http;

/// <summary>
/// The web page: <c>/</c> (the latest briefing), <c>/briefings/{yyyy-MM-dd}</c>, a story's own page
/// at <c>/briefings/{yyyy-MM-dd}/stories/{id}</c> (every article that covered it, where the day's
/// page lists the first few) and the archive at <c>/briefings</c>. A page is rendered from the
/// stored digest JSON through the cached templates, and kept with the digest for as long as its
/// previous and next links stay what the days stored now make them.
/// </summary>
public sealed class BriefingsPages(DigestStore digests, DigestArchive archive, DigestRenderer renderer)
{
    /// <summary>Pages run no script, load nothing from elsewhere, post no form, and cannot be framed.</summary>
    public const string ContentSecurityPolicy = PolicyBeforeForms + "'none'" + PolicyAfterForms;

    /// <summary>The same policy for a page whose form may post to <paramref name="formAction"/> (a CSP source: "'self'" or an origin).</summary>
    public static string ContentSecurityPolicyPosting(string formAction) => PolicyBeforeForms + formAction + PolicyAfterForms;

    private const string PolicyBeforeForms = "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; base-uri 'none'; form-action ";
    private const string PolicyAfterForms = "; frame-ancestors 'none'";

    /// <summary>How many days one archive page lists.</summary>
    public const int ArchivePageSize = 30;

    private const string HtmlType = "text/html; charset=utf-8";

    // Each day's page as last rendered, kept with the digest it was rendered from: the store hands
    // out one parsed digest per stored JSON, the same object while the JSON is unchanged. A page of
    // a 10,000-article day is about 1 MB and 20 ms of a core to render, and readers ask for the
    // latest far more often than it changes. The same bytes also keep their compressed forms
    // (ContentEncodings caches them per array).
    private readonly ConditionalWeakTable<Digest, RenderedPage> _rendered = new();

    private sealed record RenderedPage(LinksView Links, byte[] Bytes, string ETag);

    // Story pages the same way, by story id: their links depend on the day alone.
    private readonly ConditionalWeakTable<Digest, ConcurrentDictionary<string, RenderedPage>> _stories = new();

    // The archive page as last rendered, with what it was rendered from: which page, and its days
    // with their stored JSON's ETags (as the feed is kept).
    private volatile RenderedArchive? _archive;

    private sealed record RenderedArchive(DateOnly? Before, (DateOnly Day, string ETag)[] Versions, DateOnly? NextBefore, byte[] Bytes, string ETag);

    /// <summary>Headers every HTML response carries: the policy above and no referrer.</summary>
    internal static readonly KeyValuePair<string, string>[] SecurityHeaders =
    [
        new(HeaderNames.ContentSecurityPolicy, ContentSecurityPolicy),
        new("Referrer-Policy", "no-referrer"),
    ];

    /// <summary>Page routes, from the site root.</summary>
    public static class Routes
    {
        public const string Home = "";
        public const string Archive = "briefings";
        public const string Day = "briefings/{date}";
        public const string Story = "briefings/{date}/stories/{storyId}";

        public static string DayPath(DateOnly day) => $"/briefings/{Days.Format(day)}";

        public static string ArchivePath(DateOnly? before = null) => before is { } day ? $"/briefings?before={Days.Format(day)}" : "/briefings";
    }

    /// <summary><c>GET /</c>: the latest briefing.</summary>
    public async Task<IResult> GetLatestAsync(CancellationToken cancellationToken)
    {
        var days = await digests.ListDaysAsync(cancellationToken);
        return days.Count > 0 && await RenderDayAsync(days[0], days, cancellationToken) is { } page
            ? page
            : await NoticeAsync("No briefing has been built yet.", StatusCodes.Status404NotFound, cancellationToken);
    }

    /// <summary><c>GET /briefings/{yyyy-MM-dd}</c>: one day's briefing.</summary>
    public async Task<IResult> GetDayAsync(string date, CancellationToken cancellationToken)
    {
        if (!Days.TryParse(date, out var day))
        {
            return await BadDateAsync(date, cancellationToken);
        }

        var days = await digests.ListDaysAsync(cancellationToken);
        return await RenderDayAsync(day, days, cancellationToken)
            ?? await NoBriefingAsync(day, cancellationToken);
    }

    /// <summary><c>GET /briefings/{yyyy-MM-dd}/stories/{id}</c>: one story with every article that covered it.</summary>
    public async Task<IResult> GetStoryAsync(string date, string storyId, CancellationToken cancellationToken)
    {
        if (!Days.TryParse(date, out var day))
        {
            return await BadDateAsync(date, cancellationToken);
        }

        var stored = await digests.GetAsync(day, cancellationToken);
        if (stored is null)
        {
            return await NoBriefingAsync(day, cancellationToken);
        }

        var pages = _stories.GetValue(stored.Digest, _ => new(StringComparer.Ordinal));
        if (!pages.TryGetValue(storyId, out var page))
        {
            var links = new LinksView(Home: "/", Page: Routes.DayPath(day), Archive: Routes.ArchivePath(), Unsubscribe: null);
            if (renderer.RenderStory(stored.Digest, storyId, links) is not { } html)
            {
                return await NoticeAsync($"The briefing for {DigestView.LongDate(day)} has no story “{storyId}”.", StatusCodes.Status404NotFound, cancellationToken);
            }

            var bytes = Encoding.UTF8.GetBytes(html);
            page = pages.GetOrAdd(storyId, new RenderedPage(links, bytes, HttpCaching.StrongETag(bytes)));
        }

        return HttpCaching.Cached(page.Bytes, HtmlType, page.ETag, HttpCaching.Dated, SecurityHeaders);
    }

    /// <summary><c>GET /briefings[?before=yyyy-MM-dd]</c>: the archive, newest first.</summary>
    public async Task<IResult> GetArchiveAsync(string? before, CancellationToken cancellationToken)
    {
        DateOnly? beforeDay = null;
        if (!string.IsNullOrEmpty(before))
        {
            if (!Days.TryParse(before, out var parsed))
            {
                return await BadDateAsync(before, cancellationToken);
            }

            beforeDay = parsed;
        }

        var page = await archive.PageAsync(beforeDay, ArchivePageSize, cancellationToken);
        var versions = page.Versions();
        if (_archive is not { } kept || kept.Before != beforeDay || kept.NextBefore != page.NextBefore || !kept.Versions.SequenceEqual(versions))
        {
            var html = RenderArchive(page, beforeDay is null ? "Archive" : $"Archive before {DigestView.LongDate(beforeDay.Value)}", null);
            var bytes = Encoding.UTF8.GetBytes(html);
            _archive = kept = new RenderedArchive(beforeDay, versions, page.NextBefore, bytes, HttpCaching.StrongETag(bytes));
        }

        return HttpCaching.Cached(kept.Bytes, HtmlType, kept.ETag, HttpCaching.Changing, SecurityHeaders);
    }

    private async Task<IResult?> RenderDayAsync(DateOnly day, IReadOnlyList<DateOnly> days, CancellationToken cancellationToken)
    {
        var stored = await digests.GetAsync(day, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        var around = DigestArchive.Neighbours(days, day);
        var links = new LinksView(
            Home: "/",
            Page: Routes.DayPath(day),
            Archive: Routes.ArchivePath(),
            Unsubscribe: null,
            Previous: around.Previous is { } previous ? Routes.DayPath(previous) : null,
            Next: around.Next is { } next ? Routes.DayPath(next) : null,
            PreviousDate: around.Previous is { } p ? DigestView.LongDate(p) : null,
            NextDate: around.Next is { } n ? DigestView.LongDate(n) : null);
        if (!_rendered.TryGetValue(stored.Digest, out var page) || page.Links != links)
        {
            var bytes = Encoding.UTF8.GetBytes(renderer.Render(stored.Digest, RenderFormat.Html, links));
            page = new RenderedPage(links, bytes, HttpCaching.StrongETag(bytes));
            _rendered.AddOrUpdate(stored.Digest, page);
        }

        return HttpCaching.Cached(page.Bytes, HtmlType, page.ETag, HttpCaching.Changing, SecurityHeaders);
    }

    private Task<IResult> BadDateAsync(string date, CancellationToken cancellationToken) =>
        NoticeAsync($"“{date}” is not a date written yyyy-MM-dd.", StatusCodes.Status400BadRequest, cancellationToken);

    private Task<IResult> NoBriefingAsync(DateOnly day, CancellationToken cancellationToken) =>
        NoticeAsync($"There is no briefing for {DigestView.LongDate(day)}.", StatusCodes.Status404NotFound, cancellationToken);

    /// <summary>A page that says what went wrong and offers the archive, so a reader can go on.</summary>
    private async Task<IResult> NoticeAsync(string notice, int statusCode, CancellationToken cancellationToken) =>
        new WithHeaders(
            TypedResults.Content(await ErrorPageAsync(statusCode, notice, cancellationToken), HtmlType, Encoding.UTF8, statusCode),
            ErrorHeaders);

    /// <summary>What an error page carries besides its type: the pages' policy, and no caching or sniffing.</summary>
    internal static readonly KeyValuePair<string, string>[] ErrorHeaders =
        [new(HeaderNames.CacheControl, "no-cache"), new(HeaderNames.XContentTypeOptions, "nosniff"), .. SecurityHeaders];

    /// <summary>
    /// The page a reader's browser is shown for an error: what went wrong and, for a request the
    /// site cannot answer (4xx), the archive's newest days to go on from. A server error lists no
    /// days, as reading them is as likely to fail again.
    /// </summary>
    public async Task<string> ErrorPageAsync(int statusCode, string notice, CancellationToken cancellationToken) =>
        statusCode >= 500
            ? ErrorPage(statusCode, notice)
            : RenderArchive(await archive.PageAsync(null, ArchivePageSize, cancellationToken), ErrorTitle(statusCode), notice);

    /// <summary>The same page with no days listed: nothing is read to render it.</summary>
    public string ErrorPage(int statusCode, string notice) =>
        renderer.RenderArchive(new ArchiveView(ErrorTitle(statusCode), notice, [], null, ArchiveLinks, Listed: false));

    private static string ErrorTitle(int statusCode) => statusCode switch
    {
        StatusCodes.Status404NotFound => "Not found",
        StatusCodes.Status405MethodNotAllowed => "Not allowed",
        >= 500 => "Something went wrong",
        _ => "Bad request",
    };

    private static readonly LinksView ArchiveLinks = new("/", null, Routes.ArchivePath(), null);

    private string RenderArchive(ArchivePage page, string title, string? notice)
    {
        var days = page.Days.Select(d => ArchiveDayView.From(d.Digest, Routes.DayPath(d.Digest.Date), BriefingsApi.HeadlineStories)).ToList();
        var older = page.NextBefore is { } nextBefore ? Routes.ArchivePath(nextBefore) : null;
        return renderer.RenderArchive(new ArchiveView(title, notice, days, older, ArchiveLinks));
    }
}
