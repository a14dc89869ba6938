using System.Buffers;
using Briefings.Core.Text;

namespace Briefings.Core.Articles.Parsing;

/// <summary>
/// Plain text: one paragraph per line when lines end sentences (as exported articles do),
/// otherwise blank-line separated blocks with hard-wrapped lines joined.
/// </summary>
public static class PlainTextReader
{
    public static ParsedDocument Read(ReadOnlySpan<char> text)
    {
        // Lines are found as ranges of the text and each paragraph is made into a string once,
        // squashed: every article of a day passes here, and splitting the text into line strings
        // first copied all of it once more.
        var lines = t_lines ??= [];
        lines.Clear();
        var block = 0;
        var blockOpen = false;
        var position = 0;
        while (true)
        {
            var rest = text[position..];
            var newline = rest.IndexOfAny('\r', '\n');
            var line = newline < 0 ? rest : rest[..newline];
            if (line.IsWhiteSpace())
            {
                if (blockOpen)
                {
                    block++;
                    blockOpen = false;
                }
            }
            else
            {
                lines.Add(new Line(position, line.Length, block));
                blockOpen = true;
            }

            if (newline < 0)
            {
                break;
            }

            // "\r\n" is one line break, and so is a "\r" or "\n" alone.
            position += newline + (rest[newline] == '\r' && newline + 1 < rest.Length && rest[newline + 1] == '\n' ? 2 : 1);
        }

        var paragraphs = Wrapped(text, lines) ? JoinedBlocks(text, lines) : EachLine(text, lines);
        var title = TitleCandidate(paragraphs);
        return new ParsedDocument { Title = title, TitleFromText = title is not null, Paragraphs = paragraphs };
    }

    /// <summary>The lines of the text being read on this thread, kept for the next text.</summary>
    [ThreadStatic]
    private static List<Line>? t_lines;

    /// <summary>A line of the text that is not blank, and the blank-line separated block it is in.</summary>
    private readonly record struct Line(int Start, int Length, int Block);

    /// <summary>True when most lines that have another after them in their block end mid-sentence: hard-wrapped text.</summary>
    private static bool Wrapped(ReadOnlySpan<char> text, List<Line> lines)
    {
        var inner = 0;
        var open = 0;
        for (var i = 0; i + 1 < lines.Count; i++)
        {
            if (lines[i + 1].Block == lines[i].Block)
            {
                inner++;
                open += EndsOpen(text.Slice(lines[i].Start, lines[i].Length)) ? 1 : 0;
            }
        }

        return inner >= 3 && open * 2 > inner;
    }

    private static List<string> EachLine(ReadOnlySpan<char> text, List<Line> lines)
    {
        var paragraphs = new List<string>(lines.Count);
        foreach (var line in lines)
        {
            paragraphs.Add(Words.Squash(text.Slice(line.Start, line.Length)));
        }

        return paragraphs;
    }

    /// <summary>Each block's squashed lines joined by a space.</summary>
    private static List<string> JoinedBlocks(ReadOnlySpan<char> text, List<Line> lines)
    {
        var paragraphs = new List<string>();
        var buffer = ArrayPool<char>.Shared.Rent(text.Length);
        var length = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0 && lines[i].Block == lines[i - 1].Block)
            {
                buffer[length++] = ' ';
            }

            length += Words.SquashInto(text.Slice(lines[i].Start, lines[i].Length), buffer.AsSpan(length));
            if (i + 1 == lines.Count || lines[i + 1].Block != lines[i].Block)
            {
                paragraphs.Add(new string(buffer, 0, length));
                length = 0;
            }
        }

        ArrayPool<char>.Shared.Return(buffer);
        return paragraphs;
    }

    /// <summary>The first line that reads like a headline: short, not a sentence of the body, not noise.</summary>
    internal static string? TitleCandidate(IReadOnlyList<string> paragraphs)
    {
        for (var i = 0; i < paragraphs.Count && i < 3; i++)
        {
            var clean = BulletPrefix.Strip(paragraphs[i]);
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

    /// <summary>
    /// Whether the line, squashed, ends mid-sentence (a letter, a digit or a comma): squashing only
    /// drops whitespace and zero-width spaces, so the squashed line ends with the last other character.
    /// </summary>
    private static bool EndsOpen(ReadOnlySpan<char> line)
    {
        for (var i = line.Length - 1; i >= 0; i--)
        {
            var ch = line[i];
            if (!char.IsWhiteSpace(ch) && ch != '\u200b')
            {
                return char.IsLetterOrDigit(ch) || ch == ',';
            }
        }

        return false;
    }
}
