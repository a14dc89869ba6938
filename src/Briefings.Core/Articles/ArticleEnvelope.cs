using System.Text.Json;

namespace Briefings.Core.Articles;

/// <summary>The JSON form an article may arrive in (one object per blob, or one per JSONL line).</summary>
public sealed record ArticleEnvelope(
    string? Id,
    string? Title,
    string? Source,
    string? Url,
    JsonElement? Published,
    string? Body);
