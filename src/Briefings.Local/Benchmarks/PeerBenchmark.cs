using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Briefings.Local.Benchmarks;

/// <summary>
/// The peer on the same corpus: scikit-learn TF-IDF + average-linkage agglomerative clustering
/// (<c>bench/peer_sklearn.py</c>, Debian's python3-sklearn), timed in its own process.
/// </summary>
public static class PeerBenchmark
{
    public static JsonObject Run(string corpus, int runs, double ourSeconds)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "bench", "peer_sklearn.py");
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var results = new List<JsonObject>();
        for (var run = 0; run < runs; run++)
        {
            var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(script);
            start.ArgumentList.Add(corpus);
            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
            if (process.ExitCode != 0 || last is null)
            {
                return new JsonObject { ["error"] = $"the peer failed (exit {process.ExitCode}; is python3-sklearn installed?): {errors.Result.Trim().Split('\n').LastOrDefault()}" };
            }

            var result = Measure.Parse(last);
            if (result["skipped"] is not null)
            {
                return result;
            }

            results.Add(result);
            Console.Error.Write('p');
        }

        Console.Error.WriteLine();
        var seconds = Measure.Median(results.Select(r => (double)r["seconds"]!));
        return new JsonObject
        {
            ["runs"] = results.Count,
            ["clusters"] = (int)results[0]["clusters"]!,
            ["medianSeconds"] = Math.Round(seconds, 3),
            ["peakMegabytes"] = Math.Round(results.Max(r => (double)r["peakBytes"]!) / (1024 * 1024)),
            ["phasesMs"] = results[0]["phasesMs"]!.DeepClone(),
            ["peerOverOurs"] = Math.Round(seconds / ourSeconds, 2),
        };
    }

    public static string Describe(JsonObject peer) =>
        peer["skipped"] is { } skipped ? $"not run: {skipped}"
        : peer["error"] is { } error ? error.ToString()
        : $"scikit-learn TF-IDF + average linkage {(double)peer["medianSeconds"]!:0.000} s (median of {(int)peer["runs"]!}, grouping only), "
          + $"peak {(double)peer["peakMegabytes"]!:0} MiB, {(int)peer["clusters"]!:N0} clusters; peer / ours = {(double)peer["peerOverOurs"]!:0.00}";
}
