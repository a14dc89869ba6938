using System.Globalization;
using Briefings.Core.Text;

namespace Briefings.Core.Summaries.Model;

/// <summary>The outcome of checking a model answer: null <see cref="Problem"/> means every check passed.</summary>
public sealed record Verdict(string? Problem)
{
    public static Verdict Pass { get; } = new((string?)null);

    public bool Passed => Problem is null;

    public static Verdict Fail(string kind, string detail) => new($"{kind}: {detail}");

    /// <summary>The kind a problem opens with: "unsupported name: 'joe' in …" is of the kind "unsupported name".</summary>
    public static string KindOf(string problem)
    {
        var colon = problem.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? problem : problem[..colon];
    }
}

/// <summary>
/// Checks a model's headline and sentences against the numbered passages it was given, before any
/// of it reaches a reader. A sentence passes when it cites at least one passage and only passages
/// of the story, every number in it occurs in a passage it cites, every capitalised word (a name)
/// does too, and at least <see cref="MinSupport"/> of its content words do. The headline cites
/// nothing, so its numbers, names and words are checked against all the passages.
/// </summary>
public static class ModelSummaryVerifier
{
    /// <summary>The share of a sentence's content words that must occur in the passages it cites.</summary>
    public const double MinSupport = 0.7;

    /// <summary>Bounds on the whole summary: the prompt asks for 60–100 words and gets some slack.</summary>
    public const int MinWords = 30;

    public const int MaxWords = 130;

    public const int MaxHeadlineWords = 20;

    /// <summary>
    /// A sentence retells what an earlier briefing told when this share of its content stems one told
    /// sentence holds: the measure by which the extractive summary of a developing story leaves told
    /// facts out (<see cref="SummaryOptions.ToldOverlap"/>).
    /// </summary>
    public const double RetellOverlap = SummaryOptions.DefaultToldOverlap;

    /// <summary>A developing story's answer is held to telling what is new only when its passages hold at least this many sentences no earlier briefing told.</summary>
    public const int MinNewSentences = 3;

    public static Verdict Check(ModelAnswer answer, IReadOnlyDictionary<int, string> passages, IReadOnlySet<string>? ordinary = null) =>
        Problems(answer, passages, ordinary).FirstOrDefault() ?? Verdict.Pass;

    /// <summary>
    /// Every check the answer fails, in the order <see cref="Check"/> meets them: a malformed or
    /// wrongly sized answer, then each failing sentence (its first problem), then the headline,
    /// then, for a developing story, each sentence past the first that retells what earlier briefings
    /// told while the passages have new things to tell. What the model is told when it is asked to
    /// correct its answer.
    /// </summary>
    /// <param name="answer">The model's answer, tidied.</param>
    /// <param name="passages">The story's passages by number, exactly as the model was shown them.</param>
    /// <param name="ordinary">
    /// The crude stems of the words the digest's articles write in lower case
    /// (<see cref="TextFacts.LowerCaseWords(IEnumerable{string})"/>): a word capitalised only for opening a sentence or
    /// standing in a Title Case headline is not taken for a name when it is one of them.
    /// </param>
    /// <param name="told">What earlier briefings told of the story (its summary sentences, quotes and figures' sentences), as the prompt showed it.</param>
    public static IEnumerable<Verdict> Problems(ModelAnswer answer, IReadOnlyDictionary<int, string> passages, IReadOnlySet<string>? ordinary = null, IReadOnlyList<string>? told = null)
    {
        if (string.IsNullOrWhiteSpace(answer.Headline))
        {
            yield return Verdict.Fail("malformed answer", "no headline");
            yield break;
        }

        if (answer.Sentences is not { Count: > 0 } sentences)
        {
            yield return Verdict.Fail("malformed answer", "no sentences");
            yield break;
        }

        if (sentences.Any(s => string.IsNullOrWhiteSpace(s.Text)))
        {
            yield return Verdict.Fail("malformed answer", "an empty sentence");
            yield break;
        }

        var words = sentences.Sum(s => Words.Count(s.Text!));
        if (words is < MinWords or > MaxWords)
        {
            yield return Verdict.Fail("wrong length", $"{words} words, not {MinWords}–{MaxWords}");
        }

        if (Words.Count(answer.Headline) > MaxHeadlineWords)
        {
            yield return Verdict.Fail("wrong length", $"a headline of {Words.Count(answer.Headline)} words");
        }

        var facts = TextFacts.OfPassages(passages);
        for (var i = 0; i < sentences.Count; i++)
        {
            var verdict = CheckSentence(sentences[i], i + 1, facts, ordinary);
            if (!verdict.Passed)
            {
                yield return verdict;
            }
        }

        var headline = CheckHeadline(answer.Headline, facts, ordinary);
        if (!headline.Passed)
        {
            yield return headline;
        }

        if (told is { Count: > 0 })
        {
            foreach (var retold in Retold(sentences, passages, told))
            {
                yield return retold;
            }
        }
    }

    /// <summary>
    /// A developing story's summary tells what is new, as its extractive summary does: one sentence
    /// of what earlier briefings told may stay, for context, and each further one is a problem, but
    /// only while the passages hold at least <see cref="MinNewSentences"/> sentences that tell
    /// something else (a day's reports that add nothing leave the model nothing new to say).
    /// </summary>
    internal static IEnumerable<Verdict> Retold(IReadOnlyList<ModelSentence> sentences, IReadOnlyDictionary<int, string> passages, IReadOnlyList<string> told)
    {
        var toldFacts = new ToldFacts(told, RetellOverlap);
        var retold = Enumerable.Range(1, sentences.Count).Where(n => toldFacts.Retells(sentences[n - 1].Text!)).ToList();
        if (retold.Count < 2)
        {
            yield break;
        }

        // A passage's lines after its title are its byline and paragraphs (StoryPassages.Render);
        // a sentence is a statement of six words or more, which no byline is.
        var fresh = passages.Values
            .SelectMany(p => p.Split('\n').Skip(1))
            .SelectMany(Sentences.Split)
            .Count(s => Words.Count(s) >= 6 && !toldFacts.Retells(s));
        if (fresh < MinNewSentences)
        {
            yield break;
        }

        foreach (var n in retold.Skip(1))
        {
            yield return Verdict.Fail("retold", $"sentence {n} tells again what an earlier briefing told, while the passages have new things to tell");
        }
    }

    /// <summary>A headline checked as an answer's is: its numbers, names and words against all the story's passages.</summary>
    public static Verdict CheckHeadline(string headline, IReadOnlyDictionary<int, string> passages, IReadOnlySet<string>? ordinary = null) =>
        CheckHeadline(headline, TextFacts.OfPassages(passages), ordinary);

    /// <summary>One sentence, numbered <paramref name="number"/> in its answer, checked against the passages it cites.</summary>
    public static Verdict CheckSentence(ModelSentence sentence, int number, IReadOnlyDictionary<int, string> passages, IReadOnlySet<string>? ordinary = null) =>
        CheckSentence(sentence, number, TextFacts.OfPassages(passages), ordinary);

    /// <summary><see cref="CheckHeadline(string, IReadOnlyDictionary{int, string}, IReadOnlySet{string}?)"/> with the passages' facts worked out once for the story.</summary>
    internal static Verdict CheckHeadline(string headline, Dictionary<int, TextFacts> facts, IReadOnlySet<string>? ordinary) =>
        CheckText(headline, "the headline", "the story's articles", TextFacts.Union(facts.Values), ordinary);

    /// <summary><see cref="CheckSentence(ModelSentence, int, IReadOnlyDictionary{int, string}, IReadOnlySet{string}?)"/> with the passages' facts worked out once for the story.</summary>
    internal static Verdict CheckSentence(ModelSentence sentence, int number, Dictionary<int, TextFacts> facts, IReadOnlySet<string>? ordinary)
    {
        var sources = sentence.Sources ?? [];
        if (sources.Count == 0)
        {
            return Verdict.Fail("uncited sentence", $"sentence {number} cites no passage");
        }

        foreach (var id in sources)
        {
            if (!facts.ContainsKey(id))
            {
                return Verdict.Fail("invented citation", $"sentence {number} cites passage {id}, which is not one of the story's articles");
            }
        }

        var cited = TextFacts.Union(sources.Distinct().Select(id => facts[id]));
        var cites = sources.Count == 1 ? $"passage {sources[0]}" : $"passages {string.Join(", ", sources.Distinct())}";
        return CheckText(sentence.Text!, $"sentence {number}", cites, cited, ordinary);
    }

    private static Verdict CheckText(string text, string what, string against, TextFacts facts, IReadOnlySet<string>? ordinary)
    {
        foreach (var (shown, value) in TextFacts.ClaimedNumbers(text))
        {
            if (!facts.Numbers.Contains(value))
            {
                return Verdict.Fail("unsupported number", $"{shown} in {what} is not in {against}");
            }
        }

        foreach (var name in TextFacts.CapitalisedWords(text, ordinary))
        {
            if (!facts.HoldsName(name))
            {
                return Verdict.Fail("unsupported name", $"'{name}' in {what} is not in {against}");
            }
        }

        var stems = TextFacts.ContentStems(text);
        var supported = stems.Count(stem => facts.Stems.Contains(stem) || facts.Names.Contains(stem)); // "FDA" is the passages' wording when they spell it out
        if (stems.Count == 0 || supported < MinSupport * stems.Count)
        {
            var share = stems.Count == 0 ? 0 : (double)supported / stems.Count;
            return Verdict.Fail("unsupported wording", $"{share.ToString("P0", CultureInfo.InvariantCulture)} of the words in {what} are in {against}");
        }

        return Verdict.Pass;
    }
}
