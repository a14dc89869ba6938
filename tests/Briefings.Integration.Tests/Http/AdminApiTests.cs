using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Briefings.Core.Articles;
using Briefings.Core.Storage;
using Briefings.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Integration.Tests.Http;

/// <summary>The admin routes: building a day and uploading an article, behind the admin key.</summary>
public abstract class AdminApiTests(bool azurite) : RunnerOnStore(azurite)
{
    protected override IDictionary<string, string?> Settings => AdminRequests.Settings;

    [Fact]
    public async Task BuildWithTheKeyBuildsTheDayAndTheApiServesIt()
    {
        var seeded = await Seeding.IngestSeedsAndBuildAsync(Runner.Services, send: false);
        var yesterday = seeded.Date.AddDays(-1);
        Assert.Equal(HttpStatusCode.NotFound, (await Runner.Client.GetAsync($"/api/briefings/{yesterday:yyyy-MM-dd}")).StatusCode);

        var built = await Runner.Client.SendAsync(AdminRequests.Admin(HttpMethod.Post, $"/api/briefings/{yesterday:yyyy-MM-dd}/build"));
        var rebuilt = await Runner.Client.SendAsync(AdminRequests.Admin(HttpMethod.Post, $"/api/briefings/{seeded.Date:yyyy-MM-dd}/build"));

        Assert.Equal(HttpStatusCode.OK, built.StatusCode);
        using var json = JsonDocument.Parse(await built.Content.ReadAsStringAsync());
        Assert.Equal($"{yesterday:yyyy-MM-dd}", json.RootElement.GetProperty("date").GetString());
        Assert.Equal(HttpStatusCode.OK, (await Runner.Client.GetAsync(json.RootElement.GetProperty("href").GetString())).StatusCode);
        using var again = JsonDocument.Parse(await rebuilt.Content.ReadAsStringAsync());
        Assert.Equal(1, again.RootElement.GetProperty("stories").GetInt32());
        Assert.Equal(5, again.RootElement.GetProperty("articles").GetInt32());
    }

    [Fact]
    public async Task BuildOfAMalformedDateIsA400Problem()
    {
        var response = await Runner.Client.SendAsync(AdminRequests.Admin(HttpMethod.Post, "/api/briefings/2026-02-30/build"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ADayNotYetBegunCannotBeBuiltAndTheLatestStaysTheLatest()
    {
        var today = (await Seeding.IngestSeedsAndBuildAsync(Runner.Services, send: false)).Date;
        var before = await Runner.Client.GetStringAsync("/api/briefings/latest");

        var tomorrow = await Runner.Client.SendAsync(AdminRequests.Admin(HttpMethod.Post, $"/api/briefings/{today.AddDays(1):yyyy-MM-dd}/build"));
        var farOff = await Runner.Client.SendAsync(AdminRequests.Admin(HttpMethod.Post, "/api/briefings/9999-12-31/build"));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (tomorrow.StatusCode, farOff.StatusCode));
        Assert.Equal("application/problem+json", farOff.Content.Headers.ContentType?.MediaType);
        Assert.Contains("9999-12-31 has not begun", await farOff.Content.ReadAsStringAsync());
        Assert.Equal(before, await Runner.Client.GetStringAsync("/api/briefings/latest"));
        Assert.Equal(HttpStatusCode.NotFound, (await Runner.Client.GetAsync("/api/briefings/9999-12-31")).StatusCode);
    }

    [Fact]
    public async Task TheFirstDayOfTheCalendarBuildsWithoutDaysBeforeIt()
    {
        var response = await Runner.Client.SendAsync(AdminRequests.Admin(HttpMethod.Post, "/api/briefings/0001-01-01/build"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(0, json.RootElement.GetProperty("stories").GetInt32());
    }

    [Fact]
    public async Task AnUploadWithoutTheKeyIs401WhateverItsTypeAndWithItAnyTypeGoesToTheInbox()
    {
        var text = File.ReadAllText(Path.Combine(Repository.Seeds, "001_6a5f3271fac9ecc8.txt"));

        var keyless = await Runner.Client.SendAsync(AdminRequests.Upload(text, "application/octet-stream", key: null));
        var xhtml = await Runner.Client.SendAsync(AdminRequests.Upload($"<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>{text}</p></body></html>", "application/xhtml+xml"));
        var unknown = await Runner.Client.SendAsync(AdminRequests.Upload(text, "application/octet-stream"));

        Assert.Equal(HttpStatusCode.Unauthorized, keyless.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, xhtml.StatusCode);
        Assert.EndsWith(".html\"", (await xhtml.Content.ReadAsStringAsync()).Split(',')[0]);
        Assert.Equal(HttpStatusCode.Accepted, unknown.StatusCode); // the inbox keeps it; its reader decides from the content
    }

    [Fact]
    public async Task AnUploadGoesToTheInboxUnderAGeneratedNameAndIngestsFromThere()
    {
        var text = File.ReadAllText(Path.Combine(Repository.Seeds, "001_6a5f3271fac9ecc8.txt"));

        var response = await Runner.Client.SendAsync(AdminRequests.Upload(text, "text/plain"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var name = json.RootElement.GetProperty("name").GetString()!;
        Assert.Matches(@"^upload-\d{8}T\d{6}Z-[0-9a-f]{32}\.txt$", name);
        Assert.Equal(Containers.Inbox, json.RootElement.GetProperty("container").GetString());
        var blob = await Runner.Services.GetRequiredService<IBlobStore>().GetAsync(Containers.Inbox, name);
        Assert.Equal(text, Encoding.UTF8.GetString(blob!.Content));
        var outcome = await Runner.Services.GetRequiredService<IngestHandler>().IngestAsync(name);
        Assert.Equal(IngestStatus.Ingested, outcome.Status);
    }

    [Fact]
    public async Task AnUploadKeepsASafeGivenNameAndNeverOverwritesIt()
    {
        var first = await Runner.Client.SendAsync(AdminRequests.Upload("# A headline\n\nThe first version of the article.", "text/markdown", "report-1.md"));
        var second = await Runner.Client.SendAsync(AdminRequests.Upload("# A headline\n\nA second version under the same name.", "text/markdown", "report-1.md"));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        using var json = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        Assert.Equal("report-1.md", json.RootElement.GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var blob = await Runner.Services.GetRequiredService<IBlobStore>().GetAsync(Containers.Inbox, "report-1.md");
        Assert.Contains("first version", Encoding.UTF8.GetString(blob!.Content));
    }

    [Fact]
    public async Task AnEmptyOrOversizedUploadIsRefused()
    {
        var empty = await Runner.Client.SendAsync(AdminRequests.Upload("", "text/plain"));
        var oversized = await Runner.Client.SendAsync(AdminRequests.Upload(new string('a', 20001), "text/plain"));

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversized.StatusCode);
        Assert.Empty(await Runner.Services.GetRequiredService<IBlobStore>().ListAsync(Containers.Inbox).ToListAsync());
    }
}

public sealed class AdminApiOnFolderStoreTests() : AdminApiTests(azurite: false);

public sealed class AdminApiOnAzuriteTests() : AdminApiTests(azurite: true);

/// <summary>Without a configured key the admin routes are closed, not open.</summary>
public sealed class AdminApiWithoutAKeyTests : IAsyncLifetime
{
    private Runner _runner = null!;

    public async Task InitializeAsync() => _runner = await Runner.StartAsync();

    public async Task DisposeAsync() => await _runner.DisposeAsync();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("anything")]
    public async Task AdminRoutesAreRefusedWhenNoKeyIsConfigured(string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/briefings/2026-11-21/build");
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("x-functions-key", key);
        }

        var response = await _runner.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _runner.Client.GetAsync("/api/briefings/2026-11-21")).StatusCode);
    }
}

/// <summary>The upload's promise end to end: the running inbox watcher ingests what was uploaded.</summary>
public sealed class UploadIngestedByTheWatcherTests : IAsyncLifetime
{
    private Runner _runner = null!;

    public async Task InitializeAsync() =>
        _runner = await Runner.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Briefings:AdminKey"] = "watcher-key",
            ["Briefings:Ingest:PollInterval"] = "00:00:00.200",
        }, background: true);

    public async Task DisposeAsync() => await _runner.DisposeAsync();

    [Fact]
    public async Task AnUploadedArticleIsIngestedByTheRunningInboxWatcher()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles?name=watched.txt")
        {
            Content = new ByteArrayContent(File.ReadAllBytes(Path.Combine(Repository.Seeds, "002_00b1dcfbd18768bc.txt"))),
        };
        request.Headers.TryAddWithoutValidation("x-functions-key", "watcher-key");

        var response = await _runner.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var store = _runner.Services.GetRequiredService<IBlobStore>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        StoredBlob? receipt = null;
        while (receipt is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            receipt = await store.GetAsync(Containers.Receipts, "watched.txt.json");
        }

        Assert.NotNull(receipt);
        Assert.Contains("\"status\":\"Ingested\"", Encoding.UTF8.GetString(receipt.Content));
    }
}

/// <summary>The key check and name rules, which do not depend on the store: on the folder store only.</summary>
public sealed class AdminKeyCheckTests() : RunnerOnStore(azurite: false)
{
    protected override IDictionary<string, string?> Settings => AdminRequests.Settings;

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wrong")]
    [InlineData(AdminRequests.Key + "x")]
    [InlineData("TEST-ADMIN-KEY-3F1B")]
    public async Task AdminRoutesRefuseAMissingOrWrongKeyWithTheSame401(string? key)
    {
        var today = Seeding.Today(Runner.Services);

        var build = await Runner.Client.SendAsync(AdminRequests.Admin(HttpMethod.Post, $"/api/briefings/{today:yyyy-MM-dd}/build", key));
        var upload = await Runner.Client.SendAsync(AdminRequests.Upload("Some words that would be an article.", "text/plain", key: key));

        foreach (var response in new[] { build, upload })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Contains("A valid admin key is required.", body);
            Assert.DoesNotContain(AdminRequests.Key, body, StringComparison.OrdinalIgnoreCase);
            Assert.NotEmpty(response.Headers.WwwAuthenticate);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await Runner.Client.GetAsync("/api/briefings/latest")).StatusCode);
        Assert.Empty(await Runner.Services.GetRequiredService<IBlobStore>().ListAsync(Containers.Inbox).ToListAsync());
    }

    [Fact]
    public async Task AMissingAndAWrongKeyGetTheSameAnswerOnEveryAdminRoute()
    {
        var today = Seeding.Today(Runner.Services);
        var answers = new List<string>();
        foreach (var key in new[] { null, "", "wrong", AdminRequests.Key[..^1] })
        {
            foreach (var request in new[]
            {
                AdminRequests.Admin(HttpMethod.Post, $"/api/briefings/{today:yyyy-MM-dd}/build", key),
                AdminRequests.Upload("Some words that would be an article.", "text/plain", "x.txt", key),
                AdminRequests.Admin(HttpMethod.Get, $"/api/deliveries/{today:yyyy-MM-dd}", key),
            })
            {
                var response = await Runner.Client.SendAsync(request);
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
                // Only the per-request trace id may differ.
                answers.Add(System.Text.RegularExpressions.Regex.Replace(await response.Content.ReadAsStringAsync(), "\"traceId\":\"[^\"]*\"", "\"traceId\":\"…\""));
            }
        }

        Assert.True(answers.Distinct(StringComparer.Ordinal).Count() == 1, string.Join("\n", answers.Distinct(StringComparer.Ordinal).Take(3)));
    }

    [Theory]
    [InlineData("../escape.txt")]
    [InlineData("folder/name.txt")]
    [InlineData(".hidden")]
    [InlineData("with space.txt")]
    [InlineData("back\\slash.txt")]
    [InlineData("%2e%2e%2fescape.txt")]
    [InlineData("..%2fescape.txt")]
    [InlineData("..\u2215escape.txt")]
    [InlineData("\uff0e\uff0e\uff0fescape.txt")]
    [InlineData("a\u0001b.txt")]
    [InlineData("a\u202eb.txt")]
    public async Task AnUploadUnderAnUnsafeNameIsRefused(string name)
    {
        var response = await Runner.Client.SendAsync(AdminRequests.Upload("Words enough to be an article of some kind, perhaps.", "text/plain", name));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await Runner.Services.GetRequiredService<IBlobStore>().ListAsync(Containers.Inbox).ToListAsync());
    }
}

/// <summary>Admin requests as a client sends them.</summary>
internal static class AdminRequests
{
    public const string Key = "test-admin-key-3f1b";

    public static Dictionary<string, string?> Settings => new()
    {
        ["Briefings:AdminKey"] = Key,
        ["Briefings:Ingest:MaxBytes"] = "20000",
    };

    public static HttpRequestMessage Admin(HttpMethod method, string path, string? key = Key)
    {
        var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("x-functions-key", key);
        }

        return request;
    }

    public static HttpRequestMessage Upload(string body, string contentType, string? name = null, string? key = Key)
    {
        var request = Admin(HttpMethod.Post, "/api/articles" + (name is null ? "" : "?name=" + Uri.EscapeDataString(name)), key);
        request.Content = new StringContent(body, Encoding.UTF8);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType) { CharSet = "utf-8" };
        return request;
    }
}
