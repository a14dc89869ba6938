using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Briefings.Core.Articles;
using Briefings.Core.Json;
using Briefings.Core.Storage;
using Briefings.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Briefings.Integration.Tests.Faults;

/// <summary>
/// The storage emulator itself is killed (<c>SIGKILL</c>) at random moments while the runner's inbox
/// watcher ingests, and started again on the same port and data after a random downtime. Azurite
/// keeps its metadata in MariaDB here, so what it acknowledged survives a kill and the test measures
/// the service, not the emulator. In the end every inbox blob has a final receipt, each poisoned one
/// its reason, and the stored articles are exactly a clean run's, each stored once.
/// FAULT_KILLS and FAULT_ARTICLES set the counts (CI: 3 kills, 60 articles; full: 20 and 500).
/// </summary>
[Trait("Category", "Faults")]
public sealed class AzuriteKillTests(ITestOutputHelper output)
{
    private static readonly string Published = DateTimeOffset.UtcNow.Date.AddHours(-12).ToString("O", CultureInfo.InvariantCulture);

    /// <summary>How long the storage client keeps retrying a request by default: five retries, 0.8 s doubling, up to 20% jitter.</summary>
    private static readonly TimeSpan ClientRetries = TimeSpan.FromSeconds(0.8 * (1 + 2 + 4 + 8 + 16) * 1.2);

    [Fact]
    public async Task WhatAzuriteAcknowledgedSurvivesItsKill()
    {
        var watch = Stopwatch.StartNew();
        await using var database = await MariaDb.StartAsync();
        var databaseStarted = watch.Elapsed;
        await using var azurite = await DurableAzurite.StartAsync(database);
        var azuriteStarted = watch.Elapsed;
        var options = new BlobClientOptions { Retry = { MaxRetries = 0, NetworkTimeout = TimeSpan.FromSeconds(10) } };
        var store = new AzureBlobStore(new BlobServiceClient(azurite.ConnectionString, options));
        var acknowledged = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);

        // Writers keep writing until the kill cuts them off: some writes are in flight when it lands.
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 5000; i++)
            {
                var name = $"writer-{w}/{i:D4}.txt";
                var text = $"Blob {i} of writer {w}, acknowledged before the kill.";
                try
                {
                    await store.PutAsync("survivors", name, Encoding.UTF8.GetBytes(text));
                }
                catch (Exception e) when (StorageDown(e))
                {
                    return;
                }

                acknowledged[name] = text;
            }
        })).ToList();

        while (acknowledged.Count < 200 && writers.Any(w => !w.IsCompleted))
        {
            await Task.Delay(20);
        }

        var writing = watch.Elapsed;
        await azurite.KillAsync();
        await Task.WhenAll(writers);
        await azurite.StartAgainAsync();
        var restarted = watch.Elapsed;

        var listed = (await store.ListAsync("survivors").ToListAsync()).Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        output.WriteLine($"{acknowledged.Count} writes acknowledged before the kill; {listed.Count} blobs listed after the restart. "
            + $"MariaDB started in {databaseStarted.TotalSeconds:N1} s, Azurite in {(azuriteStarted - databaseStarted).TotalSeconds:N1} s, "
            + $"writing took {(writing - azuriteStarted).TotalSeconds:N1} s, the restart {(restarted - writing).TotalSeconds:N1} s");
        Assert.True(acknowledged.Count >= 200, "the writers stopped before the kill");
        foreach (var (name, text) in acknowledged)
        {
            Assert.Contains(name, listed);
            var blob = await store.GetAsync("survivors", name);
            Assert.Equal(text, Encoding.UTF8.GetString(blob!.Content));
        }
    }

    [Fact]
    public async Task KillingTheStorageEmulatorMidIngestLosesNothingAndStoresNothingTwice()
    {
        var kills = FaultCounts.Get("FAULT_KILLS", 3);
        var count = FaultCounts.Get("FAULT_ARTICLES", 60);
        var inbox = Enumerable.Range(0, count).Select(InboxBlob.For).ToList();
        await using var database = await MariaDb.StartAsync();
        await using var azurite = await DurableAzurite.StartAsync(database);
        var store = new AzureBlobStore(new BlobServiceClient(azurite.ConnectionString));
        await UploadAsync(store, inbox);

        var random = new Random(8);
        var targets = Enumerable.Range(0, kills).Select(_ => random.Next(1, Math.Max(2, count * 9 / 10))).Order().ToList();
        var progress = new List<int>();
        var downtimes = new List<TimeSpan>();
        var watch = Stopwatch.StartNew();
        await using (var runner = await Runner.StartAsync(azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["Briefings:Ingest:PollInterval"] = "00:00:00.100",
        }, background: true))
        {
            foreach (var (target, k) in targets.Select((t, k) => (t, k)))
            {
                // Kill at a random point of the ingest, once the watcher has got going again since the last restart.
                var threshold = Math.Min(count - 1, Math.Max(target, progress.LastOrDefault() + 1));
                int done;
                while ((done = await ReceiptCountAsync(store)) < threshold)
                {
                    await Task.Delay(random.Next(5, 60));
                }

                var down = Stopwatch.StartNew();
                await azurite.KillAsync();

                // Most outages are bridged by the storage client's retries; every fifth, from the second on, outlasts
                // them, so the ingest gives up on whatever it was doing and a later poll of the watcher picks it up.
                await Task.Delay(k % 5 == 1 ? ClientRetries + TimeSpan.FromMilliseconds(random.Next(0, 5000)) : TimeSpan.FromMilliseconds(random.Next(100, 5000)));
                await azurite.StartAgainAsync();
                downtimes.Add(down.Elapsed);
                progress.Add(done);
            }

            var deadline = DateTime.UtcNow.AddSeconds(Math.Max(300, count * 1.5));
            while (DateTime.UtcNow < deadline && (await ReadAsync(store)).Receipts.Values.Count(r => r.Final) < count)
            {
                await Task.Delay(1000);
            }
        }

        var ingestTime = watch.Elapsed;

        // Once more after the ingest, so what is checked has been through a kill as well.
        await azurite.KillAsync();
        await azurite.StartAgainAsync();
        var killed = await ReadAsync(store);
        var clean = await CleanRunAsync(inbox);

        var statuses = killed.Receipts.Values.GroupBy(r => r.Receipt.Status).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"{kills} kills of Azurite at receipts {string.Join(", ", progress)} of {count}; downtime {downtimes.Sum(d => d.TotalSeconds):N1} s "
            + $"(each {downtimes.Min(d => d.TotalSeconds):N1} to {downtimes.Max(d => d.TotalSeconds):N1} s, restart included; {downtimes.Count(d => d > ClientRetries)} longer than the client's retries)");
        output.WriteLine($"{count} articles in {ingestTime.TotalSeconds:N0} s: {string.Join(", ", statuses.Select(s => $"{s.Key} {s.Value}"))}; "
            + $"{killed.Receipts.Values.Count(r => r.Receipt.Attempts > 1)} needed more than one attempt; {killed.Articles.Count} stored, a clean run stores {clean.Articles.Count}");

        Assert.Equal(kills, progress.Count(p => p < count)); // every kill landed mid-ingest
        Assert.All(inbox, blob => Assert.True(killed.Receipts.TryGetValue(blob.Name, out var r) && r.Final, $"{blob.Name} has no final receipt"));
        Assert.All(inbox, blob => Assert.Equal(clean.Receipts[blob.Name].Resolution, killed.Receipts[blob.Name].Resolution));
        Assert.Equal(clean.Articles, killed.Articles);
        Assert.Equal(inbox.Count(b => b.Kind == InboxKind.Article), killed.Articles.Count);
        Assert.Equal(killed.Articles.Count, killed.Articles.Select(Path.GetFileNameWithoutExtension).Distinct().Count()); // no content id stored twice
        foreach (var name in killed.Articles)
        {
            var article = JsonSerializer.Deserialize((await store.GetAsync(Containers.Articles, name))!.Content, BriefingsJsonContext.Default.Article)!;
            Assert.Equal(Path.GetFileNameWithoutExtension(name), article.Id);
        }

        var poisoned = killed.Receipts.Values.Where(r => r.Receipt.Status == IngestStatus.Poisoned).Select(r => r.Receipt).ToList();
        Assert.Equal(inbox.Where(b => b.Kind is InboxKind.Empty or InboxKind.Binary).Select(b => b.Name).Order(StringComparer.Ordinal), poisoned.Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.All(poisoned, r =>
        {
            Assert.True(killed.Reasons.TryGetValue(r.Name, out var text), $"{r.Name} is poisoned without its reason file");
            Assert.Equal(r.Reason, text!.Split('\n')[1]);
            Assert.False(string.IsNullOrWhiteSpace(r.Reason));
        });
    }

    private static async Task UploadAsync(IBlobStore store, IEnumerable<InboxBlob> inbox) =>
        await Parallel.ForEachAsync(inbox, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (blob, ct) =>
            await store.PutAsync(Containers.Inbox, blob.Name, blob.Content, new BlobWrite
            {
                ContentType = "text/plain",
                Metadata = new Dictionary<string, string> { ["published"] = Published },
            }, ct));

    /// <summary>The same inbox ingested on an Azurite nobody kills: the reference.</summary>
    private static async Task<StoreState> CleanRunAsync(IReadOnlyList<InboxBlob> inbox)
    {
        await using var azurite = await Azurite.StartAsync();
        var store = new AzureBlobStore(new BlobServiceClient(azurite.ConnectionString));
        await UploadAsync(store, inbox);
        await using (var runner = await Runner.StartAsync(azurite.ConnectionString))
        {
            var handler = runner.Services.GetRequiredService<IngestHandler>();
            foreach (var blob in inbox)
            {
                await handler.IngestAsync(blob.Name);
            }
        }

        return await ReadAsync(store);
    }

    private static async Task<int> ReceiptCountAsync(IBlobStore store)
    {
        try
        {
            return await store.ListAsync(Containers.Receipts).CountAsync();
        }
        catch (Exception e) when (StorageDown(e))
        {
            return 0; // the caller looks again shortly
        }
    }

    private static async Task<StoreState> ReadAsync(IBlobStore store)
    {
        var receipts = new Dictionary<string, ReceiptState>(StringComparer.Ordinal);
        var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
        List<string> articles = [];
        try
        {
            await foreach (var entry in store.ListAsync(Containers.Receipts))
            {
                if (await store.GetAsync(Containers.Receipts, entry.Name) is { } blob)
                {
                    var receipt = JsonSerializer.Deserialize(blob.Content, BriefingsJsonContext.Default.IngestReceipt)!;
                    receipts[receipt.Name] = new ReceiptState(receipt);
                }
            }

            await foreach (var entry in store.ListAsync(Containers.Poison))
            {
                if (entry.Name.EndsWith(".reason.txt", StringComparison.Ordinal) && await store.GetAsync(Containers.Poison, entry.Name) is { } blob)
                {
                    reasons[entry.Name[..^".reason.txt".Length]] = Encoding.UTF8.GetString(blob.Content);
                }
            }

            articles = (await store.ListAsync(Containers.Articles).ToListAsync()).Select(e => e.Name).Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (StorageDown(e))
        {
            // mid-ingest, storage may be down this moment: the caller looks again
        }

        return new StoreState(receipts, reasons, articles);
    }

    /// <summary>What the storage client throws while Azurite is down or being killed.</summary>
    private static bool StorageDown(Exception e) => e is Azure.RequestFailedException or AggregateException or HttpRequestException or IOException;

    private sealed record StoreState(Dictionary<string, ReceiptState> Receipts, Dictionary<string, string> Reasons, List<string> Articles);

    private sealed record ReceiptState(IngestReceipt Receipt)
    {
        public bool Final => Receipt.Status is IngestStatus.Ingested or IngestStatus.Duplicate or IngestStatus.Poisoned;

        /// <summary>Where the blob ended: the article it became, or poisoned.</summary>
        public string Resolution => Receipt.Status == IngestStatus.Poisoned ? "poisoned" : $"article {Receipt.ArticleId}";
    }

    private enum InboxKind
    {
        Article,
        Copy,
        Empty,
        Binary,
    }

    /// <summary>One inbox blob: an article, a second copy of the one before, or something that must be poisoned.</summary>
    private sealed record InboxBlob(string Name, byte[] Content, InboxKind Kind)
    {
        public static InboxBlob For(int i) => (i % 20) switch
        {
            7 => new($"wire-{i:D4}.txt", [], InboxKind.Empty),
            13 => new($"wire-{i:D4}.txt", Enumerable.Range(0, 600).Select(b => (byte)(b * 7 % 256)).ToArray(), InboxKind.Binary),
            17 => new($"wire-{i:D4}.txt", Text(i - 1), InboxKind.Copy),
            _ => new($"wire-{i:D4}.txt", Text(i), InboxKind.Article),
        };

        private static byte[] Text(int i) => Encoding.UTF8.GetBytes(
            $"Water board report number {i} on the eastern reservoir\n\n"
            + $"The water board said on Thursday that repairs to section {i} of the eastern reservoir wall were finished, "
            + $"and that the reservoir would hold {200 + i} million litres again by the end of the month. Engineers found {i % 6 + 1} cracks during the work.");
    }
}
