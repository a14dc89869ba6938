namespace Briefings.Core.Articles;

/// <summary>The input cannot be read as an article; retrying will not change that.</summary>
public sealed class ArticleRejectedException(string reason) : Exception(reason)
{
    public string Reason { get; } = reason;
}
