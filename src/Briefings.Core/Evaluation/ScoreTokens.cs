using System.Text;

namespace Briefings.Core.Evaluation;

/// <summary>
/// Tokens as the reference scorer counts them: runs of <c>[a-z0-9]</c> after lower-casing.
/// Everything else separates, so "don't" is two tokens here (unlike <c>Text.Words</c>) and an
/// accented letter splits a word. Two letters lower-case to ASCII as they do there: the Kelvin
/// sign to "k", and the dotted capital I to "i" followed by a combining dot, which separates.
/// </summary>
public static class ScoreTokens
{
    public static List<string> Of(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var ch in text)
        {
            var lower = ch switch
            {
                >= 'A' and <= 'Z' => (char)(ch + ('a' - 'A')),
                '\u212A' => 'k',
                '\u0130' => 'i',
                _ => ch,
            };
            if (lower is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                current.Append(lower);
            }

            if (lower is not (>= 'a' and <= 'z' or >= '0' and <= '9') || ch == '\u0130')
            {
                Flush(tokens, current);
            }
        }

        Flush(tokens, current);
        return tokens;
    }

    /// <summary>Words as whitespace separates them, which is how a summary's length is counted.</summary>
    public static int WordCount(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var ch in text)
        {
            var space = char.IsWhiteSpace(ch) || ch is >= '\x1c' and <= '\x1f';
            count += !space && !inWord ? 1 : 0;
            inWord = !space;
        }

        return count;
    }

    private static void Flush(List<string> tokens, StringBuilder current)
    {
        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
            current.Clear();
        }
    }
}
