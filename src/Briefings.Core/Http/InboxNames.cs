using System.Globalization;

namespace Briefings.Core.Http;

/// <summary>Names for articles uploaded over HTTP: one flat, plain segment, given or generated.</summary>
public static class InboxNames
{
    public const int MaxLength = 128;

    /// <summary>Letters, digits, '.', '-' and '_', starting with a letter or digit: no paths, nothing hidden.</summary>
    public static bool IsSafe(string name) =>
        name.Length is > 0 and <= MaxLength
        && char.IsAsciiLetterOrDigit(name[0])
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');

    /// <summary>A unique name that sorts by arrival, with the extension the content type implies.</summary>
    public static string Generate(DateTimeOffset now, string? contentType) =>
        string.Create(CultureInfo.InvariantCulture, $"upload-{now.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{Guid.NewGuid():N}{Extension(contentType)}");

    private static string Extension(string? contentType) => contentType?.Split(';')[0].Trim().ToLowerInvariant() switch
    {
        "application/json" => ".json",
        "text/html" or "application/xhtml+xml" => ".html",
        "text/markdown" => ".md",
        "text/plain" => ".txt",
        _ => "", // the reader decides from the content
    };
}
