using System.Buffers.Binary;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Briefings.Integration.Tests.Infrastructure;

namespace Briefings.Integration.Tests.Web;

/// <summary>The page as a browser shows it: headless Chromium against the running runner.</summary>
public sealed partial class BrowserTests : IAsyncLifetime
{
    /// <summary>Where the screenshots go: a test artifact under the test output folder.</summary>
    public static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    private Runner _runner = null!;

    public async Task InitializeAsync() => _runner = await Runner.StartAsync();

    public async Task DisposeAsync() => await _runner.DisposeAsync();

    [Fact]
    public async Task ChromiumShowsTheStoriesCitationsAndNavigationAndRunsNoScript()
    {
        var result = await Seeding.IngestSeedsAndBuildAsync(_runner.Services, send: false);
        var yesterday = result.Date.AddDays(-1);
        await Seeding.BuildDaysAsync(_runner.Services, yesterday);
        using var digest = JsonDocument.Parse(await _runner.Client.GetStringAsync("/api/briefings/latest"));
        var story = digest.RootElement.GetProperty("stories")[0];
        // Every summary sentence cites its sources, and every quote and figure the article it comes from.
        var citations = story.GetProperty("summary").EnumerateArray().Sum(s => s.GetProperty("sources").GetArrayLength())
            + story.GetProperty("quotes").GetArrayLength() + story.GetProperty("figures").GetArrayLength();

        var dom = await Chromium.DumpDomAsync(_runner.Client.BaseAddress + $"briefings/{result.Date:yyyy-MM-dd}");

        var text = WebUtility.HtmlDecode(dom);
        Assert.Contains(story.GetProperty("headline").GetString()!, text);
        foreach (var sentence in story.GetProperty("summary").EnumerateArray())
        {
            Assert.Contains(sentence.GetProperty("text").GetString()!, text);
        }

        Assert.Equal(citations, CitationRegex().Matches(dom).Count);
        Assert.Contains($"href=\"/briefings/{yesterday:yyyy-MM-dd}\" rel=\"prev\"", dom);
        Assert.Contains("href=\"/briefings\"", dom);
        Assert.Contains("<main id=\"main\">", dom);
        Assert.DoesNotContain("<script", dom, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<noscript", dom, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ChromiumFollowsTheArchiveToADay()
    {
        var result = await Seeding.IngestSeedsAndBuildAsync(_runner.Services, send: false);

        var dom = await Chromium.DumpDomAsync(_runner.Client.BaseAddress + "briefings");

        var link = Assert.Single(Regex.Matches(dom, $"href=\"(/briefings/{result.Date:yyyy-MM-dd})\"")).Groups[1].Value;
        var day = await Chromium.DumpDomAsync(_runner.Client.BaseAddress + link.TrimStart('/'));
        Assert.Contains("<article class=\"story\"", day);
    }

    [Fact]
    public async Task ChromiumFollowsAStorysMoreLinkToItsPageOfEveryArticle()
    {
        // Two articles a story on the day's page, so the seeds' story of five has a link to the rest.
        await using var runner = await Runner.StartAsync(settings: new Dictionary<string, string?> { ["Briefings:Templates:CoverageLimit"] = "2" });
        await Seeding.IngestSeedsAndBuildAsync(runner.Services, send: false);
        using var digest = JsonDocument.Parse(await runner.Client.GetStringAsync("/api/briefings/latest"));
        var story = digest.RootElement.GetProperty("stories")[0];

        var dom = await Chromium.DumpDomAsync(runner.Client.BaseAddress!.ToString());

        var link = Assert.Single(Regex.Matches(dom, "<p class=\"more\"><a href=\"([^\"]+)\"")).Groups[1].Value;
        var page = await Chromium.DumpDomAsync(runner.Client.BaseAddress + WebUtility.HtmlDecode(link).TrimStart('/'));
        Assert.Equal(story.GetProperty("articles").GetArrayLength(), Regex.Matches(page, "<li id=\"a-").Count);
        Assert.Contains(WebUtility.HtmlEncode(story.GetProperty("headline").GetString()!), page);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("phone", 390, 844)]
    [InlineData("desktop", 1280, 900)]
    public async Task AScreenshotIsSavedAtPhoneAndDesktopWidths(string name, int width, int height)
    {
        var result = await Seeding.IngestSeedsAndBuildAsync(_runner.Services, send: false);
        await Seeding.BuildDaysAsync(_runner.Services, result.Date.AddDays(-1)); // so the navigation shows
        var file = Path.Combine(Screenshots, $"briefing-{name}.png");

        await Chromium.ScreenshotAsync(_runner.Client.BaseAddress!.ToString(), file, width, height);

        var png = await File.ReadAllBytesAsync(file);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal(width, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(height, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
        Assert.True(png.Length > 10_000, "a page of text, not a blank image");
    }

    [GeneratedRegex("<a class=\"cite\" href=\"[^\"]+\" aria-label=\"Source \\d+: [^\"]+\">\\[\\d+\\]</a>")]
    private static partial Regex CitationRegex();
}
