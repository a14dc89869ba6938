using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Briefings.Integration.Tests.Infrastructure;

namespace Briefings.Integration.Tests.Web;

/// <summary>
/// A story's own page over HTTP, over both stores. The runner lists two articles a story on the
/// day's page, so the seeds' story of five has articles only its own page lists.
/// </summary>
public abstract partial class StoryPageTests(bool azurite) : RunnerOnStore(azurite)
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Briefings:Templates:CoverageLimit"] = "2" };

    [Fact]
    public async Task TheDayPageListsTheFirstArticlesAndLinksToTheStorysPageWhichListsThemAll()
    {
        var result = await Seeding.IngestSeedsAndBuildAsync(Runner.Services, send: false);
        using var json = JsonDocument.Parse(await Runner.Client.GetStringAsync("/api/briefings/latest"));
        var story = json.RootElement.GetProperty("stories")[0];
        var id = story.GetProperty("id").GetString()!;
        var articles = story.GetProperty("articles").GetArrayLength();
        Assert.True(articles > 2, $"the seeds' story has {articles} articles");
        var day = await Runner.Client.GetStringAsync("/");

        var more = MoreLink().Match(day);
        var response = await Runner.Client.GetAsync(WebUtility.HtmlDecode(more.Groups["href"].Value));

        Assert.Equal(2, Regex.Matches(day, $"<li id=\"a-{id}-").Count);
        Assert.Equal($"/briefings/{result.Date:yyyy-MM-dd}/stories/{id}", more.Groups["href"].Value);
        Assert.Equal($"{articles - 2} more articles: all {articles} on the story’s page", more.Groups["text"].Value);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("default-src 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(articles, Regex.Matches(page, $"<li id=\"a-{id}-").Count);
        Assert.Contains($"href=\"/briefings/{result.Date:yyyy-MM-dd}#story-{id}\"", page);
        Assert.Single(Regex.Matches(page, "<h1[ >]"));
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AStorysPageHasAStrongETagAndRevalidatesTo304()
    {
        var result = await Seeding.IngestSeedsAndBuildAsync(Runner.Services, send: false);
        using var json = JsonDocument.Parse(await Runner.Client.GetStringAsync("/api/briefings/latest"));
        var path = $"/briefings/{result.Date:yyyy-MM-dd}/stories/{json.RootElement.GetProperty("stories")[0].GetProperty("id").GetString()}";

        var etag = HttpAssert.AssertCacheable(await Runner.Client.GetAsync(path), "public, max-age=3600");

        await Runner.Client.AssertRevalidatesAsync(path, etag, "public, max-age=3600");
    }

    [Fact]
    public async Task AnUnknownStoryOrDayIsA404PageAndAMalformedDateA400()
    {
        var result = await Seeding.IngestSeedsAndBuildAsync(Runner.Services, send: false);

        var unknown = await Runner.Client.GetAsync($"/briefings/{result.Date:yyyy-MM-dd}/stories/0123456789ab");
        var missingDay = await Runner.Client.GetAsync("/briefings/2001-01-01/stories/0123456789ab");
        var malformed = await Runner.Client.GetAsync("/briefings/last-tuesday/stories/0123456789ab");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("text/html", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Contains("has no story “0123456789ab”", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, missingDay.StatusCode);
        Assert.Contains("There is no briefing for Monday, 1 January 2001.", await missingDay.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    [GeneratedRegex("<p class=\"more\"><a href=\"(?<href>[^\"]+)\">(?<text>[^<]+)</a>")]
    private static partial Regex MoreLink();
}

public sealed class StoryPageOnFolderStoreTests() : StoryPageTests(azurite: false);

public sealed class StoryPageOnAzuriteTests() : StoryPageTests(azurite: true);
