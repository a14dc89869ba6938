using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Briefings.Local.Hosting;

namespace Briefings.Local.Benchmarks;

/// <summary>
/// <c>GET /api/briefings/latest</c> from the runner (Kestrel, the folder store) under wrk on
/// loopback: plain requests, compressed ones, then conditional ones with the ETag (answered 304);
/// then the home page, <c>/</c>, the day's page a reader loads, plain and compressed. The runner is
/// a separate process, without the inbox watcher and the schedule.
/// </summary>
public static partial class ServeBenchmark
{
    public static async Task<JsonArray> RunAsync(BenchSettings settings, int seconds, int threads, int connections)
    {
        var folder = Path.Combine(settings.WorkFolder, "serve-store");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        using (var services = BenchServices.Create(folder))
        {
            await BenchServices.SaveDigestAsync(services, settings.Seed, settings.Sizes[0]);
        }

        var port = FreePort();
        using var server = Measure.StartSelf(["bench", "serve-run", "--data", folder, "--port", port.ToString(CultureInfo.InvariantCulture)]);
        var url = $"http://127.0.0.1:{port}/api/briefings/latest";
        using var client = new HttpClient();
        HttpResponseMessage? first = null;
        for (var attempt = 0; attempt < 100 && first is null; attempt++)
        {
            try
            {
                first = await client.GetAsync(url);
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        if (first is null || !first.IsSuccessStatusCode || first.Headers.ETag is null)
        {
            throw new InvalidOperationException($"The runner did not serve {url}.");
        }

        var etag = first.Headers.ETag.Tag;
        var bytes = (await first.Content.ReadAsByteArrayAsync()).Length;
        var brotliBytes = await BrotliLengthAsync(client, url);
        var home = $"http://127.0.0.1:{port}/";
        var pageBytes = (await client.GetByteArrayAsync(home)).Length;
        var pageBrotliBytes = await BrotliLengthAsync(client, home);
        var results = new JsonArray();
        // Plain (wrk sends no Accept-Encoding), compressed as a browser or feed reader asks for it,
        // and conditional with the plain form's ETag.
        foreach (var (target, kind, header, size, label) in new[]
        {
            (url, "200", (string?)null, bytes, $"{bytes / 1024.0:0} KB JSON"),
            (url, "200 br", "Accept-Encoding: br", brotliBytes, $"{brotliBytes / 1024.0:0} KB JSON, Brotli"),
            (url, "304", $"If-None-Match: {etag}", 0, "If-None-Match"),
            (home, "page", null, pageBytes, $"{pageBytes / 1024.0:0} KB page /"),
            (home, "page br", "Accept-Encoding: br", pageBrotliBytes, $"{pageBrotliBytes / 1024.0:0} KB page /, Brotli"),
        })
        {
            var runs = new List<(double Rate, double P99, double P50, long Errors)>();
            for (var run = 0; run < settings.Runs; run++)
            {
                runs.Add(Wrk(target, seconds, threads, connections, header));
                Console.Error.Write('.');
            }

            Console.Error.WriteLine();
            var result = new JsonObject
            {
                ["benchmark"] = "serve",
                ["path"] = new Uri(target).AbsolutePath,
                ["response"] = kind,
                ["bytes"] = size,
                ["runs"] = runs.Count,
                ["seconds"] = seconds,
                ["threads"] = threads,
                ["connections"] = connections,
                ["medianRequestsPerSecond"] = Math.Round(Measure.Median(runs.Select(r => r.Rate))),
                ["minRequestsPerSecond"] = Math.Round(runs.Min(r => r.Rate)),
                ["medianP50Ms"] = Math.Round(Measure.Median(runs.Select(r => r.P50)), 3),
                ["medianP99Ms"] = Math.Round(Measure.Median(runs.Select(r => r.P99)), 3),
                ["maxP99Ms"] = Math.Round(runs.Max(r => r.P99), 3),
                ["errors"] = runs.Sum(r => r.Errors),
                ["serverPeakMegabytes"] = Math.Round(Measure.PeakWorkingSet(server.Id) / (1024.0 * 1024)),
            };
            Console.WriteLine($"serve   {kind}  {label}  median {(double)result["medianRequestsPerSecond"]!,8:0} req/s  p99 {(double)result["medianP99Ms"]!:0.00} ms"
                + $"  (p50 {(double)result["medianP50Ms"]!:0.00} ms; min {runs.Min(r => r.Rate):0} req/s, worst p99 {runs.Max(r => r.P99):0.00} ms; {runs.Count} runs of {seconds} s, {threads} threads, {connections} connections)"
                + $"  errors {(long)result["errors"]!}  server peak {(double)result["serverPeakMegabytes"]!:0} MiB");
            results.Add(result);
        }

        server.StandardInput.Close();
        if (!server.WaitForExit(10_000))
        {
            server.Kill();
        }

        return results;
    }

    /// <summary>The measured side: the runner's web host over the folder, until standard input closes.</summary>
    public static async Task<int> ServeAsync(string data, int port)
    {
        await using var app = RunnerHost.Build(new RunnerSettings { DataPath = data, Port = port, Background = false });
        await app.StartAsync();
        Console.WriteLine($"READY {RunnerHost.Address(app)}");
        await Console.In.ReadToEndAsync();
        await app.StopAsync();
        return 0;
    }

    /// <summary>The length of a response sent with Brotli, as a browser asks for it.</summary>
    private static async Task<int> BrotliLengthAsync(HttpClient client, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { { "Accept-Encoding", "br" } } };
        using var response = await client.SendAsync(request);
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }

    private static (double Rate, double P99, double P50, long Errors) Wrk(string url, int seconds, int threads, int connections, string? header)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-t", threads.ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture), "-d", $"{seconds}s", "--latency" })
        {
            start.ArgumentList.Add(argument);
        }

        if (header is not null)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add(header);
        }

        start.ArgumentList.Add(url);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("wrk is not installed (Debian package wrk: apt-get install wrk).", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            var rate = RequestsPerSecond().Match(output);
            if (process.ExitCode != 0 || !rate.Success)
            {
                throw new InvalidOperationException($"wrk failed:\n{output}{process.StandardError.ReadToEnd()}");
            }

            var errors = NonSuccess().Match(output) is { Success: true } e ? long.Parse(e.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
            var socketErrors = SocketErrors().Match(output);
            if (socketErrors.Success)
            {
                errors += socketErrors.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture));
            }

            return (double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture), Percentile(output, "99%"), Percentile(output, "50%"), errors);
        }
    }

    /// <summary>A latency percentile from wrk's distribution, in milliseconds.</summary>
    private static double Percentile(string output, string label)
    {
        var match = Regex.Match(output, @"^\s*" + Regex.Escape(label) + @"\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        if (!match.Success)
        {
            return double.NaN;
        }

        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();
}
