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
    /// Tokens are cut as <see cref="Words.Tokens"/> cuts them, and a string is made only for a
    /// token the article has not used before.
    /// </summary>
    private sealed record Distinct(List<string> Tokens, float[] Counts)
    {
        public static Distinct Of(Article article, float titleWeight)
        {
            var counter = new Counter();
            counter.Add(article.Title, titleWeight);
            if (article.Paragraphs.Count > 0)
            {
                counter.Add(article.Paragraphs[0], 1f); // the lead
            }

            foreach (var paragraph in article.Paragraphs)
            {
                counter.Add(paragraph, 1f); // tokens never run across paragraphs, so this is the joined body
            }

            return new Distinct(counter.Tokens, [.. counter.Counts]);
        }
    }

    private sealed class Counter
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private char[] _buffer = new char[64];

        public List<string> Tokens { get; } = [];

        public List<float> Counts { get; } = [];

        public void Add(string text, float weight)
        {
            if (_buffer.Length < text.Length)
            {
                _buffer = new char[text.Length];
            }

            var length = 0;
            foreach (var ch in text)
            {
                if (char.IsLetterOrDigit(ch))
                {
                    _buffer[length++] = char.ToLowerInvariant(ch);
                }
                else if (ch is '\'' or '’' && length > 0)
                {
                    continue;
                }
                else if (length > 0)
                {
                    Count(_buffer.AsSpan(0, length), weight);
                    length = 0;
                }
            }

            if (length > 0)
            {
                Count(_buffer.AsSpan(0, length), weight);
            }
        }

        private void Count(ReadOnlySpan<char> token, float weight)
        {
            var lookup = _index.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(token, out var at))
            {
                var text = new string(token);
                if (!Vocabulary.Keep(text))
                {
                    _index[text] = -1; // a stop word: remembered, so it is not made again
                    return;
                }

                at = _index[text] = Tokens.Count;
                Tokens.Add(text);
                Counts.Add(0);
            }

            if (at >= 0)
            {
                Counts[at] += weight;
            }
        }
    }
}
