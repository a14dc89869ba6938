namespace Briefings.Core.Stories;

/// <summary>A unit-length sparse vector: term ids in ascending order with their weights.</summary>
public sealed class SparseVector(int[] terms, float[] weights)
{
    public static readonly SparseVector Empty = new([], []);

    public int[] Terms { get; } = terms;

    public float[] Weights { get; } = weights;

    public int Count => Terms.Length;

    /// <summary>
    /// The days of the week the text names, a bit each (<see cref="DayOfWeek"/> numbers the bits);
    /// 0 when it names none or was not read for them.
    /// </summary>
    public int Weekdays { get; init; }

    public static SparseVector FromCounts(Dictionary<int, float> weights)
    {
        var terms = weights.Keys.ToArray();
        Array.Sort(terms);
        var values = new float[terms.Length];
        for (var i = 0; i < terms.Length; i++)
        {
            values[i] = weights[terms[i]];
        }

        return FromSorted(terms, values);
    }

    /// <summary>A vector of terms already in ascending order and their weights (both arrays are kept), scaled to unit length.</summary>
    public static SparseVector FromSorted(int[] terms, float[] values, int weekdays = 0)
    {
        double norm = 0;
        for (var i = 0; i < values.Length; i++)
        {
            norm += values[i] * values[i];
        }

        if (norm > 0)
        {
            var scale = (float)(1 / Math.Sqrt(norm));
            for (var i = 0; i < values.Length; i++)
            {
                values[i] *= scale;
            }
        }

        return new SparseVector(terms, values) { Weekdays = weekdays };
    }

    public double Dot(SparseVector other)
    {
        double sum = 0;
        int i = 0, j = 0;
        while (i < Terms.Length && j < other.Terms.Length)
        {
            var a = Terms[i];
            var b = other.Terms[j];
            if (a == b)
            {
                sum += Weights[i++] * other.Weights[j++];
            }
            else if (a < b)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return sum;
    }

    /// <summary>The normalised sum of several vectors: the direction they share.</summary>
    public static SparseVector Centroid(IEnumerable<SparseVector> vectors)
    {
        var sum = new Dictionary<int, float>();
        foreach (var vector in vectors)
        {
            for (var i = 0; i < vector.Count; i++)
            {
                sum[vector.Terms[i]] = sum.GetValueOrDefault(vector.Terms[i]) + vector.Weights[i];
            }
        }

        return FromCounts(sum);
    }
}
