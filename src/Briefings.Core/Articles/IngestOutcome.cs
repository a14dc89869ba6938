using System.Text.Json.Serialization;

namespace Briefings.Core.Articles;

[JsonConverter(typeof(JsonStringEnumConverter<IngestStatus>))]
public enum IngestStatus
{
    /// <summary>Stored as a new article.</summary>
    Ingested,

    /// <summary>Read fine, but the same article was already stored.</summary>
    Duplicate,

    /// <summary>This name and ETag were handled before; nothing was done.</summary>
    AlreadyDone,

    /// <summary>Not an article, or failed too often: moved to the poison place with its reason.</summary>
    Poisoned,

    /// <summary>Failed in a way that may pass; will be tried again.</summary>
    Failed,

    /// <summary>The blob is gone.</summary>
    Missing,
}

/// <summary>The result of ingesting one inbox blob.</summary>
public sealed record IngestOutcome(string Name, IngestStatus Status, string? ArticleId = null, string? Reason = null);
