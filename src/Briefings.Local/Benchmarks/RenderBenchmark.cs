using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Briefings.Core.Json;
using Briefings.Core.Rendering;

namespace Briefings.Local.Benchmarks;

/// <summary>
/// Rendering one digest of N stories in each format, after a warm-up: milliseconds per rendering.
/// Each rendering is also written to <c>render-N/</c> in the work folder, so a change meant only to
/// be faster can be checked to render the same bytes.
/// </summary>
public static class RenderBenchmark
{
    private const int PerRun = 20;

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
            foreach (var format in Enum.GetValues<RenderFormat>())
            {
                var limit = format == RenderFormat.Email ? new Briefings.Core.Delivery.EmailOptions().CoverageLimit : 0;
                File.WriteAllText(Path.Combine(written, $"digest.{RenderFormats.Extension(format)}"), renderer.Render(digest, format, coverageLimit: limit));
            }

            foreach (var (name, render) in formats)
            {
                var bytes = 0;
                for (var i = 0; i < 5; i++)
                {
                    bytes = render();
                }

                var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                render();
                var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
                var runs = new List<double>();
                for (var run = 0; run < settings.Runs; run++)
                {
                    var clock = Stopwatch.StartNew();
                    for (var i = 0; i < PerRun; i++)
                    {
                        render();
                    }

                    runs.Add(clock.Elapsed.TotalMilliseconds / PerRun);
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
                    ["bytes"] = bytes,
                    ["allocatedBytes"] = allocated,
                };
                Console.WriteLine($"render  {name,-5}  {digest.Stories.Count} stories  median {(double)result["medianMs"]!,7:0.000} ms  (min {runs.Min():0.000}, max {runs.Max():0.000}; {runs.Count} runs of {PerRun})  {bytes / 1024.0:0} KB, {allocated / 1024.0:0} KB allocated");
                results.Add(result);
            }
        }

        return results;
    }
}
