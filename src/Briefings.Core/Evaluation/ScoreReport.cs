using System.Globalization;

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
}
