using Briefings.Core.Articles;
using Briefings.Core.Text;

namespace Briefings.Core.Stories;

/// <summary>
/// The TF-IDF vectors of a day's articles, exactly as <see cref="Vocabulary"/> weighs them (the
/// title counts <c>titleWeight</c> times, the lead paragraph once more), built for large days:
/// articles are tokenised in parallel, a block at a time, and only each article's distinct
/// terms with their counts are kept until the document frequencies are known. Term ids are
/// given in order of first appearance, article by article, as the vocabulary gives them.
/// </summary>
public static class ArticleVectors
{
    private const int Block = 4096;

    public static List<SparseVector> Build(IReadOnlyList<Article> articles, float titleWeight)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var documentFrequency = new List<int>();
        var seenIn = new List<int>();
        var counted = new (int[] Terms, float[] Counts)[articles.Count];
        var block = new Distinct[Math.Min(Block, articles.Count)];
        for (var start = 0; start < articles.Count; start += Block)
        {
            var size = Math.Min(Block, articles.Count - start);
            Parallel.For(0, size, k => block[k] = Distinct.Of(articles[start + k], titleWeight));

            // Ids and document frequencies in article order, so ids are what the vocabulary would give.
            for (var k = 0; k < size; k++)
            {
                var document = start + k + 1;
                var terms = new int[block[k].Tokens.Count];
                for (var t = 0; t < terms.Length; t++)
                {
                    var token = block[k].Tokens[t];
                    if (!ids.TryGetValue(token, out var id))
                    {
                        id = ids.Count;
                        ids[token] = id;
                        documentFrequency.Add(0);
                        seenIn.Add(0);
                    }

                    if (seenIn[id] != document)
                    {
                        seenIn[id] = document;
                        documentFrequency[id]++;
                    }

                    terms[t] = id;
                }

                counted[start + k] = (terms, block[k].Counts);
                block[k] = default!;
            }
        }

        var documents = articles.Count;
        var frequencies = documentFrequency.ToArray();
        var vectors = new SparseVector[articles.Count];
        Parallel.For(0, articles.Count, i =>
        {
            var (terms, counts) = counted[i];
            var weights = new Dictionary<int, float>(terms.Length);
            for (var t = 0; t < terms.Length; t++)
            {
                if (counts[t] > 0)
                {
                    weights[terms[t]] = (float)((1 + Math.Log(counts[t])) * Vocabulary.Idf(documents, frequencies[terms[t]]));
                }
            }

            vectors[i] = SparseVector.FromCounts(weights);
            counted[i] = default;
        });

        return [.. vectors];
    }

    /// <summary>
    /// An article's distinct kept tokens of title and body in order of first appearance, each with
    /// its weighted count: title tokens count <c>titleWeight</c>, lead and body tokens 1 each.
    /// </summary>
    private sealed record Distinct(List<string> Tokens, float[] Counts)
    {
        public static Distinct Of(Article article, float titleWeight)
        {
            var title = Words.Tokens(article.Title);
            var lead = Words.Tokens(string.Join(' ', article.Paragraphs.Take(1)));
            var body = Words.Tokens(string.Join(' ', article.Paragraphs));
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            var tokens = new List<string>();
            var counts = new List<float>();
            // In the order Vocabulary.Vector adds them; the lead's tokens open the body's, so ids
            // still come in order of first appearance in title and body.
            foreach (var (part, weight) in new[] { (title, titleWeight), (lead, 1f), (body, 1f) })
            {
                foreach (var token in part)
                {
                    if (!Vocabulary.Keep(token))
                    {
                        continue;
                    }

                    if (!index.TryGetValue(token, out var at))
                    {
                        at = index[token] = tokens.Count;
                        tokens.Add(token);
                        counts.Add(0);
                    }

                    counts[at] += weight;
                }
            }

            return new Distinct(tokens, [.. counts]);
        }
    }
}
