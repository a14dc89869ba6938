namespace Briefings.Core.Articles;

/// <summary>An article as it arrived: the blob name, its bytes, content type and metadata.</summary>
public sealed record RawArticle(
    string Name,
    ReadOnlyMemory<byte> Content,
    string? ContentType = null,
    IReadOnlyDictionary<string, string>? Metadata = null);
