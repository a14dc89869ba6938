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
    private static readonly Option<string?> JsonOut = new("--json") { Description = "Also write the results as JSON to this file." };

    public static Command Create()
    {
        var command = new Command("bench", "Benchmarks on a seeded synthetic corpus: digest, ingest, render, serve, send (docs/performance.md).");
        command.Subcommands.Add(Digest());
        command.Subcommands.Add(DigestRun());
        command.Subcommands.Add(Corpus());
        return command;
    }

    private static Command Digest()
    {
        var maxStories = new Option<int?>("--max-stories") { Description = "Stories per digest (default: the daily job's 40; 0 for every story)." };
        var peer = new Option<bool>("--peer") { Description = "Also time the scikit-learn peer on the same corpus (python3-sklearn)." };
        var command = new Command("digest", "Digest building from a JSONL file: read, group, summarise, rank, render (default sizes 10k,100k).") { Size, Runs, Seed, Days, Work, JsonOut, maxStories, peer };
        command.SetAction(parse =>
        {
            var settings = Settings(parse, "10000,100000");
            var max = parse.GetValue(maxStories) ?? 40;
            Header("digest", settings);
            var results = DigestBenchmark.Run(settings, max == 0 ? null : max, parse.GetValue(peer));
            return Write(parse, results);
        });
        return command;
    }

    private static Command DigestRun()
    {
        var from = new Option<string>("--from") { Required = true };
        var maxStories = new Option<int?>("--max-stories");
        var command = new Command("digest-run", "One measured digest build (run by `bench digest` in a fresh process).") { from, maxStories };
        command.Hidden = true;
        command.SetAction(parse => DigestBenchmark.RunOnce(parse.GetValue(from)!, parse.GetValue(maxStories)));
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
