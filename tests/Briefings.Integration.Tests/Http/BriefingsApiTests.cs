using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Briefings.Integration.Tests.Infrastructure;

namespace Briefings.Integration.Tests.Http;

/// <summary>The HTTP API through the real runner and Kestrel, over both storage backends.</summary>
public abstract class BriefingsApiTests(bool azurite) : RunnerOnStore(azurite)
{
    /// <summary>Text that is page furniture in the seeds and must appear in no rendering.</summary>
    private static readonly string[] Boilerplate =
    [
        "ua en ru", "See also", "Discover more from", "Subscribe to get the latest posts", "Leave a Reply",
        "Your email address will not be published", "Support UP", "become our patron", "#deeply", "коментуйте", "Photo:",
    ];

    [Fact]
    public async Task LatestShowsOneStoryHoldingAllFiveSeedsWithEverySentenceCited()
    {
        await Seeding.IngestSeedsAndBuildAsync(Runner.Services, send: false);

        var response = await Runner.Client.GetAsync("/api/briefings/latest");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var story = Assert.Single(json.RootElement.GetProperty("stories").EnumerateArray());
        var ids = story.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToHashSet();
        Assert.Equal(5, ids.Count);
        var summary = story.GetProperty("summary").EnumerateArray().ToList();
        Assert.InRange(summary.Count, 2, 5);
        foreach (var sentence in summary)
        {
            var sources = sentence.GetProperty("sources").EnumerateArray().Select(s => s.GetString()).ToList();
            Assert.NotEmpty(sources);
            Assert.All(sources, s => Assert.Contains(s, ids));
        }

        Assert.False(string.IsNullOrWhiteSpace(story.GetProperty("headline").GetString()));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", json.RootElement.GetProperty("date").GetString()!);
    }

    [Theory]
    [InlineData("html", "text/html")]
    [InlineData("md", "text/markdown")]
    [InlineData("txt", "text/plain")]
    [InlineData(null, "application/json")]
    public async Task EveryRenderingIsServedWithoutBoilerplate(string? format, string mediaType)
    {
        await Seeding.IngestSeedsAndBuildAsync(Runner.Services, send: false);

        var response = await Runner.Client.GetAsync("/api/briefings/latest" + (format is null ? "" : $"?format={format}"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Borrell", body);
        foreach (var noise in Boilerplate)
        {
            Assert.DoesNotContain(noise, body, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task AnUnchangedDigestAnswersAConditionalRequestWith304()
    {
        await Seeding.IngestSeedsAndBuildAsync(Runner.Services, send: false);
        var first = await Runner.Client.GetAsync("/api/briefings/latest");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/briefings/latest");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag.Tag));
        var second = await Runner.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task WithNoDigestYetLatestIsA404ProblemAndBadInputIsA400()
    {
        var missing = await Runner.Client.GetAsync("/api/briefings/latest");
        var unknownDay = await Runner.Client.GetAsync("/api/briefings/2001-01-01");
        var badDate = await Runner.Client.GetAsync("/api/briefings/yesterday");
        await Seeding.IngestSeedsAndBuildAsync(Runner.Services, send: false);
        var badFormat = await Runner.Client.GetAsync("/api/briefings/latest?format=pdf");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, unknownDay.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
    }

    [Fact]
    public async Task ThePageAtTheRootIsTheLatestBriefingInHtml()
    {
        var result = await Seeding.IngestSeedsAndBuildAsync(Runner.Services, send: false);

        var root = await Runner.Client.GetStringAsync("/");
        var day = await Runner.Client.GetStringAsync($"/briefings/{result.Date:yyyy-MM-dd}");

        Assert.StartsWith("<!doctype html>", root);
        Assert.Equal(root, day);
        Assert.DoesNotContain("<script", root, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TheHtmlRenderingForbidsScriptsLikeThePage()
    {
        await Seeding.IngestSeedsAndBuildAsync(Runner.Services, send: false);

        var html = await Runner.Client.GetAsync("/api/briefings/latest?format=html");
        var json = await Runner.Client.GetAsync("/api/briefings/latest");

        Assert.StartsWith("default-src 'none'; style-src 'unsafe-inline'; img-src https: data:", Assert.Single(html.Headers.GetValues("Content-Security-Policy")));
        Assert.False(json.Headers.Contains("Content-Security-Policy"));
        Assert.Equal("nosniff", Assert.Single(json.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task AFormatInTheQueryWinsOverTheAcceptHeader()
    {
        await Seeding.IngestSeedsAndBuildAsync(Runner.Services, send: false);

        var response = await Runner.Client.RequestAsync("/api/briefings/latest?format=md", "application/json");

        Assert.Equal("text/markdown", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AnAcceptHeaderWithNothingServableIsA406Problem()
    {
        await Seeding.IngestSeedsAndBuildAsync(Runner.Services, send: false);

        var response = await Runner.Client.RequestAsync("/api/briefings/latest", "image/png, application/pdf");

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?format=html")]
    [InlineData("?format=md")]
    [InlineData("?format=txt")]
    public async Task ADayHasAStrongETagAndCacheControlAndRevalidatesTo304(string query)
    {
        var result = await Seeding.IngestSeedsAndBuildAsync(Runner.Services, send: false);
        var path = $"/api/briefings/{result.Date:yyyy-MM-dd}{query}";

        var response = await Runner.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var etag = HttpAssert.AssertCacheable(response, "public, max-age=3600");
        await Runner.Client.AssertRevalidatesAsync(path, etag, "public, max-age=3600");
    }

    [Fact]
    public async Task LatestChangesSoItIsCachedBriefly()
    {
        await Seeding.IngestSeedsAndBuildAsync(Runner.Services, send: false);

        var response = await Runner.Client.GetAsync("/api/briefings/latest");

        HttpAssert.AssertCacheable(response, "public, max-age=60");
    }

    [Fact]
    public async Task ARebuiltDayGetsANewETagSoOldCopiesAreNotConfirmed()
    {
        var result = await Seeding.IngestSeedsAndBuildAsync(Runner.Services, send: false);
        var path = $"/api/briefings/{result.Date:yyyy-MM-dd}";
        var before = (await Runner.Client.GetAsync(path)).Headers.ETag!;

        await Seeding.BuildDaysAsync(Runner.Services, result.Date);
        var after = await Runner.Client.RequestAsync(path, ifNoneMatch: before);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before, after.Headers.ETag);
    }

    [Fact]
    public async Task AStoryIsServedWholeWithItsArticlesQuotesFiguresAndSources()
    {
        var result = await Seeding.IngestSeedsAndBuildAsync(Runner.Services, send: false);
        using var digest = JsonDocument.Parse(await Runner.Client.GetStringAsync("/api/briefings/latest"));
        var expected = digest.RootElement.GetProperty("stories")[0];
        var path = $"/api/briefings/{result.Date:yyyy-MM-dd}/stories/{expected.GetProperty("id").GetString()}";

        var response = await Runner.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var story = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(expected.GetRawText(), story.RootElement.GetRawText());
        foreach (var part in new[] { "articles", "quotes", "figures", "sources", "summary" })
        {
            Assert.NotEmpty(story.RootElement.GetProperty(part).EnumerateArray());
        }

        var etag = HttpAssert.AssertCacheable(response, "public, max-age=3600");
        await Runner.Client.AssertRevalidatesAsync(path, etag, "public, max-age=3600");
    }

    [Fact]
    public async Task EveryReadRouteAnswersHeadAsItAnswersGetWithoutTheBody()
    {
        var result = await Seeding.IngestSeedsAndBuildAsync(Runner.Services, send: false);
        using var digest = JsonDocument.Parse(await Runner.Client.GetStringAsync("/api/briefings/latest"));
        var day = $"{result.Date:yyyy-MM-dd}";
        var story = digest.RootElement.GetProperty("stories")[0].GetProperty("id").GetString();
        string[] paths =
        [
            "/api/briefings/latest", "/api/briefings/latest?format=html", $"/api/briefings/{day}", $"/api/briefings/{day}/stories/{story}",
            "/api/briefings", "/api/briefings/feed", "/", $"/briefings/{day}", $"/briefings/{day}/stories/{story}", "/briefings",
            "/api/briefings/2001-01-01", "/api/briefings/2001-13-01",
        ];

        foreach (var path in paths)
        {
            var get = await Runner.Client.GetAsync(path);
            var head = await Runner.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

            Assert.True(get.StatusCode == head.StatusCode, $"HEAD {path}: {head.StatusCode}, GET: {get.StatusCode}");
            Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
            Assert.Equal(get.Headers.ETag, head.Headers.ETag);
            Assert.Equal(get.Headers.CacheControl, head.Headers.CacheControl);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
            if (get.IsSuccessStatusCode)
            {
                Assert.Equal((await get.Content.ReadAsByteArrayAsync()).Length, head.Content.Headers.ContentLength);
                using var conditional = new HttpRequestMessage(HttpMethod.Head, path);
                conditional.Headers.IfNoneMatch.Add(get.Headers.ETag!);
                Assert.Equal(HttpStatusCode.NotModified, (await Runner.Client.SendAsync(conditional)).StatusCode);
            }
        }
    }

    [Fact]
    public async Task AStoryOfAnUnknownDayOrIdIsA404ProblemAndAMalformedDateA400()
    {
        var result = await Seeding.IngestSeedsAndBuildAsync(Runner.Services, send: false);

        var unknownStory = await Runner.Client.GetAsync($"/api/briefings/{result.Date:yyyy-MM-dd}/stories/no-such-story");
        var unknownDay = await Runner.Client.GetAsync("/api/briefings/2001-01-01/stories/anything");
        var badDate = await Runner.Client.GetAsync("/api/briefings/2001-13-01/stories/anything");

        Assert.Equal(HttpStatusCode.NotFound, unknownStory.StatusCode);
        Assert.Equal("application/problem+json", unknownStory.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, unknownDay.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Equal("application/problem+json", badDate.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class BriefingsApiOnFolderStoreTests() : BriefingsApiTests(azurite: false);

public sealed class BriefingsApiOnAzuriteTests() : BriefingsApiTests(azurite: true);

/// <summary>Content negotiation, which does not depend on the store: on the folder store only.</summary>
public sealed class ContentNegotiationTests() : RunnerOnStore(azurite: false)
{
    [Theory]
    [InlineData("text/html", "text/html")]
    [InlineData("text/markdown", "text/markdown")]
    [InlineData("text/plain", "text/plain")]
    [InlineData("application/json", "application/json")]
    [InlineData("*/*", "application/json")]
    [InlineData("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html")]
    [InlineData("text/plain;q=0.5, text/markdown", "text/markdown")]
    public async Task TheAcceptHeaderPicksTheRepresentationWhenNoFormatIsGiven(string accept, string mediaType)
    {
        var result = await Seeding.IngestSeedsAndBuildAsync(Runner.Services, send: false);

        foreach (var path in new[] { "/api/briefings/latest", $"/api/briefings/{result.Date:yyyy-MM-dd}" })
        {
            var response = await Runner.Client.RequestAsync(path, accept);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Accept", response.Headers.Vary);
        }
    }
}

/// <summary>What routing answers on its own (no such route, a method not allowed) says so in a problem body too, and to a reader's browser outside the API in a page.</summary>
public sealed class RoutingProblemTests() : RunnerOnStore(azurite: false)
{
    [Fact]
    public async Task AnUnknownRouteIsA404Problem()
    {
        var response = await Runner.Client.GetAsync("/api/no-such-route");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task ABrowserAskingForAnAddressThatIsNoPageIsShownAPageLeadingToTheBriefings()
    {
        var result = await Seeding.IngestSeedsAndBuildAsync(Runner.Services, send: false);
        const string browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

        using var page = await SendAsync(HttpMethod.Get, "/briefing/latest", browser);
        using var head = await SendAsync(HttpMethod.Head, "/briefing/latest", browser);
        using var post = await SendAsync(HttpMethod.Post, "/briefings", browser);
        using var api = await SendAsync(HttpMethod.Get, "/api/briefing", browser);
        using var client = await SendAsync(HttpMethod.Get, "/briefing/latest", "application/json");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("There is no page at “/briefing/latest”.", html);
        Assert.Contains($"href=\"/briefings/{result.Date:yyyy-MM-dd}\"", html);
        Assert.StartsWith("default-src 'none'", Assert.Single(page.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Contains("cannot be asked for with POST", await post.Content.ReadAsStringAsync());
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Equal("application/problem+json", client.Content.Headers.ContentType?.MediaType);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string accept)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        return await Runner.Client.SendAsync(request);
    }

    [Fact]
    public async Task AMethodNotAllowedIsA405ProblemThatSaysWhichAre()
    {
        var response = await Runner.Client.DeleteAsync("/api/briefings/latest");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow.Order(StringComparer.Ordinal));
    }
}
