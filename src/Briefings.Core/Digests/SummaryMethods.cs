namespace Briefings.Core.Digests;

/// <summary>The paths that can produce a story's headline and summary, as the digest records them.</summary>
public static class SummaryMethods
{
    /// <summary>Sentences chosen from the articles themselves, and the lead article's title.</summary>
    public const string Extractive = "extractive";

    /// <summary>Written by the configured model from numbered passages, every sentence checked against the articles it cites.</summary>
    public const string Model = "model";
}

/// <summary>What grouped a digest's articles into stories, as <see cref="Digest.GroupingMethod"/> says it.</summary>
public static class GroupingMethods
{
    /// <summary>The articles' words alone: TF-IDF cosine, time and day factors, local scaling.</summary>
    public const string Words = "words";

    /// <summary>The words' similarity blended with an embeddings model's, for the articles it embedded.</summary>
    public const string WordsAndEmbeddings = "words+embeddings";
}
