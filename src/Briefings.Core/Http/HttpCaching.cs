using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Briefings.Core.Http;

/// <summary>
/// Validators and cache lifetimes for every digest response. Each response carries a strong
/// ETag (the stored blob's, or a hash of the bytes sent) and Cache-Control; the bytes result
/// answers <c>If-None-Match</c> with 304 itself.
/// </summary>
public static class HttpCaching
{
    /// <summary>One dated digest: it changes only when that day is rebuilt, which is rare.</summary>
    public const string Dated = "public, max-age=3600";

    /// <summary>What changes when any day is built: latest, archive, feed, pages (their next-day links).</summary>
    public const string Changing = "public, max-age=60";

    /// <summary>A strong ETag for content made at request time: the first 128 bits of its SHA-256.</summary>
    public static string StrongETag(ReadOnlySpan<byte> content) =>
        $"\"{Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 16))}\"";

    /// <summary>
    /// The bytes with their validator, lifetime and any further headers; compressed with Brotli or
    /// gzip when the client accepts it (<see cref="ContentEncodings"/>).
    /// </summary>
    public static IResult Cached(byte[] content, string contentType, string etag, string cacheControl, params KeyValuePair<string, string>[] headers) =>
        new NegotiatedBytes(content, contentType, etag,
            [new(HeaderNames.CacheControl, cacheControl), new(HeaderNames.XContentTypeOptions, "nosniff"), .. headers]);
}

/// <summary>
/// Bytes sent plain or in the content coding the request accepts, each form with its own strong
/// ETag; <c>If-None-Match</c> is answered 304 by the inner result.
/// </summary>
public sealed class NegotiatedBytes(byte[] content, string contentType, string etag, IReadOnlyList<KeyValuePair<string, string>> headers) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        foreach (var (name, value) in headers)
        {
            response.Headers.Append(name, value);
        }

        response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
        if (content.Length >= ContentEncodings.MinimumLength
            && ContentEncodings.Choose(httpContext.Request.Headers.AcceptEncoding) is { } coding)
        {
            response.Headers.ContentEncoding = coding;
            return TypedResults.Bytes(ContentEncodings.Compress(content, coding), contentType,
                entityTag: EntityTagHeaderValue.Parse(ContentEncodings.ETag(etag, coding))).ExecuteAsync(httpContext);
        }

        return TypedResults.Bytes(content, contentType, entityTag: EntityTagHeaderValue.Parse(etag)).ExecuteAsync(httpContext);
    }
}

/// <summary>Adds headers, then lets the inner result write the response (its 304 keeps them).</summary>
public sealed class WithHeaders(IResult inner, IReadOnlyList<KeyValuePair<string, string>> headers) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        foreach (var (name, value) in headers)
        {
            httpContext.Response.Headers.Append(name, value);
        }

        return inner.ExecuteAsync(httpContext);
    }
}
