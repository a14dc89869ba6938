namespace Briefings.Core.Stories;

/// <summary>
/// The locally scaled similarity graph that grouping agglomerates, built in time linear in the
/// number of articles. Each article looks for neighbours through its least common terms first
/// (terms in more than <see cref="GroupingOptions.MaxCandidateTermShare"/> of articles never
/// propose), visiting at most <see cref="GroupingOptions.CandidateBudget"/> postings, and
/// scores the best <see cref="GroupingOptions.CandidatesVerified"/> proposals exactly. A pair
/// survives local scaling only when it is closer than one of its articles' usual neighbours,
/// that is among that article's nearest, so keeping each article's nearest (and ties) keeps
/// every pair that can survive, and the levels. Articles are searched on every core; the graph does not depend on how.
/// </summary>
internal static class NeighbourGraph
{
    /// <summary>Pairs at or below this similarity are not neighbours at all.</summary>
    private const double MinSimilarity = 0.01;

    /// <summary>Pairs (low, high) with their locally scaled similarity, in the order agglomeration takes them.</summary>
    public static Dictionary<(int, int), double> LocallyScaled(IReadOnlyList<GroupingInput> inputs, GroupingOptions options)
    {
        var postings = new Postings(inputs);
        var maxPosting = Math.Max(50, (int)(inputs.Count * options.MaxCandidateTermShare));
        var neighbours = new Neighbour[inputs.Count][];
        Parallel.For(
            0,
            inputs.Count,
            () => new Search(inputs.Count, postings.TermCount),
            (i, _, search) =>
            {
                neighbours[i] = search.Neighbours(i, inputs, postings, maxPosting, options);
                return search;
            },
            _ => { });

        // Every pair once (low, high), from whichever side found it; each article's level is the
        // mean of its nearest similarities (missing neighbours count as 0).
        var pairs = new List<(int A, int B, double Similarity)>();
        var nearest = new List<double>[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            nearest[i] = [];
        }

        for (var i = 0; i < inputs.Count; i++)
        {
            foreach (var (j, similarity) in neighbours[i])
            {
                if (j > i || Array.BinarySearch(neighbours[j], new Neighbour(i, 0)) < 0)
                {
                    pairs.Add((Math.Min(i, j), Math.Max(i, j), similarity));
                    nearest[i].Add(similarity);
                    nearest[j].Add(similarity);
                }
            }
        }

        var level = new double[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            nearest[i].Sort((x, y) => y.CompareTo(x));
            level[i] = nearest[i].Take(options.Neighbours).Sum() / options.Neighbours;
        }

        // Survivors in the order an all-pairs scan meets them: by the lower article, then by the
        // first shared proposing term of its vector, then by the higher article.
        var survivors = new List<(int A, int Term, int B, double Value)>();
        foreach (var (a, b, similarity) in pairs)
        {
            var value = similarity - (level[a] + level[b]) / 2;
            if (value > 0)
            {
                survivors.Add((a, postings.FirstSharedTerm(inputs[a].Vector, inputs[b].Vector, maxPosting), b, value));
            }
        }

        survivors.Sort((x, y) => x.A != y.A ? x.A.CompareTo(y.A) : x.Term != y.Term ? x.Term.CompareTo(y.Term) : x.B.CompareTo(y.B));
        var scaled = new Dictionary<(int, int), double>(survivors.Count);
        foreach (var (a, _, b, value) in survivors)
        {
            scaled[(a, b)] = value;
        }

        return scaled;
    }

    /// <summary>A neighbour and its similarity; ordered by article, so a list can be searched.</summary>
    private readonly record struct Neighbour(int Article, double Similarity) : IComparable<Neighbour>
    {
        public int CompareTo(Neighbour other) => Article.CompareTo(other.Article);
    }

    /// <summary>For each term, the articles that have it and their weights (compressed rows).</summary>
    private sealed class Postings
    {
        private readonly int[] _start;

        public Postings(IReadOnlyList<GroupingInput> inputs)
        {
            TermCount = 0;
            foreach (var input in inputs)
            {
                if (input.Vector.Count > 0)
                {
                    TermCount = Math.Max(TermCount, input.Vector.Terms[^1] + 1);
                }
            }

            _start = new int[TermCount + 1];
            foreach (var input in inputs)
            {
                foreach (var term in input.Vector.Terms)
                {
                    _start[term + 1]++;
                }
            }

            for (var t = 0; t < TermCount; t++)
            {
                _start[t + 1] += _start[t];
            }

            Articles = new int[_start[TermCount]];
            Weights = new float[_start[TermCount]];
            var next = _start[..TermCount];
            for (var i = 0; i < inputs.Count; i++)
            {
                var vector = inputs[i].Vector;
                for (var k = 0; k < vector.Count; k++)
                {
                    var at = next[vector.Terms[k]]++;
                    Articles[at] = i;
                    Weights[at] = vector.Weights[k];
                }
            }
        }

        public int TermCount { get; }

        public int[] Articles { get; }

        public float[] Weights { get; }

        public int Start(int term) => _start[term];

        public int Count(int term) => _start[term + 1] - _start[term];

        /// <summary>The position in <paramref name="a"/> of the first term both share that proposes candidates.</summary>
        public int FirstSharedTerm(SparseVector a, SparseVector b, int maxPosting)
        {
            int i = 0, j = 0;
            while (i < a.Count && j < b.Count)
            {
                if (a.Terms[i] == b.Terms[j])
                {
                    if (Count(a.Terms[i]) <= maxPosting)
                    {
                        return i;
                    }

                    i++;
                    j++;
                }
                else if (a.Terms[i] < b.Terms[j])
                {
                    i++;
                }
                else
                {
                    j++;
                }
            }

            return int.MaxValue;
        }
    }

    /// <summary>One worker's scratch space: partial scores per article and the searched article's weights per term.</summary>
    private sealed class Search(int articles, int terms)
    {
        private readonly float[] _score = new float[articles];
        private readonly int[] _seen = new int[articles];
        private readonly float[] _weight = new float[terms];
        private readonly List<int> _touched = [];
        private readonly List<(int Count, int Term, float Weight)> _proposing = [];
        private float[] _keys = new float[64];
        private int _stamp;

        public Neighbour[] Neighbours(int i, IReadOnlyList<GroupingInput> inputs, Postings postings, int maxPosting, GroupingOptions options)
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

            var found = new List<Neighbour>(chosen.Count);
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
                if (similarity > MinSimilarity)
                {
                    found.Add(new Neighbour(j, similarity));
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
}
