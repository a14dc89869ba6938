namespace Briefings.Core.Articles;

/// <summary>What ingest did with one inbox blob, keyed by its name and remembered by its ETag.</summary>
public sealed record IngestReceipt(
    string Name,
    string ETag,
    IngestStatus Status,
    int Attempts,
    string? ArticleId,
    string? ArticlePath,
    string? Reason,
    DateTimeOffset UpdatedAt);
