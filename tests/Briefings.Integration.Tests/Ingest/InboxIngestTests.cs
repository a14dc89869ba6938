using System.Text;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Briefings.Core.Articles;
using Briefings.Core.Storage;
using Briefings.Integration.Tests.Infrastructure;
using Briefings.Local.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Briefings.Integration.Tests.Ingest;

/// <summary>The runner's ingest trigger against a real Azurite blob service.</summary>
public sealed class InboxIngestTests : IAsyncLifetime
{
    private Azurite _azurite = null!;
    private Runner _runner = null!;
    private BlobServiceClient _account = null!;

    public async Task InitializeAsync()
    {
        _azurite = await Azurite.StartAsync();
        _runner = await Runner.StartAsync(_azurite.ConnectionString);
        _account = new BlobServiceClient(_azurite.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _runner.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task ABlobUploadedToTheInboxIsIngestedExactlyOnce()
    {
        var inbox = _account.GetBlobContainerClient(Containers.Inbox);
        await inbox.CreateIfNotExistsAsync();
        var seed = Path.Combine(Repository.Seeds, "001_6a5f3271fac9ecc8.txt");
        await inbox.GetBlobClient("defence-talks.txt").UploadAsync(seed);
        var watcher = Watcher();

        var first = await watcher.PollOnceAsync(CancellationToken.None);
        var second = await watcher.PollOnceAsync(CancellationToken.None);
        var restarted = await Watcher().PollOnceAsync(CancellationToken.None);

        Assert.Equal(1, first);
        Assert.Equal(0, second);
        Assert.Equal(1, restarted); // a fresh watcher asks again, and the receipt answers "already done"
        var articles = await Names(Containers.Articles);
        Assert.Single(articles);
        var receipt = await _account.GetBlobContainerClient(Containers.Receipts).GetBlobClient("defence-talks.txt.json").DownloadContentAsync();
        Assert.Contains("\"status\":\"Ingested\"", receipt.Value.Content.ToString());
    }

    [Fact]
    public async Task TheSameArticleUnderTwoNamesIsStoredOnce()
    {
        var inbox = _account.GetBlobContainerClient(Containers.Inbox);
        await inbox.CreateIfNotExistsAsync();
        var seed = Path.Combine(Repository.Seeds, "002_00b1dcfbd18768bc.txt");
        await inbox.GetBlobClient("first.txt").UploadAsync(seed);
        await inbox.GetBlobClient("again.txt").UploadAsync(seed);

        await Watcher().PollOnceAsync(CancellationToken.None);

        Assert.Single(await Names(Containers.Articles));
    }

    [Fact]
    public async Task APollIngestsManyBlobsAtOnceAndEachArticleIsStoredOnce()
    {
        // 30 distinct articles, each of the first ten also under a second name: the watcher ingests
        // them eight at a time, so copies of one article race each other to be stored.
        var inbox = _account.GetBlobContainerClient(Containers.Inbox);
        await inbox.CreateIfNotExistsAsync();
        var names = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            var text = $"Harbour report {i} on the ferry timetable\n\nThe harbour board agreed timetable change {i} on Monday, adding {i + 3} crossings a week "
                + $"and moving the first sailing to {6 + i % 3} in the morning after a vote of {i % 4 + 5} to two.";
            foreach (var copy in i < 10 ? new[] { "a", "b" } : ["a"])
            {
                var name = $"ferry-{i:D2}-{copy}.txt";
                await inbox.GetBlobClient(name).UploadAsync(BinaryData.FromString(text));
                names.Add(name);
            }
        }

        var handled = await Watcher().PollOnceAsync(CancellationToken.None);

        Assert.Equal(names.Count, handled);
        Assert.Equal(30, (await Names(Containers.Articles)).Count);
        var statuses = new List<string>();
        foreach (var name in names)
        {
            var receipt = (await _account.GetBlobContainerClient(Containers.Receipts).GetBlobClient(name + ".json").DownloadContentAsync()).Value.Content.ToString();
            statuses.Add(receipt.Contains("\"status\":\"Ingested\"", StringComparison.Ordinal) ? "ingested" : receipt.Contains("\"status\":\"Duplicate\"", StringComparison.Ordinal) ? "duplicate" : receipt);
        }

        Assert.Equal(30, statuses.Count(s => s == "ingested"));
        Assert.Equal(10, statuses.Count(s => s == "duplicate"));
    }

    [Fact]
    public async Task BlobMetadataOverridesWhatTheDocumentSays()
    {
        var inbox = _account.GetBlobContainerClient(Containers.Inbox);
        await inbox.CreateIfNotExistsAsync();
        await inbox.GetBlobClient("meta.txt").UploadAsync(Path.Combine(Repository.Seeds, "003_17d850d139d251e7.txt"), new BlobUploadOptions
        {
            Metadata = new Dictionary<string, string> { ["title"] = "EU and Seoul condemn arms transfers", ["source"] = "Example Wire", ["published"] = "2026-11-22T08:00:00Z" },
        });

        var outcome = await _runner.Services.GetRequiredService<IngestHandler>().IngestAsync("meta.txt");

        Assert.Equal(IngestStatus.Ingested, outcome.Status);
        var name = Assert.Single(await Names(Containers.Articles));
        Assert.StartsWith("2026/11/22/", name);
        var json = (await _account.GetBlobContainerClient(Containers.Articles).GetBlobClient(name).DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("\"title\":\"EU and Seoul condemn arms transfers\"", json);
        Assert.Contains("\"source\":\"Example Wire\"", json);
    }

    [Theory]
    [InlineData("empty.txt", new byte[0], "empty")]
    [InlineData("binary.bin", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 13, 1, 2, 3 }, "binary")]
    [InlineData("broken.json", new byte[] { (byte)'{', (byte)'"', (byte)'t', (byte)'i' }, "JSON")]
    public async Task ABlobThatIsNotAnArticleGoesToThePoisonPlaceWithItsReason(string name, byte[] content, string reasonMentions)
    {
        var inbox = _account.GetBlobContainerClient(Containers.Inbox);
        await inbox.CreateIfNotExistsAsync();
        await inbox.GetBlobClient(name).UploadAsync(new BinaryData(content));
        await inbox.GetBlobClient("good.txt").UploadAsync(Path.Combine(Repository.Seeds, "004_eb5bbc4b1c5bcf7c.txt"));

        await Watcher().PollOnceAsync(CancellationToken.None);

        var poison = _account.GetBlobContainerClient(Containers.Poison);
        var reason = (await poison.GetBlobClient(name + ".reason.txt").DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains(reasonMentions, reason, StringComparison.OrdinalIgnoreCase);
        if (content.Length > 0)
        {
            Assert.Equal(content, (await poison.GetBlobClient(name).DownloadContentAsync()).Value.Content.ToArray());
        }

        Assert.True(await inbox.GetBlobClient(name).ExistsAsync(), "the raw input stays in the inbox");
        Assert.Single(await Names(Containers.Articles)); // the good article still went through
    }

    private InboxWatcher Watcher() => new(
        _runner.Services.GetRequiredService<IBlobStore>(),
        _runner.Services.GetRequiredService<IngestHandler>(),
        _runner.Services.GetRequiredService<IngestOptions>(),
        NullLogger<InboxWatcher>.Instance);

    private async Task<List<string>> Names(string container)
    {
        var names = new List<string>();
        var client = _account.GetBlobContainerClient(container);
        if (!await client.ExistsAsync())
        {
            return names;
        }

        await foreach (var item in client.GetBlobsAsync())
        {
            names.Add(item.Name);
        }

        return names;
    }
}
