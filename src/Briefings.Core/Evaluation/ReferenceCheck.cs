using System.Globalization;
using Briefings.Core.Articles;
using Briefings.Core.Summaries;
using Briefings.Core.Summaries.Model;
using Briefings.Core.Text;

namespace Briefings.Core.Evaluation;

/// <summary>
/// How the model path's checks (<see cref="ModelSummaryVerifier"/>) judge summaries people wrote:
/// each reference summary's sentences and its headline are checked as a model's would be, against
/// the passages the model would be shown for the gold story (<see cref="StoryPassages.Of"/>), with
/// the set's articles standing for the digest's in telling ordinary words from names. A reference
/// often tells what its editor read beyond the articles' leads, which the checks rightly reject,
/// so the figure that tells how strict they are is the share passed among
/// <see cref="SupportedSentences"/>: those whose words the passages hold, as <c>score.py</c>
/// counts a sentence supported (at least <see cref="DigestScorer.SupportedShare"/> of its distinct
/// tokens).
/// </summary>
public sealed record ReferenceCheck(
    int References,
    int ReferencesPassed,
    int SentencesChecked,
    int SentencesPassed,
    int SupportedSentences,
    int SupportedPassed,
    IReadOnlyDictionary<string, int> Problems,
    IReadOnlyDictionary<string, int> SupportedProblems,
    int Headlines,
    int HeadlinesPassed,
    IReadOnlyDictionary<string, int> HeadlineProblems,
    IReadOnlyList<ReferenceCheckFailure> Examples)
{
    /// <summary>Failures kept as examples, of each kind, among the supported sentences and among the headlines.</summary>
    public const int ExamplesOfEachKind = 3;

    /// <summary>A sentence cites every passage holding at least this share of its content words, else the one holding most.</summary>
    public const double CitedShare = 0.5;

    public static ReferenceCheck Run(IReadOnlyList<LabelledArticle> labelled, IReadOnlyList<ReferenceSummary> references, IReadOnlyList<Article> articles)
    {
        var byId = articles.DistinctBy(a => a.Id).ToDictionary(a => a.Id, StringComparer.Ordinal);
        var stories = labelled
            .Where(a => byId.ContainsKey(a.Id))
            .GroupBy(a => a.Story, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(a => byId[a.Id]).DistinctBy(a => a.Id).ToList(), StringComparer.Ordinal);
        var ordinary = TextFacts.LowerCaseWords(byId.Values);
        int checkedReferences = 0, referencesPassed = 0, sentences = 0, passed = 0, supported = 0, supportedPassed = 0, headlines = 0, headlinesPassed = 0;
        var headlineProblems = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var problems = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var supportedProblems = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var examples = new List<ReferenceCheckFailure>();
        void Keep(string story, string problem, string text, bool headline)
        {
            if (examples.Count(e => e.Headline == headline && Verdict.KindOf(e.Problem) == Verdict.KindOf(problem)) < ExamplesOfEachKind)
            {
                examples.Add(new ReferenceCheckFailure(story, problem, text, headline));
            }
        }

        foreach (var reference in references)
        {
            if (!stories.TryGetValue(reference.Story, out var story))
            {
                continue;
            }

            var passages = StoryPassages.Of(story);
            var facts = TextFacts.OfPassages(passages.Texts);
            var stems = passages.Texts.ToDictionary(p => p.Key, p => TextFacts.ContentStems(p.Value).ToHashSet(StringComparer.Ordinal));
            var held = ScoreTokens.Of(string.Join(' ', passages.Texts.Values)).ToHashSet(StringComparer.Ordinal);
            var all = true;
            var split = reference.Summary.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).SelectMany(Sentences.Split).ToList();
            for (var i = 0; i < split.Count; i++)
            {
                var verdict = ModelSummaryVerifier.CheckSentence(new ModelSentence(split[i], Cite(split[i], stems)), i + 1, facts, ordinary);
                var tokens = ScoreTokens.Of(split[i]).ToHashSet(StringComparer.Ordinal);
                var isSupported = tokens.Count > 0 && tokens.Count(held.Contains) >= DigestScorer.SupportedShare * tokens.Count;
                sentences++;
                supported += isSupported ? 1 : 0;
                if (verdict.Passed)
                {
                    passed++;
                    supportedPassed += isSupported ? 1 : 0;
                    continue;
                }

                all = false;
                var kind = Verdict.KindOf(verdict.Problem!);
                problems[kind] = problems.GetValueOrDefault(kind) + 1;
                if (isSupported)
                {
                    supportedProblems[kind] = supportedProblems.GetValueOrDefault(kind) + 1;
                    Keep(reference.Story, verdict.Problem!, split[i], headline: false);
                }
            }

            if (!string.IsNullOrWhiteSpace(reference.Headline))
            {
                var verdict = ModelSummaryVerifier.CheckHeadline(reference.Headline, facts, ordinary);
                headlines++;
                headlinesPassed += verdict.Passed ? 1 : 0;
                if (!verdict.Passed)
                {
                    var kind = Verdict.KindOf(verdict.Problem!);
                    headlineProblems[kind] = headlineProblems.GetValueOrDefault(kind) + 1;
                    Keep(reference.Story, verdict.Problem!, reference.Headline, headline: true);
                }
            }

            checkedReferences++;
            referencesPassed += all && split.Count > 0 ? 1 : 0;
        }

        return new ReferenceCheck(checkedReferences, referencesPassed, sentences, passed, supported, supportedPassed, problems, supportedProblems, headlines, headlinesPassed, headlineProblems, examples);
    }

    /// <summary>The examples, supported sentences first, each with its story and problem.</summary>
    private static string Listed(IReadOnlyList<ReferenceCheckFailure> examples) => examples.Count == 0 ? "" :
        "\nexamples of what fails (supported sentences, then headlines):\n"
        + string.Concat(examples.OrderBy(e => e.Headline).Select(e => $"  [{e.Story}] {e.Problem}\n      {e.Text}\n"));

    /// <summary>The passages a model would cite for a sentence: those that hold most of its content words (each passage's given as stems).</summary>
    private static List<int> Cite(string sentence, Dictionary<int, HashSet<string>> passages)
    {
        var stems = TextFacts.ContentStems(sentence);
        var shares = passages.OrderBy(p => p.Key)
            .Select(p => (Number: p.Key, Share: stems.Count == 0 ? 0 : (double)stems.Count(p.Value.Contains) / stems.Count))
            .ToList();
        var cited = shares.Where(s => s.Share >= CitedShare).Select(s => s.Number).ToList();
        return cited.Count > 0 ? cited : [shares.MaxBy(s => s.Share).Number];
    }

    public string Text()
    {
        string Share(int part, int whole) => whole == 0 ? "-" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";
        string Kinds(IReadOnlyDictionary<string, int> kinds) => kinds.Count == 0 ? "none" : string.Join(", ", kinds.OrderByDescending(k => k.Value).Select(k => $"{k.Key} {k.Value}"));
        return string.Create(CultureInfo.InvariantCulture, $"""
            model checks on the reference summaries (each sentence citing the passages that hold most of its words)
              references whole  {ReferencesPassed} of {References} pass ({Share(ReferencesPassed, References)})
              sentences         {SentencesPassed} of {SentencesChecked} pass ({Share(SentencesPassed, SentencesChecked)}); failing: {Kinds(Problems)}
              supported         {SupportedPassed} of {SupportedSentences} pass ({Share(SupportedPassed, SupportedSentences)}); failing: {Kinds(SupportedProblems)}
              headlines         {HeadlinesPassed} of {Headlines} pass ({Share(HeadlinesPassed, Headlines)}); failing: {Kinds(HeadlineProblems)}
            {Listed(Examples)}
            """).ReplaceLineEndings("\n");
    }
}

/// <summary>One reference sentence or headline the checks failed, and why.</summary>
public sealed record ReferenceCheckFailure(string Story, string Problem, string Text, bool Headline);
