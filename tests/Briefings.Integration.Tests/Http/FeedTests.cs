using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using Briefings.Core.Digests;
using Briefings.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Integration.Tests.Http;

/// <summary><c>GET /api/briefings/feed</c>: Atom, one entry per day.</summary>
public abstract class FeedTests(bool azurite) : RunnerOnStore(azurite)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task TheFeedParsesBackAsAtomWithOneEntryPerDayNewestFirst()
    {
        var result = await Seeding.IngestSeedsAndBuildAsync(Runner.Services, send: false);
        await Seeding.BuildDaysAsync(Runner.Services, result.Date.AddDays(-1));
        var headline = await LatestHeadlineAsync();

        var response = await Runner.Client.GetAsync("/api/briefings/feed");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync());
        var feed = SyndicationFeed.Load(reader);
        Assert.Equal("Briefings", feed.Title.Text);
        Assert.False(string.IsNullOrWhiteSpace(feed.Id));
        Assert.NotEqual(default, feed.LastUpdatedTime);
        Assert.NotEmpty(feed.Authors);
        Assert.Contains(feed.Links, l => l.RelationshipType == "self" && l.Uri.AbsolutePath == "/api/briefings/feed");

        var entries = feed.Items.ToList();
        Assert.Equal(2, entries.Count);
        Assert.EndsWith($"/briefings/{result.Date:yyyy-MM-dd}", entries[0].Id);
        Assert.EndsWith($"/briefings/{result.Date.AddDays(-1):yyyy-MM-dd}", entries[1].Id);
        Assert.Equal(entries.Count, entries.Select(e => e.Id).Distinct().Count());
        var content = Assert.IsType<TextSyndicationContent>(entries[0].Content);
        Assert.Equal("html", content.Type);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(headline), content.Text);
        Assert.Contains("class=\"cite\"", content.Text);
        Assert.DoesNotContain("<script", content.Text, StringComparison.OrdinalIgnoreCase);
        // A citation of an article without a URL leads to its entry in the coverage list: resolved
        // against the entry's base, that is the day's page, which lists it.
        Assert.Contains("href=\"#a-", content.Text);
        Assert.Equal(entries[0].Id, entries[0].BaseUri?.AbsoluteUri);
        var anchor = System.Text.RegularExpressions.Regex.Match(content.Text, "href=\"#(a-[^\"]+)\"").Groups[1].Value;
        var cited = new Uri(entries[0].BaseUri!, "#" + anchor);
        Assert.Contains($"id=\"{anchor}\"", await Runner.Client.GetStringAsync(cited.PathAndQuery));
        Assert.All(entries, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Title.Text));
            Assert.NotEqual(default, e.LastUpdatedTime);
            Assert.Contains(e.Links, l => l.RelationshipType == "alternate" && l.MediaType == "text/html" && l.Uri.IsAbsoluteUri);
        });
    }

    [Fact]
    public async Task TheFeedHasEveryElementRfc4287Requires()
    {
        await Seeding.IngestSeedsAndBuildAsync(Runner.Services, send: false);

        var xml = XDocument.Parse(await Runner.Client.GetStringAsync("/api/briefings/feed"));

        var feed = xml.Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        foreach (var required in new[] { "id", "title", "updated" })
        {
            Assert.Single(feed.Elements(Atom + required));
        }

        Assert.True(Uri.IsWellFormedUriString(feed.Element(Atom + "id")!.Value, UriKind.Absolute), "atom:id must be an IRI");
        Assert.False(string.IsNullOrWhiteSpace(feed.Element(Atom + "author")?.Element(Atom + "name")?.Value), "a feed-level author covers every entry");
        Assert.Single(feed.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self");
        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.NotEmpty(entries);
        foreach (var entry in entries)
        {
            foreach (var required in new[] { "id", "title", "updated", "content" })
            {
                Assert.Single(entry.Elements(Atom + required));
            }

            Assert.True(DateTimeOffset.TryParse(entry.Element(Atom + "updated")!.Value, out _), "atom:updated is an RFC 3339 date");
            Assert.Equal("html", (string?)entry.Element(Atom + "content")!.Attribute("type"));
            // At most one alternate link per media type.
            var alternates = entry.Elements(Atom + "link").Where(l => (string?)l.Attribute("rel") is null or "alternate").ToList();
            Assert.Equal(alternates.Count, alternates.Select(l => (string?)l.Attribute("type")).Distinct().Count());
        }
    }

    [Fact]
    public async Task TheFeedHasAStrongETagAndRevalidatesTo304()
    {
        await Seeding.IngestSeedsAndBuildAsync(Runner.Services, send: false);

        var response = await Runner.Client.GetAsync("/api/briefings/feed");

        var etag = HttpAssert.AssertCacheable(response, "public, max-age=60");
        await Runner.Client.AssertRevalidatesAsync("/api/briefings/feed", etag, "public, max-age=60");
    }

    [Fact]
    public async Task TheFeedFollowsADayRebuiltAsUpdatedAndADayAddedAsNew()
    {
        var result = await Seeding.IngestSeedsAndBuildAsync(Runner.Services, send: false);
        var first = await Runner.Client.GetStringAsync("/api/briefings/feed");
        Assert.DoesNotContain("City library reopens", first);
        var digests = Runner.Services.GetRequiredService<DigestStore>();
        var firstBuilt = (await digests.GetAsync(result.Date))!.Digest.GeneratedAt;

        await Seeding.IngestTextAsync(Runner.Services, "library.txt", Seeding.Library);
        await Seeding.BuildDaysAsync(Runner.Services, result.Date);
        var rebuilt = XDocument.Parse(await Runner.Client.GetStringAsync("/api/briefings/feed"));
        var page = await Runner.Client.GetStringAsync($"/briefings/{result.Date:yyyy-MM-dd}");
        await Seeding.BuildDaysAsync(Runner.Services, result.Date.AddDays(-1));
        var added = XDocument.Parse(await Runner.Client.GetStringAsync("/api/briefings/feed"));

        var entry = Assert.Single(rebuilt.Root!.Elements(Atom + "entry"));
        Assert.Contains("City library reopens after flood repairs", entry.Element(Atom + "content")!.Value);
        Assert.Equal(2, added.Root!.Elements(Atom + "entry").Count());
        // Built again, the day is an updated entry, not a new one: published stays the first build's time.
        var published = DateTimeOffset.Parse(entry.Element(Atom + "published")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        var updated = DateTimeOffset.Parse(entry.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Published(XDocument.Parse(first)), published);
        Assert.True(updated >= published, $"updated {updated:O} should not come before published {published:O}");
        var stored = (await digests.GetAsync(result.Date))!.Digest;
        Assert.Equal(firstBuilt, stored.PublishedAt);
        Assert.True(stored.GeneratedAt > firstBuilt);
        Assert.Matches(@"Edition of \d{4}-\d\d-\d\d \d\d:\d\d UTC, updated \d{4}-\d\d-\d\d \d\d:\d\d UTC\.", page);
    }

    private static DateTimeOffset Published(XDocument feed) =>
        DateTimeOffset.Parse(feed.Root!.Element(Atom + "entry")!.Element(Atom + "published")!.Value, System.Globalization.CultureInfo.InvariantCulture);

    private async Task<string> LatestHeadlineAsync()
    {
        using var json = System.Text.Json.JsonDocument.Parse(await Runner.Client.GetStringAsync("/api/briefings/latest"));
        return json.RootElement.GetProperty("stories")[0].GetProperty("headline").GetString()!;
    }
}

public sealed class FeedOnFolderStoreTests() : FeedTests(azurite: false);

public sealed class FeedOnAzuriteTests() : FeedTests(azurite: true);
