using Briefings.Core.Digests;

namespace Briefings.Core.Rendering;

/// <summary>
/// What the archive template sees: a page of days with their headline stories, a link to older
/// days, and a notice when the page stands in for a day that is missing. <paramref name="Listed"/>
/// is false for a page that says only what went wrong, with no days read to list.
/// </summary>
public sealed record ArchiveView(
    string Title,
    string? Notice,
    IReadOnlyList<ArchiveDayView> Days,
    string? Older,
    LinksView Links,
    bool Listed = true);

public sealed record ArchiveDayView(string Date, string DateLong, string Href, int StoryCount, int ArticleCount, IReadOnlyList<ArchiveStoryView> Stories)
{
    /// <summary>"12 stories from 140 articles".</summary>
    public string Tally { get; } = Counts.Tally(StoryCount, ArticleCount);

    /// <summary>A day as the archive lists it; <paramref name="href"/> is its page.</summary>
    public static ArchiveDayView From(Digest digest, string href, int headlines) => new(
        digest.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        DigestView.LongDate(digest.Date),
        href,
        digest.Stories.Count,
        digest.ArticleCount,
        [.. digest.Stories.Take(headlines).Select(s => new ArchiveStoryView(
            s.Headline, $"{href}#story-{s.Id}", s.Articles.Count, s.Reports, Counts.CoveredBy(s.Articles.Select(a => ArticleView.OutletOf(a, DigestView.SafeUri(a.Url))))))]);
}

public sealed record ArchiveStoryView(string Headline, string Href, int ArticleCount, int Reports, string SourcesText)
{
    /// <summary>"3 reports", or "5 articles, 4 reports", as the day's page words it.</summary>
    public string ReportsText { get; } = Counts.Coverage(ArticleCount, Reports);
}
