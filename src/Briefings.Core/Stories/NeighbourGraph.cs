namespace Briefings.Core.Stories;

/// <summary>
/// The locally scaled similarity graph that grouping agglomerates, built in time linear in the
/// number of articles. Each article looks for neighbours through the terms that weigh most in it
/// per posting first (terms in more than <see cref="GroupingOptions.MaxCandidateTermShare"/> of
/// articles never propose), visiting at most <see cref="GroupingOptions.CandidateBudget"/>
/// postings, and scores the best <see cref="GroupingOptions.CandidatesVerified"/> proposals
/// exactly. A pair survives local scaling only when it is closer than its articles' usual
/// neighbours (the mean of their levels; an article of a story larger than its neighbourhood has
/// none, and the other's counts), so it is among the nearest of one of them, and keeping each
/// article's nearest (and ties) keeps every pair that can survive, and the levels. Articles are
/// searched on every core; the graph does not depend on how.
/// </summary>
internal static class NeighbourGraph
{
    /// <summary>Pairs at or below this similarity are not neighbours at all.</summary>
    internal const double MinSimilarity = 0.01;

    /// <summary>The share of an article's nearest that, as close as one story's reports, mark it as in a large story.</summary>
    internal const double LargeStoryShare = 0.8;

    /// <summary>Pairs (low, high) with their locally scaled similarity, in the order agglomeration takes them.</summary>
    /// <param name="inputs">The day's articles as grouping sees them.</param>
    /// <param name="options">The knobs of grouping.</param>
    /// <param name="nearest">Each article's nearest as its search found them, in ascending order.</param>
    public static Dictionary<(int, int), double> LocallyScaled(IReadOnlyList<GroupingInput> inputs, GroupingOptions options, out int[][] nearest)
    {
        var postings = new NeighbourPostings(inputs);
        var maxPosting = Math.Max(50, (int)(inputs.Count * options.MaxCandidateTermShare));
        var neighbours = new Neighbour[inputs.Count][];
        // Read for every proposal, so kept side by side rather than behind each input and vector.
        var when = inputs.Select(input => new NeighbourSearch.When(StoryGrouper.Ticks(input.Time), input.Vector.Weekdays)).ToArray();
        var rows = inputs.Select(input => new NeighbourSearch.Row(input.Vector.Terms, input.Vector.Weights)).ToArray();
        var embeddings = inputs.Any(input => input.Embedding is not null) ? inputs.Select(input => input.Embedding).ToArray() : null;
        var buckets = embeddings is null ? null : new EmbeddingBuckets(embeddings, maxPosting);
        var searches = new NeighbourSearch?[EveryCore.Workers];
        EveryCore.For(inputs.Count, (i, worker) =>
        {
            var search = searches[worker] ??= new NeighbourSearch(inputs.Count, postings.TermCount, when, rows, embeddings, buckets);
            neighbours[i] = search.Neighbours(i, inputs, postings, maxPosting, options);
        });

        nearest = Array.ConvertAll(neighbours, found => Array.ConvertAll(found, neighbour => neighbour.Article));

        // Every pair once (low, high), from whichever side found it; each article's level is the
        // mean of its nearest similarities (missing neighbours count as 0).
        var pairs = new List<(int A, int B, double Similarity)>();
        var closeness = new List<double>[inputs.Count];
        var sure = new int[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            closeness[i] = [];
        }

        for (var i = 0; i < inputs.Count; i++)
        {
            foreach (var (j, similarity, words) in neighbours[i])
            {
                if (j > i || Array.BinarySearch(neighbours[j], new Neighbour(i, 0, 0)) < 0)
                {
                    pairs.Add((Math.Min(i, j), Math.Max(i, j), similarity));
                    closeness[i].Add(similarity);
                    closeness[j].Add(similarity);

                    if (words >= options.SameStorySimilarity)
                    {
                        sure[i]++;
                        sure[j]++;
                    }
                }
            }
        }

        var level = new double[inputs.Count];
        var crowd = (int)Math.Ceiling(options.Neighbours * LargeStoryShare);
        for (var i = 0; i < inputs.Count; i++)
        {
            closeness[i].Sort((x, y) => y.CompareTo(x));
            // An article most of whose nearest use words as alike as one story's reports do is in
            // a story larger than its neighbourhood: its nearest tell how close its own story is,
            // not how crowded its topic, so it has no level (NaN) and its pairs are measured
            // against the other article's. Otherwise a story of more than a few dozen reports
            // would be cut into pieces of about Neighbours each, every report closer to its own
            // story than to its level. (Words, not a blend with embeddings, whose cosine for
            // unrelated news sits anywhere from 0.2 to 0.7 by model.)
            level[i] = sure[i] >= crowd ? double.NaN : closeness[i].Take(options.Neighbours).Sum() / options.Neighbours;
        }

        // Survivors in the order an all-pairs scan meets them: by the lower article, then by the
        // first shared proposing term of its vector, then by the higher article.
        // (Worked out on every core: the order comes from the sort below.)
        var scored = new (int A, int Term, int B, double Value)[pairs.Count];
        Parallel.For(0, pairs.Count, k =>
        {
            var (a, b, similarity) = pairs[k];
            var value = similarity - Level(level[a], level[b]);
            scored[k] = (a, value > 0 ? postings.FirstSharedTerm(inputs[a].Vector, inputs[b].Vector, maxPosting) : 0, b, value);
        });

        var survivors = scored.Where(pair => pair.Value > 0).ToList();

        survivors.Sort((x, y) => x.A != y.A ? x.A.CompareTo(y.A) : x.Term != y.Term ? x.Term.CompareTo(y.Term) : x.B.CompareTo(y.B));
        var scaled = new Dictionary<(int, int), double>(survivors.Count);
        foreach (var (a, _, b, value) in survivors)
        {
            scaled[(a, b)] = value;
        }

        return scaled;
    }

    /// <summary>The level a pair is measured against: the mean of its articles' levels, or the one that has one.</summary>
    private static double Level(double a, double b) => double.IsNaN(a) ? (double.IsNaN(b) ? 0 : b) : double.IsNaN(b) ? a : (a + b) / 2;

    /// <summary>
    /// A neighbour, its similarity, and its words' part of it (the same without embeddings);
    /// ordered by article, so a list can be searched.
    /// </summary>
    internal readonly record struct Neighbour(int Article, double Similarity, double Words) : IComparable<Neighbour>
    {
        public int CompareTo(Neighbour other) => Article.CompareTo(other.Article);
    }
}
