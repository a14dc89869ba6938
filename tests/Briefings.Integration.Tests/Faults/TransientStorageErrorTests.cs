using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Briefings.Core.Storage;
using Briefings.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Briefings.Integration.Tests.Faults;

/// <summary>
/// The runner's inbox watcher ingests through a proxy that fails about 10% of storage requests
/// (500, 503, connections dropped before or after the work is done): the run completes through
/// retries and nothing is lost or stored twice. FAULT_ARTICLES sets the count (CI: 60; full: 500).
/// </summary>
[Trait("Category", "Faults")]
public sealed class TransientStorageErrorTests(ITestOutputHelper output)
{
    private static int Articles =>
        FaultCounts.Get("FAULT_ARTICLES", 60);

    private static byte[] ArticleText(int i) => Encoding.UTF8.GetBytes(
        $"Harbour authority report number {i} on the northern channel\n\n"
        + $"The harbour authority said on Monday that dredging section {i} of the northern channel was finished ahead of schedule, "
        + $"allowing ferries of up to {100 + i} metres to dock at the quay from next spring. Residents were told the night work would end within {i % 7 + 2} weeks.");

    [Fact]
    public async Task IngestThroughFailingStorageCompletesAndLosesNothing()
    {
        var count = Articles;
        await using var azurite = await Azurite.StartAsync();
        await using var proxy = await FaultyProxy.StartAsync(azurite.Port, failureRate: 0.10);
        var direct = new AzureBlobStore(new BlobServiceClient(azurite.ConnectionString));
        var names = Enumerable.Range(0, count).Select(i => $"article-{i:D4}.txt").ToList();
        await Parallel.ForEachAsync(names.Select((n, i) => (n, i)), new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (item, ct) => await direct.PutAsync(Containers.Inbox, item.n, ArticleText(item.i), new BlobWrite { ContentType = "text/plain" }, ct));

        var started = DateTime.UtcNow;
        await using var runner = await Runner.StartAsync(proxy.ConnectionString(azurite), new Dictionary<string, string?>
        {
            ["Briefings:Ingest:PollInterval"] = "00:00:00.100",
        }, background: true);

        var deadline = DateTime.UtcNow.AddSeconds(Math.Max(300, count * 1.5)); // each failure costs the SDK's retry delay
        Dictionary<string, JsonElement> receipts;
        do
        {
            await Task.Delay(500);
            receipts = await ReceiptsAsync(direct);
        }
        while (receipts.Values.Count(Terminal) < count && DateTime.UtcNow < deadline);

        var articles = await direct.ListAsync(Containers.Articles).ToListAsync();
        var statuses = receipts.Values.GroupBy(r => r.GetProperty("status").GetString()).ToDictionary(g => g.Key!, g => g.Count());
        output.WriteLine($"{count} articles in {(DateTime.UtcNow - started).TotalSeconds:N0} s through a proxy that forwarded {proxy.Forwarded}, "
            + $"answered {proxy.Errors} with 500/503 and dropped {proxy.Resets}: receipts {string.Join(", ", statuses.Select(s => $"{s.Key} {s.Value}"))}; {articles.Count} articles stored");

        Assert.True(proxy.Errors + proxy.Resets > 0);
        Assert.All(names, n => Assert.True(receipts.TryGetValue(n, out var r) && Terminal(r), $"{n} has no final receipt"));
        Assert.All(receipts.Values, r => Assert.NotEqual("Poisoned", r.GetProperty("status").GetString()));
        Assert.Equal(count, articles.Count); // every article stored, each once
        Assert.Equal(count, receipts.Values.Select(r => r.GetProperty("articleId").GetString()).Distinct().Count());
    }

    private static bool Terminal(JsonElement receipt) => receipt.GetProperty("status").GetString() is "Ingested" or "Duplicate" or "Poisoned";

    private static async Task<Dictionary<string, JsonElement>> ReceiptsAsync(IBlobStore store)
    {
        var receipts = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        try
        {
            await foreach (var entry in store.ListAsync(Containers.Receipts))
            {
                if (await store.GetAsync(Containers.Receipts, entry.Name) is { } blob)
                {
                    receipts[entry.Name[..^".json".Length]] = JsonDocument.Parse(blob.Content).RootElement.Clone();
                }
            }
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
        }

        return receipts;
    }
}
