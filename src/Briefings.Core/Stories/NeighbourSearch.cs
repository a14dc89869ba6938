using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Briefings.Core.Stories;

/// <summary>
/// One worker's scratch space: partial scores per article and the searched article's weights per
/// term; and the articles' embeddings, when there are any (<see cref="GroupingOptions.EmbeddingWeight"/>).
/// </summary>
internal sealed class NeighbourSearch(int articles, int terms, NeighbourSearch.When[] when, NeighbourSearch.Row[] rows, float[]?[]? embeddings = null, EmbeddingBuckets? buckets = null)
{
    /// <summary>Each article's partial score, valid when its stamp is the search's: one cache line read a proposal, not two.</summary>
    private readonly (int Stamp, float Score)[] _partial = new (int, float)[articles];

    /// <summary>The searched article's weight of each term, read only where <see cref="_has"/> has the term's bit.</summary>
    private readonly float[] _weight = new float[terms];

    /// <summary>
    /// A bit a term, set for the searched article's terms. Scoring a candidate exactly looks up every
    /// one of its terms, and few are shared: the bits (18 KB at 100,000 articles) stay in the nearest
    /// cache, the weights would not.
    /// </summary>
    private readonly ulong[] _has = new ulong[(terms + 63) / 64];
    private readonly List<int> _touched = [];

    /// <summary>The proposing terms as (weight per posting, reversed; position in the vector) packed in a long, so they sort as numbers.</summary>
    private long[] _proposing = new long[256];
    private float[] _keys = new float[64];
    private float[] _selecting = new float[64];
    private int _stamp;

    /// <summary>With embeddings: the articles proposed to the current search, marked with its stamp.</summary>
    private int[]? _marks;

    public NeighbourGraph.Neighbour[] Neighbours(int i, IReadOnlyList<GroupingInput> inputs, NeighbourPostings postings, int maxPosting, GroupingOptions options)
    {
        var vector = inputs[i].Vector;
        _stamp++;
        _touched.Clear();
        if (_proposing.Length < vector.Count)
        {
            _proposing = new long[vector.Count];
        }

        var proposing = 0;
        for (var k = 0; k < vector.Count; k++)
        {
            var count = postings.Count(vector.Terms[k]);
            if (count is > 1 && count <= maxPosting)
            {
                // Weights are positive, so their bits order as they do.
                var impact = BitConverter.SingleToUInt32Bits(vector.Weights[k] / count);
                _proposing[proposing++] = (long)(uint.MaxValue - impact) << 32 | (uint)k;
            }
        }

        // The terms that add most to a dot product for each posting read first (the article's
        // weight over the postings' count; ties in term order, which is the vector's), within a
        // budget of postings visited. Rarest first, as before, spent a long article's budget on
        // words it uses once in passing, and a report of a large story, whose own words are in
        // hundreds of articles, could find none of them.
        var order = _proposing.AsSpan(0, proposing);
        order.Sort();
        var visited = 0;
        foreach (var packed in order)
        {
            var term = vector.Terms[(int)packed];
            var count = postings.Count(term);
            var weight = vector.Weights[(int)packed];
            if (visited > 0 && visited + count > options.CandidateBudget)
            {
                break;
            }

            visited += count;
            var start = postings.Start(term);
            foreach (var (j, posted) in postings.Entries.AsSpan(start, count))
            {
                if (j == i)
                {
                    continue;
                }

                ref var partial = ref _partial[j];
                if (partial.Stamp != _stamp)
                {
                    partial = (_stamp, 0);
                    _touched.Add(j);
                }

                partial.Score += weight * posted;
            }
        }

        var chosen = Best(i, options);
        if (buckets is not null)
        {
            // Reports in other words that the embeddings put close: proposed by the buckets too.
            chosen = [.. chosen];
            _marks ??= new int[articles];
            _marks[i] = _stamp;
            foreach (var j in chosen)
            {
                _marks[j] = _stamp;
            }

            buckets.Propose(i, chosen, _marks, _stamp);
        }

        for (var k = 0; k < vector.Count; k++)
        {
            var term = vector.Terms[k];
            _weight[term] = vector.Weights[k];
            _has[term >> 6] |= 1UL << term;
        }

        var found = new List<NeighbourGraph.Neighbour>(chosen.Count);
        for (var c = 0; c < chosen.Count; c++)
        {
            var j = chosen[c];
            if (c + 1 < chosen.Count)
            {
                rows[chosen[c + 1]].Prefetch();
            }

            var (otherTerms, otherWeights) = rows[j];
            double dot = 0;
            for (var k = 0; k < otherTerms.Length; k++)
            {
                var term = otherTerms[k];
                if ((_has[term >> 6] & (1UL << term)) != 0)
                {
                    dot += _weight[term] * otherWeights[k];
                }
            }

            var similarity = Apart(embeddings is null ? dot : Blend(dot, embeddings[i], embeddings[j], options), i, j, options);
            if (similarity > NeighbourGraph.MinSimilarity)
            {
                found.Add(new NeighbourGraph.Neighbour(j, similarity, embeddings is null ? similarity : Apart(dot, i, j, options)));
            }
        }

        for (var k = 0; k < vector.Count; k++)
        {
            _has[vector.Terms[k] >> 6] = 0;
        }

        // Only an article's nearest (and any tied with the last of them) can set its level or
        // survive scaling on its side, so the rest need not be kept.
        if (found.Count > options.Neighbours)
        {
            var similarities = found.Select(f => f.Similarity).ToArray();
            Array.Sort(similarities);
            var last = similarities[^options.Neighbours];
            found.RemoveAll(f => f.Similarity < last);
        }

        var result = found.ToArray();
        Array.Sort(result);
        return result;
    }

    /// <summary>
    /// The words' cosine blended with the embeddings' where both articles have one of the same
    /// length (a vector missing or of another model leaves the words alone).
    /// </summary>
    internal static double Blend(double words, float[]? a, float[]? b, GroupingOptions options)
    {
        if (a is null || b is null || a.Length != b.Length)
        {
            return words;
        }

        return (1 - options.EmbeddingWeight) * words + options.EmbeddingWeight * Dot(a, b);
    }

    /// <summary>The dot product of two vectors of one length (for unit vectors, their cosine).</summary>
    internal static double Dot(float[] a, float[] b)
    {
        var sums = System.Numerics.Vector<float>.Zero;
        var k = 0;
        for (; k <= a.Length - System.Numerics.Vector<float>.Count; k += System.Numerics.Vector<float>.Count)
        {
            sums += new System.Numerics.Vector<float>(a, k) * new System.Numerics.Vector<float>(b, k);
        }

        double dot = System.Numerics.Vector.Sum(sums);
        for (; k < a.Length; k++)
        {
            dot += a[k] * b[k];
        }

        return dot;
    }

    /// <summary>A score of articles <paramref name="i"/> and <paramref name="j"/> as far apart in time and in the days they name.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // called for every proposal
    private double Apart(double score, int i, int j, GroupingOptions options) =>
        score * StoryGrouper.TimeFactor(when[i].Ticks, when[j].Ticks, options) * StoryGrouper.DayFactor(when[i].Weekdays, when[j].Weekdays, options);

    /// <summary>
    /// An article's vector as its two arrays, side by side for every article: scoring a candidate
    /// reads them and nothing else, where going through its input and vector would be two more
    /// reads from far away in memory before the first term.
    /// </summary>
    internal readonly record struct Row(int[] Terms, float[] Weights)
    {
        /// <summary>
        /// Asks the core to fetch both arrays while the candidate before is scored. On a day of
        /// 100,000 articles the vectors (170 MB) are far out of cache, and each candidate's are
        /// otherwise waited for a line at a time.
        /// </summary>
        public unsafe void Prefetch()
        {
            if (System.Runtime.Intrinsics.X86.Sse.IsSupported)
            {
                // A hint only: the address may be stale by the time it is used, and a prefetch never faults.
                var terms = (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(Terms));
                var weights = (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(Weights));
                for (var at = 0; at < Terms.Length * sizeof(int); at += 64)
                {
                    System.Runtime.Intrinsics.X86.Sse.Prefetch0(terms + at);
                    System.Runtime.Intrinsics.X86.Sse.Prefetch0(weights + at);
                }
            }
        }
    }

    /// <summary>An article's time (<see cref="StoryGrouper.Ticks"/>) and the days of the week it names, read together for every proposal.</summary>
    internal readonly record struct When(long Ticks, int Weekdays);

    /// <summary>The proposals worth scoring exactly: all of them, or the best by partial score (ties to the lower article).</summary>
    private List<int> Best(int i, GroupingOptions options)
    {
        var limit = options.CandidatesVerified;
        if (_touched.Count <= limit)
        {
            return _touched;
        }

        if (_keys.Length < _touched.Count)
        {
            _keys = new float[Math.Max(_touched.Count, _keys.Length * 2)];
        }

        for (var k = 0; k < _touched.Count; k++)
        {
            var j = _touched[k];
            _keys[k] = (float)Apart(_partial[j].Score, i, j, options);
        }

        if (_selecting.Length < _touched.Count)
        {
            _selecting = new float[_keys.Length];
        }

        _keys.AsSpan(0, _touched.Count).CopyTo(_selecting);
        var cut = NthLargest(_selecting.AsSpan(0, _touched.Count), limit - 1);
        var above = new List<int>(limit);
        var at = new List<int>();
        for (var k = 0; k < _touched.Count; k++)
        {
            if (_keys[k] > cut)
            {
                above.Add(_touched[k]);
            }
            else if (_keys[k] == cut)
            {
                at.Add(_touched[k]);
            }
        }

        at.Sort();
        above.AddRange(at.Take(limit - above.Count));
        return above;
    }

    /// <summary>The value that would stand at <paramref name="n"/> (0-based) if the values were sorted high to low.</summary>
    private static float NthLargest(Span<float> values, int n)
    {
        int low = 0, high = values.Length - 1;
        while (low < high)
        {
            var pivot = values[(low + high) >>> 1];
            int l = low, h = high;
            while (l <= h)
            {
                while (values[l] > pivot)
                {
                    l++;
                }

                while (values[h] < pivot)
                {
                    h--;
                }

                if (l <= h)
                {
                    (values[l], values[h]) = (values[h], values[l]);
                    l++;
                    h--;
                }
            }

            if (n <= h)
            {
                high = h;
            }
            else if (n >= l)
            {
                low = l;
            }
            else
            {
                return values[n];
            }
        }

        return values[n];
    }
}
