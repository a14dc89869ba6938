using Briefings.Core.Articles;
using Briefings.Core.Text;

namespace Briefings.Core.Stories;

/// <summary>
/// The TF-IDF vectors of a day's articles, weighed as <see cref="Vocabulary"/> weighs terms (the
/// title counts <see cref="GroupingOptions.TitleWeight"/> times, the lead paragraph once more),
/// over terms cut for telling events apart: figures whole, figures and weekdays weighted more,
/// plurals folded (see <see cref="Counter"/>). Built for large days: articles are tokenised in
/// parallel, a block at a time, and only each article's distinct terms with their counts are
/// kept until the document frequencies are known. Term ids are given in order of first
/// appearance, article by article.
/// </summary>
public static class ArticleVectors
{
    private const int Block = 4096;

    public static List<SparseVector> Build(IReadOnlyList<Article> articles, GroupingOptions options)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var documentFrequency = new List<int>();
        var seenIn = new List<int>();
        var counted = new (int[] Terms, float[] Counts)[articles.Count];
        var block = new Distinct[Math.Min(Block, articles.Count)];
        for (var start = 0; start < articles.Count; start += Block)
        {
            var size = Math.Min(Block, articles.Count - start);
            Parallel.For(0, size, k => block[k] = Distinct.Of(articles[start + k], options));

            // Ids and document frequencies in article order, so ids do not depend on how the work was split.
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
    /// An article's distinct terms of title and body in order of first appearance, each with its
    /// weighted count: title tokens count <see cref="GroupingOptions.TitleWeight"/>, lead and body
    /// tokens 1 each, and an anchor (a figure or a weekday) <see cref="GroupingOptions.AnchorWeight"/> times that.
    /// </summary>
    private sealed record Distinct(List<string> Tokens, float[] Counts)
    {
        public static Distinct Of(Article article, GroupingOptions options)
        {
            var counter = new Counter(options.AnchorWeight);
            counter.Add(article.Title, options.TitleWeight);
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

    /// <summary>
    /// Cuts text into terms as <see cref="Words.Tokens"/> cuts words (lower-cased runs of letters
    /// and digits, apostrophes dropped), with three differences that help tell one event from
    /// another report on the same topic. A figure is one term with its decimal point ("1.2", and
    /// "2,200" as "2200"), kept however short (the 6 of "Jan. 6"). Weekdays are kept although they
    /// are stop words elsewhere. Both are anchors and count <c>anchorWeight</c> times: reports of
    /// one event give the same figures and name the same day, reports of one topic weeks apart
    /// rarely do. A plural or possessive ending is folded ("masks" and "mask", "Biden's" and
    /// "Biden"), so two outlets' wording of one event meets. A string is made only for a token the
    /// article has not used before.
    /// </summary>
    internal sealed class Counter(float anchorWeight)
    {
        private static readonly HashSet<string> Weekdays = new(StringComparer.Ordinal)
        {
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        };

        /// <summary>Each token seen, as cut, to its term's position in <see cref="Tokens"/> (-1 for a stop word) and weight.</summary>
        private readonly Dictionary<string, (int At, float Weight)> _index = new(StringComparer.Ordinal);

        /// <summary>Each term (folded) to its position in <see cref="Tokens"/>.</summary>
        private readonly Dictionary<string, int> _terms = new(StringComparer.Ordinal);
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
            var figure = true; // the token so far has only digits (and decimal points)
            for (var at = 0; at < text.Length; at++)
            {
                var ch = text[at];
                if (char.IsLetterOrDigit(ch))
                {
                    figure &= char.IsDigit(ch);
                    _buffer[length++] = char.ToLowerInvariant(ch);
                }
                else if (ch is '\'' or '’' && length > 0)
                {
                    continue;
                }
                else if (ch is '.' or ',' && length > 0 && figure && at + 1 < text.Length && char.IsDigit(text[at + 1]))
                {
                    if (ch == '.')
                    {
                        _buffer[length++] = ch; // a decimal point stays; a thousands separator goes
                    }
                }
                else if (length > 0)
                {
                    Count(_buffer.AsSpan(0, length), weight, figure);
                    length = 0;
                    figure = true;
                }
            }

            if (length > 0)
            {
                Count(_buffer.AsSpan(0, length), weight, figure);
            }
        }

        /// <summary>A word without its plural or possessive "s" ("ies" becomes "y"); "us", "ss" and "is" endings stay.</summary>
        private static string Fold(string word) =>
            word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal) ? string.Concat(word.AsSpan(0, word.Length - 3), "y")
            : word.Length > 3 && word[^1] == 's' && word[^2] is not ('s' or 'u' or 'i') ? word[..^1]
            : word;

        private void Count(ReadOnlySpan<char> token, float weight, bool figure)
        {
            var lookup = _index.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(token, out var entry))
            {
                var text = new string(token);
                var anchor = figure || Weekdays.Contains(text);
                if (!anchor && !Vocabulary.Keep(text))
                {
                    _index[text] = (-1, 0); // a stop word: remembered, so it is not made again
                    return;
                }

                var term = anchor ? text : Fold(text);
                if (!_terms.TryGetValue(term, out var at))
                {
                    at = _terms[term] = Tokens.Count;
                    Tokens.Add(term);
                    Counts.Add(0);
                }

                entry = _index[text] = (at, anchor ? anchorWeight : 1f);
            }

            if (entry.At >= 0)
            {
                Counts[entry.At] += weight * entry.Weight;
            }
        }
    }
}
