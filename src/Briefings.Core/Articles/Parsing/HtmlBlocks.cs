using AngleSharp.Dom;
using Briefings.Core.Text;

namespace Briefings.Core.Articles.Parsing;

/// <summary>Paragraph text of the block elements under a root, innermost blocks only.</summary>
public static class HtmlBlocks
{
    private const string BlockSelector = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, dd, dt, td";
    private const string DroppedSelector = "script, style, noscript, template, iframe, svg, form, nav, aside, footer, figcaption, button, select, object, embed";

    public static List<string> Paragraphs(IElement root)
    {
        foreach (var dropped in root.QuerySelectorAll(DroppedSelector).ToList())
        {
            dropped.Remove();
        }

        var paragraphs = new List<string>();
        foreach (var block in root.QuerySelectorAll(BlockSelector))
        {
            if (block.QuerySelector(BlockSelector) is not null)
            {
                continue;
            }

            var text = Words.Squash(block.TextContent);
            if (text.Length > 0)
            {
                paragraphs.Add(text);
            }
        }

        if (paragraphs.Count == 0)
        {
            paragraphs.AddRange(root.TextContent.Split('\n').Select(Words.Squash).Where(t => t.Length > 0));
        }

        return paragraphs;
    }
}
