namespace Briefings.Core.Evaluation;

/// <summary>An editor's summary of one labelled story, what a digest's summary is compared with.</summary>
public sealed record ReferenceSummary(string Story, string? Headline, string Summary);
