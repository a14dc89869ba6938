namespace Briefings.Core.Digests;

/// <summary>One day's briefing; its JSON form is the API contract.</summary>
public sealed record Digest(
    DateOnly Date,
    DateTimeOffset GeneratedAt,
    int ArticleCount,
    IReadOnlyList<Story> Stories)
{
    /// <summary>What grouped the articles: <see cref="GroupingMethods.Words"/>, or <see cref="GroupingMethods.WordsAndEmbeddings"/> when an embeddings model gave vectors.</summary>
    public string GroupingMethod { get; init; } = GroupingMethods.Words;

    /// <summary>Why articles were grouped by their words alone although an embeddings model is configured ("6 of 856 articles without embeddings (error: HTTP 500 after 4 attempts)"); null otherwise.</summary>
    public string? GroupingNote { get; init; }

    /// <summary>
    /// When the day's briefing was first published: its first build's time, kept when the day is
    /// built again (then <see cref="GeneratedAt"/> is the rebuild's). Null for a digest built
    /// outside the store (<c>briefings digest</c>).
    /// </summary>
    public DateTimeOffset? PublishedAt { get; init; }
}

/// <summary>A story: what happened, in sentences that cite the articles they come from.</summary>
public sealed record Story(
    string Id,
    string Headline,
    IReadOnlyList<SummarySentence> Summary,
    IReadOnlyList<StoryArticle> Articles,
    IReadOnlyList<string> Sources,
    int Reports,
    IReadOnlyList<Quote> Quotes,
    IReadOnlyList<Figure> Figures)
{
    /// <summary>Set when the story began on an earlier day and runs on; null for a new story.</summary>
    public Continuity? Developing { get; init; }

    /// <summary>What wrote the headline and summary: <see cref="SummaryMethods.Extractive"/> or <see cref="SummaryMethods.Model"/>.</summary>
    public string SummaryMethod { get; init; } = SummaryMethods.Extractive;

    /// <summary>
    /// Why a configured model's text was not used for this story ("fallback: unsupported number: …"),
    /// or what the model's first answer got wrong before it corrected it ("repaired: unsupported
    /// name: …"); null otherwise.
    /// </summary>
    public string? SummaryNote { get; init; }
}

/// <summary>
/// How a developing story got here: the day it was first seen, how many days it has run
/// (counting this one), how many articles earlier days carried, and what it was called then.
/// The story's summary and articles are what is new since.
/// </summary>
public sealed record Continuity(DateOnly FirstSeen, int DaysRunning, int EarlierArticles, string Previously);

/// <summary>One summary sentence and the ids of the articles that say it.</summary>
public sealed record SummarySentence(string Text, IReadOnlyList<string> Sources);

/// <summary>An article as a story lists it. <c>CopyOf</c> names the report it repeats, when it is a copy.</summary>
public sealed record StoryArticle(string Id, string Title, string? Source, string? Url, DateTimeOffset? Published, string? CopyOf = null);

/// <summary>Words in quotation marks and who said them.</summary>
public sealed record Quote(string Text, string Speaker, string ArticleId);

/// <summary>A number that matters, the sentence it stands in, and who gave it when the text says so.</summary>
public sealed record Figure(string Value, string Context, string? Speaker, string ArticleId);
