using System.Diagnostics;
using System.Text.Json.Nodes;
using Briefings.Core.Articles;
using Briefings.Core.Storage;

namespace Briefings.Local.Benchmarks;

/// <summary>
/// Ingest into the embedded store as the runner does it: read the blob, parse, clean, store the
/// article create-only and write the receipt; one blob after another (the baseline), then
/// <see cref="IngestOptions.Concurrency"/> at a time as the runner's inbox watcher ingests. Two
/// kinds of input: plain-text articles of about 5 KB and HTML pages of about 50 KB. Each run
/// starts from an empty store.
/// </summary>
/// <remarks>
/// The stores are deleted only when every run is done. On a file system without a journal (this
/// project's development disk) ext4 will not reuse an inode freed in the last minute or so, and its
/// allocator steps over every such inode of the group for each file it creates: deleting one run's
/// 3,000 files made each file the next run created cost 0.5 ms of kernel time instead of 0.03, so
/// the runs measured the cleanup before them more than the ingest.
/// </remarks>
public static class IngestBenchmark
{
    public static async Task<JsonArray> RunAsync(BenchSettings settings)
    {
        var results = new JsonArray();
        var stores = new List<string>();
        foreach (var size in settings.Sizes)
        {
            var articles = new SyntheticCorpus(settings.Seed).Articles(size, settings.Days, medianWords: 700, spread: 0.08).ToList();
            foreach (var (kind, bytes) in new (string, Func<SyntheticArticle, byte[]>)[]
            {
                ("text", a => SyntheticPages.Text(a)),
                ("html", a => SyntheticPages.Html(a, 50 * 1024)),
            })
            {
                var blobs = articles.Select((a, i) => ($"{i:D6}-{a.Id}.{(kind == "text" ? "txt" : "html")}", bytes(a))).ToList();
                double? sequential = null;
                foreach (var concurrency in new[] { 1, new IngestOptions().Concurrency })
                {
                    var runs = new List<double>();
                    var ingested = 0;
                    for (var run = 0; run < settings.Runs; run++)
                    {
                        var folder = Path.Combine(settings.WorkFolder, $"ingest-{size}-{kind}-{concurrency}-{run}");
                        if (Directory.Exists(folder))
                        {
                            Directory.Delete(folder, recursive: true);
                        }

                        stores.Add(folder);
                        using var services = BenchServices.Create(folder);
                        var store = services.GetRequiredService<IBlobStore>();
                        var handler = services.GetRequiredService<IngestHandler>();
                        foreach (var (name, content) in blobs)
                        {
                            await store.PutAsync(Containers.Inbox, name, content);
                        }

                        var stored = 0;
                        var clock = Stopwatch.StartNew();
                        await Parallel.ForEachAsync(blobs, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (blob, token) =>
                        {
                            var outcome = await handler.IngestAsync(blob.Item1, token);
                            if (outcome.Status == IngestStatus.Ingested)
                            {
                                Interlocked.Increment(ref stored);
                            }
                        });

                        runs.Add(blobs.Count / clock.Elapsed.TotalSeconds);
                        ingested = stored;
                        Console.Error.Write('.');
                    }

                    Console.Error.WriteLine();
                    var median = Measure.Median(runs);
                    sequential ??= median;
                    var result = new JsonObject
                    {
                        ["benchmark"] = "ingest",
                        ["kind"] = kind,
                        ["concurrency"] = concurrency,
                        ["articles"] = blobs.Count,
                        ["ingested"] = ingested,
                        ["meanKilobytes"] = Math.Round(blobs.Average(b => b.Item2.Length) / 1024.0, 1),
                        ["runs"] = runs.Count,
                        ["medianPerSecond"] = Math.Round(median),
                        ["ratioToOneAtATime"] = Math.Round(median / sequential.Value, 2),
                        ["minPerSecond"] = Math.Round(runs.Min()),
                        ["maxPerSecond"] = Math.Round(runs.Max()),
                    };
                    Console.WriteLine($"ingest  {kind,-4}  {blobs.Count:N0} articles of {(double)result["meanKilobytes"]!:0.0} KB, {concurrency} at a time  median {median,6:0} articles/s"
                        + $"  (min {runs.Min():0}, max {runs.Max():0}; {runs.Count} runs; x{median / sequential.Value:0.00} vs one at a time)  {ingested:N0} ingested");
                    results.Add(result);
                }
            }
        }

        foreach (var folder in stores)
        {
            Directory.Delete(folder, recursive: true);
        }

        return results;
    }
}
