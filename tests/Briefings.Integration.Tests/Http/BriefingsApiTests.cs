using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Briefings.Integration.Tests.Infrastructure;

namespace Briefings.Integration.Tests.Http;

/// <summary>The HTTP API through the real runner and Kestrel, over both storage backends.</summary>
public abstract class BriefingsApiTests : IAsyncLifetime
{
    /// <summary>Text that is page furniture in the seeds and must appear in no rendering.</summary>
    private static readonly string[] Boilerplate =
    [
        "ua en ru", "See also", "Discover more from", "Subscribe to get the latest posts", "Leave a Reply",
        "Your email address will not be published", "Support UP", "become our patron", "#deeply", "коментуйте", "Photo:",
    ];

    protected Runner Runner { get; set; } = null!;

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();

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
}

public sealed class BriefingsApiOnFolderStoreTests : BriefingsApiTests
{
    public override async Task InitializeAsync() => Runner = await Runner.StartAsync();

    public override async Task DisposeAsync() => await Runner.DisposeAsync();
}

public sealed class BriefingsApiOnAzuriteTests : BriefingsApiTests
{
    private Azurite _azurite = null!;

    public override async Task InitializeAsync()
    {
        _azurite = await Azurite.StartAsync();
        Runner = await Runner.StartAsync(_azurite.ConnectionString);
    }

    public override async Task DisposeAsync()
    {
        await Runner.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}
