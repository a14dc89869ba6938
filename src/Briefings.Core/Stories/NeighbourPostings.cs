namespace Briefings.Core.Stories;

/// <summary>For each term, the articles that have it and their weights (compressed rows).</summary>
internal sealed class NeighbourPostings
{
    private readonly int[] _start;

    /// <summary>The fewest articles a worker takes: a smaller day is indexed on fewer cores, as starting a worker costs more than indexing so few.</summary>
    private const int MinSlice = 2048;

    /// <summary>
    /// Indexes the articles on every core: each worker counts and then places the terms of one
    /// contiguous slice of the articles, into places set aside for that slice within each term's
    /// postings, so a term's postings come in article order however many workers there are.
    /// </summary>
    public NeighbourPostings(IReadOnlyList<GroupingInput> inputs)
    {
        TermCount = 0;
        foreach (var input in inputs)
        {
            if (input.Vector.Count > 0)
            {
                TermCount = Math.Max(TermCount, input.Vector.Terms[^1] + 1);
            }
        }

        var slices = Math.Clamp(inputs.Count / MinSlice, 1, EveryCore.Workers);
        var counts = new int[slices][];
        Parallel.For(0, slices, slice =>
        {
            var count = counts[slice] = new int[TermCount];
            for (var i = First(slice); i < First(slice + 1); i++)
            {
                foreach (var term in inputs[i].Vector.Terms)
                {
                    count[term]++;
                }
            }
        });

        // Each slice's counts become where its next posting of each term goes.
        _start = new int[TermCount + 1];
        var placed = 0;
        for (var t = 0; t < TermCount; t++)
        {
            _start[t] = placed;
            foreach (var next in counts)
            {
                var count = next[t];
                next[t] = placed;
                placed += count;
            }
        }

        _start[TermCount] = placed;
        Entries = GC.AllocateUninitializedArray<Posting>(placed); // every place is written below
        Parallel.For(0, slices, slice =>
        {
            var next = counts[slice];
            for (var i = First(slice); i < First(slice + 1); i++)
            {
                var vector = inputs[i].Vector;
                for (var k = 0; k < vector.Count; k++)
                {
                    Entries[next[vector.Terms[k]]++] = new Posting(i, vector.Weights[k]);
                }
            }
        });

        int First(int slice) => (int)((long)slice * inputs.Count / slices);
    }

    public int TermCount { get; }

    /// <summary>Every term's postings, one after another: an article and its weight side by side, read together.</summary>
    public Posting[] Entries { get; }

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

    /// <summary>An article that has a term, and the term's weight in it.</summary>
    internal readonly record struct Posting(int Article, float Weight);
}
