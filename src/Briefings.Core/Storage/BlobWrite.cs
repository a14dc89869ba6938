namespace Briefings.Core.Storage;

/// <summary>How a blob is written: its headers and the condition the write depends on.</summary>
public sealed record BlobWrite
{
    public string? ContentType { get; init; }

    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    /// <summary>Write only if no blob of that name exists (If-None-Match: *).</summary>
    public bool CreateOnly { get; init; }

    /// <summary>Write only if the blob still has this ETag (If-Match).</summary>
    public string? IfMatch { get; init; }

    public static BlobWrite Create(string contentType) => new() { ContentType = contentType, CreateOnly = true };
}
