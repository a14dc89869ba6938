namespace Briefings.Core.Stories;

/// <summary>One worker's scratch space: partial scores per article and the searched article's weights per term.</summary>
internal sealed class NeighbourSearch(int articles, int terms)
{
    private readonly float[] _score = new float[articles];
    private readonly int[] _seen = new int[articles];
    private readonly float[] _weight = new float[terms];
    private readonly List<int> _touched = [];
    private readonly List<(int Count, int Term, float Weight)> _proposing = [];
    private float[] _keys = new float[64];
    private int _stamp;

    public NeighbourGraph.Neighbour[] Neighbours(int i, IReadOnlyList<GroupingInput> inputs, NeighbourPostings postings, int maxPosting, GroupingOptions options)
    {
        var vector = inputs[i].Vector;
        _stamp++;
        _touched.Clear();
        _proposing.Clear();
        for (var k = 0; k < vector.Count; k++)
        {
            var count = postings.Count(vector.Terms[k]);
            if (count is > 1 && count <= maxPosting)
            {
                _proposing.Add((count, vector.Terms[k], vector.Weights[k]));
            }
        }

        // The least common terms first, within a budget of postings visited.
        _proposing.Sort();
        var visited = 0;
        foreach (var (count, term, weight) in _proposing)
        {
            if (visited > 0 && visited + count > options.CandidateBudget)
            {
                break;
            }

            visited += count;
            var start = postings.Start(term);
            for (var p = start; p < start + count; p++)
            {
                var j = postings.Articles[p];
                if (j == i)
                {
                    continue;
                }

                if (_seen[j] != _stamp)
                {
                    _seen[j] = _stamp;
                    _score[j] = 0;
                    _touched.Add(j);
                }

                _score[j] += weight * postings.Weights[p];
            }
        }

        var chosen = Best(i, inputs, options);
        for (var k = 0; k < vector.Count; k++)
        {
            _weight[vector.Terms[k]] = vector.Weights[k];
        }

        var found = new List<NeighbourGraph.Neighbour>(chosen.Count);
        foreach (var j in chosen)
        {
            var other = inputs[j].Vector;
            double dot = 0;
            for (var k = 0; k < other.Count; k++)
            {
                var w = _weight[other.Terms[k]];
                if (w != 0)
                {
                    dot += w * other.Weights[k];
                }
            }

            var similarity = dot * StoryGrouper.TimeFactor(inputs[i].Time, inputs[j].Time, options);
            if (similarity > NeighbourGraph.MinSimilarity)
            {
                found.Add(new NeighbourGraph.Neighbour(j, similarity));
            }
        }

        for (var k = 0; k < vector.Count; k++)
        {
            _weight[vector.Terms[k]] = 0;
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

    /// <summary>The proposals worth scoring exactly: all of them, or the best by partial score (ties to the lower article).</summary>
    private List<int> Best(int i, IReadOnlyList<GroupingInput> inputs, GroupingOptions options)
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
            _keys[k] = (float)(_score[j] * StoryGrouper.TimeFactor(inputs[i].Time, inputs[j].Time, options));
        }

        var cut = NthLargest(_keys.AsSpan(0, _touched.Count).ToArray(), limit - 1);
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
    private static float NthLargest(float[] values, int n)
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
