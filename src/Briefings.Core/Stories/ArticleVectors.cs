using System.Collections.Concurrent;
using Briefings.Core.Articles;
using Briefings.Core.Text;

namespace Briefings.Core.Stories;

/// <summary>
/// The TF-IDF vectors of a day's articles, weighed as <see cref="Vocabulary"/> weighs terms (the
/// title counts <see cref="GroupingOptions.TitleWeight"/> times, the lead paragraph once more),
/// over terms cut for telling events apart: figures whole, figures and weekdays weighted more,
/// plurals folded (see <see cref="Counter"/>). Built for large days: articles are tokenised in
/// parallel, a block at a time, into terms of a table the threads share (<see cref="TermTable"/>:
/// a token's string is made, and its term worked out, once a day rather than once an article), and
/// only each article's distinct terms with their counts are kept until the document frequencies
/// are known. Term ids are given in order of first appearance, article by article.
/// </summary>
public static class ArticleVectors
{
    private const int Block = 4096;

    public static List<SparseVector> Build(IReadOnlyList<Article> articles, GroupingOptions options)
    {
        var table = new TermTable(options.AnchorWeight);
        var finalOf = new List<int>(); // the table's term number to the term id, -1 until first seen
        var documentFrequency = new List<int>();
        var counted = new (int[] Terms, float[] Counts)[articles.Count];
        for (var start = 0; start < articles.Count; start += Block)
        {
            var size = Math.Min(Block, articles.Count - start);
            Parallel.For(0, size, () => new Counter(table), (k, _, counter) =>
            {
                counted[start + k] = counter.Of(articles[start + k], options);
                return counter;
            }, _ => { });

            // Ids and document frequencies in article order, so ids do not depend on how the work was split.
            for (var k = start; k < start + size; k++)
            {
                var terms = counted[k].Terms; // distinct within the article
                for (var t = 0; t < terms.Length; t++)
                {
                    var number = terms[t];
                    while (finalOf.Count <= number)
                    {
                        finalOf.Add(-1);
                    }

                    if (finalOf[number] < 0)
                    {
                        finalOf[number] = documentFrequency.Count;
                        documentFrequency.Add(0);
                    }

                    terms[t] = finalOf[number];
                    documentFrequency[terms[t]]++;
                }
            }
        }

        var documents = articles.Count;
        var frequencies = documentFrequency.ToArray();
        var vectors = new SparseVector[articles.Count];
        Parallel.For(0, articles.Count, i =>
        {
            var (terms, counts) = counted[i];
            var kept = 0;
            for (var t = 0; t < terms.Length; t++)
            {
                if (counts[t] > 0)
                {
                    terms[kept] = terms[t];
                    counts[kept++] = (float)((1 + Math.Log(counts[t])) * Vocabulary.Idf(documents, frequencies[terms[t]]));
                }
            }

            var sortedTerms = terms.AsSpan(0, kept).ToArray();
            var weights = counts.AsSpan(0, kept).ToArray();
            Array.Sort(sortedTerms, weights);
            vectors[i] = SparseVector.FromSorted(sortedTerms, weights);
            counted[i] = default;
        });

        return [.. vectors];
    }

    /// <summary>
    /// The tokens and terms of one build, shared by the threads that count its articles. Cuts
    /// terms as <see cref="Words.Tokens"/> cuts words (lower-cased runs of letters and digits,
    /// apostrophes dropped), with three differences that help tell one event from another report
    /// on the same topic. A figure is one term with its decimal point ("1.2", and "2,200" as
    /// "2200"), kept however short (the 6 of "Jan. 6"). Weekdays are kept although they are stop
    /// words elsewhere. Both are anchors and count <c>anchorWeight</c> times: reports of one event
    /// give the same figures and name the same day, reports of one topic weeks apart rarely do. A
    /// plural or possessive ending is folded ("masks" and "mask", "Biden's" and "Biden"), so two
    /// outlets' wording of one event meets. What a token becomes depends on the token alone, so it
    /// is worked out, and the token's string made, the first time any article uses it.
    /// </summary>
    internal sealed class TermTable(float anchorWeight)
    {
        private static readonly HashSet<string> Weekdays = new(StringComparer.Ordinal)
        {
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        };

        /// <summary>Each token seen, as cut, to its term's number (-1 for a stop word) and weight.</summary>
        private readonly ConcurrentDictionary<string, (int Term, float Weight)> _tokens = new(StringComparer.Ordinal);

        /// <summary>Each term (folded) to its number.</summary>
        private readonly ConcurrentDictionary<string, int> _terms = new(StringComparer.Ordinal);
        private int _count;

        public (int Term, float Weight) Of(ReadOnlySpan<char> token, bool figure)
        {
            if (_tokens.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(token, out var entry))
            {
                return entry;
            }

            var text = new string(token);
            var anchor = figure || Weekdays.Contains(text);
            if (!anchor && !Vocabulary.Keep(text))
            {
                entry = (-1, 0); // a stop word
            }
            else
            {
                // Two threads meeting a new term at once may both draw a number; one is kept, and a
                // number never used costs nothing (ids are given later, in article order).
                var term = anchor ? text : Fold(text);
                entry = (_terms.GetOrAdd(term, _ => Interlocked.Increment(ref _count) - 1), anchor ? anchorWeight : 1f);
            }

            return _tokens.GetOrAdd(text, entry);
        }

        /// <summary>The term a number stands for.</summary>
        public string Name(int number) => _terms.First(t => t.Value == number).Key;

        /// <summary>A word without its plural or possessive "s" ("ies" becomes "y"); "us", "ss" and "is" endings stay.</summary>
        private static string Fold(string word) =>
            word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal) ? string.Concat(word.AsSpan(0, word.Length - 3), "y")
            : word.Length > 3 && word[^1] == 's' && word[^2] is not ('s' or 'u' or 'i') ? word[..^1]
            : word;
    }

    /// <summary>
    /// Counts one article's terms at a time (a worker reuses one): its distinct terms of title and
    /// body in order of first appearance, each with its weighted count: title tokens count
    /// <see cref="GroupingOptions.TitleWeight"/>, lead and body tokens 1 each, and an anchor
    /// <see cref="GroupingOptions.AnchorWeight"/> times that.
    /// </summary>
    internal sealed class Counter(TermTable table)
    {
        private readonly Dictionary<int, int> _positions = [];
        private readonly List<int> _terms = [];
        private readonly List<float> _counts = [];
        private char[] _buffer = new char[64];

        public Counter(float anchorWeight)
            : this(new TermTable(anchorWeight))
        {
        }

        /// <summary>The terms counted so far, in order of first appearance.</summary>
        public IEnumerable<string> Tokens => _terms.Select(table.Name);

        public IReadOnlyList<float> Counts => _counts;

        public (int[] Terms, float[] Counts) Of(Article article, GroupingOptions options)
        {
            _positions.Clear();
            _terms.Clear();
            _counts.Clear();
            Add(article.Title, options.TitleWeight);
            if (article.Paragraphs.Count > 0)
            {
                Add(article.Paragraphs[0], 1f); // the lead
            }

            foreach (var paragraph in article.Paragraphs)
            {
                Add(paragraph, 1f); // tokens never run across paragraphs, so this is the joined body
            }

            return ([.. _terms], [.. _counts]);
        }

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

        private void Count(ReadOnlySpan<char> token, float weight, bool figure)
        {
            var (term, termWeight) = table.Of(token, figure);
            if (term < 0)
            {
                return;
            }

            if (!_positions.TryGetValue(term, out var at))
            {
                at = _positions[term] = _terms.Count;
                _terms.Add(term);
                _counts.Add(0);
            }

            _counts[at] += weight * termWeight;
        }
    }
}
