using Briefings.Core.Digests;

namespace Briefings.Core.Stories;

/// <summary>One article as grouping sees it: its words' vector, its time, and its embedding when a model gave one.</summary>
public sealed record GroupingInput(SparseVector Vector, DateTimeOffset? Time, float[]? Embedding = null);

/// <summary>
/// Groups articles into stories: sparse cosine similarity with a decay for articles far apart in
/// time, candidate pairs from an inverted index of the less common terms (no all-pairs scan, and
/// a bounded search per article: see <see cref="NeighbourGraph"/>), local scaling (a pair counts by how much closer it is than each article's usual neighbours,
/// so a crowded topic needs a closer match than a quiet one), then average-linkage
/// agglomeration that stops at <see cref="GroupingOptions.MergeThreshold"/>.
/// </summary>
public static class StoryGrouper
{
    public static List<List<int>> Group(IReadOnlyList<GroupingInput> inputs, GroupingOptions options) =>
        Group(inputs, options, out _);

    /// <param name="inputs">The day's articles as grouping sees them.</param>
    /// <param name="options">The knobs of grouping.</param>
    /// <param name="nearest">Each article's nearest neighbours, as the search found them (ascending).</param>
    public static List<List<int>> Group(IReadOnlyList<GroupingInput> inputs, GroupingOptions options, out int[][] nearest)
    {
        Dictionary<(int, int), double> edges;
        using (DigestTelemetry.Phase("neighbours"))
        {
            LargeDayMemory.Release();
            edges = NeighbourGraph.LocallyScaled(inputs, options, out nearest);
        }

        using (DigestTelemetry.Phase("linkage"))
        {
            LargeDayMemory.Release();
            return AverageLinkage(inputs.Count, edges, options.MergeThreshold, options.Neighbours);
        }
    }

    /// <summary>
    /// The day factor, which a pair's cosine is multiplied by with the time factor:
    /// <see cref="GroupingOptions.OtherDayFactor"/> when both reports name days of the week and none
    /// in common (they tell of different days), else 1.
    /// </summary>
    public static double DayFactor(int weekdaysA, int weekdaysB, GroupingOptions options) =>
        weekdaysA != 0 && weekdaysB != 0 && (weekdaysA & weekdaysB) == 0 ? options.OtherDayFactor : 1;

    /// <summary>The time factor: 1 inside the window, halving every half-life beyond it.</summary>
    public static double TimeFactor(DateTimeOffset? a, DateTimeOffset? b, GroupingOptions options) =>
        TimeFactor(Ticks(a), Ticks(b), options);

    /// <summary>The time factor of two times as <see cref="Ticks"/> gives them: the search compares an article with a thousand others.</summary>
    internal static double TimeFactor(long a, long b, GroupingOptions options)
    {
        if (a == NoTime || b == NoTime)
        {
            return 1;
        }

        var apart = Math.Abs(a - b) - options.SameNewsWindow.Ticks;
        return apart <= 0 ? 1 : Math.Pow(0.5, apart / (double)options.DecayHalfLife.Ticks);
    }

    /// <summary>A time as UTC ticks, or <see cref="NoTime"/>.</summary>
    internal static long Ticks(DateTimeOffset? time) => time?.UtcTicks ?? NoTime;

    private const long NoTime = long.MinValue;

    /// <summary>
    /// Average-linkage agglomeration over a sparse similarity graph of each article's nearest
    /// <paramref name="neighbours"/>, where missing pairs count as 0. Two groups' average is their
    /// links' sum over the pairs the graph would hold between them were they one story: each
    /// article's nearest spread over the story in proportion, 2 × neighbours × ab / (a + b) of
    /// their a × b pairs, or all of them while the two together are at most 2 × neighbours
    /// articles. Over every pair, a story of hundreds of reports could never be whole: each
    /// report links to a few dozen of them at most, so its average with the rest falls as the
    /// story grows.
    /// </summary>
    public static List<List<int>> AverageLinkage(int count, Dictionary<(int, int), double> edges, double threshold, int neighbours)
    {
        double Pairs(int a, int b) => Math.Min((double)a * b, 2.0 * neighbours * a * b / (a + b));

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
                var average = sum / Pairs(members[a]!.Count, members[other]!.Count);
                if (average >= threshold)
                {
                    queue.Enqueue(a < other ? (a, other, version[a], version[other]) : (other, a, version[other], version[a]), -average);
                }
            }
        }

        return members.Where(m => m is not null).Select(m => m!.Order().ToList()).ToList();
    }
}
