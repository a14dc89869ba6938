using System.Net.Http.Headers;

namespace Briefings.Integration.Tests.Infrastructure;

/// <summary>Small request helpers the HTTP tests share.</summary>
public static class HttpAssert
{
    public static async Task<HttpResponseMessage> RequestAsync(this HttpClient client, string path, string? accept = null, EntityTagHeaderValue? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(ifNoneMatch);
        }

        return await client.SendAsync(request);
    }

    /// <summary>Asserts the response has a strong ETag and the given Cache-Control, and returns the ETag.</summary>
    public static EntityTagHeaderValue AssertCacheable(HttpResponseMessage response, string cacheControl)
    {
        var etag = response.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak, "the ETag should be strong");
        Assert.Equal(cacheControl, response.Headers.CacheControl?.ToString());
        return etag;
    }

    /// <summary>Sends the same GET with If-None-Match and asserts a 304 that keeps the validator and Cache-Control.</summary>
    public static async Task AssertRevalidatesAsync(this HttpClient client, string path, EntityTagHeaderValue etag, string cacheControl, string? accept = null)
    {
        var again = await client.RequestAsync(path, accept, etag);
        Assert.Equal(System.Net.HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(etag, again.Headers.ETag);
        Assert.Equal(cacheControl, again.Headers.CacheControl?.ToString());
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
    }
}
