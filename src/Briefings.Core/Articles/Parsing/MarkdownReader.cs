using AngleSharp.Html.Parser;
using Markdig;

namespace Briefings.Core.Articles.Parsing;

/// <summary>Markdown: Markdig renders it, the first heading is the title, blocks are paragraphs.</summary>
public static class MarkdownReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public static ParsedDocument Read(string markdown)
    {
        string html;
        try
        {
            html = Markdown.ToHtml(markdown, Pipeline);
        }
        catch (ArgumentException e)
        {
            // Markdig refuses input nested past its depth limit by throwing; that is bad input, not a fault.
            throw new ArticleRejectedException($"The Markdown could not be read: {e.Message}");
        }

        var document = new HtmlParser().ParseDocument(html);
        var heading = document.QuerySelector("h1") ?? document.QuerySelector("h2");
        var title = heading is null ? null : Text.Words.Squash(heading.TextContent);
        var paragraphs = HtmlBlocks.Paragraphs(document.Body!);
        title ??= PlainTextReader.TitleCandidate(paragraphs);
        return new ParsedDocument { Title = title, TitleFromText = title is not null, Paragraphs = paragraphs };
    }
}
