using Briefings.Core.Text;

namespace Briefings.Core.Articles.Parsing;

/// <summary>
/// Plain text: one paragraph per line when lines end sentences (as exported articles do),
/// otherwise blank-line separated blocks with hard-wrapped lines joined.
/// </summary>
public static class PlainTextReader
{
    public static ParsedDocument Read(string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var blocks = new List<List<string>> { new() };
        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                if (blocks[^1].Count > 0)
                {
                    blocks.Add([]);
                }

                continue;
            }

            blocks[^1].Add(Words.Squash(line));
        }

        blocks.RemoveAll(b => b.Count == 0);
        var multiLine = blocks.Where(b => b.Count > 1).SelectMany(b => b.Take(b.Count - 1)).ToList();
        var wrapped = multiLine.Count >= 3 && multiLine.Count(EndsOpen) * 2 > multiLine.Count;
        var paragraphs = wrapped
            ? blocks.Select(b => string.Join(' ', b)).ToList()
            : blocks.SelectMany(b => b).ToList();

        var title = TitleCandidate(paragraphs);
        return new ParsedDocument { Title = title, TitleFromText = title is not null, Paragraphs = paragraphs };
    }

    /// <summary>The first line that reads like a headline: short, not a sentence of the body, not noise.</summary>
    internal static string? TitleCandidate(IReadOnlyList<string> paragraphs)
    {
        foreach (var paragraph in paragraphs.Take(3))
        {
            var clean = BulletPrefix.Strip(paragraph);
            var words = Words.Count(clean);
            if (words <= 6 && Words.Tokens(clean) is { Count: > 0 } tokens && tokens.All(t => t.Length <= 3))
            {
                continue; // a language switcher or a menu, not a title
            }

            if (words is >= 3 and <= 30 && clean.Length <= 220 && !clean.EndsWith('.') && !clean.EndsWith(':'))
            {
                return clean;
            }

            return null;
        }

        return null;
    }

    private static bool EndsOpen(string line) => line.Length > 0 && char.IsLetterOrDigit(line[^1]) || line.EndsWith(',');
}
