using System.Text.RegularExpressions;
using Briefings.Core.Text;

namespace Briefings.Core.Summaries;

/// <summary>
/// Reads a figure in a sentence: the number with its qualifier and scale ("more than a million",
/// "nearly $600 billion", "10 to 30 degrees") and what it counts ("artillery shells", "$1.2
/// trillion bipartisan infrastructure package", "$50 billion Bill and Melinda Gates Foundation"),
/// or tells that a number counts nothing (a year, a day, a rank, a name, a stretch of time looked
/// back over). <see cref="HighlightExtractor"/> chooses a story's key figures among them.
/// </summary>
internal static partial class FigurePhrases
{
    /// <summary>The unit of a figure's amount: "$", "€" or "£" for money, "%" for a share, empty for a count.</summary>
    internal static string Unit(Match match) =>
        match.ValueSpan.IndexOfAny('$', '€', '£') is var at and >= 0 ? match.Value[at].ToString()
        : ScaleOf(match).ToLowerInvariant() is "%" or "percent" or "per cent" ? "%"
        : "";

    /// <summary>
    /// The number's scale: its own group, or the word after it when nothing follows that ("$6
    /// trillion, the largest…" matches with "trillion" as the thing it counts).
    /// </summary>
    internal static string ScaleOf(Match match) =>
        match.Groups["scale"].Success ? match.Groups["scale"].Value : IsScale(match.Groups["w1"].Value) ? match.Groups["w1"].Value : "";

    /// <summary>A word that scales a number ("million", "percent") rather than naming what it counts.</summary>
    internal static bool IsScale(string word) =>
        word.ToLowerInvariant() is "hundred" or "thousand" or "thousands" or "million" or "millions" or "billion" or "billions" or "trillion" or "percent";

    /// <summary>The figure as written ("more than a million artillery shells") and the thing it counts.</summary>
    internal static (string Value, string Thing)? Phrase(Match match, string sentence)
    {
        var number = match.Groups["number"].Value;
        var scale = match.Groups["scale"].Value;
        if (!char.IsDigit(number[0]) && scale.Length == 0 && number is not ("hundreds" or "dozens" or "tens"))
        {
            return null; // "a joint statement", "two countries": words, not figures
        }

        var first = match.Groups["w1"];
        var second = match.Groups["w2"];
        if (CountsNothing(first.Value))
        {
            return null; // "30,000 amid", "hundreds across": no thing counted
        }

        int end;
        string thing;
        if (char.IsUpper(first.Value[0]) && NameGoesOn().Match(sentence, first.Index + first.Length) is { Success: true } goesOn)
        {
            // A name the number goes with, read to its end: "$1.8 trillion American Families Plan",
            // "$50 billion Bill and Melinda Gates Foundation".
            end = goesOn.Index + goesOn.Length;
            for (var more = 0; more < 3 && NameGoesOn().Match(sentence, end) is { Success: true } next; more++)
            {
                end = next.Index + next.Length;
            }

            thing = sentence[(sentence.LastIndexOf(' ', end - 1) + 1)..end];
        }
        else if (second.Success && IsNoun(second.Value) && !(char.IsLower(first.Value[0]) && char.IsLower(second.Value[0]) && IsPlural(first.Value)))
        {
            // The second word belongs to the figure when it is a noun the first qualifies ("artillery
            // shells"), not the verb, adverb or direction that follows it ("scientists stated",
            // "miles west"); a plural is the thing itself, not a word before another ("1 million jobs economists expected";
            // but "124 degrees Fahrenheit").
            (end, thing) = (second.Index + second.Length, second.Value);
        }
        else
        {
            (end, thing) = (first.Index + first.Length, first.Value);

            // Two words joined before the noun they both qualify: "tens of thousands of small and
            // midsize firms", "22 current and former aides"; not two things ("72 actions and recommendations").
            // ("12 people and closed roads" joins two clauses: a verb is no such word.)
            if (!IsPlural(first.Value) && NextWord(sentence, end) is { } conjunction && conjunction.Word is "and" or "or"
                && NextWord(sentence, conjunction.End) is { } modifier && IsModifier(modifier.Word)
                && NextWord(sentence, modifier.End) is { } noun && IsNoun(noun.Word))
            {
                (end, thing) = (noun.End, noun.Word);
            }

            return Result();
        }

        // The noun that two words before it qualify: "$1.2 trillion bipartisan infrastructure
        // package", "27 EU member countries", "$1.7 trillion White House proposal". A plural ends
        // the figure ("23 percentage points last year").
        if (!IsPlural(thing) && NextWord(sentence, end) is { } third && IsNoun(third.Word))
        {
            (end, thing) = (third.End, third.Word);
        }

        return Result();

        // An amount with no noun where the line is cut off right after it ("…and the disabled, $174
        // billion...") says nothing of what it counts.
        (string, string)? Result() =>
            IsScale(thing) && sentence.AsSpan(end).TrimStart() is var rest && (rest.StartsWith("...") || rest.StartsWith("…"))
                ? null
                : (Words.Squash(sentence[Start()..end]), thing.ToLowerInvariant());

        // A range is given whole: "rose 10 to 30 degrees", not "30 degrees"; not a year the
        // sentence runs from ("in fiscal 2021 to more than 1 million").
        int Start() =>
            (char.IsDigit(match.Value[0]) || match.Value[0] is '$' or '€' or '£') && RangeFrom(sentence, match.Index) is var from and >= 0
                ? from
                : match.Index;
    }

    /// <summary>The lowercase word right after <paramref name="at"/> and one space or more ("[a-z][a-z-]*[a-z]", not before an apostrophe); null when another word or mark comes first.</summary>
    private static (string Word, int End)? NextWord(string sentence, int at)
    {
        var start = at;
        while (start < sentence.Length && char.IsWhiteSpace(sentence[start]))
        {
            start++;
        }

        var end = start;
        while (end < sentence.Length && (char.IsAsciiLetterLower(sentence[end]) || sentence[end] == '-' && end > start))
        {
            end++;
        }

        var followedByWord = end < sentence.Length && (char.IsLetterOrDigit(sentence[end]) || sentence[end] is '_' or '\'' or '’');
        return start == at || end - start < 2 || sentence[end - 1] == '-' || followedByWord ? null : (sentence[start..end], end);
    }

    /// <summary>
    /// Where a range's lower end starts, right before the number at <paramref name="at"/> ("10 to ",
    /// "$1.5 to "); -1 when there is none, or when it is a year ("fiscal year 2021 to more than…").
    /// </summary>
    private static int RangeFrom(string sentence, int at)
    {
        var i = at;
        if (i < 4 || !char.IsWhiteSpace(sentence[i - 1]))
        {
            return -1;
        }

        while (i > 0 && char.IsWhiteSpace(sentence[i - 1]))
        {
            i--;
        }

        if (i < 3 || sentence[i - 1] != 'o' || sentence[i - 2] != 't' || !char.IsWhiteSpace(sentence[i - 3]))
        {
            return -1;
        }

        i -= 2;
        while (i > 0 && char.IsWhiteSpace(sentence[i - 1]))
        {
            i--;
        }

        var lowEnd = i;
        while (i > 0 && (char.IsAsciiDigit(sentence[i - 1]) || sentence[i - 1] is ',' or '.'))
        {
            i--;
        }

        if (i == lowEnd || !char.IsAsciiDigit(sentence[i]) || YearPattern().IsMatch(sentence.AsSpan(i, lowEnd - i)))
        {
            return -1;
        }

        if (i > 0 && sentence[i - 1] is '$' or '€' or '£')
        {
            i--;
        }
        else if (i > 1 && char.IsWhiteSpace(sentence[i - 1]) && sentence[i - 2] is '$' or '€' or '£')
        {
            i -= 2;
        }

        return i > 0 && (char.IsLetterOrDigit(sentence[i - 1]) || sentence[i - 1] is '.' or ',' or '$' or '€' or '£') ? -1 : i;
    }

    /// <summary>A word after a number's first word that can be what it counts: not a function word, a verb's -ed or -ing, an adverb, or one of <see cref="NotNouns"/>.</summary>
    private static bool IsNoun(string word) =>
        !CountsNothing(word) && !IsVerbForm(word) && !word.EndsWith("ly", StringComparison.Ordinal);

    /// <summary>A word that can stand before a noun: not a function word, and not a verb's -ed or -ing.</summary>
    private static bool IsModifier(string word) => !StopWords.Contains(word) && !IsVerbForm(word);

    /// <summary>A verb's -ed or -ing form ("stated", "voting").</summary>
    private static bool IsVerbForm(string word) =>
        word.EndsWith("ed", StringComparison.Ordinal) || word.EndsWith("ing", StringComparison.Ordinal);

    /// <summary>A word that reads as a plural ("jobs", "votes"), which news rarely puts before another noun; not "gas", "bus", "crisis", "press", or a plural that does go before one ("news outlets", "arms sales").</summary>
    private static bool IsPlural(string word) =>
        word.Length > 3 && word[^1] is 's' or 'S' && word[^2] is not ('s' or 'u' or 'i' or 'a' or '\'' or '’') && !PluralModifiers.Contains(word);

    private static readonly HashSet<string> PluralModifiers = new(StringComparer.OrdinalIgnoreCase) { "news", "sports", "arms", "sales", "savings", "customs", "goods" };

    /// <summary>A word next to a number that is never what it counts: a function word, a preposition, or one of <see cref="NotNouns"/>.</summary>
    private static bool CountsNothing(string word) =>
        StopWords.Contains(word.ToLowerInvariant()) || StopWords.IsKeptPreposition(word) || NotNouns.Contains(word);

    /// <summary>
    /// A number that counts nothing: a year ("in 2017", "the 2017 tax cuts"; news writes counts of a
    /// thousand or more with a comma), four digits before a name ("the 1619 Project"), "911", a stretch of time looked back over
    /// ("for the first time in 11 months", "over the 12 months"; "within 12 weeks" stays), a day of a month ("Jan. 6 riot", "on 3 November"), a time
    /// ("1330 GMT"), a rank ("the No. 3 Republican"), the base of a rate ("per 100,000 women"), or part of a name ("S&amp;P 500 futures",
    /// "Group of 7 nations").
    /// </summary>
    internal static bool NotACount(string number, string next, string thing, string sentence, int index)
    {
        if (YearPattern().IsMatch(number) || TimeZones.Contains(thing))
        {
            return true;
        }

        // Four digits without a comma before a name are part of it ("the 1619 Project", "the 1776
        // Commission"): news writes a count of a thousand or more with a comma. "911" is a number to call.
        if (number.Length == 4 && number.All(char.IsAsciiDigit) && char.IsUpper(next[0]) || number == "911")
        {
            return true;
        }

        // What comes right before the number decides; the patterns look at its last few words only.
        var before = sentence.AsSpan(0, index).TrimEnd();
        before = before[Math.Max(0, before.Length - 40)..];
        if (TimeSpans.Contains(thing) && LooksBackOver(before, qualified: char.IsLetter(sentence[index]) && char.IsAsciiDigit(number[0])))
        {
            return true; // a stretch of time the sentence looks back over ("for the first time in 11 months", "over the 12 months")
        }

        return before.EndsWith("No.", StringComparison.Ordinal)
            || before.EndsWith(" per", StringComparison.OrdinalIgnoreCase) // a rate's base: "20.1 per 100,000 live births"
            || (number.Length <= 2 && number.All(char.IsAsciiDigit) && (CalendarWords.IsMonth(next) || DayOf().IsMatch(before)))
            || NamedBefore().EnumerateMatches(before) is var names && names.MoveNext() && !StopWords.Contains(before.Slice(names.Current.Index, names.Current.Length).ToString().ToLowerInvariant());
    }

    /// <summary>
    /// Words next to a number that are not what it counts: places, directions and times ("miles
    /// west", "years ago"), "former" ("hundreds of former President Trump's supporters"), and the common verbs whose past is not spelt with -ed ("Afghans flew",
    /// "voters cast") or that follow a noun in the present ("their $1 trillion offer go to roads"). Prepositions ("acres across", "30,000 amid") are the stop words' own.
    /// </summary>
    private static readonly HashSet<string> NotNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "west", "east", "north", "south", "ago", "earlier", "later", "apart", "away", "ahead",
        "worldwide", "nationwide", "overseas", "abroad", "alone", "apiece", "combined", "overall", "annually", "total", "former",
        "flew", "cast", "rose", "fell", "went", "came", "took", "made", "left", "won", "lost", "met", "ran", "saw", "got", "gave",
        "held", "told", "paid", "spent", "sent", "fled", "fought", "brought", "sold", "built", "led", "began", "grew", "remain",
        "remained", "remains", "say", "said", "says", "face", "faced", "go", "goes", "come", "comes", "get", "gets", "need", "needs",
        "want", "wants", "make", "makes", "take", "takes", "expect", "expects", "know", "knows", "think", "thinks", "desired", "requested", "sought",
        "required", "needed", "expected", "estimated", "projected", "predicted", "planned", "allowed",
        "include", "includes", "requires", "provides", "allows", "gives", "seeks", "contains", "reaches", "helps",
    };

    private static readonly HashSet<string> TimeSpans = new(StringComparer.Ordinal) { "hours", "days", "weeks", "months", "years", "decades" };

    /// <summary>
    /// Words right before a stretch of time that look back over it: "the past", "the last",
    /// "previous", "over (the)", "the first time in", "in" before a qualified number ("not seen in
    /// more than 11 months"). A stretch ahead is news and stays a figure ("within 12 weeks", "in
    /// 12 weeks", "after 15 weeks").
    /// </summary>
    private static bool LooksBackOver(ReadOnlySpan<char> before, bool qualified)
    {
        var words = before.TrimEnd();
        if (words.EndsWith(" the", StringComparison.OrdinalIgnoreCase))
        {
            words = words[..^4];
        }

        var at = words.LastIndexOf(' ');
        var last = words[(at + 1)..];
        if (last.Equals("in", StringComparison.OrdinalIgnoreCase))
        {
            var earlier = words[..Math.Max(0, at)].TrimEnd();
            return qualified || earlier.EndsWith(" time", StringComparison.OrdinalIgnoreCase); // "for the first time in 11 months"
        }

        return last.Equals("over", StringComparison.OrdinalIgnoreCase) || last.Equals("past", StringComparison.OrdinalIgnoreCase)
            || last.Equals("last", StringComparison.OrdinalIgnoreCase) || last.Equals("previous", StringComparison.OrdinalIgnoreCase);
    }

    private static readonly HashSet<string> TimeZones = new(StringComparer.Ordinal)
    {
        "gmt", "utc", "et", "est", "edt", "ct", "cst", "cdt", "pt", "pst", "pdt", "bst", "cet", "cest",
    };

    /// <summary>The amount a figure names, to tell different figures for one thing apart.</summary>
    internal static decimal? Amount(string number, string scale)
    {
        decimal value;
        if (!decimal.TryParse(number.Replace(",", "", StringComparison.Ordinal), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out value)
            && !NumberWords.TryGetValue(number.Trim(), out value))
        {
            return null;
        }

        return scale.ToLowerInvariant() switch
        {
            "thousand" or "thousands" => value * 1_000,
            "million" or "millions" => value * 1_000_000,
            "billion" or "billions" => value * 1_000_000_000,
            "trillion" => value * 1_000_000_000_000,
            _ => value,
        };
    }

    /// <summary>The numbers the figure pattern reads as words, by value.</summary>
    private static readonly Dictionary<string, decimal> NumberWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["a"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
        ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["fifteen"] = 15, ["twenty"] = 20, ["thirty"] = 30,
        ["forty"] = 40, ["fifty"] = 50, ["hundred"] = 100, ["hundreds"] = 100, ["dozens"] = 12,
    };

    [GeneratedRegex(@"^(1[89]|20)\d\d$")]
    private static partial Regex YearPattern();

    // "January 6", "Jan. 6", "Sept 11", "on 3".
    [GeneratedRegex(@"\b(?:" + CalendarWords.Months + @"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|on)\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex DayOf();

    // A capitalised word right before the number, alone or with "of": "S&P 500", "Nasdaq 100",
    // "Group of 7", "Section 230". Not the sentence's first word, which is capitalised anyway.
    [GeneratedRegex(@"(?<=\S\s+)[A-Z][\p{L}&'’]*(?=(?:\s+of)?$)")]
    private static partial Regex NamedBefore();

    // The next word of a name: a space and a capitalised word, right where the name so far ends;
    // or "and", "of" or "&" and a capitalised word when the name goes on after it ("Bill and
    // Melinda Gates Foundation", "Department of Homeland Security"), not when it joins two names
    // ("35 House Republicans and Democrats joined").
    [GeneratedRegex(@"\G(?:\s(?:and|of|&)(?=\s[A-Z][\p{L}'’-]*\s[A-Z]))?\s[A-Z][\p{L}'’-]*")]
    private static partial Regex NameGoesOn();

    // "more than a million artillery shells", "about twelve thousand troops", "$1.2 trillion in spending", "15 areas", "30% of voters".
    // What the number counts is looked at ahead, not taken: a match that is no figure ("a nearly",
    // "One facility about") must not swallow the qualifier of the number after it.
    [GeneratedRegex(@"(?<![\w.,$€£#\-–/:])(?:(?:about|around|almost|nearly|over|more than|less than|fewer than|at least|up to|some|roughly|approximately)\s+)?(?:[$€£]\s?)?(?<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundreds|dozens|tens)(?:(?:\s+of)?\s*(?<scale>%|percent|per cent|hundred|thousands?|millions?|billions?|trillion)\b)?(?=(?:\s+of)?\s+(?<w1>[a-z][a-z-]*[a-z])(?:\s+(?<w2>[a-z][a-z-]*[a-z])(?![\w'’-]))?(?![\w-]))", RegexOptions.IgnoreCase)]
    internal static partial Regex Pattern();
}
