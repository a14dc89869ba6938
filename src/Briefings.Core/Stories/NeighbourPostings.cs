namespace Briefings.Core.Stories;

/// <summary>For each term, the articles that have it and their weights (compressed rows).</summary>
internal sealed class NeighbourPostings
{
    private readonly int[] _start;

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

        Entries = new Posting[_start[TermCount]];
        var next = _start[..TermCount];
        for (var i = 0; i < inputs.Count; i++)
        {
            var vector = inputs[i].Vector;
            for (var k = 0; k < vector.Count; k++)
            {
                Entries[next[vector.Terms[k]]++] = new Posting(i, vector.Weights[k]);
            }
        }
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
