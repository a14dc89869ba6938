using Briefings.Core.Rendering;
using Microsoft.Net.Http.Headers;

namespace Briefings.Core.Http;

/// <summary>The forms a digest is served in.</summary>
public enum Representation
{
    Json,
    Html,
    Markdown,
    Text,
}

/// <summary>Picks the representation: <c>?format=</c> first, else the Accept header, else JSON.</summary>
public static class Representations
{
    /// <summary>Reads a <c>format</c> query value: json, html, md or txt (and their long names).</summary>
    public static bool TryParseFormat(string format, out Representation representation)
    {
        Representation? parsed = format.Equals("json", StringComparison.OrdinalIgnoreCase)
            ? Representation.Json
            : RenderFormats.Parse(format) switch
            {
                RenderFormat.Html => Representation.Html,
                RenderFormat.Markdown => Representation.Markdown,
                RenderFormat.Text => Representation.Text,
                _ => null,
            };
        representation = parsed.GetValueOrDefault();
        return parsed is not null;
    }

    /// <summary>
    /// The most preferred representation the Accept header allows (by quality, then by order),
    /// JSON when there is no header or it accepts anything, null when it accepts none of them.
    /// </summary>
    public static Representation? FromAccept(string? accept)
    {
        if (string.IsNullOrWhiteSpace(accept))
        {
            return Representation.Json;
        }

        if (!MediaTypeHeaderValue.TryParseList([accept], out var ranges))
        {
            return Representation.Json;
        }

        var ordered = ranges
            .Select((range, index) => (range, index, quality: range.Quality ?? 1.0))
            .Where(r => r.quality > 0)
            .OrderByDescending(r => r.quality)
            .ThenBy(r => r.index);
        foreach (var (range, _, _) in ordered)
        {
            if (Match(range.MediaType.Value) is { } match)
            {
                return match;
            }
        }

        return null;
    }

    public static RenderFormat ToRenderFormat(Representation representation) => representation switch
    {
        Representation.Html => RenderFormat.Html,
        Representation.Markdown => RenderFormat.Markdown,
        Representation.Text => RenderFormat.Text,
        _ => throw new ArgumentOutOfRangeException(nameof(representation), "JSON is not a rendering."),
    };

    private static Representation? Match(string? mediaType) => mediaType?.ToLowerInvariant() switch
    {
        "application/json" or "application/*" or "*/*" => Representation.Json,
        "text/html" or "application/xhtml+xml" or "text/*" => Representation.Html,
        "text/markdown" => Representation.Markdown,
        "text/plain" => Representation.Text,
        _ => null,
    };
}
