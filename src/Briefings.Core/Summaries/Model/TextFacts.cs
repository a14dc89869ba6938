using System.Text.RegularExpressions;
using Briefings.Core.Articles;
using Briefings.Core.Text;

namespace Briefings.Core.Summaries.Model;

/// <summary>
/// What a piece of text can vouch for: its numbers, its names (its words, the initialisms its
/// capitalised words make, its code names such as "COVID-19") and the crude stems of its content
/// words (to find wording in). Possessives are dropped on both sides, so "Russia's" and "Russia"
/// are the same name.
/// </summary>
internal sealed partial class TextFacts
{
    private static readonly Dictionary<string, string> NumberWords = new(StringComparer.Ordinal)
    {
        ["one"] = "1", ["two"] = "2", ["three"] = "3", ["four"] = "4", ["five"] = "5", ["six"] = "6",
        ["seven"] = "7", ["eight"] = "8", ["nine"] = "9", ["ten"] = "10", ["eleven"] = "11", ["twelve"] = "12",
    };

    private static readonly HashSet<string> SentenceAdverbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "Meanwhile", "Separately", "Additionally", "Earlier", "Later", "Furthermore", "Moreover", "Overall",
        "Together", "Instead", "Elsewhere", "Nonetheless", "Nevertheless", "Previously", "Currently", "Initially",
    };

    private TextFacts(HashSet<string> numbers, HashSet<string> names, HashSet<string> stems)
    {
        Numbers = numbers;
        Names = names;
        Stems = stems;
    }

    public HashSet<string> Numbers { get; }

    public HashSet<string> Names { get; }

    public HashSet<string> Stems { get; }

    /// <summary>
    /// Whether the text vouches for a name as <see cref="CapitalisedWords"/> gives it. A code name
    /// is held whole, or by its word when that is a word of four letters or more ("COVID-19" by a
    /// passage's "Covid"; "G-7" only by "G-7", as "G-20" is another group).
    /// </summary>
    public bool HoldsName(string name)
    {
        if (Names.Contains(NameKey(name)))
        {
            return true;
        }

        var letters = name.TakeWhile(char.IsLetter).Count();
        return letters >= 4 && letters < name.Length && char.IsDigit(name[letters]) && Names.Contains(name[..letters]);
    }

    public static TextFacts Of(string text)
    {
        var plain = WithoutPossessives(text);
        var tokens = Words.Tokens(plain);
        var numbers = NumbersOf(plain, tokens);
        var names = tokens.Select(NameKey).ToHashSet(StringComparer.Ordinal);
        names.UnionWith(Initialisms(plain));
        names.UnionWith(CodeNames(plain).Select(m => NameKey(CodeNameKey(m.Value))));
        return new TextFacts(numbers, names, ExtractiveSummarizer.ContentWords(plain).Select(Stem).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>
    /// The numbers a text vouches for: its digits (a run of them, with the commas and points inside
    /// it, commas dropped: "1,736" is "1736", "37.3" stays), and its number words from "one" to
    /// "twelve" as digits. One pass over the text, no patterns: it reads whole articles, and a code
    /// name's digits ("COVID-19") only add numbers a claim never asks for.
    /// </summary>
    public static HashSet<string> NumbersOf(IEnumerable<string> texts, bool numberWords = true)
    {
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        var lookup = NumberWords.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> digits = stackalloc char[64];
        Span<char> small = stackalloc char[256];
        foreach (var text in texts)
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (!char.IsAsciiDigit(text[i]) || (i > 0 && char.IsAsciiDigit(text[i - 1])))
                {
                    continue;
                }

                var length = 0;
                var end = i;
                while (end < text.Length && (char.IsAsciiDigit(text[end]) || (text[end] is ',' or '.' && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1]))))
                {
                    if (text[end] != ',' && length < digits.Length)
                    {
                        digits[length++] = text[end];
                    }

                    end++;
                }

                numbers.Add(new string(digits[..length]));
                i = end - 1;
            }

            if (!numberWords)
            {
                continue;
            }

            char[]? rented = null;
            var buffer = text.Length <= small.Length ? small : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(text.Length));
            foreach (var token in Words.Spans(text, buffer))
            {
                if (token.Length <= 6 && lookup.TryGetValue(token, out _, out var value))
                {
                    numbers.Add(value);
                }
            }

            if (rented is not null)
            {
                System.Buffers.ArrayPool<char>.Shared.Return(rented);
            }
        }

        return numbers;
    }

    private static HashSet<string> NumbersOf(string plain, List<string>? tokens)
    {
        var numbers = NumbersIn(plain).ToHashSet(StringComparer.Ordinal);
        foreach (var token in tokens ?? Words.Tokens(plain))
        {
            if (NumberWords.TryGetValue(token, out var digits))
            {
                numbers.Add(digits);
            }
        }

        return numbers;
    }

    /// <summary>
    /// The initialisms a text vouches for: each dotted one as its letters ("U.S." is "us", as "US"
    /// is), and the initials of every stretch of two to eight consecutive capitalised words, joining
    /// words aside ("Food and Drug Administration" gives "fda", "Centers for Disease Control and
    /// Prevention" gives "cdc" among others): a summary may shorten a name the passages spell out.
    /// </summary>
    private static List<string> Initialisms(string text)
    {
        var found = new List<string>();
        var run = new List<string>(); // the initials of the capitalised words read since the last break
        foreach (var raw in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var word = raw.Trim(WordEdges);
            var dotted = Dotted(word);
            if (raw[0] is '(' or '"' or '“' or '‘' or '[')
            {
                Close(run, found);
            }

            if (word.Length > 0 && char.IsUpper(word[0]))
            {
                run.Add(dotted ?? word[..1]);
            }
            else if (run.Count == 0 || !Joining.Contains(word))
            {
                Close(run, found);
            }

            if (dotted is not null)
            {
                found.Add(dotted);
            }

            // Punctuation after a word ends the name, but for a dotted initialism's own full stop.
            if (raw[^1] is ',' or ';' or ':' or ')' or '!' or '?' or '"' or '”' || (raw[^1] == '.' && dotted is null))
            {
                Close(run, found);
            }
        }

        Close(run, found);
        return found;
    }

    /// <summary>
    /// Adds the initials of every stretch of two to <see cref="LongestInitialism"/> of a run's words,
    /// then empties the run: a run is as long as the text makes it, its initialisms are not.
    /// </summary>
    private static void Close(List<string> run, List<string> found)
    {
        for (var from = 0; from < run.Count; from++)
        {
            for (var to = from + 2; to <= Math.Min(run.Count, from + LongestInitialism); to++)
            {
                found.Add(string.Concat(run.Skip(from).Take(to - from)).ToLowerInvariant());
            }
        }

        run.Clear();
    }

    private const int LongestInitialism = 8;

    /// <summary>The letters of a dotted initialism ("U.S", its last full stop trimmed, is "us"), or null.</summary>
    private static string? Dotted(string word)
    {
        if (word.Length < 3 || word.Length % 2 == 0)
        {
            return null;
        }

        for (var k = 0; k < word.Length; k++)
        {
            if (k % 2 == 0 ? !char.IsLetter(word[k]) : word[k] != '.')
            {
                return null;
            }
        }

        return string.Concat(word.Where(char.IsLetter)).ToLowerInvariant();
    }

    /// <summary>Words that join a name's capitalised words without giving it an initial.</summary>
    private static readonly HashSet<string> Joining = new(StringComparer.Ordinal) { "of", "and", "for", "the", "a", "an", "on", "in", "&" };

    /// <summary>Each numbered passage's facts.</summary>
    public static Dictionary<int, TextFacts> OfPassages(IReadOnlyDictionary<int, string> passages) =>
        passages.ToDictionary(p => p.Key, p => Of(p.Value));

    public static TextFacts Union(IEnumerable<TextFacts> parts)
    {
        var union = new TextFacts([], [], []);
        foreach (var part in parts)
        {
            union.Numbers.UnionWith(part.Numbers);
            union.Names.UnionWith(part.Names);
            union.Stems.UnionWith(part.Stems);
        }

        return union;
    }

    /// <summary>
    /// Digit runs with their separators, thousands commas removed: "12,000" is "12000", "1.5" stays.
    /// The digits of a code name ("COVID-19", "G-7", "Q2") are part of the name, not a number.
    /// </summary>
    public static IEnumerable<(string Shown, string Value)> NumbersWithText(string text)
    {
        var plain = WithoutPossessives(text);
        var names = CodeNames(plain).Select(m => (m.Index, End: m.Index + m.Length)).ToList();
        return NumberPattern().Matches(plain)
            .Where(m => !names.Any(n => m.Index >= n.Index && m.Index < n.End))
            .Select(m => (m.Value, m.Value.Replace(",", "", StringComparison.Ordinal)));
    }

    /// <summary>
    /// The numbers a sentence claims: its digits (<see cref="NumbersWithText"/>) and its number
    /// words from "two" to "twelve" standing alone, read as digits ("one" is as often a pronoun as
    /// a count, and "Fifty-five" is not five).
    /// </summary>
    public static IEnumerable<(string Shown, string Value)> ClaimedNumbers(string text) =>
        NumbersWithText(text).Concat(TrimmedWords(text)
            .Where(word => !word.Equals("one", StringComparison.OrdinalIgnoreCase) && NumberWords.ContainsKey(word.ToLowerInvariant()))
            .Select(word => (word, NumberWords[word.ToLowerInvariant()])));

    /// <summary>
    /// The words the texts write in lower case somewhere, as crude stems (<see cref="Stem"/>):
    /// ordinary words, which a word capitalised only for opening a sentence or standing in a Title
    /// Case headline is not taken for a name when it is one ("Roughly", "Several"; "Urges" where
    /// "urged" is written).
    /// </summary>
    public static HashSet<string> LowerCaseWords(IEnumerable<Article> articles) =>
        LowerCaseWords(articles.SelectMany(a => a.Paragraphs.Prepend(a.Title)));

    /// <inheritdoc cref="LowerCaseWords(IEnumerable{Article})"/>
    public static HashSet<string> LowerCaseWords(IEnumerable<string> texts)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            foreach (var word in TrimmedWords(text))
            {
                if (char.IsLower(word[0]))
                {
                    words.UnionWith(Words.Tokens(WithoutPossessives(word)).Select(Stem));
                }
            }
        }

        return words;
    }

    /// <summary>
    /// Words of letters and digits, hyphens between, that open on a letter and hold a capital and a
    /// digit ("COVID-19", "G-7", "K-12", "Q2"): names, matched whole and never read for a number.
    /// An amount with its unit ("$3.2B", "15-Week") opens on its digits and stays a number.
    /// </summary>
    private static IEnumerable<Match> CodeNames(string text) =>
        HyphenatedWord().Matches(text).Where(m => char.IsLetter(m.Value[0]) && m.Value.Any(char.IsDigit) && m.Value.Any(char.IsUpper));

    /// <summary>A code name's form for matching: lower case, no hyphens ("covid19").</summary>
    private static string CodeNameKey(string name) => name.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();

    /// <summary>
    /// Capitalised words, which stand for names. A sentence's first word is capitalised anyway, as
    /// is every word of a Title Case headline, so such a word is left out when it is a function
    /// word, a sentence adverb ("Meanwhile", "Separately"), a number word (checked as a number), or
    /// one of <paramref name="ordinary"/> (<see cref="LowerCaseWords(IEnumerable{string})"/>); function words are never
    /// names.
    /// </summary>
    public static IEnumerable<string> CapitalisedWords(string text, IReadOnlySet<string>? ordinary = null)
    {
        foreach (var name in CodeNames(WithoutPossessives(text)))
        {
            yield return CodeNameKey(name.Value);
        }

        var words = TrimmedWords(text).ToList();
        // In Title Case, as a headline may be written, every word is capitalised as a first word is.
        var titleCase = IsTitleCase(words);
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var capitalisedAnyway = i == 0 || titleCase;
            if (!char.IsUpper(word[0]) || CodeNames(word).Any()
                || (capitalisedAnyway && (SentenceAdverbs.Contains(word) || NumberWords.ContainsKey(word.ToLowerInvariant()))))
            {
                continue;
            }

            if (Dotted(word) is { } letters)
            {
                yield return letters; // "U.S." is one name, as the passages' "US" or "U.S." is
                continue;
            }

            foreach (var token in Words.Tokens(WithoutPossessives(word)))
            {
                if (!StopWords.Contains(token) && !token.All(char.IsDigit) && !(capitalisedAnyway && ordinary?.Contains(Stem(token)) == true))
                {
                    yield return token;
                }
            }
        }
    }

    /// <summary>Whether most of a text's words, function words aside, are capitalised: three or more, and four in five.</summary>
    private static bool IsTitleCase(List<string> words)
    {
        var content = words.Where(w => char.IsLetter(w[0]) && !StopWords.Contains(w.ToLowerInvariant())).ToList();
        return content.Count >= 3 && content.Count(w => char.IsUpper(w[0])) * 5 >= content.Count * 4;
    }

    /// <summary>Content words of a sentence, as stems.</summary>
    public static List<string> ContentStems(string text) =>
        ExtractiveSummarizer.ContentWords(WithoutPossessives(text)).Select(Stem).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>A name's form for matching: a plural or genitive "s" does not make another name.</summary>
    public static string NameKey(string token) => token.Length > 3 && token.EndsWith('s') ? token[..^1] : token;

    /// <summary>A crude stem: plural "s" dropped, then the first six letters ("withdrawal" and "withdraw" agree).</summary>
    public static string Stem(string token)
    {
        var key = NameKey(token);
        return key.Length > 6 ? key[..6] : key;
    }

    /// <summary>A text's words as written, split at white space, with quotes, brackets and punctuation trimmed from their edges.</summary>
    private static IEnumerable<string> TrimmedWords(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(raw => raw.Trim(WordEdges)).Where(word => word.Length > 0);

    private static readonly char[] WordEdges = ['"', '\'', '“', '”', '‘', '’', '(', ')', '[', ']', ',', '.', ';', ':', '!', '?', '—', '–', '-', '…'];

    private static IEnumerable<string> NumbersIn(string text) => NumbersWithText(text).Select(n => n.Value);

    private static string WithoutPossessives(string text) => Possessive().Replace(text, "");

    [GeneratedRegex(@"\d+(?:[.,]\d+)*", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"(?<![\p{L}\p{Nd}-])[\p{L}\p{Nd}]+(?:-[\p{L}\p{Nd}]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex HyphenatedWord();

    [GeneratedRegex(@"(?<=\p{L})['’]s\b", RegexOptions.CultureInvariant)]
    private static partial Regex Possessive();
}
