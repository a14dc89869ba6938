using System.Runtime.CompilerServices;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Briefings.Core.Digests;
using Briefings.Core.Rendering;
using Microsoft.AspNetCore.Http;

namespace Briefings.Core.Http;

/// <summary>
/// <c>GET /api/briefings/feed</c>: an Atom feed (RFC 4287) with one entry per day, newest first,
/// whose content is the day's stories rendered as HTML. Links are absolute, from
/// <see cref="TemplateOptions.PublicBaseUrl"/>, because feed readers fetch it from elsewhere.
/// </summary>
public sealed class BriefingsFeed(DigestArchive archive, DigestRenderer renderer, TemplateOptions options, TimeProvider time)
{
    /// <summary>How many days the feed carries.</summary>
    public const int Entries = 20;

    public const string ContentType = "application/atom+xml; charset=utf-8";

    // The feed as last written, with the stored digests it was written from (each day's ETag):
    // twenty days' stories as HTML are megabytes of rendering and XML escaping on a busy site, and
    // feed readers poll far more often than a day is built.
    private volatile WrittenFeed? _written;

    private sealed record WrittenFeed((DateOnly Day, string ETag)[] Versions, byte[] Bytes, string ETag);

    // Each day's entry as rendered, kept with the digest it was rendered from (the store hands out
    // one object per stored version), so a new or rebuilt day renders its own entry, not twenty.
    private readonly ConditionalWeakTable<Digest, string> _entries = new();

    public async Task<IResult> GetFeedAsync(CancellationToken cancellationToken)
    {
        var page = await archive.PageAsync(null, Entries, cancellationToken);
        var versions = page.Versions();
        if (page.Days.Count > 0 && _written is { } written && written.Versions.SequenceEqual(versions))
        {
            return HttpCaching.Cached(written.Bytes, ContentType, written.ETag, HttpCaching.Changing);
        }

        var site = options.PublicBaseUrl.TrimEnd('/');
        var self = new Uri($"{site}/{BriefingsApi.Routes.Prefix}/{BriefingsApi.Routes.Feed}");
        var updated = page.Days.Count == 0 ? time.GetUtcNow() : page.Days.Max(d => d.Digest.GeneratedAt);
        var feed = new SyndicationFeed("Briefings", "The daily news briefing: stories, with every summary sentence citing its sources.", new Uri(site + "/"), self.AbsoluteUri, updated)
        {
            Generator = "Briefings",
            Language = "en",
            Items = [.. page.Days.Select(d => Entry(d.Digest, site))],
        };
        feed.Authors.Add(new SyndicationPerson { Name = "Briefings" });
        feed.Links.Add(SyndicationLink.CreateSelfLink(self, "application/atom+xml"));

        var bytes = Write(feed);
        var etag = HttpCaching.StrongETag(bytes);
        _written = new WrittenFeed(versions, bytes, etag);
        return HttpCaching.Cached(bytes, ContentType, etag, HttpCaching.Changing);
    }

    private SyndicationItem Entry(Digest digest, string site)
    {
        var page = new Uri(site + BriefingsPages.Routes.DayPath(digest.Date));
        var html = _entries.GetValue(digest, d => renderer.Render(d, DigestRenderer.FeedEntryTemplate));
        var headlines = digest.Stories.Count == 0 ? "No stories for this day." : string.Join(" · ", digest.Stories.Take(BriefingsApi.HeadlineStories).Select(s => s.Headline));
        var entry = new SyndicationItem
        {
            // The content's citations lead to entries of the day's coverage list ("#a-…"): the
            // entry's base is the day's page, which has them, not the feed.
            BaseUri = page,
            Id = page.AbsoluteUri,
            Title = new TextSyndicationContent($"Briefing for {DigestView.LongDate(digest.Date)}"),
            LastUpdatedTime = digest.GeneratedAt,
            PublishDate = digest.PublishedAt ?? digest.GeneratedAt, // a rebuilt day is updated, not new
            Summary = new TextSyndicationContent(headlines),
            Content = SyndicationContent.CreateHtmlContent(html),
        };
        entry.Links.Add(SyndicationLink.CreateAlternateLink(page, "text/html"));
        entry.Links.Add(new SyndicationLink(new Uri(site + BriefingsApi.Routes.DayPath(digest.Date)), "alternate", "The briefing as JSON", "application/json", 0));
        return entry;
    }

    private static byte[] Write(SyndicationFeed feed)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        return stream.ToArray();
    }
}
