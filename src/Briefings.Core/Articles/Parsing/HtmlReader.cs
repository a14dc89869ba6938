using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Briefings.Core.Text;

namespace Briefings.Core.Articles.Parsing;

/// <summary>
/// HTML pages: AngleSharp parses, document metadata (Open Graph, &lt;title&gt;, canonical link,
/// publication time) names the article, and SmartReader (Readability) finds the main content.
/// </summary>
public static class HtmlReader
{
    /// <summary>Pages nested deeper than this are refused rather than walked.</summary>
    public const int MaxDepth = 256;

    public static ParsedDocument Read(string html, string? url)
    {
        if (HtmlNesting.Estimate(html, MaxDepth * 4) > MaxDepth * 4)
        {
            // The tree builder slows quadratically with depth (100,000 nested divs take minutes),
            // so the markup is refused from a cheap scan of its tags before it is parsed.
            throw new ArticleRejectedException($"The HTML nests elements deeper than {MaxDepth} levels.");
        }

        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        IHtmlDocument document;
        try
        {
            document = parser.ParseDocument(html);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new ArticleRejectedException($"The HTML could not be parsed: {e.Message}");
        }

        if (document.Body is null)
        {
            throw new ArticleRejectedException("The HTML has no body.");
        }

        var shape = HtmlShape.Measure(document.DocumentElement, MaxDepth);
        if (shape.Depth > MaxDepth)
        {
            throw new ArticleRejectedException($"The HTML nests elements deeper than {MaxDepth} levels.");
        }

        var title = Meta(document, "og:title") ?? Meta(document, "twitter:title") ?? NonEmpty(document.Title)
            ?? NonEmpty(document.QuerySelector("h1")?.TextContent);
        var source = Meta(document, "og:site_name") ?? Meta(document, "application-name");
        var canonical = Meta(document, "og:url") ?? document.QuerySelector("link[rel=canonical]")?.GetAttribute("href");
        var published = ParseDate(Meta(document, "article:published_time") ?? Meta(document, "date")
            ?? document.QuerySelector("time[datetime]")?.GetAttribute("datetime"));
        var language = NonEmpty(document.DocumentElement.GetAttribute("lang"));

        // What a browser shows when scripts are off is never the article's text (HtmlBlocks drops it
        // too), and SmartReader re-parses the inner markup of every <noscript> looking for lazy
        // images: nested ones made that quadratic (48 KB of them took a second).
        foreach (var noScript in shape.NoScripts)
        {
            noScript.Remove();
        }

        List<string> paragraphs;
        if (shape.Depth > HtmlShape.ExtractionDepth || shape.ExtractionWork > HtmlShape.ExtractionBudget)
        {
            // Too deep, or too much nested text, for Readability to score in time: every block's
            // paragraphs are read instead, in one pass, and the cleaner drops the furniture as usual.
            paragraphs = HtmlBlocks.Paragraphs(document.Body);
        }
        else
        {
            (paragraphs, var siteName, var pageLanguage) = Extract(document, html, url ?? canonical, parser);
            source ??= siteName;
            language ??= pageLanguage;
        }

        return new ParsedDocument
        {
            Title = title is null ? null : Words.Squash(title),
            Source = source is null ? null : Words.Squash(source),
            Url = canonical,
            Published = published,
            Language = language,
            Paragraphs = paragraphs,
        };
    }

    /// <summary>The main content as SmartReader finds it, or every block's paragraphs when it finds none or fails.</summary>
    private static (List<string> Paragraphs, string? SiteName, string? Language) Extract(IHtmlDocument document, string html, string? url, HtmlParser parser)
    {
        try
        {
            // The element SmartReader settles on is read where it stands, as its last step hands it
            // over, rather than parsed again from the HTML it serialises it to.
            IElement? content = null;
            var reader = new SmartReader.Reader(url ?? "https://localhost/", document);
            reader.AddCustomOperationEnd(element => content = element);
            var extracted = reader.GetArticle();
            var paragraphs = extracted.IsReadable && content is not null && !string.IsNullOrWhiteSpace(extracted.Content)
                ? HtmlBlocks.Paragraphs(content)
                : HtmlBlocks.Paragraphs(parser.ParseDocument(html).Body!);
            return (paragraphs, NonEmpty(extracted.SiteName), NonEmpty(extracted.Language));
        }
        catch (Exception e) when (e is not OperationCanceledException and not ArticleRejectedException)
        {
            return (HtmlBlocks.Paragraphs(parser.ParseDocument(html).Body!), null, null);
        }
    }

    internal static DateTimeOffset? ParseDate(string? value) =>
        DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : null;

    private static string? Meta(IDocument document, string name)
    {
        foreach (var meta in document.QuerySelectorAll("meta"))
        {
            var key = meta.GetAttribute("property") ?? meta.GetAttribute("name");
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return NonEmpty(meta.GetAttribute("content"));
            }
        }

        return null;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
