using Briefings.Core.Articles;
using Briefings.Core.Digests;

namespace Briefings.Core.Summaries.Model;

/// <summary>A second pass over a built digest that may rewrite stories' headlines and summaries.</summary>
public interface IStoryWriter
{
    /// <param name="digest">The digest as <see cref="DigestBuilder"/> built it.</param>
    /// <param name="articles">The articles it was built from.</param>
    /// <param name="told">By story id, what earlier digests told: summary sentences, quotes and figures' sentences (see <see cref="DigestBuilder.Build"/>).</param>
    /// <param name="cancellationToken">Cancels the run; a story's own failures never do.</param>
    Task<Digest> ImproveAsync(Digest digest, IReadOnlyList<Article> articles, IReadOnlyDictionary<string, IReadOnlyList<string>>? told = null, CancellationToken cancellationToken = default);
}

/// <summary>With no model configured: the extractive stories stand as built.</summary>
public sealed class ExtractiveStoryWriter : IStoryWriter
{
    public Task<Digest> ImproveAsync(Digest digest, IReadOnlyList<Article> articles, IReadOnlyDictionary<string, IReadOnlyList<string>>? told = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(digest);
}
