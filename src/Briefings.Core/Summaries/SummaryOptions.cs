namespace Briefings.Core.Summaries;

/// <summary>The shape of a story summary.</summary>
public sealed record SummaryOptions
{
    public int MinSentences { get; init; } = 2;

    public int MaxSentences { get; init; } = 5;

    /// <summary>Selection stops once the summary reaches this many words.</summary>
    public int TargetWords { get; init; } = 80;

    /// <summary>A sentence that would take the summary past this is left out.</summary>
    public int MaxWords { get; init; } = 100;

    /// <summary>A candidate must bring at least this share of content words not yet in the summary.</summary>
    public double MinNovelty { get; init; } = 0.5;

    /// <summary>What being an article's first sentence is worth, in consensus units.</summary>
    public double LeadBonus { get; init; } = 0.22;

    /// <summary>Another article is cited for a sentence when one of its sentences holds this share of the sentence's content words.</summary>
    public double CitationOverlap { get; init; } = 0.6;

    /// <summary>The same, for an article already known to be a copy of the sentence's report (its wording differs more).</summary>
    public double CopyCitationOverlap { get; init; } = 0.4;
}
