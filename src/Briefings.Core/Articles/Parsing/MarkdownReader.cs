using AngleSharp.Html.Parser;
using Markdig;
using Markdig.Renderers;

namespace Briefings.Core.Articles.Parsing;

/// <summary>Markdown: Markdig renders it, the first heading is the title, blocks are paragraphs.</summary>
public static class MarkdownReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    /// <summary>Lines that open more containers (quotes, list items) than this are refused before Markdig sees them.</summary>
    public const int MaxDepth = 32;

    public static ParsedDocument Read(string markdown)
    {
        if (Nesting(markdown) > MaxDepth)
        {
            // Markdig takes seconds to reach its own depth limit on such input (23 KB of "- - - …" took 3 s).
            throw new ArticleRejectedException($"The Markdown nests quotes or lists deeper than {MaxDepth} levels.");
        }

        string html;
        try
        {
            html = ToHtml(markdown);
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

    /// <summary>
    /// Markdown to HTML with a renderer of this call's own. <c>Markdown.ToHtml</c> borrows a renderer
    /// from the pipeline and gives it back even when rendering throws; one that threw inside a tight
    /// list (deeply nested emphasis does) comes back still rendering paragraphs without their
    /// <c>&lt;p&gt;</c>, and every later Markdown article read with it lost its paragraphs.
    /// </summary>
    private static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>The most container markers (&gt;, -, *, +, 1. or 1)) that open any one line.</summary>
    private static int Nesting(string markdown)
    {
        var deepest = 0;
        foreach (var line in markdown.AsSpan().EnumerateLines())
        {
            var depth = 0;
            var i = 0;
            while (i < line.Length)
            {
                while (i < line.Length && line[i] is ' ' or '\t')
                {
                    i++;
                }

                var start = i;
                while (i < line.Length && char.IsAsciiDigit(line[i]) && i - start < 9)
                {
                    i++;
                }

                var quote = i == start && i < line.Length && line[i] == '>';
                var marker = i < line.Length && (i > start ? line[i] is '.' or ')' : line[i] is '-' or '*' or '+');

                // A list marker counts only when followed by a space, so "-----" and "**bold**" do not.
                if (quote || (marker && (i + 1 == line.Length || line[i + 1] is ' ' or '\t')))
                {
                    i++;
                    depth++;
                }
                else
                {
                    break;
                }
            }

            deepest = Math.Max(deepest, depth);
        }

        return deepest;
    }
}
