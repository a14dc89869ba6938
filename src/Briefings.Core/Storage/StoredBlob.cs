namespace Briefings.Core.Storage;

/// <summary>A blob read whole: content, ETag, content type and metadata.</summary>
public sealed record StoredBlob(
    string Name,
    byte[] Content,
    string ETag,
    string? ContentType,
    IReadOnlyDictionary<string, string> Metadata);
