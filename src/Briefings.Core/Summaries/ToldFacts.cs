using Briefings.Core.Summaries.Model;

namespace Briefings.Core.Summaries;

/// <summary>
/// What earlier briefings told of a developing story, as each told sentence's content stems
/// (<see cref="TextFacts.ContentStems"/>: compared as stems, so one fact told as "rates" then "rate"
/// is one), and whether a sentence tells one of those facts again: when at least
/// <paramref name="overlap"/> of its stems are in one told sentence. The extractive summary and the
/// checks of a model's answer both read it.
/// </summary>
public sealed class ToldFacts(IEnumerable<string> told, double overlap)
{
    private readonly List<HashSet<string>> _told = [.. told.Select(t => TextFacts.ContentStems(t).ToHashSet(StringComparer.Ordinal))];

    public bool Retells(string sentence)
    {
        var stems = TextFacts.ContentStems(sentence);
        return stems.Count > 0 && _told.Exists(t => stems.Count(t.Contains) >= overlap * stems.Count);
    }
}
