namespace Briefings.Core.Text;

/// <summary>
/// The labels some outlets open a paragraph with ("Why it matters:", "The big picture:", "Driving
/// the news:"): the name of a section of their page, not part of the sentence. A summary that
/// quotes the sentence leaves the label out.
/// </summary>
public static class SectionLabels
{
    private static readonly string[] Labels =
    [
        "why it matters", "the big picture", "big picture", "driving the news", "what they're saying", "what we're hearing",
        "what we're watching", "what to watch", "what's next", "be smart", "by the numbers", "details", "the details",
        "context", "between the lines", "yes, but", "the bottom line", "bottom line", "go deeper", "flashback", "catch up quick",
        "the backdrop", "zoom in", "zoom out", "state of play", "where it stands", "of note", "the other side", "reality check",
        "worth noting", "the latest", "the intrigue", "our thought bubble", "what happened", "key quote",
    ];

    /// <summary>The sentence without a label it opens with: "The big picture: A panel ruled…" gives "A panel ruled…".</summary>
    public static string Strip(string sentence)
    {
        var colon = sentence.IndexOf(':');
        if (colon <= 0 || colon > 24 || colon + 2 >= sentence.Length || !char.IsWhiteSpace(sentence[colon + 1]))
        {
            return sentence;
        }

        var label = sentence[..colon].Replace('’', '\'');
        if (!Labels.Contains(label, StringComparer.OrdinalIgnoreCase))
        {
            return sentence;
        }

        var rest = sentence[(colon + 1)..].TrimStart();
        return char.IsLower(rest[0]) ? char.ToUpperInvariant(rest[0]) + rest[1..] : rest;
    }
}
