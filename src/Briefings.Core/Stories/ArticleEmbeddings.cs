using Briefings.Core.Articles;

namespace Briefings.Core.Stories;

/// <summary>
/// Unit vectors of articles from an embeddings model, by article id, and why any asked for are
/// missing. An article without one is grouped by its words alone.
/// </summary>
public sealed record ArticleEmbeddings(IReadOnlyDictionary<string, float[]> Vectors, string? Problem)
{
    public static ArticleEmbeddings None { get; } = new(new Dictionary<string, float[]>(), null);
}

/// <summary>Embeds a day's articles for grouping (<see cref="GroupingOptions.EmbeddingWeight"/>).</summary>
public interface IArticleEmbedder
{
    /// <summary>
    /// What the vectors are made by (deployment, length, the text sent for an article), the same
    /// for as long as an article's vector would come out the same, so vectors kept under it can be
    /// used again (<see cref="EmbeddingStore"/>); null when there are no vectors to keep.
    /// </summary>
    string? Model { get; }

    /// <summary>Vectors for as many of the articles as it can; never throws for the model's failures.</summary>
    Task<ArticleEmbeddings> EmbedAsync(IReadOnlyList<Article> articles, CancellationToken cancellationToken = default);
}

/// <summary>No embeddings model: grouping reads the words alone.</summary>
public sealed class NoEmbedder : IArticleEmbedder
{
    public string? Model => null;

    public Task<ArticleEmbeddings> EmbedAsync(IReadOnlyList<Article> articles, CancellationToken cancellationToken = default) =>
        Task.FromResult(ArticleEmbeddings.None);
}
