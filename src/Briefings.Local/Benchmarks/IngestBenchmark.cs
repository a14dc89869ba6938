using System.Diagnostics;
using System.Text.Json.Nodes;
using Briefings.Core.Articles;
using Briefings.Core.Storage;

namespace Briefings.Local.Benchmarks;

/// <summary>
/// Ingest into the embedded store as the runner does it, one inbox blob after another: read the
/// blob, parse, clean, store the article create-only and write the receipt. Two kinds of input:
/// plain-text articles of about 5 KB and HTML pages of about 50 KB. Each run starts from an empty store.
/// </summary>
public static class IngestBenchmark
{
    public static async Task<JsonArray> RunAsync(BenchSettings settings)
    {
        var results = new JsonArray();
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
                var runs = new List<double>();
                var ingested = 0;
                for (var run = 0; run < settings.Runs; run++)
                {
                    var folder = Path.Combine(settings.WorkFolder, $"ingest-{kind}-{run}");
                    if (Directory.Exists(folder))
                    {
                        Directory.Delete(folder, recursive: true);
                    }

                    using var services = BenchServices.Create(folder);
                    var store = services.GetRequiredService<IBlobStore>();
                    var handler = services.GetRequiredService<IngestHandler>();
                    foreach (var (name, content) in blobs)
                    {
                        await store.PutAsync(Containers.Inbox, name, content);
                    }

                    ingested = 0;
                    var clock = Stopwatch.StartNew();
                    foreach (var (name, _) in blobs)
                    {
                        var outcome = await handler.IngestAsync(name);
                        ingested += outcome.Status == IngestStatus.Ingested ? 1 : 0;
                    }

                    runs.Add(blobs.Count / clock.Elapsed.TotalSeconds);
                    Directory.Delete(folder, recursive: true);
                    Console.Error.Write('.');
                }

                Console.Error.WriteLine();
                var result = new JsonObject
                {
                    ["benchmark"] = "ingest",
                    ["kind"] = kind,
                    ["articles"] = blobs.Count,
                    ["ingested"] = ingested,
                    ["meanKilobytes"] = Math.Round(blobs.Average(b => b.Item2.Length) / 1024.0, 1),
                    ["runs"] = runs.Count,
                    ["medianPerSecond"] = Math.Round(Measure.Median(runs)),
                    ["minPerSecond"] = Math.Round(runs.Min()),
                    ["maxPerSecond"] = Math.Round(runs.Max()),
                };
                Console.WriteLine($"ingest  {kind,-4}  {blobs.Count:N0} articles of {(double)result["meanKilobytes"]!:0.0} KB  median {(double)result["medianPerSecond"]!,6:0} articles/s"
                    + $"  (min {runs.Min():0}, max {runs.Max():0}; {runs.Count} runs)  {ingested:N0} ingested");
                results.Add(result);
            }
        }

        return results;
    }
}
