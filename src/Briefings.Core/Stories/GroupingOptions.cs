namespace Briefings.Core.Stories;

/// <summary>The knobs of story grouping; the defaults are the measured ones (docs/architecture.md).</summary>
public sealed record GroupingOptions
{
    /// <summary>
    /// Two groups merge while the mean locally scaled similarity of their articles is at least
    /// this: how much closer two articles are to each other than to their usual neighbours.
    /// </summary>
    public double MergeThreshold { get; init; } = 0.03;

    /// <summary>How many nearest neighbours describe how crowded an article's topic is.</summary>
    public int Neighbours { get; init; } = 10;

    /// <summary>
    /// A words' similarity at which neighbours are mostly one story's reports (on the labelled
    /// evaluation set with every article on one day, 85% of neighbour pairs this close are; with
    /// dates, 99%). An article at least 8 of whose 10 nearest are this close is in a story larger
    /// than its neighbourhood, and has no level of local scaling of its own. Embeddings do not
    /// count here: a model's cosine for unrelated news can be this high.
    /// </summary>
    public double SameStorySimilarity { get; init; } = 0.4;

    /// <summary>How many times the title counts against the lead and the body.</summary>
    public float TitleWeight { get; init; } = 3f;

    /// <summary>
    /// How many times an anchor, a figure ("1.2", "117") or a weekday, counts against a word: two
    /// reports that share one rarely do so by chance, so anchors tell one event from another on
    /// the same topic (reports weeks apart name other days and other figures).
    /// </summary>
    public float AnchorWeight { get; init; } = 2f;

    /// <summary>
    /// Similarity is multiplied by this when two reports each name days of the week and none in
    /// common: reports of one event name its day, while a report of the same topic another week
    /// names others. Publication times cannot tell such reports apart on a day that gathers
    /// articles written weeks apart, or articles without a time.
    /// </summary>
    public double OtherDayFactor { get; init; } = 0.8;

    /// <summary>Articles published within this span are compared on content alone.</summary>
    public TimeSpan SameNewsWindow { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Beyond the window similarity decays with this half-life.</summary>
    public TimeSpan DecayHalfLife { get; init; } = TimeSpan.FromHours(4);

    /// <summary>Terms found in more than this share of articles are too common to propose candidates.</summary>
    public double MaxCandidateTermShare { get; init; } = 0.05;

    /// <summary>
    /// Postings an article's search visits, the terms that weigh most in it per posting first:
    /// what keeps grouping linear on a day of 100,000 articles. A small day seldom reaches it.
    /// </summary>
    public int CandidateBudget { get; init; } = 1000;

    /// <summary>Proposals per article scored exactly, the best by their shared uncommon terms.</summary>
    public int CandidatesVerified { get; init; } = 40;

    /// <summary>
    /// Where both articles have an embedding (<see cref="IArticleEmbedder"/>), their similarity is
    /// this share of the embeddings' cosine and the rest the words' cosine, before the time and day
    /// factors and local scaling. Local scaling measures a pair against each article's usual
    /// neighbours, so the embeddings' own baseline (unrelated news scoring 0.2 or 0.7 by model)
    /// largely cancels out rather than shifting the merge threshold. Candidates come from the
    /// words' index and from the embeddings' buckets (<see cref="EmbeddingBuckets"/>).
    /// </summary>
    public double EmbeddingWeight { get; init; } = 0.5;
}
