using System.Net;
using System.Text.RegularExpressions;
using Briefings.Integration.Tests.Infrastructure;

namespace Briefings.Integration.Tests.Web;

/// <summary>The web page and the archive page over HTTP, over both stores.</summary>
public abstract partial class PageTests(bool azurite) : RunnerOnStore(azurite)
{
    private const string Policy = "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:";

    [Theory]
    [InlineData("/")]
    [InlineData("/briefings")]
    [InlineData("/briefings/{today}")]
    public async Task PagesForbidScriptsAndCarryNone(string path)
    {
        var result = await Seeding.IngestSeedsAndBuildAsync(Runner.Services, send: false);

        var response = await Runner.Client.GetAsync(path.Replace("{today}", $"{result.Date:yyyy-MM-dd}"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.StartsWith(Policy, csp);
        Assert.DoesNotContain("script-src", csp);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"<[^>]*\son[a-z]+\s*=", html); // no inline event handlers either
        Assert.DoesNotContain("http://", OwnMarkup(html));
        Assert.DoesNotContain("https://", OwnMarkup(html));
        Assert.Matches("<link rel=\"icon\" type=\"image/png\" sizes=\"32x32\" href=\"data:image/png;base64,iVBORw0KGgo[A-Za-z0-9+/=]+\">", html); // inline: no request for /favicon.ico
    }

    [Fact]
    public async Task ThePageHasOneH1TheLandmarksAndACitationLinkPerSourceNamingIt()
    {
        await Seeding.IngestSeedsAndBuildAsync(Runner.Services, send: false);

        var html = await Runner.Client.GetStringAsync("/");

        Assert.Single(Regex.Matches(html, "<h1[ >]"));
        foreach (var landmark in new[] { "<header>", "<nav aria-label=", "<main id=\"main\">", "<footer>" })
        {
            Assert.Contains(landmark, html);
        }

        Assert.Contains("<html lang=\"en\">", html);
        var citations = CitationRegex().Matches(html);
        Assert.NotEmpty(citations);
        Assert.All(citations, c => Assert.Matches(@"^Source \d+: .+, “.+”$", System.Net.WebUtility.HtmlDecode(c.Groups["label"].Value)));
    }

    [Fact]
    public async Task ADayPageLinksThePreviousAndNextDaysAndTheArchive()
    {
        var result = await Seeding.IngestSeedsAndBuildAsync(Runner.Services, send: false);
        var today = result.Date;
        await Seeding.BuildDaysAsync(Runner.Services, today.AddDays(-3), today.AddDays(-1));

        var middle = await Runner.Client.GetStringAsync($"/briefings/{today.AddDays(-1):yyyy-MM-dd}");
        var oldest = await Runner.Client.GetStringAsync($"/briefings/{today.AddDays(-3):yyyy-MM-dd}");
        var newest = await Runner.Client.GetStringAsync("/");

        Assert.Contains($"href=\"/briefings/{today.AddDays(-3):yyyy-MM-dd}\" rel=\"prev\"", middle);
        Assert.Contains($"href=\"/briefings/{today:yyyy-MM-dd}\" rel=\"next\"", middle);
        Assert.DoesNotContain("rel=\"prev\"", oldest); // the day with nothing older
        Assert.Contains($"href=\"/briefings/{today.AddDays(-1):yyyy-MM-dd}\" rel=\"next\"", oldest); // a gap is skipped
        Assert.DoesNotContain("rel=\"next\"", newest);
        Assert.All(new[] { middle, oldest, newest }, page => Assert.Contains("href=\"/briefings\"", page));
    }

    [Fact]
    public async Task TheNewestPageGainsANextLinkOnceALaterDayIsBuilt()
    {
        var result = await Seeding.IngestSeedsAndBuildAsync(Runner.Services, send: false);
        var path = $"/briefings/{result.Date:yyyy-MM-dd}";
        var before = await Runner.Client.GetAsync(path);
        Assert.DoesNotContain("rel=\"next\"", await before.Content.ReadAsStringAsync());

        await Seeding.BuildDaysAsync(Runner.Services, result.Date.AddDays(1));
        var after = await Runner.Client.RequestAsync(path, ifNoneMatch: before.Headers.ETag);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode); // the old copy is not confirmed
        Assert.Contains($"href=\"/briefings/{result.Date.AddDays(1):yyyy-MM-dd}\" rel=\"next\"", await after.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ADayRebuiltWithANewStoryIsServedAsRebuilt()
    {
        var result = await Seeding.IngestSeedsAndBuildAsync(Runner.Services, send: false);
        var day = $"/briefings/{result.Date:yyyy-MM-dd}";
        Assert.All(new[] { await Runner.Client.GetStringAsync("/"), await Runner.Client.GetStringAsync(day) },
            page => Assert.DoesNotContain("City library reopens", page));

        await Seeding.IngestTextAsync(Runner.Services, "library.txt", Seeding.Library);
        await Seeding.BuildDaysAsync(Runner.Services, result.Date);

        Assert.All(new[] { await Runner.Client.GetStringAsync("/"), await Runner.Client.GetStringAsync(day) },
            page => Assert.Contains("City library reopens after flood repairs", page));
    }

    [Fact]
    public async Task PagesHaveAStrongETagAndRevalidateTo304()
    {
        var result = await Seeding.IngestSeedsAndBuildAsync(Runner.Services, send: false);

        foreach (var path in new[] { "/", "/briefings", $"/briefings/{result.Date:yyyy-MM-dd}" })
        {
            var etag = HttpAssert.AssertCacheable(await Runner.Client.GetAsync(path), "public, max-age=60");
            await Runner.Client.AssertRevalidatesAsync(path, etag, "public, max-age=60");
        }
    }

    [Fact]
    public async Task TheArchivePageListsEveryDayWithItsHeadlinesNewestFirst()
    {
        var result = await Seeding.IngestSeedsAndBuildAsync(Runner.Services, send: false);
        await Seeding.BuildDaysAsync(Runner.Services, result.Date.AddDays(-2));

        var html = await Runner.Client.GetStringAsync("/briefings");

        var newest = html.IndexOf($"href=\"/briefings/{result.Date:yyyy-MM-dd}\"", StringComparison.Ordinal);
        var older = html.IndexOf($"href=\"/briefings/{result.Date.AddDays(-2):yyyy-MM-dd}\"", StringComparison.Ordinal);
        Assert.InRange(newest, 0, older - 1);
        Assert.Matches($"href=\"/briefings/{result.Date:yyyy-MM-dd}#story-[^\"]+\"", html);
        Assert.Single(Regex.Matches(html, "<h1[ >]"));
    }

    [Fact]
    public async Task TheArchivePageFollowsADayAddedAndADayRebuilt()
    {
        var result = await Seeding.IngestSeedsAndBuildAsync(Runner.Services, send: false);
        var first = await Runner.Client.GetStringAsync("/briefings");

        await Seeding.BuildDaysAsync(Runner.Services, result.Date.AddDays(-1));
        var added = await Runner.Client.GetStringAsync("/briefings");
        await Seeding.IngestTextAsync(Runner.Services, "library.txt", Seeding.Library);
        await Seeding.BuildDaysAsync(Runner.Services, result.Date);
        var rebuilt = await Runner.Client.GetStringAsync("/briefings");

        Assert.DoesNotContain($"href=\"/briefings/{result.Date.AddDays(-1):yyyy-MM-dd}\"", first);
        Assert.Contains($"href=\"/briefings/{result.Date.AddDays(-1):yyyy-MM-dd}\"", added);
        Assert.DoesNotContain("City library reopens", added);
        Assert.Contains("City library reopens after flood repairs", rebuilt);
    }

    [Fact]
    public async Task AMissingDayIsA404PageThatOffersTheArchiveAndAMalformedOneA400()
    {
        var result = await Seeding.IngestSeedsAndBuildAsync(Runner.Services, send: false);

        var missing = await Runner.Client.GetAsync("/briefings/2001-01-01");
        var malformed = await Runner.Client.GetAsync("/briefings/last-tuesday");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("text/html", missing.Content.Headers.ContentType?.MediaType);
        var html = await missing.Content.ReadAsStringAsync();
        Assert.Contains("There is no briefing for Monday, 1 January 2001.", html);
        Assert.Contains($"href=\"/briefings/{result.Date:yyyy-MM-dd}\"", html);
        Assert.StartsWith(Policy, Assert.Single(missing.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("last-tuesday", await malformed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WithNoDigestTheHomePageSaysSoWithA404()
    {
        var response = await Runner.Client.GetAsync("/");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("No briefing has been built yet.", await response.Content.ReadAsStringAsync());
    }

    /// <summary>The page without the links it quotes from the articles: what it loads or points to of its own.</summary>
    private static string OwnMarkup(string html) => Regex.Replace(html, "<(ol class=\"articles\"|div class=\"summary\")>.*?</(ol|div)>", "", RegexOptions.Singleline);

    [GeneratedRegex("<a class=\"cite\" href=\"[^\"]+\" aria-label=\"(?<label>[^\"]+)\">\\[\\d+\\]</a>")]
    private static partial Regex CitationRegex();
}

public sealed class PageOnFolderStoreTests() : PageTests(azurite: false);

public sealed class PageOnAzuriteTests() : PageTests(azurite: true);
