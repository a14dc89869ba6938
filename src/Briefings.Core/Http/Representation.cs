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
    /// The most preferred representation the Accept header allows, JSON when there is no header or
    /// it accepts anything, null when it accepts none of them. Each representation takes the quality
    /// of the most specific range that matches it (RFC 9110 §12.5.1: <c>text/html;q=0, text/*</c>
    /// refuses HTML and takes Markdown), then the highest quality wins, then the range listed first,
    /// then JSON, HTML, Markdown, text in that order.
    /// </summary>
    public static Representation? FromAccept(string? accept)
    {
        if (string.IsNullOrWhiteSpace(accept) || !MediaTypeHeaderValue.TryParseList([accept], out var ranges))
        {
            return Representation.Json;
        }

        Representation? best = null;
        var bestQuality = 0.0;
        var bestIndex = int.MaxValue;
        foreach (var (representation, types) in MediaTypes)
        {
            var (quality, index) = QualityOf(types, ranges);
            if (quality > bestQuality || (quality == bestQuality && quality > 0 && index < bestIndex))
            {
                (best, bestQuality, bestIndex) = (representation, quality, index);
            }
        }

        return best;
    }

    /// <summary>Each representation's media types, in the order preferred when the header ranks them alike.</summary>
    private static readonly (Representation Representation, string[] Types)[] MediaTypes =
    [
        (Representation.Json, ["application/json"]),
        (Representation.Html, ["text/html", "application/xhtml+xml"]),
        (Representation.Markdown, ["text/markdown"]),
        (Representation.Text, ["text/plain"]),
    ];

    /// <summary>The quality the most specific matching range gives, and where that range is listed; (0, max) when none matches.</summary>
    private static (double Quality, int Index) QualityOf(string[] types, IList<MediaTypeHeaderValue> ranges)
    {
        var (quality, index, specificity) = (0.0, int.MaxValue, 0);
        for (var i = 0; i < ranges.Count; i++)
        {
            var range = ranges[i].MediaType.Value?.ToLowerInvariant();
            foreach (var type in types)
            {
                var level = range == type ? 3
                    : range == "*/*" ? 1
                    : range is not null && range.EndsWith("/*", StringComparison.Ordinal) && type.StartsWith(range[..^1], StringComparison.Ordinal) ? 2
                    : 0;
                if (level > specificity)
                {
                    (quality, index, specificity) = (ranges[i].Quality ?? 1.0, i, level);
                }
            }
        }

        return (quality, index);
    }

    public static RenderFormat ToRenderFormat(Representation representation) => representation switch
    {
        Representation.Html => RenderFormat.Html,
        Representation.Markdown => RenderFormat.Markdown,
        Representation.Text => RenderFormat.Text,
        _ => throw new ArgumentOutOfRangeException(nameof(representation), "JSON is not a rendering."),
    };
}
