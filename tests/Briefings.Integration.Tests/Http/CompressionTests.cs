using System.IO.Compression;
using System.Net;
using Briefings.Integration.Tests.Infrastructure;

namespace Briefings.Integration.Tests.Http;

/// <summary>Brotli and gzip for clients that ask, through the real runner and Kestrel.</summary>
public sealed class CompressionTests() : RunnerOnStore(azurite: false)
{
    private async Task<HttpResponseMessage> GetAsync(string path, string? acceptEncoding, string? ifNoneMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        // The runner's client does not decompress, so the test sees the bytes as sent.
        return await Runner.Client.SendAsync(request);
    }

    private static byte[] Decode(byte[] body, string coding)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = coding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }

    [Theory]
    [InlineData("/api/briefings/latest", "br", "br")]
    [InlineData("/api/briefings/latest", "gzip, deflate", "gzip")]
    [InlineData("/api/briefings/latest", "gzip;q=1, br;q=0.5", "gzip")]
    [InlineData("/api/briefings/latest", "br;q=0, gzip", "gzip")]
    [InlineData("/api/briefings/latest?format=html", "gzip, br", "br")]
    [InlineData("/briefings", "br", "br")]
    public async Task ACompressedResponseDecodesToThePlainOneAndHasItsOwnETag(string path, string acceptEncoding, string expected)
    {
        await Seeding.IngestSeedsAndBuildAsync(Runner.Services, send: false);
        var plain = await GetAsync(path, null);
        var plainBody = await plain.Content.ReadAsByteArrayAsync();

        var compressed = await GetAsync(path, acceptEncoding);
        var body = await compressed.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, compressed.StatusCode);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal([expected], compressed.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", compressed.Headers.Vary);
        Assert.Contains("Accept-Encoding", plain.Headers.Vary);
        Assert.True(body.Length < plainBody.Length / 2, $"{body.Length} bytes compressed, {plainBody.Length} plain");
        Assert.Equal(plainBody, Decode(body, expected));
        Assert.NotEqual(plain.Headers.ETag, compressed.Headers.ETag);
        Assert.Equal(plain.Content.Headers.ContentType, compressed.Content.Headers.ContentType);
    }

    [Theory]
    [InlineData("identity")]
    [InlineData("br;q=0, gzip;q=0")]
    [InlineData("deflate")]
    [InlineData("*;q=0")]
    public async Task WithoutAnAcceptedCodingTheResponseIsPlain(string acceptEncoding)
    {
        await Seeding.IngestSeedsAndBuildAsync(Runner.Services, send: false);

        var response = await GetAsync("/api/briefings/latest", acceptEncoding);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.StartsWith("{", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheCompressedFormsETagIsAnsweredWithNotModified()
    {
        await Seeding.IngestSeedsAndBuildAsync(Runner.Services, send: false);
        var first = await GetAsync("/api/briefings/latest", "br");
        var etag = first.Headers.ETag!.ToString();

        var again = await GetAsync("/api/briefings/latest", "br", etag);
        var plainWithThatTag = await GetAsync("/api/briefings/latest", null, etag);

        Assert.EndsWith("-br\"", etag);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, plainWithThatTag.StatusCode);
    }
}
