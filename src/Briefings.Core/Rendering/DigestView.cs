using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Briefings.Core.Digests;

namespace Briefings.Core.Rendering;

/// <summary>
/// What the templates see: the digest with citations numbered, times formatted, and every URL
/// checked to be http(s), so templates only decide layout and escaping.
/// </summary>
public sealed record DigestView(
    string Date,
    string DateLong,
    string PublishedAt,
    string? UpdatedAt,
    int ArticleCount,
    int StoryCount,
    IReadOnlyList<StoryView> Stories,
    LinksView Links)
{
    /// <summary>"40 stories from 480 articles", "1 story from 5 articles".</summary>
    public string Tally { get; } = Counts.Tally(StoryCount, ArticleCount);

    // A digest is rendered many times over: in several formats when it is built, twice per email,
    // and as the day's page and its stories' pages, of the one digest object the store keeps parsed
    // (DigestStore.GetAsync). Its stories' views (the citation labels, the formatted times) depend
    // on the links only through the page link (a citation of an article the rendering does not
    // list links its entry on the story's own page, under it), so they are made once per digest,
    // coverage limit and page link. They are immutable: Scriban will not set a record's init-only
    // members, so a template cannot change what another rendering shows (RenderingTests checks it).
    private static readonly ConditionalWeakTable<Digest, ConcurrentDictionary<(int Limit, string? Page), IReadOnlyList<StoryView>>> StoryViews = new();

    /// <summary>The view of a digest; with <paramref name="coverageLimit"/> above 0, each story lists at most that many articles.</summary>
    public static DigestView From(Digest digest, LinksView links, int coverageLimit = 0)
    {
        var stories = StoryViews.GetValue(digest, _ => new())
            .GetOrAdd((Math.Max(0, coverageLimit), links.Page), key => [.. digest.Stories.Select((s, i) => StoryView.From(s, i + 1, key.Limit, key.Page))]);
        return new DigestView(
            digest.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            LongDate(digest.Date),
            UtcTime(digest.PublishedAt ?? digest.GeneratedAt),
            digest.PublishedAt is { } first && first != digest.GeneratedAt ? UtcTime(digest.GeneratedAt) : null,
            digest.ArticleCount,
            stories.Count,
            stories,
            links);
    }

    /// <summary>A day as a reader says it: "Saturday, 21 November 2026".</summary>
    public static string LongDate(DateOnly day) => day.ToString("dddd, d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>
    /// A time as every rendering shows one, "2026-11-21 05:00 UTC", whatever offset it carries (a
    /// schedule in another zone stamps its occurrence with that zone's; an article keeps its outlet's).
    /// </summary>
    internal static string UtcTime(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>The URL when it is an absolute http(s) one, the only kind a rendering links to; else null.</summary>
    internal static Uri? SafeUri(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;
}

/// <summary>
/// Links the page and email offer; null when not applicable. <see cref="PreviousDate"/> and
/// <see cref="NextDate"/> name the days the previous and next links lead to.
/// </summary>
public sealed record LinksView(
    string Home,
    string? Page,
    string? Archive,
    string? Unsubscribe,
    string? Previous = null,
    string? Next = null,
    string? PreviousDate = null,
    string? NextDate = null);

/// <summary>
/// A story as the templates see it. <see cref="Coverage"/> is what a rendering lists of
/// <see cref="Articles"/>: all of them, or the first so many when the rendering has a coverage
/// limit (the email), with <see cref="MoreReports"/> saying how many are left out.
/// </summary>
public sealed record StoryView(
    string Id,
    int Number,
    string Headline,
    IReadOnlyList<SentenceView> Summary,
    IReadOnlyList<ArticleView> Articles,
    IReadOnlyList<ArticleView> Coverage,
    int MoreReports,
    IReadOnlyList<string> Sources,
    string SourcesText,
    int Reports,
    IReadOnlyList<QuoteView> Quotes,
    IReadOnlyList<FigureView> Figures,
    string? Developing)
{
    /// <summary>How much coverage the story had (<see cref="Counts.Coverage"/>).</summary>
    public string ReportsText { get; } = Counts.Coverage(Articles.Count, Reports);

    /// <summary>
    /// The articles the story's summary, quotes and figures cite that its coverage list leaves out
    /// (a rendering that lists fewer than the story has), in number order: the text renderings,
    /// which cannot link a citation to the story's page, name them after the list.
    /// </summary>
    public IReadOnlyList<ArticleView> CitedBeyond { get; } = CitedOutside(Coverage, Summary, Quotes, Figures);

    private static List<ArticleView> CitedOutside(IReadOnlyList<ArticleView> coverage, IReadOnlyList<SentenceView> summary, IReadOnlyList<QuoteView> quotes, IReadOnlyList<FigureView> figures)
    {
        var listed = coverage.Select(a => a.Number).ToHashSet();
        return summary.SelectMany(s => s.Citations)
            .Concat(quotes.Select(q => q.Citation))
            .Concat(figures.Select(f => f.Citation))
            .OfType<ArticleView>()
            .Where(a => !listed.Contains(a.Number))
            .DistinctBy(a => a.Number)
            .OrderBy(a => a.Number)
            .ToList();
    }

    /// <summary>
    /// A quotation as a reader sees it: one that begins mid-sentence ("reflect its increasing
    /// isolation…") opens with an ellipsis, as news style marks words taken from inside a sentence.
    /// </summary>
    public static string AsQuoted(string text) => text.Length > 0 && char.IsLower(text[0]) ? "…" + text : text;

    /// <summary>
    /// The view of a story whose rendering lists at most <paramref name="coverageLimit"/> articles
    /// (0: all). A citation of an article left out of the list that has no URL of its own links its
    /// entry on the story's own page, under <paramref name="page"/> (the rendering's page link).
    /// </summary>
    public static StoryView From(Story story, int number, int coverageLimit = 0, string? page = null)
    {
        var articles = story.Articles.Select((a, i) => ArticleView.From(a, story.Id, i + 1)).ToList();
        for (var i = coverageLimit > 0 && page is not null ? coverageLimit : articles.Count; i < articles.Count; i++)
        {
            if (articles[i].Url is null)
            {
                articles[i] = articles[i] with { Href = $"{page}/stories/{story.Id}#{articles[i].Anchor}" };
            }
        }

        var byId = articles.ToDictionary(a => a.Id);
        var summary = story.Summary.Select(s => new SentenceView(
            s.Text,
            s.Sources.Where(byId.ContainsKey).Select(id => byId[id]).OrderBy(a => a.Number).ToList())).ToList();
        var outlets = story.Articles.ToDictionary(a => a.Id, a => a.Source);
        var quotes = story.Quotes.Select(q => new QuoteView(AsQuoted(q.Text), q.Speaker, q.ArticleId, byId.GetValueOrDefault(q.ArticleId))).ToList();
        var figures = story.Figures.Select(f => new FigureView(
            f.Value, f.Context, f.Speaker, FigureView.AttributionOf(f.Speaker, outlets.GetValueOrDefault(f.ArticleId)), f.ArticleId, byId.GetValueOrDefault(f.ArticleId))).ToList();
        var developing = story.Developing is { } d
            ? $"Developing story, day {d.DaysRunning}: first seen {d.FirstSeen.ToString("d MMMM", CultureInfo.InvariantCulture)} ({d.EarlierArticles} earlier article{(d.EarlierArticles == 1 ? "" : "s")}, then “{d.Previously}”). New since:"
            : null;
        var coverage = coverageLimit > 0 && articles.Count > coverageLimit ? articles[..coverageLimit] : articles;
        return new StoryView(story.Id, number, story.Headline, summary, articles, coverage, articles.Count - coverage.Count, story.Sources,
            Counts.CoveredBy(articles.Select(a => a.Source == ArticleView.UnknownSource ? null : a.Source)), story.Reports, quotes, figures, developing);
    }
}

/// <summary>A summary sentence and the articles it cites, in the order the coverage lists them.</summary>
public sealed record SentenceView(string Text, IReadOnlyList<ArticleView> Citations);

/// <summary>
/// An article as its story lists it. A summary sentence cites it many times over, so what a citation
/// shows is made here once, not pieced together by the template at every citation: <see cref="Href"/>
/// (its URL, or else its entry in the story's coverage list, whose id is <see cref="Anchor"/>, on
/// this page or, when the rendering lists fewer articles than the story has, on the story's own) and
/// <see cref="Label"/> (what a screen reader says for the citation). Both are plain text, escaped by
/// the template like every other value.
/// </summary>
public sealed record ArticleView(
    string Id,
    int Number,
    string Title,
    string Source,
    string? Url,
    string? Published,
    string? CopyOf,
    string Anchor,
    string Href,
    string Label)
{
    public static ArticleView From(StoryArticle article, string storyId, int number)
    {
        var uri = DigestView.SafeUri(article.Url);
        var url = uri?.AbsoluteUri;
        var source = OutletOf(article, uri) ?? UnknownSource;
        var anchor = $"a-{storyId}-{number}";
        return new ArticleView(
            article.Id, number, article.Title, source, url,
            article.Published is { } published ? DigestView.UtcTime(published) : null, article.CopyOf,
            anchor, url ?? "#" + anchor, $"Source {number}: {source}, “{article.Title}”");
    }

    /// <summary>What an article's source reads when neither its outlet nor its site is known.</summary>
    public const string UnknownSource = "Unknown source";

    /// <summary>The outlet that carried an article: the one named, else its site; null when neither is known.</summary>
    public static string? OutletOf(StoryArticle article, Uri? url) => article.Source ?? (url is null ? null : SiteOf(url));

    /// <summary>An article without a named outlet is known by its site: "reuters.com" for https://www.reuters.com/….</summary>
    private static string SiteOf(Uri url) =>
        url.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? url.Host[4..] : url.Host;
}

/// <summary>
/// A quotation and who said it. <see cref="Citation"/> is the article that carries it, cited as a
/// summary sentence cites (null only if the digest names an article the story does not list).
/// </summary>
public sealed record QuoteView(string Text, string Speaker, string ArticleId, ArticleView? Citation);

/// <summary>
/// A figure with who gave it: <see cref="Speaker"/>, the one the text names, and
/// <see cref="Attribution"/>, what follows the figure: " (South Korea’s military intelligence)",
/// or ", reported by Defence Talks" when the text names no one ("" for a text without its
/// outlet), and <see cref="Citation"/>, the article it comes from.
/// </summary>
public sealed record FigureView(string Value, string Context, string? Speaker, string Attribution, string ArticleId, ArticleView? Citation)
{
    /// <summary>Who gave a figure, told apart from which outlet carried it (whose name may hold brackets of its own: "CNN (Online News)").</summary>
    public static string AttributionOf(string? speaker, string? outlet) =>
        speaker is not null ? $" ({speaker})" : outlet is not null ? $", reported by {outlet}" : "";
}

/// <summary>Counts as a reader says them.</summary>
public static class Counts
{
    /// <summary>"1 story", "12 stories", "10,000 articles".</summary>
    public static string Of(int count, string one, string many) =>
        $"{count.ToString("N0", CultureInfo.InvariantCulture)} {(count == 1 ? one : many)}";

    /// <summary>"1 story from 5 articles".</summary>
    public static string Tally(int stories, int articles) =>
        $"{Of(stories, "story", "stories")} from {Of(articles, "article", "articles")}";

    /// <summary>
    /// How much coverage a story had: "3 reports", or "5 articles, 4 reports" when some articles
    /// carry the same report (a wire story run by two outlets).
    /// </summary>
    public static string Coverage(int articles, int reports) => articles == reports
        ? Of(reports, "report", "reports")
        : $"{Of(articles, "article", "articles")}, {Of(reports, "report", "reports")}";

    /// <summary>What the coverage list calls an article's outlet when it is not known, in lower case.</summary>
    private const string UnknownOutlet = "unknown source";

    /// <summary>How many outlets a story's "covered by" names before it counts the rest.</summary>
    public const int NamedOutlets = 8;

    /// <summary>
    /// Who covered a story, as "covered by …" ends, from each article's outlet (named or known by
    /// its site; <see cref="ArticleView.OutletOf"/>, null when not known): the outlets, and
    /// how many articles came from an outlet not known ("Defence Talks and 4 articles from unknown
    /// sources", as the coverage list says "Unknown source"),
    /// so that one named outlet among several unknown is not read as the story's only one. A story
    /// of more than <see cref="NamedOutlets"/> outlets names its first so many, most central first,
    /// and counts the others ("… and 242 other outlets"): the coverage list names them all. Empty
    /// when no article's outlet is known.
    /// </summary>
    public static string CoveredBy(IEnumerable<string?> outletOfEachArticle)
    {
        var outlets = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var uncredited = 0;
        foreach (var outlet in outletOfEachArticle)
        {
            if (outlet is null)
            {
                uncredited++;
            }
            else if (seen.Add(outlet))
            {
                outlets.Add(outlet);
            }
        }

        if (outlets.Count == 0)
        {
            return "";
        }

        List<string> parts = outlets.Count <= NamedOutlets
            ? [string.Join(", ", outlets)]
            : [string.Join(", ", outlets.Take(NamedOutlets)), Of(outlets.Count - NamedOutlets, "other outlet", "other outlets")];
        if (uncredited > 0)
        {
            parts.Add(Of(uncredited, $"article from an {UnknownOutlet}", $"articles from {UnknownOutlet}s"));
        }

        return parts.Count == 1 ? parts[0] : $"{string.Join(", ", parts[..^1])} and {parts[^1]}";
    }
}
