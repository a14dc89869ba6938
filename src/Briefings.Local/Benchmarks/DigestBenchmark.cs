using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Briefings.Core.Articles;
using Briefings.Core.Digests;
using Briefings.Core.Json;
using Briefings.Core.Rendering;
using Briefings.Local.Commands;

namespace Briefings.Local.Benchmarks;

/// <summary>
/// Digest building from a JSONL file, as the daily job does it but with no storage: read and
/// clean the articles, group, summarise, rank, render the JSON, HTML, text and Markdown. Each
/// run is a fresh process, so its peak memory is that of one build.
/// </summary>
public static class DigestBenchmark
{
    /// <summary>
    /// The measuring side: for each size, a corpus (made once per size and seed, then reused) and
    /// <paramref name="runs"/> fresh processes; prints medians, peak memory, the phases, and each
    /// size's time against the first size's.
    /// </summary>
    /// <param name="embeddingDimensions">When above 0, each build groups with stand-in embeddings of this length (<see cref="SyntheticEmbeddings"/>).</param>
    public static JsonArray Run(BenchSettings settings, int? maxStories, bool peer, int embeddingDimensions = 0)
    {
        var results = new JsonArray();
        double? baseline = null;
        int? baselineSize = null;
        foreach (var size in settings.Sizes)
        {
            var corpus = Corpus(settings, size);
            var runs = new List<JsonObject>();
            for (var run = 0; run < settings.Runs; run++)
            {
                List<string> arguments = ["bench", "digest-run", "--from", corpus];
                if (maxStories is { } max)
                {
                    arguments.AddRange(["--max-stories", max.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                }

                if (embeddingDimensions > 0)
                {
                    arguments.AddRange(["--embedding-dims", embeddingDimensions.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                }

                runs.Add(Measure.RunSelf(arguments));
                Console.Error.Write('.');
            }

            Console.Error.WriteLine();
            var seconds = Measure.Median(runs.Select(r => (double)r["seconds"]!));
            baseline ??= seconds;
            baselineSize ??= size;
            var phaseNames = runs.SelectMany(r => r["phases"]!.AsObject().Select(p => p.Key)).Distinct().ToList();
            var phases = new JsonObject();
            var phaseAllocations = new JsonObject();
            var phaseCpu = new JsonObject();
            var phaseJit = new JsonObject();
            foreach (var name in phaseNames)
            {
                phases[name] = Math.Round(Measure.Median(runs.Select(r => (double?)r["phases"]![name] ?? 0)), 1);
                phaseAllocations[name] = Math.Round(Measure.Median(runs.Select(r => (double?)r["phaseAllocations"]![name] ?? 0)), 1);
                phaseCpu[name] = Math.Round(Measure.Median(runs.Select(r => (double?)r["phaseCpu"]![name] ?? 0)), 1);
                phaseJit[name] = Math.Round(Measure.Median(runs.Select(r => (double?)r["phaseJit"]![name] ?? 0)), 1);
            }

            var result = new JsonObject
            {
                ["benchmark"] = "digest",
                ["size"] = size,
                ["runs"] = runs.Count,
                ["stories"] = (int)runs[0]["stories"]!,
                ["medianSeconds"] = Math.Round(seconds, 3),
                ["minSeconds"] = Math.Round(runs.Min(r => (double)r["seconds"]!), 3),
                ["maxSeconds"] = Math.Round(runs.Max(r => (double)r["seconds"]!), 3),
                ["medianBuildSeconds"] = Math.Round(Measure.Median(runs.Select(r => (double)r["buildSeconds"]!)), 3),
                ["medianCpuSeconds"] = Math.Round(Measure.Median(runs.Select(r => (double)r["cpuSeconds"]!)), 3),
                ["medianGcPauseSeconds"] = Math.Round(Measure.Median(runs.Select(r => (double)r["gcPauseSeconds"]!)), 3),
                ["medianJitSeconds"] = Math.Round(Measure.Median(runs.Select(r => (double)r["jitSeconds"]!)), 3),
                ["medianJitMethods"] = Measure.Median(runs.Select(r => (double)r["jitMethods"]!)),
                ["peakMegabytes"] = Math.Round(runs.Max(r => (double)r["peakBytes"]!) / (1024 * 1024)),
                ["allocatedMegabytes"] = Math.Round(Measure.Median(runs.Select(r => (double)r["allocatedBytes"]!)) / (1024 * 1024)),
                ["ratioToBaseline"] = Math.Round(seconds / baseline.Value, 2),
                ["baselineSize"] = baselineSize,
                ["phasesMs"] = phases,
                ["phasesAllocatedMegabytes"] = phaseAllocations,
                ["phasesCpuMs"] = phaseCpu,
                ["phasesJitMs"] = phaseJit,
            };
            if (peer)
            {
                result["peer"] = PeerBenchmark.Run(corpus, settings.Runs, seconds);
            }

            Print(result);
            results.Add(result);
        }

        return results;
    }

    /// <summary>The corpus file for a size: made once per size, seed and span, then reused.</summary>
    public static string Corpus(BenchSettings settings, int size)
    {
        var path = Path.Combine(settings.WorkFolder, $"corpus-{size}-seed{settings.Seed}-{settings.Days}d.jsonl");
        if (!File.Exists(path))
        {
            var made = Stopwatch.StartNew();
            SyntheticPages.WriteJsonLines(new SyntheticCorpus(settings.Seed).Articles(size, settings.Days), path);
            Console.Error.WriteLine($"corpus: {size:N0} articles over {settings.Days} day(s) -> {path} ({made.Elapsed.TotalSeconds:0.0} s)");
        }

        return path;
    }

    private static void Print(JsonObject r)
    {
        Console.WriteLine($"digest  {(int)r["size"]!,8:N0} articles  {(int)r["stories"]!,6:N0} stories  median {(double)r["medianSeconds"]!,7:0.000} s"
            + $"  (min {(double)r["minSeconds"]!:0.000}, max {(double)r["maxSeconds"]!:0.000}, {(int)r["runs"]!} runs; cpu {(double)r["medianCpuSeconds"]!:0.0} s, GC pauses {(double)r["medianGcPauseSeconds"]!:0.00} s, JIT {(double)r["medianJitSeconds"]!:0.00} s for {(double)r["medianJitMethods"]!:N0} methods)"
            + $"  peak {(double)r["peakMegabytes"]!:0} MiB  allocated {(double)r["allocatedMegabytes"]!:0} MiB"
            + $"  x{(double)r["ratioToBaseline"]!:0.00} vs {(int)r["baselineSize"]!:N0}");
        Console.WriteLine("        phases (ms, median): " + string.Join("  ", r["phasesMs"]!.AsObject().Select(p => $"{p.Key} {(double)p.Value!:0}")));
        Console.WriteLine("        cpu (ms, median):    " + string.Join("  ", r["phasesCpuMs"]!.AsObject().Select(p => $"{p.Key} {(double)p.Value!:0}")));
        Console.WriteLine("        compiling (ms, median): " + string.Join("  ", r["phasesJitMs"]!.AsObject().Select(p => $"{p.Key} {(double)p.Value!:0}")));
        Console.WriteLine("        allocated (MiB, median): " + string.Join("  ", r["phasesAllocatedMegabytes"]!.AsObject().Select(p => $"{p.Key} {(double)p.Value!:0}")));
        if (r["peer"] is JsonObject peer)
        {
            Console.WriteLine("        peer: " + PeerBenchmark.Describe(peer));
        }
    }

    /// <summary>The measured side: one build in this process; prints one JSON line.</summary>
    public static int RunOnce(string path, int? maxStories, int embeddingDimensions = 0)
    {
        using var services = DigestCommand.Services();
        var reader = services.GetRequiredService<ArticleReader>();
        var builder = services.GetRequiredService<DigestBuilder>();
        var renderer = services.GetRequiredService<DigestRenderer>();
        using var phases = new Measure.Phases(DigestTelemetry.SourceName);

        // Reading and rendering are phases of the benchmark's own, measured as the build's are.
        var total = Stopwatch.StartNew();
        var warming = BuildWarming.Start(builder, renderer); // as a build job does
        List<Article> articles;
        using (DigestTelemetry.Phase("read"))
        {
            articles = ArticleJsonLines.Read(path, reader, _ => { });
        }

        // Stand-in vectors are made outside the build's time, as a model's would arrive before it.
        var made = Stopwatch.StartNew();
        var embeddings = embeddingDimensions > 0 ? SyntheticEmbeddings.For(articles, embeddingDimensions) : null;
        if (embeddings is not null)
        {
            GC.Collect(); // the making's garbage is not the build's
        }

        var excluded = made.Elapsed;

        var step = Stopwatch.StartNew();
        var day = articles.Max(a => DateOnly.FromDateTime(a.EffectiveTime.UtcDateTime));
        var digest = builder.Build(articles, day, SyntheticCorpus.Start, maxStories, embeddings: embeddings);
        var build = step.Elapsed;

        int bytes;
        using (DigestTelemetry.Phase("render"))
        {
            warming.Wait();
            bytes = JsonSerializer.SerializeToUtf8Bytes(digest, BriefingsJsonContext.Default.Digest).Length
                + renderer.RenderStored(digest).Values.Sum(rendering => rendering.Length);
        }

        var elapsed = total.Elapsed - excluded;
        var result = new JsonObject
        {
            ["articles"] = articles.Count,
            ["stories"] = digest.Stories.Count,
            ["seconds"] = elapsed.TotalSeconds,
            ["buildSeconds"] = build.TotalSeconds,
            ["cpuSeconds"] = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds,
            ["peakBytes"] = Measure.PeakWorkingSet(),
            ["allocatedBytes"] = GC.GetTotalAllocatedBytes(),
            ["gcPauseSeconds"] = GC.GetTotalPauseDuration().TotalSeconds,
            // Time spent compiling code, on every thread, and how many methods were compiled.
            ["jitSeconds"] = System.Runtime.JitInfo.GetCompilationTime().TotalSeconds,
            ["jitMethods"] = System.Runtime.JitInfo.GetCompiledMethodCount(),
            ["gen0"] = GC.CollectionCount(0),
            ["gen1"] = GC.CollectionCount(1),
            ["gen2"] = GC.CollectionCount(2),
            ["outputBytes"] = bytes,
            ["phases"] = phases.ToJson(),
            ["phaseAllocations"] = phases.AllocatedJson(),
            ["phaseCpu"] = phases.CpuJson(),
            ["phaseJit"] = phases.JitJson(),
        };
        Console.WriteLine(Measure.Json(result));
        return 0;
    }
}
