using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Briefings.Core.Articles;
using Briefings.Core.Text;

namespace Briefings.Core.Stories;

/// <summary>
/// The TF-IDF vectors of a day's articles, weighed as <see cref="Vocabulary"/> weighs terms (the
/// title counts <see cref="GroupingOptions.TitleWeight"/> times, the lead paragraph once more),
/// over terms cut for telling events apart: figures whole, figures and weekdays weighted more,
/// plurals folded (see <see cref="Counter"/>). Built for large days: articles are tokenised in
/// parallel, a block at a time, by one counter per thread that keeps the tokens and terms it has
/// met (a token's string is made, and its term worked out, once a thread rather than once an
/// article, with no lock between threads), and only each article's distinct terms with their
/// counts are kept until the document frequencies are known. Term ids are given in order of first
/// appearance, article by article.
/// </summary>
public static class ArticleVectors
{
    private const int Block = 4096;

    public static List<SparseVector> Build(IReadOnlyList<Article> articles, GroupingOptions options)
    {
        var counters = new Counter?[EveryCore.Workers];
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var documentFrequency = new List<int>();
        var counted = new (Counter Counter, int[] Terms, float[] Counts, int Weekdays)[articles.Count];
        for (var start = 0; start < articles.Count; start += Block)
        {
            var size = Math.Min(Block, articles.Count - start);
            EveryCore.For(size, (k, worker) =>
            {
                var counter = counters[worker] ??= new Counter(options.AnchorWeight);
                var (terms, counts, weekdays) = counter.Of(articles[start + k], options);
                counted[start + k] = (counter, terms, counts, weekdays);
            });

            // Ids and document frequencies in article order, so ids do not depend on how the work was split.
            for (var k = start; k < start + size; k++)
            {
                var (counter, terms, _, _) = counted[k];
                counter.ToDayIds(terms, ids, documentFrequency);
                var counts = CollectionsMarshal.AsSpan(documentFrequency);
                foreach (var id in terms)
                {
                    counts[id]++; // terms are distinct within the article
                }
            }
        }

        var documents = articles.Count;
        var frequencies = documentFrequency.ToArray();
        var vectors = new SparseVector[articles.Count];
        Parallel.For(0, articles.Count, i =>
        {
            var (_, terms, counts, weekdays) = counted[i];
            var kept = 0;
            for (var t = 0; t < terms.Length; t++)
            {
                if (counts[t] > 0)
                {
                    terms[kept] = terms[t];
                    counts[kept++] = (float)((1 + Math.Log(counts[t])) * Vocabulary.Idf(documents, frequencies[terms[t]]));
                }
            }

            // The counter's arrays become the vector's when every term is kept, as nearly always.
            var sortedTerms = kept == terms.Length ? terms : terms.AsSpan(0, kept).ToArray();
            var weights = kept == counts.Length ? counts : counts.AsSpan(0, kept).ToArray();
            Array.Sort(sortedTerms, weights);
            vectors[i] = SparseVector.FromSorted(sortedTerms, weights, weekdays);
            counted[i] = default;
        });

        return [.. vectors];
    }

    /// <summary>
    /// Counts the terms of one article at a time, for one thread, and remembers every token and
    /// term it has met. Cuts terms as <see cref="Words.Tokens"/> cuts words (lower-cased runs of
    /// letters and digits, apostrophes dropped), with three differences that help tell one event
    /// from another report on the same topic. A figure is one term with its decimal point ("1.2",
    /// and "2,200" as "2200"), kept however short (the 6 of "Jan. 6"). Weekdays are kept although
    /// they are stop words elsewhere. Both are anchors and count <c>anchorWeight</c> times: reports
    /// of one event give the same figures and name the same day, reports of one topic weeks apart
    /// rarely do. A plural or possessive ending is folded ("masks" and "mask", "Biden's" and
    /// "Biden"), so two outlets' wording of one event meets. An article's terms come in order of
    /// first appearance, each with its weighted count: title tokens count
    /// <see cref="GroupingOptions.TitleWeight"/>, lead and body tokens 1 each, an anchor
    /// <see cref="GroupingOptions.AnchorWeight"/> times that. Terms are numbered by the counter; the
    /// build turns its numbers into the day's ids (<see cref="ToDayIds"/>).
    /// </summary>
    internal sealed class Counter(float anchorWeight)
    {
        /// <summary>
        /// Words agree on this many first letters, a crude stem as the summaries' checks use
        /// (<c>TextFacts.Stem</c>): "evacuating" and "evacuation", "withdraw" and "withdrawal".
        /// </summary>
        private const int StemLength = 6;

        /// <summary>The days of the week, each with its bit (<see cref="DayOfWeek"/> numbers them).</summary>
        private static readonly Dictionary<string, int> Weekdays = Enum.GetValues<DayOfWeek>()
            .ToDictionary(day => day.ToString().ToLowerInvariant(), day => 1 << (int)day, StringComparer.Ordinal);

        /// <summary>Each token met, as cut, to its term's number (-1 for a stop word) and weight.</summary>
        private readonly TokenTable<(int Term, float Weight, int Weekday)> _tokens = new(4096);

        /// <summary>Each term (folded) to its number, and back; and each number's id in the day, once given.</summary>
        private readonly Dictionary<string, int> _termNumbers = new(StringComparer.Ordinal);
        private readonly List<string> _termNames = [];
        private int[] _ids = [];

        /// <summary>Where each term number sits in the current article's terms, valid when its stamp is the article's.</summary>
        private int[] _positions = new int[1024];
        private int[] _stamps = new int[1024];
        private int _article = 1;

        /// <summary>While the title and lead are counted: the days of the week they name.</summary>
        private bool _up;
        private int _weekdays;
        private readonly List<int> _terms = [];
        private readonly List<float> _counts = [];
        private char[] _buffer = new char[64];

        /// <summary>The terms counted since the last article began, in order of first appearance.</summary>
        public IEnumerable<string> Tokens => _terms.Select(t => _termNames[t]);

        public IReadOnlyList<float> Counts => _counts;

        /// <summary>
        /// An article's distinct terms (this counter's numbers) and their weighted counts, and the
        /// days of the week its title and lead name (see <see cref="SparseVector.Weekdays"/>): a
        /// report gives the day of its event up front, while a day further down is as often the
        /// day of what comes next.
        /// </summary>
        public (int[] Terms, float[] Counts, int Weekdays) Of(Article article, GroupingOptions options)
        {
            _terms.Clear();
            _counts.Clear();
            _article++;
            _weekdays = 0;
            _up = true;
            Add(article.Title, options.TitleWeight);
            if (article.Paragraphs.Count > 0)
            {
                // Tokens never run across paragraphs, so the paragraphs are the joined body; the
                // lead counts once more, in the same pass.
                Add(article.Paragraphs[0], 2f);
            }

            _up = false;
            for (var p = 1; p < article.Paragraphs.Count; p++)
            {
                Add(article.Paragraphs[p], 1f);
            }

            return ([.. _terms], [.. _counts], _weekdays);
        }

        /// <summary>
        /// Turns an article's terms, counted by this counter, into the day's ids in place: a term the
        /// day meets for the first time gets the next id (with a document frequency of 0).
        /// </summary>
        public void ToDayIds(int[] terms, Dictionary<string, int> ids, List<int> documentFrequency)
        {
            if (_ids.Length < _termNames.Count)
            {
                var known = _ids.Length;
                Array.Resize(ref _ids, Math.Max(_termNames.Count, known * 2));
                _ids.AsSpan(known).Fill(-1);
            }

            for (var t = 0; t < terms.Length; t++)
            {
                var id = _ids[terms[t]];
                if (id < 0)
                {
                    var name = _termNames[terms[t]];
                    if (!ids.TryGetValue(name, out id))
                    {
                        id = ids[name] = documentFrequency.Count;
                        documentFrequency.Add(0);
                    }

                    _ids[terms[t]] = id;
                }

                terms[t] = id;
            }
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

        /// <summary>
        /// A word without its plural or possessive "s" ("ies" becomes "y"; "us", "ss" and "is" endings
        /// stay), cut to its first <see cref="StemLength"/> letters.
        /// </summary>
        private static string Fold(string word)
        {
            var folded = word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal) ? string.Concat(word.AsSpan(0, word.Length - 3), "y")
                : word.Length > 3 && word[^1] == 's' && word[^2] is not ('s' or 'u' or 'i') ? word[..^1]
                : word;
            return folded.Length > StemLength ? folded[..StemLength] : folded;
        }

        // Called for every token of the day, from a loop compiled optimised at once: compiled
        // optimised at once too, rather than run unoptimised until the runtime gets round to it.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Count(ReadOnlySpan<char> token, float weight, bool figure)
        {
            ref var known = ref _tokens.GetOrAdd(token, out var text);
            if (text is not null)
            {
                // What a token becomes depends on the token alone, so it is worked out once.
                var weekday = Weekdays.GetValueOrDefault(text);
                var anchor = figure || weekday != 0;
                if (!anchor && !Vocabulary.Keep(text))
                {
                    known = (-1, 0, 0); // a stop word
                }
                else
                {
                    var term = anchor ? text : Fold(text);
                    if (!_termNumbers.TryGetValue(term, out var number))
                    {
                        number = _termNumbers[term] = _termNames.Count;
                        _termNames.Add(term);
                    }

                    known = (number, anchor ? anchorWeight : 1f, weekday);
                }
            }

            var entry = known;

            if (entry.Term < 0)
            {
                return;
            }

            if (_up)
            {
                _weekdays |= entry.Weekday;
            }

            if (entry.Term >= _stamps.Length)
            {
                Array.Resize(ref _stamps, Math.Max(_stamps.Length * 2, entry.Term + 1));
                Array.Resize(ref _positions, _stamps.Length);
            }

            var at = _positions[entry.Term];
            if (_stamps[entry.Term] != _article)
            {
                _stamps[entry.Term] = _article;
                at = _positions[entry.Term] = _terms.Count;
                _terms.Add(entry.Term);
                _counts.Add(0);
            }

            _counts[at] += weight * entry.Weight;
        }
    }
}
