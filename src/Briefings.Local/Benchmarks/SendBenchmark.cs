using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Briefings.Core.Delivery;

namespace Briefings.Local.Benchmarks;

/// <summary>
/// Sending one day's briefing to N subscribers through a local SMTP server (Postfix's
/// <c>smtp-sink</c> where it is installed, a server written in C for measuring senders; otherwise
/// aiosmtpd, whose single Python thread is then the limit), with the
/// delivery ledger on the folder store: claim, compose, send, complete, one subscriber after
/// another. Each run is a fresh process and a fresh store, so its memory can be compared across N.
/// </summary>
public static class SendBenchmark
{
    public static JsonArray Run(BenchSettings settings)
    {
        using var sink = StartServer(out var port, out var server);
        Console.Error.WriteLine($"send: SMTP server {server} on port {port}");
        var results = new JsonArray();
        double? baseline = null;
        foreach (var size in settings.Sizes)
        {
            var runs = new List<JsonObject>();
            for (var run = 0; run < settings.Runs; run++)
            {
                runs.Add(Measure.RunSelf(["bench", "send-run", "--size", size.ToString(CultureInfo.InvariantCulture), "--port", port, "--seed",
                    settings.Seed.ToString(CultureInfo.InvariantCulture), "--work", Path.Combine(settings.WorkFolder, $"send-{size}-{run}")]));
                Console.Error.Write('.');
            }

            Console.Error.WriteLine();
            var seconds = Measure.Median(runs.Select(r => (double)r["seconds"]!));
            var perSubscriber = Measure.Median(runs.Select(r => (double)r["seconds"]! / size * 1000));
            baseline ??= perSubscriber;
            var result = new JsonObject
            {
                ["benchmark"] = "send",
                ["subscribers"] = size,
                ["sent"] = (int)runs[0]["sent"]!,
                ["runs"] = runs.Count,
                ["medianSeconds"] = Math.Round(seconds, 2),
                ["minSeconds"] = Math.Round(runs.Min(r => (double)r["seconds"]!), 2),
                ["maxSeconds"] = Math.Round(runs.Max(r => (double)r["seconds"]!), 2),
                ["msPerSubscriber"] = Math.Round(perSubscriber, 3),
                ["perSubscriberRatioToBaseline"] = Math.Round(perSubscriber / baseline.Value, 2),
                ["peakMegabytes"] = Math.Round(runs.Max(r => (double)r["peakBytes"]!) / (1024 * 1024)),
                ["peakBeforeSendingMegabytes"] = Math.Round(runs.Max(r => (double)r["peakBeforeBytes"]!) / (1024 * 1024)),
                ["heapAfterMegabytes"] = Math.Round(runs.Max(r => (double)r["heapAfterBytes"]!) / (1024 * 1024), 1),
            };
            Console.WriteLine($"send    {size,7:N0} subscribers  median {seconds,7:0.00} s  ({perSubscriber:0.000} ms each, x{(double)result["perSubscriberRatioToBaseline"]!:0.00} per subscriber vs the first size;"
                + $" min {(double)result["minSeconds"]!:0.00}, max {(double)result["maxSeconds"]!:0.00}; {runs.Count} runs)  {(int)result["sent"]!:N0} sent"
                + $"  peak {(double)result["peakMegabytes"]!:0} MiB (before sending {(double)result["peakBeforeSendingMegabytes"]!:0} MiB), heap after {(double)result["heapAfterMegabytes"]!:0.0} MiB");
            results.Add(result);
        }

        if (server == SmtpSinkPath)
        {
            sink.Kill();
        }
        else
        {
            sink.StandardInput.Close();
        }

        sink.WaitForExit(10_000);
        return results;
    }

    private const string SmtpSinkPath = "/usr/sbin/smtp-sink";

    /// <summary>Starts the SMTP server the sends go to and waits until it listens.</summary>
    private static Process StartServer(out string port, out string server)
    {
        if (File.Exists(SmtpSinkPath))
        {
            using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
            {
                probe.Start();
                port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
            }

            var sinkStart = new ProcessStartInfo(SmtpSinkPath) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { "-u", "nobody", $"127.0.0.1:{port}", "256" })
            {
                sinkStart.ArgumentList.Add(argument);
            }

            var process = Process.Start(sinkStart)!;
            for (var attempt = 0; attempt < 50; attempt++)
            {
                try
                {
                    using var client = new System.Net.Sockets.TcpClient("127.0.0.1", int.Parse(port, CultureInfo.InvariantCulture));
                    server = SmtpSinkPath;
                    return process;
                }
                catch (System.Net.Sockets.SocketException)
                {
                    Thread.Sleep(100);
                }
            }

            process.Kill();
            throw new InvalidOperationException($"{SmtpSinkPath} did not start listening on port {port}.");
        }

        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var start = new ProcessStartInfo(python) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "bench", "smtp_sink.py"));
        var sink = Process.Start(start)!;
        var ready = sink.StandardOutput.ReadLine();
        if (ready is null || !ready.StartsWith("READY ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The SMTP server did not start: is python3-aiosmtpd installed (tests/run.sh installs it)?");
        }

        port = ready[6..];
        server = "aiosmtpd (bench/smtp_sink.py)";
        return sink;
    }

    /// <summary>The measured side: a fresh store with one digest, N configured subscribers, one send.</summary>
    public static async Task<int> RunOnceAsync(int subscribers, int port, int seed, string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        var overrides = new Dictionary<string, string?>
        {
            ["Briefings:Email:Smtp:Host"] = "127.0.0.1",
            ["Briefings:Email:Smtp:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Briefings:Email:Smtp:Security"] = "None",
        };
        for (var i = 0; i < subscribers; i++)
        {
            overrides[$"Briefings:Email:Subscribers:{i}"] = $"reader{i:D6}@example.org";
        }

        await using var services = BenchServices.Create(folder, overrides);
        var digest = await BenchServices.SaveDigestAsync(services, seed, 40);
        var handler = services.GetRequiredService<DeliveryHandler>();
        GC.Collect();
        var before = Measure.PeakWorkingSet();
        var clock = Stopwatch.StartNew();
        var report = await handler.SendAsync(digest.Date);
        var elapsed = clock.Elapsed;
        var result = new JsonObject
        {
            ["subscribers"] = subscribers,
            ["sent"] = report.Sent,
            ["failed"] = report.Failed,
            ["seconds"] = elapsed.TotalSeconds,
            ["peakBytes"] = Measure.PeakWorkingSet(),
            ["peakBeforeBytes"] = before,
            ["heapAfterBytes"] = GC.GetTotalMemory(forceFullCollection: true),
        };
        Directory.Delete(folder, recursive: true);
        Console.WriteLine(Measure.Json(result));
        return 0;
    }
}
