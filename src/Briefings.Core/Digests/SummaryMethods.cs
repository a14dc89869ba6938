namespace Briefings.Core.Digests;

/// <summary>The paths that can produce a story's headline and summary, as the digest records them.</summary>
public static class SummaryMethods
{
    /// <summary>Sentences chosen from the articles themselves, and the lead article's title.</summary>
    public const string Extractive = "extractive";

    /// <summary>Written by the configured model from numbered passages, every sentence checked against the articles it cites.</summary>
    public const string Model = "model";
}
