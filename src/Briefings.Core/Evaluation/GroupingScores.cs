namespace Briefings.Core.Evaluation;

/// <summary>
/// How well predicted stories match the gold ones. Each article is given as its gold story and
/// its predicted story; an article no story holds must come with a predicted label of its own.
/// </summary>
public static class GroupingScores
{
    /// <summary>
    /// B-cubed: for each article, the share of its predicted story that belongs to its gold story
    /// (precision) and the share of its gold story that its predicted story holds (recall), averaged over articles.
    /// </summary>
    public static Measures BCubed(IReadOnlyList<(string Gold, int Predicted)> labels)
    {
        var (gold, predicted, both) = Sizes(labels);
        double precision = 0, recall = 0;
        foreach (var label in labels)
        {
            var shared = both[label];
            precision += (double)shared / predicted[label.Predicted];
            recall += (double)shared / gold[label.Gold];
        }

        return Measures.Of(precision / labels.Count, recall / labels.Count);
    }

    /// <summary>Over pairs of articles: the pairs put together that belong together, and the pairs that belong together that were put together.</summary>
    public static Measures Pairwise(IReadOnlyList<(string Gold, int Predicted)> labels)
    {
        var (gold, predicted, both) = Sizes(labels);
        var together = Pairs(both.Values);
        var predictedPairs = Pairs(predicted.Values);
        var goldPairs = Pairs(gold.Values);
        return Measures.Of(
            predictedPairs > 0 ? (double)together / predictedPairs : 1.0,
            goldPairs > 0 ? (double)together / goldPairs : 1.0);
    }

    private static long Pairs(IEnumerable<int> sizes) => sizes.Sum(n => (long)n * (n - 1) / 2);

    private static (Dictionary<string, int> Gold, Dictionary<int, int> Predicted, Dictionary<(string, int), int> Both) Sizes(
        IReadOnlyList<(string Gold, int Predicted)> labels)
    {
        if (labels.Count == 0)
        {
            throw new ArgumentException("There are no labelled articles to score.", nameof(labels));
        }

        return (
            labels.CountBy(l => l.Gold, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal),
            labels.CountBy(l => l.Predicted).ToDictionary(),
            labels.CountBy(l => l).ToDictionary());
    }
}
