using AngleSharp.Dom;

namespace Briefings.Core.Articles.Parsing;

/// <summary>
/// How much work finding the main content (SmartReader, a port of Readability) will take, estimated
/// in one walk of the tree. Readability scores and cleans every block by the text beneath it and by
/// the text of each block nested inside it, so a character under d elements is looked at about d²
/// times: its work grows with the text times the square of the depth the text sits at. A page of
/// 200 divs nested round 8 KB of text took over a second, a real article page a few milliseconds.
/// </summary>
internal static class ExtractionWork
{
    /// <summary>
    /// The most work the reader lets Readability do: about 100–150 ms on one idle core (1.5–5 ns a
    /// unit, measured), and far above a news page: 50 KB of article text 20 elements deep is 20 million.
    /// </summary>
    public const long Budget = 32_000_000;

    /// <summary>The sum over the page's elements and characters of the square of their depth; script and style text, which Readability removes first, is left out.</summary>
    public static long Estimate(IElement root)
    {
        long work = 0;
        var stack = new Stack<(INode Node, long Depth)>();
        stack.Push((root, 1));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            if (node is IText text)
            {
                work += text.Data.Length * depth * depth;
                continue;
            }

            work += depth * depth;
            if (node is IElement { LocalName: "script" or "style" or "template" })
            {
                continue;
            }

            foreach (var child in node.ChildNodes)
            {
                if (child is IElement or IText)
                {
                    stack.Push((child, depth + 1));
                }
            }
        }

        return work;
    }
}
