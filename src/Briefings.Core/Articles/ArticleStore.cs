using System.Globalization;
using System.Text.Json;
using Briefings.Core.Json;
using Briefings.Core.Digests;
using Briefings.Core.Storage;

namespace Briefings.Core.Articles;

/// <summary>Clean articles, filed by digest day: <c>articles/{yyyy}/{MM}/{dd}/{id}.json</c>.</summary>
public sealed class ArticleStore(IBlobStore store, DigestClock clock)
{
    public string PathOf(Article article) => $"{DayPrefix(article.DayIn(clock.Zone))}{article.Id}.json";

    /// <summary>Stores the article; returns false when an article with that id is already filed for its day.</summary>
    public async Task<bool> SaveAsync(Article article, CancellationToken cancellationToken = default)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(article, BriefingsJsonContext.Default.Article);
        try
        {
            await store.PutAsync(Containers.Articles, PathOf(article), json, BlobWrite.Create("application/json"), cancellationToken);
            return true;
        }
        catch (BlobConditionFailedException)
        {
            return false;
        }
    }

    /// <summary>The article filed under this one's id for its day, or null.</summary>
    public async Task<Article?> GetFiledAsync(Article article, CancellationToken cancellationToken = default) =>
        await store.GetAsync(Containers.Articles, PathOf(article), cancellationToken) is { } blob
            ? JsonSerializer.Deserialize(blob.Content, BriefingsJsonContext.Default.Article)
            : null;

    /// <summary>Every article filed for a day, in id order.</summary>
    public async Task<List<Article>> ListDayAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        var articles = new List<Article>();
        await foreach (var entry in store.ListAsync(Containers.Articles, DayPrefix(day), cancellationToken))
        {
            var blob = await store.GetAsync(Containers.Articles, entry.Name, cancellationToken);
            if (blob is not null)
            {
                articles.Add(JsonSerializer.Deserialize(blob.Content, BriefingsJsonContext.Default.Article)!);
            }
        }

        return articles;
    }

    private static string DayPrefix(DateOnly day) => day.ToString("yyyy'/'MM'/'dd'/'", CultureInfo.InvariantCulture);
}
