using System.Globalization;
using Briefings.Core.Digests;
using Briefings.Core.Summaries.Model;

namespace Briefings.Core.Evaluation;

/// <summary>The scores as four lines of text, laid out and rounded as the reference scorer prints them.</summary>
public static class ScoreReport
{
    public static string Text(Scores s) => string.Create(CultureInfo.InvariantCulture, $"""
        articles {s.Articles}  gold stories {s.GoldStories}  predicted stories {s.PredictedStories}  left out {s.ArticlesMissing}
        grouping   B-cubed P {s.BCubedPrecision:F4} R {s.BCubedRecall:F4} F1 {s.BCubedF1:F4}   pairwise P {s.PairwisePrecision:F4} R {s.PairwiseRecall:F4} F1 {s.PairwiseF1:F4}
        summaries  ROUGE-1 {s.Rouge1:F2}  ROUGE-2 {s.Rouge2:F2}  ROUGE-L {s.RougeL:F2}  mean words {s.SummaryWordsMean:F0}
        attribution  sentences citing a source {s.SentencesCited:F3}  citations inside the story {s.CitationsInStory:F3}  sentences supported by a cited article {s.SentencesSupported:F3}

        """).ReplaceLineEndings("\n");

    /// <summary>
    /// Which path wrote the digest's summaries, when a model had a part in it: how many stories it
    /// wrote (and how many of those after a correction), and why the others kept their extractive
    /// summary, by kind. Null when every story is extractive and nothing was asked of a model.
    /// </summary>
    public static string? Paths(Digest digest)
    {
        var stories = digest.Stories;
        if (!stories.Any(s => s.SummaryMethod == SummaryMethods.Model || s.SummaryNote is not null))
        {
            return null;
        }

        var model = stories.Count(s => s.SummaryMethod == SummaryMethods.Model);
        var repaired = stories.Count(s => s.SummaryMethod == SummaryMethods.Model && s.SummaryNote is not null);
        var reasons = stories
            .Where(s => s.SummaryMethod != SummaryMethods.Model)
            .GroupBy(s => s.SummaryNote is { } note ? Verdict.KindOf(note.StartsWith(ModelStoryWriter.FallbackNote, StringComparison.Ordinal) ? note[ModelStoryWriter.FallbackNote.Length..] : note) : "not asked")
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} {g.Count()}");
        return string.Create(CultureInfo.InvariantCulture, $"summary paths  model {model} of {stories.Count} ({repaired} after a correction)  extractive {stories.Count - model}: {string.Join(", ", reasons)}\n");
    }
}
