using System.Text.Json;
using Briefings.Core.Json;

namespace Briefings.Core.Articles.Parsing;

/// <summary>The JSON envelope <c>{"id","title","source","url","published","body"}</c>.</summary>
public static class JsonEnvelopeReader
{
    public static ParsedDocument Read(string json)
    {
        ArticleEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize(json, BriefingsJsonContext.Default.ArticleEnvelope);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // System.Text.Json reports a string with a lone surrogate escape ("\ud800") as InvalidOperationException.
            throw new ArticleRejectedException($"The JSON is malformed or has wrong types: {e.Message}");
        }

        return FromEnvelope(envelope ?? throw new ArticleRejectedException("The JSON is null, not an article object."));
    }

    public static ParsedDocument FromEnvelope(ArticleEnvelope envelope)
    {
        if (string.IsNullOrWhiteSpace(envelope.Body))
        {
            throw new ArticleRejectedException("The JSON article has no \"body\" text.");
        }

        DateTimeOffset? published = envelope.Published is { ValueKind: JsonValueKind.String } value
            ? HtmlReader.ParseDate(StringOf(value))
            : envelope.Published is { ValueKind: JsonValueKind.Number } seconds && seconds.TryGetInt64(out var unix)
                ? FromUnixSeconds(unix)
                : null;

        return FromParts(envelope.Id, envelope.Title, envelope.Source, envelope.Url, published, envelope.Body);
    }

    /// <summary>A "published" number: seconds since 1970, after it and before the year 10000.</summary>
    internal static DateTimeOffset? FromUnixSeconds(long unix) =>
        unix is > 0 and < 253402300799 ? DateTimeOffset.FromUnixTimeSeconds(unix) : null;

    /// <summary>The document of an envelope whose body is known to hold more than whitespace.</summary>
    internal static ParsedDocument FromParts(string? id, string? title, string? source, string? url, DateTimeOffset? published, ReadOnlySpan<char> body)
    {
        var document = PlainTextReader.Read(body);
        return document with
        {
            Id = ArticleIds.Sanitize(id),
            Title = string.IsNullOrWhiteSpace(title) ? document.Title : title.Trim(),
            TitleFromText = string.IsNullOrWhiteSpace(title) && document.TitleFromText,
            Source = string.IsNullOrWhiteSpace(source) ? null : source.Trim(),
            Url = string.IsNullOrWhiteSpace(url) ? null : url.Trim(),
            Published = published,
        };
    }

    /// <summary>The string, or null when it holds a lone surrogate escape, which GetString refuses with an exception.</summary>
    private static string? StringOf(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
