using System.Buffers;

namespace Briefings.Core.Text;

/// <summary>
/// Splits a paragraph into sentences, keeping abbreviations, initials and decimals whole, and
/// keeping a quotation that runs over several sentences together with its attribution.
/// </summary>
public static class Sentences
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gov", "govs", "sen", "sens", "rep", "reps", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm",
        "pres", "rev", "hon", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "d.c", "e.g", "i.e", "a.m", "p.m", "approx", "dept", "est", "fig", "mt",
        "v", // "Roe v. Wade"
    };

    /// <summary>What can end a sentence: the scan jumps from one to the next.</summary>
    private static readonly SearchValues<char> Ends = SearchValues.Create(".!?…");

    public static List<string> Split(string paragraph)
    {
        var ranges = new List<Range>();
        Ranges(paragraph, ranges);
        var sentences = new List<string>(ranges.Count);
        foreach (var range in ranges)
        {
            sentences.Add(paragraph[range]);
        }

        return sentences;
    }

    /// <summary>
    /// Where the sentences of <see cref="Split"/> lie in the paragraph, added to <paramref name="ranges"/>:
    /// for callers that only read them, so no string is made.
    /// </summary>
    public static void Ranges(string paragraph, List<Range> ranges)
    {
        var text = paragraph;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var ahead = text.AsSpan(i).IndexOfAny(Ends);
            if (ahead < 0)
            {
                break;
            }

            i += ahead;
            var ch = text[i];
            var end = i + 1;
            while (end < text.Length && text[end] is '.' or '!' or '?' or '"' or '”' or '’' or '\'' or ')' or ']')
            {
                end++;
            }

            if (end >= text.Length)
            {
                break;
            }

            if (!char.IsWhiteSpace(text[end]))
            {
                continue;
            }

            var next = end;
            while (next < text.Length && char.IsWhiteSpace(text[next]))
            {
                next++;
            }

            if (next >= text.Length || !StartsSentence(text[next]))
            {
                continue;
            }

            if (ch == '.' && IsAbbreviation(text, start, i, next))
            {
                continue;
            }

            if (InsideQuotation(text, start, end))
            {
                continue;
            }

            AddTrimmed(text, start, end, ranges);
            start = next;
            i = next - 1;
        }

        if (start < text.Length)
        {
            AddTrimmed(text, start, text.Length, ranges);
        }
    }

    /// <summary>Adds the range from <paramref name="start"/> to <paramref name="end"/> without its outer whitespace, unless nothing is left.</summary>
    private static void AddTrimmed(string text, int start, int end, List<Range> ranges)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            ranges.Add(start..end);
        }
    }

    /// <summary>True when a curly quotation opened in this sentence closes later in the paragraph.</summary>
    private static bool InsideQuotation(string text, int start, int end)
    {
        var depth = 0;
        for (var k = start; k < end; k++)
        {
            depth += text[k] switch { '“' => 1, '”' => -1, _ => 0 };
        }

        return depth > 0 && text.IndexOf('”', end) >= 0;
    }

    /// <summary>A word written with a full stop that does not end a sentence: "Inc", "Jr", "Gov" (without the stop).</summary>
    public static bool IsAbbreviation(string word) => Abbreviations.Contains(word);

    private static bool StartsSentence(char ch) => char.IsUpper(ch) || char.IsDigit(ch) || ch is '"' or '“' or '‘' or '\'' or '(' or '[' or '—' or '-';

    private static bool IsAbbreviation(string text, int sentenceStart, int dot, int next)
    {
        var wordStart = dot;
        while (wordStart > sentenceStart && !char.IsWhiteSpace(text[wordStart - 1]) && text[wordStart - 1] is not ('(' or '"' or '“'))
        {
            wordStart--;
        }

        var word = text[wordStart..dot];
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return true; // an initial: "John F. Kennedy"
        }

        if (word.Equals("no", StringComparison.OrdinalIgnoreCase))
        {
            return char.IsDigit(text[next]); // "No. 10", but "the committee voted no. The bill…" ends a sentence
        }

        return Abbreviations.Contains(word);
    }
}
