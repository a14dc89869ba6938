using Briefings.Core.Digests;

namespace Briefings.Core.Evaluation;

/// <summary>
/// Scores a digest built from a labelled set, with the measures and the semantics of the
/// evaluation's reference scorer (<c>score.py</c>):
/// grouping by B-cubed and pairwise precision, recall and F1 over the labelled articles, where
/// an article no story holds counts as a story of its own; summaries by ROUGE-1, -2 and -L F1
/// (×100) against each reference, the predicted story holding most of the gold story's
/// articles standing for it; and attribution: the share of summary sentences that cite an
/// article, of citations that point inside the sentence's story, and of sentences whose
/// distinct tokens occur, at least <see cref="SupportedShare"/> of them, in one cited article's title and body.
/// </summary>
public static class DigestScorer
{
    public const double SupportedShare = 0.8;

    public static Scores Score(IReadOnlyList<LabelledArticle> labelled, IReadOnlyList<ReferenceSummary> references, Digest digest)
    {
        // As a dictionary filled line by line: a repeated id keeps its first place and its last line.
        var (ids, articles) = Keyed(labelled, a => a.Id);
        var predicted = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var k = 0; k < digest.Stories.Count; k++)
        {
            foreach (var article in digest.Stories[k].Articles.Where(a => articles.ContainsKey(a.Id)))
            {
                predicted[article.Id] = k;
            }
        }

        var missing = ids.Where(id => !predicted.ContainsKey(id)).ToList();
        for (var n = 0; n < missing.Count; n++)
        {
            predicted[missing[n]] = -1 - n; // left out of every story: a story of its own
        }

        var labels = ids.Select(id => (articles[id].Story, predicted[id])).ToList();
        var bcubed = GroupingScores.BCubed(labels);
        var pairwise = GroupingScores.Pairwise(labels);
        var summaries = SummaryScores(labels, references, digest);
        var attribution = AttributionScores(articles, predicted, digest);

        return new Scores(
            ids.Count, labels.Select(l => l.Story).Distinct(StringComparer.Ordinal).Count(), digest.Stories.Count, missing.Count,
            bcubed.Precision, bcubed.Recall, bcubed.F1,
            pairwise.Precision, pairwise.Recall, pairwise.F1,
            summaries.Rouge1, summaries.Rouge2, summaries.RougeL, summaries.Words,
            attribution.Cited, attribution.InStory, attribution.Supported);
    }

    private static (double Rouge1, double Rouge2, double RougeL, double Words) SummaryScores(
        List<(string Story, int Predicted)> labels, IReadOnlyList<ReferenceSummary> references, Digest digest)
    {
        var standIn = StandIns(labels);
        var (stories, byStory) = Keyed(references, r => r.Story);
        double r1 = 0, r2 = 0, rl = 0, words = 0;
        var scored = 0;
        foreach (var reference in stories.Where(standIn.ContainsKey).Select(s => byStory[s]))
        {
            var k = standIn[reference.Story];
            var text = k >= 0 ? string.Join(' ', digest.Stories[k].Summary.Select(s => s.Text)) : "";
            r1 += Rouge.N(text, reference.Summary, 1);
            r2 += Rouge.N(text, reference.Summary, 2);
            rl += Rouge.L(text, reference.Summary);
            words += ScoreTokens.WordCount(text);
            scored++;
        }

        var count = Math.Max(scored, 1);
        return (100 * r1 / count, 100 * r2 / count, 100 * rl / count, words / count);
    }

    /// <summary>
    /// For each gold story, the predicted story holding most of its articles; on a tie, the one
    /// that holds the story's earliest-listed article among the tied.
    /// </summary>
    private static Dictionary<string, int> StandIns(List<(string Story, int Predicted)> labels)
    {
        var counts = new Dictionary<string, List<(int Predicted, int Count)>>(StringComparer.Ordinal);
        foreach (var (story, k) in labels)
        {
            var list = counts.TryGetValue(story, out var found) ? found : counts[story] = [];
            var at = list.FindIndex(c => c.Predicted == k);
            if (at < 0)
            {
                list.Add((k, 1));
            }
            else
            {
                list[at] = (k, list[at].Count + 1);
            }
        }

        return counts.ToDictionary(c => c.Key, c => c.Value.Aggregate((best, next) => next.Count > best.Count ? next : best).Predicted, StringComparer.Ordinal);
    }

    private static (double Cited, double InStory, double Supported) AttributionScores(
        Dictionary<string, LabelledArticle> articles, Dictionary<string, int> predicted, Digest digest)
    {
        var covers = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        int sentences = 0, cited = 0, citations = 0, inStory = 0, supported = 0;
        for (var k = 0; k < digest.Stories.Count; k++)
        {
            foreach (var sentence in digest.Stories[k].Summary)
            {
                sentences++;
                var sources = sentence.Sources.Where(s => !string.IsNullOrEmpty(s)).ToList();
                cited += sources.Count > 0 ? 1 : 0;
                citations += sources.Count;
                inStory += sources.Count(s => predicted.TryGetValue(s, out var at) && at == k);

                var tokens = ScoreTokens.Of(sentence.Text).ToHashSet(StringComparer.Ordinal);
                var best = 0.0;
                foreach (var source in sources.Where(s => tokens.Count > 0 && articles.ContainsKey(s)))
                {
                    if (!covers.TryGetValue(source, out var have))
                    {
                        var article = articles[source];
                        covers[source] = have = ScoreTokens.Of((article.Title ?? "") + " " + (article.Body ?? "")).ToHashSet(StringComparer.Ordinal);
                    }

                    best = Math.Max(best, (double)tokens.Count(have.Contains) / tokens.Count);
                }

                supported += best >= SupportedShare ? 1 : 0;
            }
        }

        var count = Math.Max(sentences, 1);
        return ((double)cited / count, (double)inStory / Math.Max(citations, 1), (double)supported / count);
    }

    private static (List<string> Keys, Dictionary<string, T> Values) Keyed<T>(IEnumerable<T> items, Func<T, string> key)
    {
        var keys = new List<string>();
        var values = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (!values.ContainsKey(key(item)))
            {
                keys.Add(key(item));
            }

            values[key(item)] = item;
        }

        return (keys, values);
    }
}
