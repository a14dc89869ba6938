using Briefings.Core.Digests;

namespace Briefings.Core.Stories;

/// <summary>One article as grouping sees it.</summary>
public sealed record GroupingInput(SparseVector Vector, DateTimeOffset? Time);

/// <summary>
/// Groups articles into stories: sparse cosine similarity with a decay for articles far apart in
/// time, candidate pairs from an inverted index of the less common terms (no all-pairs scan),
/// local scaling (a pair counts by how much closer it is than each article's usual neighbours,
/// so a crowded topic needs a closer match than a quiet one), then average-linkage
/// agglomeration that stops at <see cref="GroupingOptions.MergeThreshold"/>.
/// </summary>
public static class StoryGrouper
{
    public static List<List<int>> Group(IReadOnlyList<GroupingInput> inputs, GroupingOptions options)
    {
        Dictionary<(int, int), double> similarities, edges;
        using (DigestTelemetry.Phase("similarities"))
        {
            similarities = Similarities(inputs, options);
        }

        using (DigestTelemetry.Phase("scaling"))
        {
            edges = LocallyScaled(inputs.Count, similarities, options.Neighbours);
        }

        using (DigestTelemetry.Phase("linkage"))
        {
            return AverageLinkage(inputs.Count, edges, options.MergeThreshold);
        }
    }

    /// <summary>The time factor: 1 inside the window, halving every half-life beyond it.</summary>
    public static double TimeFactor(DateTimeOffset? a, DateTimeOffset? b, GroupingOptions options)
    {
        if (a is null || b is null)
        {
            return 1;
        }

        var apart = (a.Value - b.Value).Duration() - options.SameNewsWindow;
        return apart <= TimeSpan.Zero ? 1 : Math.Pow(0.5, apart / options.DecayHalfLife);
    }

    /// <summary>Similarities of every pair that shares a less common term, keyed (low, high).</summary>
    public static Dictionary<(int, int), double> Similarities(IReadOnlyList<GroupingInput> inputs, GroupingOptions options)
    {
        var postings = new Dictionary<int, List<int>>();
        for (var i = 0; i < inputs.Count; i++)
        {
            foreach (var term in inputs[i].Vector.Terms)
            {
                if (!postings.TryGetValue(term, out var list))
                {
                    postings[term] = list = [];
                }

                list.Add(i);
            }
        }

        var maxPosting = Math.Max(50, (int)(inputs.Count * options.MaxCandidateTermShare));
        var edges = new Dictionary<(int, int), double>();
        var candidates = new HashSet<int>();
        for (var i = 0; i < inputs.Count; i++)
        {
            candidates.Clear();
            foreach (var term in inputs[i].Vector.Terms)
            {
                var list = postings[term];
                if (list.Count > maxPosting)
                {
                    continue;
                }

                foreach (var j in list)
                {
                    if (j > i)
                    {
                        candidates.Add(j);
                    }
                }
            }

            foreach (var j in candidates)
            {
                var similarity = inputs[i].Vector.Dot(inputs[j].Vector) * TimeFactor(inputs[i].Time, inputs[j].Time, options);
                if (similarity > 0.01)
                {
                    edges[(i, j)] = similarity;
                }
            }
        }

        return edges;
    }

    /// <summary>
    /// Subtracts from each pair the mean of the two articles' neighbourhood levels: the average
    /// similarity of each article's <paramref name="neighbours"/> nearest neighbours (missing
    /// neighbours count as 0, so a small day is judged on raw similarity). Pairs left at or below
    /// zero drop out.
    /// </summary>
    public static Dictionary<(int, int), double> LocallyScaled(int count, Dictionary<(int, int), double> edges, int neighbours)
    {
        var nearest = new List<double>[count];
        for (var i = 0; i < count; i++)
        {
            nearest[i] = [];
        }

        foreach (var ((a, b), similarity) in edges)
        {
            nearest[a].Add(similarity);
            nearest[b].Add(similarity);
        }

        var level = new double[count];
        for (var i = 0; i < count; i++)
        {
            nearest[i].Sort((x, y) => y.CompareTo(x));
            level[i] = nearest[i].Take(neighbours).Sum() / neighbours;
        }

        var scaled = new Dictionary<(int, int), double>(edges.Count);
        foreach (var ((a, b), similarity) in edges)
        {
            var value = similarity - (level[a] + level[b]) / 2;
            if (value > 0)
            {
                scaled[(a, b)] = value;
            }
        }

        return scaled;
    }

    /// <summary>Average-linkage agglomeration over a sparse similarity graph (missing pairs count as 0).</summary>
    public static List<List<int>> AverageLinkage(int count, Dictionary<(int, int), double> edges, double threshold)
    {
        var members = new List<int>?[count];
        var links = new Dictionary<int, double>[count];
        for (var i = 0; i < count; i++)
        {
            members[i] = [i];
            links[i] = [];
        }

        foreach (var ((a, b), similarity) in edges)
        {
            links[a][b] = similarity;
            links[b][a] = similarity;
        }

        var version = new int[count];
        var queue = new PriorityQueue<(int A, int B, int VersionA, int VersionB), double>();
        foreach (var ((a, b), similarity) in edges)
        {
            if (similarity >= threshold)
            {
                queue.Enqueue((a, b, 0, 0), -similarity);
            }
        }

        while (queue.TryDequeue(out var pair, out _))
        {
            var (a, b, va, vb) = pair;
            if (members[a] is null || members[b] is null || version[a] != va || version[b] != vb)
            {
                continue; // stale: one side has merged since this pair was queued
            }

            // Merge b into a; link sums add, and the average is the sum over the size product.
            members[a]!.AddRange(members[b]!);
            members[b] = null;
            foreach (var (other, sum) in links[b])
            {
                if (other == a)
                {
                    continue;
                }

                links[other].Remove(b);
                var total = links[a].GetValueOrDefault(other) + sum;
                links[a][other] = total;
                links[other][a] = total;
            }

            links[a].Remove(b);
            links[b].Clear();
            version[a]++;
            foreach (var (other, sum) in links[a])
            {
                var average = sum / ((double)members[a]!.Count * members[other]!.Count);
                if (average >= threshold)
                {
                    queue.Enqueue(a < other ? (a, other, version[a], version[other]) : (other, a, version[other], version[a]), -average);
                }
            }
        }

        return members.Where(m => m is not null).Select(m => m!.Order().ToList()).ToList();
    }
}
