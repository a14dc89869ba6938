namespace Briefings.Core.Text;

/// <summary>
/// A word that ties a sentence to the one before it in its article ("But critics say…", "However,
/// officials…"): in a summary drawn from several articles the sentence before is another one, so
/// the summary tells the sentence without it, as an editor would.
/// </summary>
public static class Connectives
{
    /// <summary>
    /// "But" and "And" connect whatever follows them; the others only when a comma sets them off
    /// ("Still, the…", not "Still more…").
    /// </summary>
    private static readonly string[] Openings =
    [
        "But ", "And ",
        "However, ", "Still, ", "Meanwhile, ", "Also, ", "Moreover, ", "Additionally, ", "Indeed, ", "Nevertheless, ", "Nonetheless, ", "Furthermore, ",
    ];

    /// <summary>"But in recent months the idea…" gives "In recent months the idea…"; a sentence that opens otherwise is given back as it is.</summary>
    public static string Strip(string sentence)
    {
        foreach (var word in Openings)
        {
            if (sentence.StartsWith(word, StringComparison.Ordinal) && sentence.Length > word.Length + 1 && char.IsLetterOrDigit(sentence[word.Length]))
            {
                var rest = sentence[word.Length..];
                return char.ToUpperInvariant(rest[0]) + rest[1..];
            }
        }

        return sentence;
    }
}
