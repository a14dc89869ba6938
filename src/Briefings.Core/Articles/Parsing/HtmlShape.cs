using AngleSharp.Dom;

namespace Briefings.Core.Articles.Parsing;

/// <summary>
/// What the reader needs to know about a parsed page before it looks for the article, found in
/// one walk of the tree: how deep it nests, its <c>&lt;noscript&gt;</c> elements, and how much work
/// finding the main content (SmartReader, a port of Readability) would take.
/// </summary>
/// <param name="Depth">The deepest element's depth; the walk stops once it passes the limit it was given.</param>
/// <param name="ExtractionWork">
/// The sum over the page's elements and characters of the square of their depth. Readability scores
/// and cleans every block by the text beneath it and by the text of each block nested inside it, so
/// a character under d elements is looked at about d² times: its work grows with the text times the
/// square of the depth the text sits at (200 divs nested round 8 KB of text took it half a second).
/// Script and style text, which Readability removes first, is left out.
/// </param>
/// <param name="NoScripts">The outermost <c>&lt;noscript&gt;</c> elements; nothing inside them is counted, as the reader removes them.</param>
internal sealed record HtmlShape(int Depth, long ExtractionWork, IReadOnlyList<IElement> NoScripts)
{
    /// <summary>
    /// Pages nested deeper than this are not handed to Readability: its cost per element grows with
    /// depth too (200 empty nested divs took it 100 ms), and article pages are far shallower
    /// (Lighthouse already calls a page deeper than 32 excessive).
    /// </summary>
    public const int ExtractionDepth = 64;

    /// <summary>
    /// The most work the reader lets Readability do: about 100–150 ms on one idle core (1.5–5 ns a
    /// unit, measured), and far above a news page: 50 KB of article text 20 elements deep is 20 million.
    /// </summary>
    public const long ExtractionBudget = 32_000_000;

    public static HtmlShape Measure(IElement root, int maxDepth)
    {
        long work = 0;
        var deepest = 0;
        var noScripts = new List<IElement>();
        var stack = new Stack<(INode Node, int Depth)>();
        stack.Push((root, 1));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            if (node is IText text)
            {
                work += (long)text.Data.Length * depth * depth;
                continue;
            }

            work += (long)depth * depth;
            deepest = Math.Max(deepest, depth);
            if (deepest > maxDepth)
            {
                break;
            }

            switch ((node as IElement)?.LocalName)
            {
                case "noscript":
                    noScripts.Add((IElement)node);
                    continue;
                case "script" or "style" or "template":
                    continue;
            }

            for (var child = node.FirstChild; child is not null; child = child.NextSibling)
            {
                if (child.NodeType is NodeType.Element or NodeType.Text)
                {
                    stack.Push((child, depth + 1));
                }
            }
        }

        return new HtmlShape(deepest, work, noScripts);
    }
}
