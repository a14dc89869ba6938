using System.Text.Json;
using Briefings.Core.Digests;
using Briefings.Core.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Briefings.Core.Http;

/// <summary>
/// The read side of the HTTP API. Each handler returns an <see cref="IResult"/>, so the runner's
/// minimal-API routes and the Functions HTTP triggers return exactly the same responses.
/// </summary>
public sealed class BriefingsApi(DigestStore digests, DigestArchive archive)
{
    /// <summary>How many days an archive page holds unless asked otherwise.</summary>
    public const int DefaultArchiveLimit = 10;

    /// <summary>How many of a day's stories the archive lists: its headlines.</summary>
    public const int HeadlineStories = 3;

    private static readonly KeyValuePair<string, string> VaryOnAccept = new(HeaderNames.Vary, HeaderNames.Accept);

    /// <summary>API routes below <c>/api</c>, shared by the runner and the Functions adapter.</summary>
    public static class Routes
    {
        public const string Prefix = "api";
        public const string Archive = "briefings";
        public const string Latest = "briefings/latest";
        public const string Feed = "briefings/feed";
        public const string Day = "briefings/{date}";
        public const string Story = "briefings/{date}/stories/{storyId}";
        public const string Build = "briefings/{date}/build";
        public const string Articles = "articles";

        public static string DayPath(DateOnly day) => $"/{Prefix}/briefings/{Days.Format(day)}";

        public static string StoryPath(DateOnly day, string storyId) => $"{DayPath(day)}/stories/{Uri.EscapeDataString(storyId)}";
    }

    /// <summary><c>GET /api/briefings/latest[?format=json|html|md|txt]</c>, or by the Accept header.</summary>
    public async Task<IResult> GetLatestAsync(string? format, string? accept, CancellationToken cancellationToken)
    {
        var latest = await digests.LatestDayAsync(cancellationToken);
        return latest is null
            ? Problems.NoBriefingYet()
            : await GetAsync(latest.Value, format, accept, HttpCaching.Changing, cancellationToken);
    }

    /// <summary><c>GET /api/briefings/{yyyy-MM-dd}[?format=json|html|md|txt]</c>, or by the Accept header.</summary>
    public async Task<IResult> GetDayAsync(string date, string? format, string? accept, CancellationToken cancellationToken) =>
        Days.TryParse(date, out var day)
            ? await GetAsync(day, format, accept, HttpCaching.Dated, cancellationToken)
            : Problems.BadDate(date);

    /// <summary><c>GET /api/briefings/{yyyy-MM-dd}/stories/{storyId}</c>: one story with its articles, quotes, figures and sources.</summary>
    public async Task<IResult> GetStoryAsync(string date, string storyId, CancellationToken cancellationToken)
    {
        if (!Days.TryParse(date, out var day))
        {
            return Problems.BadDate(date);
        }

        var stored = await digests.GetAsync(day, cancellationToken);
        if (stored is null)
        {
            return Problems.NoBriefing(day);
        }

        var story = stored.Digest.Stories.FirstOrDefault(s => s.Id == storyId);
        if (story is null)
        {
            return Problems.NoStory(day, storyId);
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(story, BriefingsJsonContext.Default.Story);
        return HttpCaching.Cached(json, "application/json; charset=utf-8", HttpCaching.StrongETag(json), HttpCaching.Dated);
    }

    /// <summary><c>GET /api/briefings[?before=yyyy-MM-dd][&amp;limit=n]</c>: days newest first with their headline stories.</summary>
    public async Task<IResult> GetArchiveAsync(string? before, string? limit, CancellationToken cancellationToken)
    {
        DateOnly? beforeDay = null;
        if (!string.IsNullOrEmpty(before))
        {
            if (!Days.TryParse(before, out var parsed))
            {
                return Problems.BadDate(before);
            }

            beforeDay = parsed;
        }

        var size = DefaultArchiveLimit;
        if (!string.IsNullOrEmpty(limit) && (!int.TryParse(limit, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out size) || size is < 1 or > DigestArchive.MaxPageSize))
        {
            return Problems.BadLimit(DigestArchive.MaxPageSize);
        }

        var page = await archive.PageAsync(beforeDay, size, cancellationToken);
        var next = page.NextBefore is { } nextBefore ? $"/{Routes.Prefix}/{Routes.Archive}?before={Days.Format(nextBefore)}&limit={size}" : null;
        var response = new ArchiveResponse([.. page.Days.Select(d => ArchiveDay.From(d.Digest, HeadlineStories))], next);
        var json = JsonSerializer.SerializeToUtf8Bytes(response, BriefingsJsonContext.Default.ArchiveResponse);
        KeyValuePair<string, string>[] link = next is null ? [] : [new(HeaderNames.Link, $"<{next}>; rel=\"next\"")];
        return HttpCaching.Cached(json, "application/json; charset=utf-8", HttpCaching.StrongETag(json), HttpCaching.Changing, link);
    }

    private async Task<IResult> GetAsync(DateOnly day, string? format, string? accept, string cacheControl, CancellationToken cancellationToken)
    {
        Representation representation;
        if (!string.IsNullOrEmpty(format))
        {
            if (!Representations.TryParseFormat(format, out representation))
            {
                return Problems.UnknownFormat();
            }
        }
        else if (Representations.FromAccept(accept) is { } accepted)
        {
            representation = accepted;
        }
        else
        {
            return Problems.NotAcceptable();
        }

        if (representation == Representation.Json)
        {
            var stored = await digests.GetJsonAsync(day, cancellationToken);
            return stored is null
                ? Problems.NoBriefing(day)
                : HttpCaching.Cached(stored.Content, "application/json; charset=utf-8", stored.ETag, cacheControl, VaryOnAccept);
        }

        // The renderings stored when the day was built: the same bytes every time, with the blob's ETag.
        var rendering = await digests.GetRenderingAsync(day, Representations.ToRenderFormat(representation), cancellationToken);
        KeyValuePair<string, string>[] headers = representation == Representation.Html ? [VaryOnAccept, .. BriefingsPages.SecurityHeaders] : [VaryOnAccept];
        return rendering is null
            ? Problems.NoBriefing(day)
            : HttpCaching.Cached(rendering.Content, rendering.ContentType, rendering.ETag, cacheControl, headers);
    }
}
