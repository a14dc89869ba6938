using System.IO.Compression;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Briefings.Core.Http;

/// <summary>
/// Brotli and gzip for clients that ask (<c>Accept-Encoding</c>). A digest's bytes are compressed
/// once per encoding and kept beside the bytes for as long as they live (the digest store keeps
/// one array per stored blob version), so serving a compressed briefing costs no more than serving
/// the plain one. Only public, cacheable responses come here; nothing secret is mixed into them,
/// so compressing them gives nothing away.
/// </summary>
public static class ContentEncodings
{
    /// <summary>Below this a response is sent as it is: compressing would save too little.</summary>
    public const int MinimumLength = 1024;

    private static readonly ConditionalWeakTable<byte[], Compressed> Cache = new();

    /// <summary>The coding to send: <c>br</c> or <c>gzip</c> by the client's preference (q-values, then br first), or null.</summary>
    public static string? Choose(StringValues acceptEncoding)
    {
        if (acceptEncoding.Count == 0 || !StringWithQualityHeaderValue.TryParseList(acceptEncoding, out var codings))
        {
            return null;
        }

        string? best = null;
        var bestQuality = 0.0;
        foreach (var coding in codings)
        {
            var name = coding.Value.Value?.ToLowerInvariant();
            var quality = coding.Quality ?? 1.0;
            if (name is not ("br" or "gzip") || quality <= 0)
            {
                continue;
            }

            if (quality > bestQuality || (quality == bestQuality && name == "br"))
            {
                best = name;
                bestQuality = quality;
            }
        }

        return best;
    }

    /// <summary>The content compressed with <paramref name="coding"/> (<c>br</c> or <c>gzip</c>), made once per array.</summary>
    public static byte[] Compress(byte[] content, string coding)
    {
        var compressed = Cache.GetValue(content, static c => new Compressed(c));
        return coding == "br" ? compressed.Brotli.Value : compressed.Gzip.Value;
    }

    /// <summary>The validator of a compressed form: the plain form's ETag with the coding added inside the quotes.</summary>
    public static string ETag(string etag, string coding) =>
        etag.EndsWith('"') ? $"{etag[..^1]}-{coding}\"" : etag;

    private static byte[] Encode(byte[] content, Func<Stream, Stream> encoder)
    {
        using var buffer = new MemoryStream(content.Length / 4);
        using (var stream = encoder(buffer))
        {
            stream.Write(content);
        }

        return buffer.ToArray();
    }

    private sealed class Compressed(byte[] content)
    {
        public Lazy<byte[]> Brotli { get; } = new(() => Encode(content, s => new BrotliStream(s, CompressionLevel.Optimal, leaveOpen: true)));

        public Lazy<byte[]> Gzip { get; } = new(() => Encode(content, s => new GZipStream(s, CompressionLevel.Optimal, leaveOpen: true)));
    }
}
