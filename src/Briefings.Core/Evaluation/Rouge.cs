namespace Briefings.Core.Evaluation;

/// <summary>ROUGE F1 between a candidate and a reference text, on <see cref="ScoreTokens"/>, without stemming (0 to 1).</summary>
public static class Rouge
{
    /// <summary>Overlap of n-grams, each counted at most as often as it occurs in both texts.</summary>
    public static double N(string candidate, string reference, int n)
    {
        var a = NGrams(ScoreTokens.Of(candidate), n);
        var b = NGrams(ScoreTokens.Of(reference), n);
        var hit = a.Sum(gram => Math.Min(gram.Value, b.GetValueOrDefault(gram.Key)));
        return hit == 0 ? 0.0 : Measures.HarmonicMean((double)hit / a.Values.Sum(), (double)hit / b.Values.Sum());
    }

    /// <summary>The longest common subsequence of tokens.</summary>
    public static double L(string candidate, string reference)
    {
        var a = ScoreTokens.Of(candidate);
        var b = ScoreTokens.Of(reference);
        if (a.Count == 0 || b.Count == 0)
        {
            return 0.0;
        }

        var row = new int[b.Count + 1];
        foreach (var x in a)
        {
            var previous = 0;
            for (var j = 0; j < b.Count; j++)
            {
                var current = row[j + 1];
                row[j + 1] = x == b[j] ? previous + 1 : Math.Max(row[j + 1], row[j]);
                previous = current;
            }
        }

        var lcs = row[^1];
        return lcs == 0 ? 0.0 : Measures.HarmonicMean((double)lcs / a.Count, (double)lcs / b.Count);
    }

    private static Dictionary<string, int> NGrams(List<string> tokens, int n)
    {
        var grams = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + n <= tokens.Count; i++)
        {
            var key = string.Join(' ', tokens.GetRange(i, n));
            grams[key] = grams.GetValueOrDefault(key) + 1;
        }

        return grams;
    }
}
