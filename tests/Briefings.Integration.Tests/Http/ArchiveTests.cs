using System.Net;
using System.Text.Json;
using Briefings.Integration.Tests.Infrastructure;

namespace Briefings.Integration.Tests.Http;

/// <summary><c>GET /api/briefings</c>: the archive, newest first, paged.</summary>
public abstract class ArchiveTests(bool azurite) : RunnerOnStore(azurite)
{
    [Fact]
    public async Task TheArchiveListsDaysNewestFirstWithTheirHeadlineStories()
    {
        var result = await Seeding.IngestSeedsAndBuildAsync(Runner.Services, send: false);
        var today = result.Date;
        await Seeding.BuildDaysAsync(Runner.Services, today.AddDays(-2), today.AddDays(-1));

        using var json = JsonDocument.Parse(await Runner.Client.GetStringAsync("/api/briefings"));

        var days = json.RootElement.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal([Day(today), Day(today.AddDays(-1)), Day(today.AddDays(-2))], days.Select(d => d.GetProperty("date").GetString()!));
        var headline = Assert.Single(days[0].GetProperty("stories").EnumerateArray());
        Assert.False(string.IsNullOrWhiteSpace(headline.GetProperty("headline").GetString()));
        Assert.Equal(5, days[0].GetProperty("articleCount").GetInt32());
        Assert.Empty(days[1].GetProperty("stories").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("next").ValueKind);

        // Every link the archive gives leads somewhere.
        Assert.Equal(HttpStatusCode.OK, (await Runner.Client.GetAsync(headline.GetProperty("href").GetString())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Runner.Client.GetAsync(days[0].GetProperty("href").GetString())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Runner.Client.GetAsync(days[0].GetProperty("page").GetString())).StatusCode);
    }

    [Fact]
    public async Task TheArchiveIsPagedByNextLinksUntilTheOldestDay()
    {
        var today = Seeding.Today(Runner.Services);
        var built = Enumerable.Range(0, 5).Select(i => today.AddDays(-i)).ToArray();
        await Seeding.BuildDaysAsync(Runner.Services, built);

        var seen = new List<string>();
        var pages = 0;
        string? next = "/api/briefings?limit=2";
        while (next is not null)
        {
            var response = await Runner.Client.GetAsync(next);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var days = json.RootElement.GetProperty("days").EnumerateArray().Select(d => d.GetProperty("date").GetString()!).ToList();
            seen.AddRange(days);
            pages++;
            next = json.RootElement.GetProperty("next").GetString();
            if (next is null)
            {
                Assert.False(response.Headers.Contains("Link"));
            }
            else
            {
                Assert.Equal(2, days.Count);
                Assert.Equal($"<{next}>; rel=\"next\"", Assert.Single(response.Headers.GetValues("Link")));
            }
        }

        Assert.Equal(3, pages);
        Assert.Equal(built.Select(Day), seen);
    }

    [Fact]
    public async Task BeforeLeavesOutThatDayAndNewerOnes()
    {
        var today = Seeding.Today(Runner.Services);
        await Seeding.BuildDaysAsync(Runner.Services, today.AddDays(-2), today.AddDays(-1), today);

        using var json = JsonDocument.Parse(await Runner.Client.GetStringAsync($"/api/briefings?before={Day(today.AddDays(-1))}"));

        Assert.Equal([Day(today.AddDays(-2))], json.RootElement.GetProperty("days").EnumerateArray().Select(d => d.GetProperty("date").GetString()!));
    }

    [Fact]
    public async Task WithNoDigestsTheArchiveIsAnEmptyList()
    {
        using var json = JsonDocument.Parse(await Runner.Client.GetStringAsync("/api/briefings"));

        Assert.Empty(json.RootElement.GetProperty("days").EnumerateArray());
    }

    [Fact]
    public async Task TheArchiveHasAStrongETagAndRevalidatesTo304UntilADayIsBuilt()
    {
        var today = Seeding.Today(Runner.Services);
        await Seeding.BuildDaysAsync(Runner.Services, today.AddDays(-1));
        var response = await Runner.Client.GetAsync("/api/briefings");
        var etag = HttpAssert.AssertCacheable(response, "public, max-age=60");
        await Runner.Client.AssertRevalidatesAsync("/api/briefings", etag, "public, max-age=60");

        await Seeding.BuildDaysAsync(Runner.Services, today);
        var changed = await Runner.Client.RequestAsync("/api/briefings", ifNoneMatch: etag);

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class ArchiveOnFolderStoreTests() : ArchiveTests(azurite: false);

public sealed class ArchiveOnAzuriteTests() : ArchiveTests(azurite: true);

/// <summary>Query validation, which does not depend on the store: on the folder store only.</summary>
public sealed class ArchiveQueryTests() : RunnerOnStore(azurite: false)
{
    [Theory]
    [InlineData("?before=yesterday")]
    [InlineData("?before=2026-02-30")]
    [InlineData("?limit=0")]
    [InlineData("?limit=101")]
    [InlineData("?limit=ten")]
    [InlineData("?limit=-1")]
    public async Task AMalformedBeforeOrALimitOutOfRangeIsA400Problem(string query)
    {
        var response = await Runner.Client.GetAsync("/api/briefings" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
