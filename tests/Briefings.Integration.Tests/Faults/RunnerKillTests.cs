using System.Globalization;
using System.Text;
using System.Text.Json;
using Briefings.Core.Articles;
using Briefings.Core.Storage;
using Briefings.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Briefings.Integration.Tests.Faults;

/// <summary>
/// The built runner (<c>dotnet briefings.dll serve</c>) is killed at random moments while its inbox
/// watcher ingests, and started again on the same folder. In the end every inbox blob has a final
/// receipt and the stored articles are exactly those of a clean, uninterrupted ingest.
/// FAULT_KILLS and FAULT_ARTICLES set the counts (CI: 3 kills, 60 articles; full: 20 and 500).
/// </summary>
[Trait("Category", "Faults")]
public sealed class RunnerKillTests(ITestOutputHelper output)
{
    private static byte[] ArticleText(int i) => Encoding.UTF8.GetBytes(
        $"Council report number {i} on the transport budget\n\n"
        + $"The city council approved part {i} of the transport budget on Tuesday after a long debate, raising spending on buses by {i % 9 + 1} percent "
        + $"and adding {10 + i} kilometres of cycle lanes. Members voted {i % 5 + 5} to four in favour of the plan.");

    private static ChildProcess Serve(string folder, int port) => ChildProcess.Start("dotnet",
        [Path.Combine(AppContext.BaseDirectory, "briefings.dll"), "serve", "--data", folder, "--port", port.ToString(CultureInfo.InvariantCulture)]);

    [Fact]
    public async Task KillingTheRunnerMidIngestEndsAsACleanRunWould()
    {
        var kills = FaultCounts.Get("FAULT_KILLS", 3);
        var count = FaultCounts.Get("FAULT_ARTICLES", 60);
        var folder = Repository.TempFolder("killed");
        var cleanFolder = Repository.TempFolder("clean");
        var names = Enumerable.Range(0, count).Select(i => $"report-{i:D4}.txt").ToList();
        foreach (var root in new[] { folder, cleanFolder })
        {
            var files = new FileBlobStore(root);
            for (var i = 0; i < count; i++)
            {
                await files.PutAsync(Containers.Inbox, names[i], ArticleText(i), new BlobWrite { ContentType = "text/plain" });
            }
        }

        var store = new FileBlobStore(folder);
        var random = new Random(8);
        var progress = new List<int>();
        var midIngest = 0;
        var receipts = store.ContainerPath(Containers.Receipts);
        Directory.CreateDirectory(receipts);
        for (var k = 0; k <= kills; k++)
        {
            var runner = Serve(folder, Repository.FreePort());
            var last = k == kills;

            // Kill once the watcher has moved a random distance further, so every kill lands mid-ingest.
            var target = last ? count : Math.Min(count - 1, progress.LastOrDefault() + random.Next(1, Math.Max(2, count / (kills + 2))));
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while (DateTime.UtcNow < deadline && (last ? await FinalReceiptsAsync(store) : Directory.GetFiles(receipts).Length) < target)
            {
                await Task.Delay(last ? 250 : 2);
            }

            await runner.DisposeAsync(); // SIGKILL, mid-write or not
            var done = await FinalReceiptsAsync(store);
            midIngest += done < count ? 1 : 0;
            progress.Add(done);
        }

        await using (var clean = await Runner.StartAsync(settings: new Dictionary<string, string?> { ["Briefings:Storage:DataPath"] = cleanFolder }))
        {
            foreach (var name in names)
            {
                await clean.Services.GetRequiredService<IngestHandler>().IngestAsync(name);
            }
        }

        var killed = (await store.ListAsync(Containers.Articles).ToListAsync()).Select(e => e.Name).Order(StringComparer.Ordinal).ToList();
        var expected = (await new FileBlobStore(cleanFolder).ListAsync(Containers.Articles).ToListAsync()).Select(e => e.Name).Order(StringComparer.Ordinal).ToList();
        output.WriteLine($"{kills} kills ({midIngest} before the ingest was complete), {count} articles: final receipts after each run {string.Join(", ", progress)}; {killed.Count} articles stored, a clean run stores {expected.Count}");

        Assert.Equal(count, await FinalReceiptsAsync(store));
        Assert.Equal(count, expected.Count);
        Assert.Equal(expected, killed);
        foreach (var name in killed)
        {
            var article = await store.GetAsync(Containers.Articles, name);
            JsonDocument.Parse(article!.Content).Dispose(); // whole, never torn
        }

        Directory.Delete(folder, recursive: true);
        Directory.Delete(cleanFolder, recursive: true);
    }

    private static async Task<int> FinalReceiptsAsync(IBlobStore store)
    {
        var final = 0;
        await foreach (var entry in store.ListAsync(Containers.Receipts))
        {
            try
            {
                if (await store.GetAsync(Containers.Receipts, entry.Name) is { } blob
                    && JsonDocument.Parse(blob.Content).RootElement.GetProperty("status").GetString() is "Ingested" or "Duplicate" or "Poisoned")
                {
                    final++;
                }
            }
            catch (Exception e) when (e is IOException or JsonException)
            {
                // being replaced this moment
            }
        }

        return final;
    }
}
