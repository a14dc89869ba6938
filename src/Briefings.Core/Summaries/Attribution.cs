using System.Text.RegularExpressions;

namespace Briefings.Core.Summaries;

/// <summary>Finds who a sentence attributes its words to: "X said", "said X", "according to X".</summary>
public static partial class Attribution
{
    public static string? SpeakerIn(string text)
    {
        foreach (var pattern in new[] { NameThenVerb(), VerbThenName(), AccordingTo() })
        {
            var match = pattern.Match(text);
            if (match.Success)
            {
                var name = match.Groups["name"].Value.Trim();
                if (!Pronouns.Contains(name.Split(' ')[0]))
                {
                    return name;
                }
            }
        }

        return null;
    }

    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "He", "She", "They", "It", "We", "I", "This", "That", "The", "A", "An", "Its", "Their", "His", "Her",
    };

    private const string Name = @"(?<name>(?:[A-Z][\p{L}.'’-]+|[A-Z]{2,})(?:\s+(?:of|the|for|de|al|bin|van|von|[A-Z][\p{L}.'’-]+)){0,6})";
    private const string Verb = @"(?:said|says|added|told|wrote|remarked|stated|declared|announced|argued|warned|noted|insisted|explained|claimed)";

    [GeneratedRegex(Name + @"(?:,[^,]{1,60},)?\s+" + Verb + @"\b")]
    private static partial Regex NameThenVerb();

    [GeneratedRegex(@"\b" + Verb + @"\s+" + Name)]
    private static partial Regex VerbThenName();

    [GeneratedRegex(@"\baccording to (?:the\s+)?" + Name)]
    private static partial Regex AccordingTo();
}
