using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Briefings.Core.Articles;
using Briefings.Core.Digests;
using Briefings.Core.Json;
using Briefings.Core.Storage;
using Briefings.Integration.Tests.Infrastructure;
using Briefings.Local.Benchmarks;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Briefings.Integration.Tests.Faults;

/// <summary>
/// The built runner (<c>dotnet briefings.dll serve</c>) catches up a missed scheduled run on start
/// and builds a day of a few thousand stored articles; it is killed (<c>SIGKILL</c>) at a random
/// moment of that build, again and again, and started on the same folder each time. The day it
/// stores in the end is byte for byte the day a clean runner stores from a copy of the same folder,
/// and nothing half-written is left among the digests. FAULT_KILLS and FAULT_DIGEST_ARTICLES set
/// the counts (CI: 3 kills, 2,000 articles; full: 20 kills).
/// </summary>
[Trait("Category", "Faults")]
public sealed class RunnerDigestKillTests(ITestOutputHelper output)
{
    private static readonly string[] DayFiles = ["digest.html", "digest.json", "digest.md", "digest.txt"];

    [Fact]
    public async Task KillingTheRunnerMidDigestStoresTheDayACleanRunWould()
    {
        var kills = FaultCounts.Get("FAULT_KILLS", 3);
        var count = FaultCounts.Get("FAULT_DIGEST_ARTICLES", 2000);

        // A daily run twelve hours from now: the run the runner catches up on start is the same
        // one however long the test takes, and no new one fires during it.
        var now = DateTimeOffset.UtcNow;
        var hour = (now.Hour + 12) % 24;
        var occurrence = new DateTimeOffset(now.Year, now.Month, now.Day, hour, 0, 0, TimeSpan.Zero);
        occurrence = occurrence > now ? occurrence.AddDays(-1) : occurrence;
        var day = DateOnly.FromDateTime(occurrence.UtcDateTime).AddDays(-1);
        // A killed runner leaves its build lease behind; a short lease lets the next one take it over
        // after 3 s instead of the default two minutes.
        var environment = new Dictionary<string, string>
        {
            ["Briefings__Digest__Schedule"] = $"0 0 {hour} * * *",
            ["Briefings__Digest__TimeZone"] = "UTC",
            ["Briefings__Digest__BuildLease"] = "00:00:03",
            // Each run serves on a port of its own, and links follow the port unless one address is configured.
            ["Briefings__Templates__PublicBaseUrl"] = "https://briefings.example",
        };

        var folder = Repository.TempFolder("digest-killed");
        var cleanFolder = Repository.TempFolder("digest-clean");
        await StoreArticlesAsync(folder, day, count);
        Repository.CopyFolder(folder, cleanFolder);

        // The clean run: one runner, never killed; it also times the build the kills aim into.
        var clean = await RunAsync(cleanFolder, environment, killWhen: null);
        Assert.True(clean.Built is not null, "the clean runner did not build the day:\n" + clean.Output);
        var buildTime = clean.Built!.Value - clean.Building!.Value;

        // Most kills land at a random moment of the build, and at the latest when the runner logs that
        // it is storing the day; every fourth is aimed at the writes: it comes the moment that line is
        // read. The writes take tens of milliseconds of a build of seconds, so on a loaded machine an
        // aimed kill can still arrive after the day is stored, and so can a random one when this
        // build runs faster than the clean one it is timed against (other tests share the cores);
        // that run is undone (the folder put back as it was before it) and tried again, up to three
        // times.
        var random = new Random(8);
        var moments = new List<string>();
        var midDigest = 0;
        var missed = 0;
        var snapshot = Repository.TempFolder("digest-before-kill");
        for (var k = 0; k < kills; k++)
        {
            var aimed = k % 4 == 1;
            var after = buildTime * (0.75 * random.NextDouble());
            Func<TimeSpan, bool, bool> killWhen = (building, storing) => storing || (!aimed && building >= after);
            Repository.CopyFolder(folder, snapshot);
            var run = await RunAsync(folder, environment, killWhen);
            Assert.True(run.Building is not null, "a runner did not start building the day:\n" + run.Output);
            var rewritten = DayFiles.Count(f => File.Exists(DayPath(folder, day, f)) && File.GetLastWriteTimeUtc(DayPath(folder, day, f)) > run.Started);
            var stored = File.Exists(DayPath(folder, day, "digest.json"));
            var phase = stored ? "after the JSON was stored" : rewritten > 0 ? $"storing ({rewritten} of 3 renderings written)" : "reading and building (nothing stored)";
            moments.Add(string.Create(CultureInfo.InvariantCulture, $"{run.Killed!.Value.TotalMilliseconds:N0} ms ({run.Killed.Value / buildTime:P0}{(aimed ? ", aimed at the writes" : "")}): {phase}"));
            if (stored && missed < 3)
            {
                missed++;
                Directory.Delete(folder, recursive: true);
                Repository.CopyFolder(snapshot, folder);
                Directory.Delete(snapshot, recursive: true);
                k--;
                continue;
            }

            Directory.Delete(snapshot, recursive: true);
            midDigest += stored ? 0 : 1;
            if (stored)
            {
                break; // the day is built: later runners would only resume delivery
            }
        }

        var last = await RunAsync(folder, environment, killWhen: null);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{count:N0} articles for {day:yyyy-MM-dd}; a clean build takes {buildTime.TotalMilliseconds:N0} ms (runner start to built {clean.Built.Value.TotalMilliseconds:N0} ms); "
            + $"{moments.Count} kills ({missed} undone for landing after the day was stored), {midDigest} mid-digest, after the build began: {string.Join("; ", moments)}; the last run built in {(last.Built - last.Building)?.TotalMilliseconds:N0} ms; "
            + $"{Orphans(folder)} temporary files of killed writes left outside the containers"));

        Assert.Equal(kills, midDigest);
        Assert.True(last.Built is not null, "the last runner did not build the day:\n" + last.Output);
        var killedStore = new FileBlobStore(folder);
        var cleanStore = new FileBlobStore(cleanFolder);
        var expectedNames = DayFiles.Select(f => $"{DigestStore.DayName(day)}/{f}").ToList();
        var lease = BuildLeases.Name(day);
        List<string> expectedWithLease = [.. expectedNames.Append(lease).Order(StringComparer.Ordinal)];
        Assert.Equal(expectedWithLease, await Names(cleanStore, Containers.Digests));
        Assert.Equal(expectedWithLease, await Names(killedStore, Containers.Digests)); // no temporary file among the digests
        var record = JsonSerializer.Deserialize((await killedStore.GetAsync(Containers.Digests, lease))!.Content, BriefingsJsonContext.Default.BuildLeaseRecord);
        Assert.True(record is { Released: true }, "the last build left its lease held");
        foreach (var name in expectedNames)
        {
            var killed = (await killedStore.GetAsync(Containers.Digests, name))!.Content;
            var expected = (await cleanStore.GetAsync(Containers.Digests, name))!.Content;
            Assert.True(killed.AsSpan().SequenceEqual(expected), $"{name} differs from the clean run's");
        }

        using var json = JsonDocument.Parse((await killedStore.GetAsync(Containers.Digests, expectedNames[1]))!.Content);
        Assert.Equal(count, json.RootElement.GetProperty("articleCount").GetInt32());
        Assert.Equal(occurrence, json.RootElement.GetProperty("generatedAt").GetDateTimeOffset());
        Assert.Equal(await Names(cleanStore, Containers.Articles), await Names(killedStore, Containers.Articles));

        Directory.Delete(folder, recursive: true);
        Directory.Delete(cleanFolder, recursive: true);
    }

    /// <summary>When a runner logged that it began and finished building, measured from its start, and how far into the build it was killed.</summary>
    private sealed record Run(DateTime Started, TimeSpan? Building, TimeSpan? Built, TimeSpan? Killed, string Output);

    /// <summary>
    /// Starts a runner on the folder; once it has begun building, kills it when
    /// <paramref name="killWhen"/> holds for the time since and whether it has logged that it is storing
    /// the day, or without it waits for the scheduled run to finish.
    /// </summary>
    private static async Task<Run> RunAsync(string folder, IReadOnlyDictionary<string, string> environment, Func<TimeSpan, bool, bool>? killWhen)
    {
        var started = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        long building = 0, storing = 0, built = 0, finished = 0; // ticks since the start, 0 until logged
        TimeSpan? killed = null;
        Process? process = null;
        var runner = ChildProcess.Start("dotnet",
            [Path.Combine(AppContext.BaseDirectory, "briefings.dll"), "serve", "--data", folder, "--port", Repository.FreePort().ToString(CultureInfo.InvariantCulture)],
            line =>
            {
                if (line.Contains("Building the digest", StringComparison.Ordinal))
                {
                    Interlocked.CompareExchange(ref building, clock.Elapsed.Ticks, 0);
                }
                else if (line.Contains("Storing the digest", StringComparison.Ordinal))
                {
                    Interlocked.CompareExchange(ref storing, clock.Elapsed.Ticks, 0);
                    if (killWhen is not null)
                    {
                        // Every kill comes at the latest now: from here, the moment the line is
                        // read, rather than from the loop below, which a busy machine wakes late,
                        // after the writes of tens of milliseconds it is aimed at.
                        KillNow(Volatile.Read(ref process));
                    }
                }
                else if (line.Contains("Built the digest", StringComparison.Ordinal))
                {
                    Interlocked.CompareExchange(ref built, clock.Elapsed.Ticks, 0);
                }
                else if (line.Contains("Scheduled run", StringComparison.Ordinal))
                {
                    Interlocked.CompareExchange(ref finished, clock.Elapsed.Ticks, 0);
                }
            },
            environment);
        Volatile.Write(ref process, runner.Process);
        TimeSpan? Logged(ref long ticks) => Interlocked.Read(ref ticks) is var t and > 0 ? TimeSpan.FromTicks(t) : null;
        await using (runner)
        {
            var deadline = clock.Elapsed + TimeSpan.FromSeconds(180);
            while (clock.Elapsed < deadline && (killWhen is null ? Logged(ref finished) : Logged(ref building)) is null && !runner.Process.HasExited)
            {
                await Task.Delay(2);
            }

            if (killWhen is not null && Logged(ref building) is { } began)
            {
                while (!killWhen(clock.Elapsed - began, Logged(ref storing) is not null) && clock.Elapsed < deadline)
                {
                    await Task.Delay(1);
                }

                killed = clock.Elapsed - began;
            }
        } // SIGKILL

        return new Run(started, Logged(ref building), Logged(ref built), killed, runner.Output);
    }

    /// <summary>SIGKILL to the runner (one process: the host runs the app in itself).</summary>
    private static void KillNow(Process? process)
    {
        try
        {
            process?.Kill();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>A synthetic news day filed straight into the folder store, as ingestion files it.</summary>
    private static async Task StoreArticlesAsync(string folder, DateOnly day, int count)
    {
        var articles = new ArticleStore(new FileBlobStore(folder), new DigestClock(Options.Create(new DigestOptions()), TimeProvider.System));
        var midnight = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        foreach (var synthetic in new SyntheticCorpus(seed: 8).Articles(count))
        {
            var published = midnight + TimeSpan.FromTicks((synthetic.Published - SyntheticCorpus.Start).Ticks % TimeSpan.TicksPerDay);
            Assert.True(await articles.SaveAsync(new Article
            {
                Id = synthetic.Id,
                Title = synthetic.Title,
                Source = synthetic.Source,
                Url = synthetic.Url,
                Published = published,
                Paragraphs = synthetic.Paragraphs,
                Language = "en",
                IngestedAt = published,
            }));
        }
    }

    private static int Orphans(string folder) =>
        Directory.Exists(Path.Combine(folder, ".tmp")) ? Directory.GetFiles(Path.Combine(folder, ".tmp")).Length : 0;

    private static string DayPath(string folder, DateOnly day, string file) =>
        Path.Combine(new FileBlobStore(folder).ContainerPath(Containers.Digests), DigestStore.DayName(day), file);

    private static async Task<List<string>> Names(IBlobStore store, string container) =>
        (await store.ListAsync(container).ToListAsync()).Select(e => e.Name).Order(StringComparer.Ordinal).ToList();
}
