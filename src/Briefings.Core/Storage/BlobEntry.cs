namespace Briefings.Core.Storage;

/// <summary>A blob's name and properties, as listed.</summary>
public sealed record BlobEntry(string Name, string ETag, long Length, DateTimeOffset LastModified);
