namespace Briefings.Core.Stories;

/// <summary>One worker's scratch space: partial scores per article and the searched article's weights per term.</summary>
internal sealed class NeighbourSearch(int articles, int terms, long[] times, int[] weekdays)
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

    /// <summary>The proposing terms as (postings count, position in the vector) packed in a long, so they sort as numbers.</summary>
    private long[] _proposing = new long[256];
    private float[] _keys = new float[64];
    private float[] _selecting = new float[64];
    private int _stamp;

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
                _proposing[proposing++] = (long)count << 32 | (uint)k;
            }
        }

        // The least common terms first (ties in term order, which is the vector's), within a budget of postings visited.
        var order = _proposing.AsSpan(0, proposing);
        order.Sort();
        var visited = 0;
        foreach (var packed in order)
        {
            var count = (int)(packed >> 32);
            var term = vector.Terms[(int)packed];
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
        for (var k = 0; k < vector.Count; k++)
        {
            var term = vector.Terms[k];
            _weight[term] = vector.Weights[k];
            _has[term >> 6] |= 1UL << term;
        }

        var found = new List<NeighbourGraph.Neighbour>(chosen.Count);
        foreach (var j in chosen)
        {
            var other = inputs[j].Vector;
            double dot = 0;
            for (var k = 0; k < other.Count; k++)
            {
                var term = other.Terms[k];
                if ((_has[term >> 6] & (1UL << term)) != 0)
                {
                    dot += _weight[term] * other.Weights[k];
                }
            }

            var similarity = Apart(dot, i, j, options);
            if (similarity > NeighbourGraph.MinSimilarity)
            {
                found.Add(new NeighbourGraph.Neighbour(j, similarity));
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

    /// <summary>A score of articles <paramref name="i"/> and <paramref name="j"/> as far apart in time and in the days they name.</summary>
    private double Apart(double score, int i, int j, GroupingOptions options) =>
        score * StoryGrouper.TimeFactor(times[i], times[j], options) * StoryGrouper.DayFactor(weekdays[i], weekdays[j], options);

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
