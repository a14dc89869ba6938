using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Briefings.Core.Json;
using Briefings.Core.Rendering;

namespace Briefings.Local.Benchmarks;

/// <summary>
/// Rendering one digest of N stories in each format, after a warm-up: milliseconds per rendering,
/// and what the first rendering in the process took. Beside the wall time, the CPU time the whole
/// process spent per rendering and the part of it the benchmark's thread spent (medians of the runs),
/// which other work on the machine moves less.
/// Each rendering is also written to <c>render-N/</c> in the work folder, so a change meant only to
/// be faster can be checked to render the same bytes.
/// </summary>
public static class RenderBenchmark
{
    private const int PerRun = 20;
    private const int WarmUpRounds = 50;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);

    public static JsonArray Run(BenchSettings settings)
    {
        var results = new JsonArray();
        using var services = BenchServices.Create(Path.Combine(settings.WorkFolder, "render-store"));
        var renderer = services.GetRequiredService<DigestRenderer>();
        foreach (var size in settings.Sizes)
        {
            var digest = BenchServices.Digest(services, settings.Seed, size);
            var written = Directory.CreateDirectory(Path.Combine(settings.WorkFolder, $"render-{size}")).FullName;
            var formats = new List<(string Name, Func<int> Render)>
            {
                ("html", () => renderer.Render(digest, RenderFormat.Html).Length),
                // As the email is sent: its coverage lists cut at the configured limit.
                ("email", () => renderer.Render(digest, RenderFormat.Email, coverageLimit: new Briefings.Core.Delivery.EmailOptions().CoverageLimit).Length),
                ("txt", () => renderer.Render(digest, RenderFormat.Text).Length),
                ("md", () => renderer.Render(digest, RenderFormat.Markdown).Length),
                ("json", () => JsonSerializer.SerializeToUtf8Bytes(digest, BriefingsJsonContext.Default.Digest).Length),
            };
            // The first rendering of each format in the process, as the daily job renders it: the
            // code it runs is compiled as it goes.
            var first = new Dictionary<string, double>();
            foreach (var (name, render) in formats)
            {
                var clock = Stopwatch.StartNew();
                render();
                first[name] = clock.Elapsed.TotalMilliseconds;
            }

            foreach (var format in Enum.GetValues<RenderFormat>())
            {
                var limit = format == RenderFormat.Email ? new Briefings.Core.Delivery.EmailOptions().CoverageLimit : 0;
                File.WriteAllText(Path.Combine(written, $"digest.{RenderFormats.Extension(format)}"), renderer.Render(digest, format, coverageLimit: limit));
            }

            // Then every format in turn for a while, so the runtime has recompiled the hot code
            // optimised (tiered compilation waits for calls to settle before it does) and what is
            // timed is the steady state of a process that renders often, as the server does.
            var warming = Stopwatch.StartNew();
            for (var round = 0; round < WarmUpRounds || warming.Elapsed < WarmUp; round++)
            {
                foreach (var (_, render) in formats)
                {
                    render();
                }
            }

            foreach (var (name, render) in formats)
            {
                var bytes = render();

                // Every thread's allocations: a rendering may hand work to others.
                var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                render();
                var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
                var runs = new List<double>();
                var cpu = new List<double>();
                var threadCpu = new List<double>();
                for (var run = 0; run < settings.Runs; run++)
                {
                    var cpuBefore = ProcessClock.Now();
                    var threadBefore = ProcessClock.ThisThread();
                    var clock = Stopwatch.StartNew();
                    for (var i = 0; i < PerRun; i++)
                    {
                        render();
                    }

                    runs.Add(clock.Elapsed.TotalMilliseconds / PerRun);
                    cpu.Add((ProcessClock.Now() - cpuBefore).TotalMilliseconds / PerRun);
                    threadCpu.Add((ProcessClock.ThisThread() - threadBefore).TotalMilliseconds / PerRun);
                }

                var result = new JsonObject
                {
                    ["benchmark"] = "render",
                    ["format"] = name,
                    ["stories"] = digest.Stories.Count,
                    ["runs"] = runs.Count,
                    ["medianMs"] = Math.Round(Measure.Median(runs), 3),
                    ["minMs"] = Math.Round(runs.Min(), 3),
                    ["maxMs"] = Math.Round(runs.Max(), 3),
                    ["cpuMedianMs"] = Math.Round(Measure.Median(cpu), 3),
                    ["threadCpuMedianMs"] = Math.Round(Measure.Median(threadCpu), 3),
                    ["bytes"] = bytes,
                    ["allocatedBytes"] = allocated,
                    ["firstMs"] = Math.Round(first[name], 3),
                };
                Console.WriteLine($"render  {name,-5}  {digest.Stories.Count} stories  median {(double)result["medianMs"]!,7:0.000} ms  (min {runs.Min():0.000}, max {runs.Max():0.000}; {runs.Count} runs of {PerRun}; CPU {Measure.Median(cpu):0.000} ms, this thread {Measure.Median(threadCpu):0.000})  {bytes / 1024.0:0} KB, {allocated / 1024.0:0} KB allocated; first rendering {first[name]:0.0} ms");
                results.Add(result);
            }
        }

        return results;
    }
}
