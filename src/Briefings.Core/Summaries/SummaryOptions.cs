namespace Briefings.Core.Summaries;

/// <summary>The shape of a story summary.</summary>
public sealed record SummaryOptions
{
    public int MinSentences { get; init; } = 2;

    public int MaxSentences { get; init; } = 5;

    /// <summary>Selection stops once the summary reaches this many words.</summary>
    public int TargetWords { get; init; } = 75;

    /// <summary>A sentence that would take the summary past this is left out.</summary>
    public int MaxWords { get; init; } = 100;

    /// <summary>A candidate this similar to a chosen sentence repeats it.</summary>
    public double Redundancy { get; init; } = 0.55;

    /// <summary>Another article is cited for a sentence when this share of the sentence's words appear in one of its sentences.</summary>
    public double CitationOverlap { get; init; } = 0.75;
}
