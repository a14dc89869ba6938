using System.Text.Json.Serialization;

namespace Briefings.Core.Evaluation;

/// <summary>
/// What <see cref="DigestScorer"/> measures. The JSON names are the reference scorer's, so
/// either one's output can be read in place of the other's. Shares are 0 to 1; ROUGE is 0 to 100.
/// </summary>
public sealed record Scores(
    [property: JsonPropertyName("articles")] int Articles,
    [property: JsonPropertyName("gold_stories")] int GoldStories,
    [property: JsonPropertyName("predicted_stories")] int PredictedStories,
    [property: JsonPropertyName("articles_missing")] int ArticlesMissing,
    [property: JsonPropertyName("bcubed_p")] double BCubedPrecision,
    [property: JsonPropertyName("bcubed_r")] double BCubedRecall,
    [property: JsonPropertyName("bcubed_f1")] double BCubedF1,
    [property: JsonPropertyName("pairwise_p")] double PairwisePrecision,
    [property: JsonPropertyName("pairwise_r")] double PairwiseRecall,
    [property: JsonPropertyName("pairwise_f1")] double PairwiseF1,
    [property: JsonPropertyName("rouge1")] double Rouge1,
    [property: JsonPropertyName("rouge2")] double Rouge2,
    [property: JsonPropertyName("rougeL")] double RougeL,
    [property: JsonPropertyName("summary_words_mean")] double SummaryWordsMean,
    [property: JsonPropertyName("sentences_cited")] double SentencesCited,
    [property: JsonPropertyName("citations_in_story")] double CitationsInStory,
    [property: JsonPropertyName("sentences_supported")] double SentencesSupported);
