using System.Text.RegularExpressions;
using Briefings.Core.Text;

namespace Briefings.Core.Summaries;

/// <summary>Finds who a sentence attributes its words to: "X said", "said X", "according to X".</summary>
public static partial class Attribution
{
    public static string? SpeakerIn(string text)
    {
        // Most sentences with a number say nothing of who gave it: one search for the verbs spares
        // them the patterns, which try a name at every capital letter.
        if (!text.AsSpan().ContainsAny(Cues))
        {
            return null;
        }

        foreach (var pattern in new[] { NameThenVerb(), VerbThenTitledName(), VerbThenName(), AccordingTo() })
        {
            for (var match = pattern.Match(text); match.Success; match = match.NextMatch())
            {
                if (match.Groups["title"] is { Success: true } title && !IsTitle(title.Value))
                {
                    continue;
                }

                if (Speaker(match.Groups["name"].Value) is { } name)
                {
                    return name;
                }
            }
        }

        // No name, but a role: "an Israeli military spokesman added", "said the 18 scientists".
        for (var role = Role().Match(text); role.Success; role = role.NextMatch())
        {
            if (SpeechVerbAfter(text, role.Index + role.Length) || SpeechVerbBefore(text, role.Index))
            {
                var who = Words.Squash(role.Value);
                return char.ToLowerInvariant(who[0]) + who[1..];
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the text gives words to "he" or "she" ("“…,” she said."), who, in news writing, is
    /// the person the article last named as speaking.
    /// </summary>
    public static bool ByPronoun(string text)
    {
        for (var at = text.IndexOf("he", StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf("he", at + 2, StringComparison.OrdinalIgnoreCase))
        {
            var start = at > 0 && text[at - 1] is 's' or 'S' ? at - 1 : at;
            if ((start == 0 || !char.IsLetter(text[start - 1])) && SpeechVerbAfter(text, at + 2))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a speech verb follows <paramref name="at"/>, straight after a space or after a
    /// clause between commas ("an official, who asked not to be named, said").
    /// </summary>
    private static bool SpeechVerbAfter(string text, int at)
    {
        if (at < text.Length && text[at] == ',' && text.IndexOf(',', at + 1) is var close and > 0 && close - at <= 61)
        {
            at = close + 1;
        }

        return at < text.Length && text[at] == ' ' && IsSpeechVerb(text, at + 1, beforeSpeaker: false);
    }

    /// <summary>Whether the word before <paramref name="at"/> is a speech verb that can precede its speaker ("said the scientists").</summary>
    private static bool SpeechVerbBefore(string text, int at)
    {
        var end = at;
        while (end > 0 && text[end - 1] == ' ')
        {
            end--;
        }

        var start = end;
        while (start > 0 && char.IsAsciiLetterLower(text[start - 1]))
        {
            start--;
        }

        return end > start && (start == 0 || !char.IsLetter(text[start - 1])) && IsSpeechVerb(text, start, beforeSpeaker: true);
    }

    /// <summary>
    /// Whether the word at <paramref name="start"/> is one of the patterns' speech verbs: not
    /// "added" before a number (a rise), and not "told" before the speaker (it names the listener).
    /// </summary>
    private static bool IsSpeechVerb(string text, int start, bool beforeSpeaker)
    {
        var end = start;
        while (end < text.Length && char.IsAsciiLetterLower(text[end]))
        {
            end++;
        }

        var word = text.AsSpan(start, end - start);
        if (!SpeechVerbs.Contains(word) || beforeSpeaker && word is "told" || end < text.Length && char.IsLetterOrDigit(text[end]))
        {
            return false;
        }

        var rest = text.AsSpan(end).TrimStart(' ');
        return !(word.StartsWith("add") && rest.Length > 0 && (char.IsAsciiDigit(rest[0]) || rest[0] is '$' or '€' or '£'));
    }

    /// <summary>
    /// Words that can stand between an employer and a person as the person's title ("director of
    /// research", "the company's chief executive"): content words, "of", "the" and possessives;
    /// not the pronouns, verbs and prepositions of a clause ("announced his American Families
    /// Plan", "said were militant targets across Gaza").
    /// </summary>
    private static bool IsTitle(string words)
    {
        var split = words.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return split.All(w =>
                w is "of" or "the" || w.EndsWith("'s", StringComparison.Ordinal) || w.EndsWith("’s", StringComparison.Ordinal)
                || !StopWords.Contains(w) && !w.EndsWith("ed", StringComparison.Ordinal) && !StopWords.IsKeptPreposition(w))
            && !split.All(w => w is "of" or "the"); // "Fiona Hill of the Brookings Institution" is one name, not a title
    }

    /// <summary>
    /// The name a pattern caught, without a leading article ("The Treasury Department" is the
    /// Treasury Department); null for a pronoun or an article alone ("It said", "The report
    /// said") and for a day or month ("said Monday").
    /// </summary>
    private static string? Speaker(string caught)
    {
        var words = caught.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 1 && words[0] is "The" or "A" or "An")
        {
            words = words[1..];
        }

        if (words.Length == 0)
        {
            return null;
        }

        // A sentence's full stop is not part of the name ("according to AAA."), nor an ellipsis
        // ("said Friday...."); an abbreviation's is ("U.S.", "Jr.").
        var last = words[^1];
        var trimmed = last.TrimEnd('.', '…');
        if (trimmed.Length < last.Length - 1 || last.EndsWith('…')
            || last.EndsWith('.') && last.IndexOf('.') == last.Length - 1 && trimmed is not ("Jr" or "Sr" or "Inc" or "Co" or "Corp" or "Ltd" or "Bros"))
        {
            words[^1] = trimmed;
        }

        // A pronoun or article alone, or a day or month on its own: when something was said ("on
        // Monday said"), not who said it.
        if (words[^1].Length == 0 || Pronouns.Contains(words[0]) || CalendarWords.IsDayOrMonth(words[0]) || words[0] is "Today" or "Yesterday")
        {
            return null;
        }

        // "The New York Democrat said": a description of someone named before, not a body's name.
        return words[^1] is "Democrat" or "Republican" or "Independent" && words.Length > 1
            ? "the " + string.Join(' ', words)
            : string.Join(' ', words);
    }

    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "He", "She", "They", "It", "We", "I", "This", "That", "The", "A", "An", "Its", "Their", "His", "Her",
    };

    /// <summary>The patterns' speech verbs as words, read from their own list.</summary>
    private static readonly string[] SpeechVerbWords = [.. Regex.Matches(Spoke, "[a-z]{4,}").Select(m => m.Value), "told"];

    /// <summary>The speech verbs, to test a word without a pattern.</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SpeechVerbs =
        new HashSet<string>(SpeechVerbWords, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>What every pattern needs somewhere in the text: one of its verbs, or "(A|a)ccording to".</summary>
    private static readonly System.Buffers.SearchValues<string> Cues = System.Buffers.SearchValues.Create([.. SpeechVerbWords, "ccording to"], StringComparison.Ordinal);

    private const string Word = @"[A-Z][\p{L}.'’-]+";

    // Capitalised words from a word's start, joined by particles of names ("Bank of England", "bin
    // Salman", "Centers for Disease Control and Prevention") but never
    // ending in one; after a possessive, up to two lower-case words ("South Korea's military
    // intelligence", "Apple's chief executive"); or the body that speaks for a name ("Biden
    // administration", "Pentagon officials").
    private const string Name = @"(?<name>\b(?:" + Word + @"|[A-Z]{2,})(?:\s+(?:(?:of|the|for|and|de|al|bin|van|von)\s+)*" + Word + @"){0,6}"
        + @"(?:(?<=['’]s)(?:\s+[a-z]+(?:-[a-z]+)*){1,2}|\s+(?:administration|government|officials?|spokes(?:man|woman|person)|campaign|police|authorities))?)";

    // "added" followed by a number is a rise ("the US added 559,000 jobs"), not something said.
    // Not "states", "notes" or "reports" in the present, which are as often nouns ("Treasury
    // notes", "news reports"), nor "asked" or "called", whose object is not the speaker.
    private const string Spoke = @"(?:said|says|(?:added|adds)(?!\s+[$€£]?\d)|wrote|writes|remarked|stated|declared|announced|argued|argues|warned|warns|noted|insisted|insists"
        + @"|explained|explains|claimed|reported|estimated|confirmed|revealed|disclosed|asserted|tweeted|stressed|emphasized|emphasised|acknowledged|conceded"
        + @"|cautioned|testified|admitted|replied|recalled";

    // After a name, "told" too ("Smith told Reuters"); before one, "told X" names the listener.
    private const string Verb = Spoke + "|told)";
    private const string VerbBefore = Spoke + ")";

    // "X said", "X (R-Utah) told reporters", "X, who …, said", "X on Monday said"; not a place or
    // person a preposition governs ("Police in Paris said", "Sources close to Joe Biden said"),
    // nor the tail of a longer name ("Centers for Disease Control and Prevention said").
    [GeneratedRegex(@"(?<!\b(?:in|at|from|of|on|to|for|with|near|by|and)\s+(?:the\s+)?|\p{Lu}[\p{L}.'’-]*\s+)" + Name + @"(?:\s+\([^()]{1,20}\))?(?:,[^,]{1,60},|\s+(?:on\s+)?(?:" + CalendarWords.Days + @")(?:\s+(?:morning|afternoon|evening|night))?)?\s+" + Verb + @"\b")]
    private static partial Regex NameThenVerb();

    // "said Indeed Hiring Lab director of research Nick Bunker": the person after the title, not
    // the employer before it, where the name ends the clause and the words between read as a
    // title (IsTitle: "said Biden in Ohio" names Biden).
    [GeneratedRegex(@"\b" + VerbBefore + @"\s+(?:" + Word + @"\s+){0,4}(?<title>(?:[a-z’'-]+\s+){1,4})" + Name + @"(?=\s*(?:[,.;:]|$))")]
    private static partial Regex VerbThenTitledName();

    [GeneratedRegex(@"\b" + VerbBefore + @"\s+" + Name)]
    private static partial Regex VerbThenName();

    // Someone the text names by role only, with the article that goes with it ("a senior
    // administration official"); people, not the documents that also "say" things. Whether the
    // role speaks is read from the word after or before it, not by a pattern with every verb.
    [GeneratedRegex(@"\b(?:[Aa]n?|[Tt]he)\s+(?:[\p{L}\d-]+\s+){0,3}?(?:spokes(?:man|woman|person)|officials?|aides?|advis[eo]rs?|lawmakers?|diplomats?|ambassador|minister|scientists|researchers|experts|analysts?|economists?|witness(?:es)?|residents?)\b")]
    private static partial Regex Role();

    [GeneratedRegex(@"\b[Aa]ccording to (?:the\s+)?" + Name)]
    private static partial Regex AccordingTo();
}
