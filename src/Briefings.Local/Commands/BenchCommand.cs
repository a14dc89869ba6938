using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Briefings.Local.Benchmarks;

namespace Briefings.Local.Commands;

/// <summary>
/// <c>briefings bench &lt;what&gt; [--size N[,N...]] [--runs R] [--seed S]</c>: benchmarks on a
/// seeded synthetic corpus, printing medians over runs, peak memory and ratios against the
/// first size. See docs/performance.md.
/// </summary>
public static class BenchCommand
{
    private static readonly Option<string?> Size = new("--size") { Description = "Size, or sizes separated by commas (the first is the baseline); 10k and 1m are understood." };
    private static readonly Option<int> Runs = new("--runs") { Description = "Runs per size; medians are reported.", DefaultValueFactory = _ => 5 };
    private static readonly Option<int> Seed = new("--seed") { Description = "Seed of the synthetic corpus.", DefaultValueFactory = _ => 7 };
    private static readonly Option<int> Days = new("--days") { Description = "Days the corpus's publication times span (1 = a day, 7 = a week).", DefaultValueFactory = _ => 1 };
    private static readonly Option<string?> Work = new("--work") { Description = "Folder for corpora and stores (default: a folder under the system's temp folder)." };
    private static readonly Option<int> EmbeddingDims = new("--embedding-dims") { Description = "Group with stand-in embeddings of this length, as an embeddings deployment would give (0: none)." };
    private static readonly Option<string?> JsonOut = new("--json") { Description = "Also write the results as JSON to this file." };

    public static Command Create()
    {
        var command = new Command("bench", "Benchmarks on a seeded synthetic corpus: digest, ingest, render, highlights, serve, send (docs/performance.md).");
        command.Subcommands.Add(Digest());
        command.Subcommands.Add(Ingest());
        command.Subcommands.Add(Render());
        command.Subcommands.Add(Highlights());
        command.Subcommands.Add(Serve());
        command.Subcommands.Add(Send());
        command.Subcommands.Add(Smoke());
        command.Subcommands.Add(Corpus());
        command.Subcommands.Add(DigestRun());
        command.Subcommands.Add(ServeRun());
        command.Subcommands.Add(SendRun());
        return command;
    }

    private static Command Ingest() =>
        Benchmark("ingest", "Ingest into the embedded store: 5 KB text articles and 50 KB HTML pages, articles/s (default size 2000).", "2000",
            (_, settings) => IngestBenchmark.RunAsync(settings), Days);

    private static Command Render() =>
        Benchmark("render", "Rendering a digest of N stories in each format, ms per rendering (default 50 stories).", "50",
            (_, settings) => Task.FromResult(RenderBenchmark.Run(settings)));

    private static Command Highlights() =>
        Benchmark("highlights", "Quotes and figures of one story of N articles, each quoting five people of its own, ms per story (default sizes 300,3000).", "300,3000",
            (_, settings) => Task.FromResult(HighlightsBenchmark.Run(settings)));

    private static Command Serve()
    {
        var duration = new Option<int>("--duration") { Description = "Seconds per wrk run.", DefaultValueFactory = _ => 30 };
        var threads = new Option<int>("--threads") { Description = "wrk threads.", DefaultValueFactory = _ => 2 };
        var connections = new Option<int>("--connections") { Description = "wrk connections.", DefaultValueFactory = _ => 64 };
        return Benchmark("serve", "GET /api/briefings/latest from the runner under wrk, plain, Brotli and conditional, then the home page plain and Brotli (--size: stories in the digest, default 40).", "40",
            (parse, settings) => ServeBenchmark.RunAsync(settings, parse.GetValue(duration), parse.GetValue(threads), parse.GetValue(connections)),
            duration, threads, connections);
    }

    private static Command Send() =>
        Benchmark("send", "Sending to N subscribers through a local SMTP server, one process per run (default sizes 1000,10000).", "1000,10000",
            (_, settings) => Task.FromResult(SendBenchmark.Run(settings)));

    private static Command Smoke()
    {
        var command = new Command("smoke", "Every benchmark at a small size, once (CI runs this; no timing is judged).") { Seed, Work };
        command.SetAction(async parse =>
        {
            var work = parse.GetValue(Work) ?? Path.Combine(Path.GetTempPath(), $"briefings-bench-smoke-{Environment.ProcessId}");
            var seed = parse.GetValue(Seed);
            BenchSettings Small(params int[] sizes) => new(sizes, 1, seed, 1, work);
            Directory.CreateDirectory(work);
            Header("smoke", Small(300, 600));
            var digest = DigestBenchmark.Run(Small(300, 600), 40, peer: false);
            var embedded = DigestBenchmark.Run(Small(300), 40, peer: false, embeddingDimensions: 64);
            var ingest = await IngestBenchmark.RunAsync(Small(20));
            var render = RenderBenchmark.Run(Small(10));
            var highlights = HighlightsBenchmark.Run(Small(30));
            var send = SendBenchmark.Run(Small(20));
            Directory.Delete(work, recursive: true);
            var stories = digest.Concat(embedded).Sum(r => (int)r!["stories"]!);
            var ingested = string.Join(", ", ingest.Select(r => (int)r!["ingested"]!)); // each kind, one at a time and several at once
            var sent = send.Sum(r => (int)r!["sent"]!);
            var quotes = highlights.Sum(r => (int)r!["quotes"]!);
            if (stories == 0 || embedded.Count != 1 || ingest.Count != 4 || ingest.Any(r => (int)r!["ingested"]! != 20) || sent != 20 || render.Count != 5 || quotes == 0)
            {
                Console.Error.WriteLine($"bench smoke: something did not run: {stories} stories, ingested {ingested} of 20 in {ingest.Count} runs (4 expected), {sent} of 20 sent, {render.Count} renderings, {quotes} quotes.");
                return 1;
            }

            Console.WriteLine("bench smoke: digest (with and without embeddings), ingest, render, highlights and send ran.");
            return 0;
        });
        return command;
    }

    private static Command ServeRun()
    {
        var data = new Option<string>("--data") { Required = true };
        var port = new Option<int>("--port") { Required = true };
        var command = new Command("serve-run", "The runner's web host for `bench serve`, until standard input closes.") { data, port };
        command.Hidden = true;
        command.SetAction(parse => ServeBenchmark.ServeAsync(parse.GetValue(data)!, parse.GetValue(port)));
        return command;
    }

    private static Command SendRun()
    {
        var port = new Option<int>("--port") { Required = true };
        var command = new Command("send-run", "One measured send (run by `bench send` in a fresh process).") { Size, Seed, Work, port };
        command.Hidden = true;
        command.SetAction(parse => SendBenchmark.RunOnceAsync(Sizes(parse.GetValue(Size) ?? "1000")[0], parse.GetValue(port), parse.GetValue(Seed), parse.GetValue(Work)!));
        return command;
    }

    private static Command Digest()
    {
        var maxStories = new Option<int?>("--max-stories") { Description = "Stories per digest (default: the daily job's 40; 0 for every story)." };
        var peer = new Option<bool>("--peer") { Description = "Also time the scikit-learn peer on the same corpus (python3-sklearn)." };
        return Benchmark("digest", "Digest building from a JSONL file: read, group, summarise, rank, render (default sizes 10k,100k).", "10000,100000",
            (parse, settings) =>
            {
                var max = parse.GetValue(maxStories) ?? 40;
                return Task.FromResult(DigestBenchmark.Run(settings, max == 0 ? null : max, parse.GetValue(peer), parse.GetValue(EmbeddingDims)));
            },
            Days, maxStories, peer, EmbeddingDims);
    }

    private static Command DigestRun()
    {
        var from = new Option<string>("--from") { Required = true };
        var maxStories = new Option<int?>("--max-stories");
        var command = new Command("digest-run", "One measured digest build (run by `bench digest` in a fresh process).") { from, maxStories, EmbeddingDims };
        command.Hidden = true;
        command.SetAction(parse => DigestBenchmark.RunOnce(parse.GetValue(from)!, parse.GetValue(maxStories), parse.GetValue(EmbeddingDims)));
        return command;
    }

    private static Command Corpus()
    {
        var output = new Option<string>("--out") { Description = "The JSONL file to write.", Required = true };
        var command = new Command("corpus", "Write a synthetic corpus as JSONL article envelopes (for `briefings digest --from` or the peer).") { Size, Seed, Days, output };
        command.SetAction(parse =>
        {
            var size = Sizes(parse.GetValue(Size) ?? "10000")[0];
            SyntheticPages.WriteJsonLines(new SyntheticCorpus(parse.GetValue(Seed)).Articles(size, parse.GetValue(Days)), parse.GetValue(output)!);
            return 0;
        });
        return command;
    }

    /// <summary>
    /// A benchmark command: the common options (size, runs, seed, work folder, JSON output) and its
    /// own, then the settings they give, the header line, the run, and the results written as asked.
    /// </summary>
    private static Command Benchmark(string name, string description, string defaultSizes, Func<ParseResult, BenchSettings, Task<JsonArray>> run, params Option[] options)
    {
        var command = new Command(name, description) { Size, Runs, Seed, Work, JsonOut };
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        command.SetAction(async parse =>
        {
            var settings = Settings(parse, defaultSizes);
            Header(name, settings);
            return Write(parse, await run(parse, settings));
        });
        return command;
    }

    private static BenchSettings Settings(ParseResult parse, string defaultSizes)
    {
        var work = parse.GetValue(Work) ?? Path.Combine(Path.GetTempPath(), "briefings-bench");
        Directory.CreateDirectory(work);
        return new BenchSettings(Sizes(parse.GetValue(Size) ?? defaultSizes), Math.Max(1, parse.GetValue(Runs)), parse.GetValue(Seed), Math.Max(1, parse.GetValue(Days)), work);
    }

    internal static List<int> Sizes(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s =>
        {
            var lower = s.ToLowerInvariant().Replace("_", "", StringComparison.Ordinal);
            var scale = lower.EndsWith('k') ? 1_000 : lower.EndsWith('m') ? 1_000_000 : 1;
            return (int)(double.Parse(scale == 1 ? lower : lower[..^1], CultureInfo.InvariantCulture) * scale);
        }).ToList();

    private static void Header(string what, BenchSettings settings)
    {
        if (Measure.IsDebugBuild())
        {
            Console.WriteLine("warning: this runner is a Debug build; run with `dotnet run -c Release --project src/Briefings.Local -- bench ...` for figures.");
        }

        Console.WriteLine($"bench {what}: sizes {string.Join(", ", settings.Sizes.Select(s => s.ToString("N0", CultureInfo.InvariantCulture)))}, {settings.Runs} runs, seed {settings.Seed}, "
            + $"{settings.Days} day(s); {Environment.ProcessorCount} cores; load average {Measure.Format(Measure.LoadAverage())}; {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
    }

    private static int Write(ParseResult parse, JsonArray results)
    {
        if (parse.GetValue(JsonOut) is { } file)
        {
            File.WriteAllText(file, Measure.Json(results) + "\n");
        }

        return 0;
    }
}
