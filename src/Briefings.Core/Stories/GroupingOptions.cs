namespace Briefings.Core.Stories;

/// <summary>The knobs of story grouping; the defaults are the measured ones (docs/architecture.md).</summary>
public sealed record GroupingOptions
{
    /// <summary>Two groups merge while the mean similarity of their articles is at least this.</summary>
    public double MergeThreshold { get; init; } = 0.14;

    /// <summary>Articles this similar are copies of one report (syndicated or lightly rewritten).</summary>
    public double CopyThreshold { get; init; } = 0.6;

    /// <summary>Articles published within this span are compared on content alone.</summary>
    public TimeSpan SameNewsWindow { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Beyond the window similarity decays with this half-life.</summary>
    public TimeSpan DecayHalfLife { get; init; } = TimeSpan.FromHours(4);

    /// <summary>Terms found in more than this share of articles are too common to propose candidates.</summary>
    public double MaxCandidateTermShare { get; init; } = 0.05;
}
