using System.Diagnostics;
using System.Text.Json;
using Briefings.Core.Articles;
using Briefings.Core.Delivery;
using Briefings.Core.Digests;
using Briefings.Core.Json;
using Briefings.Core.Storage;
using Briefings.Core.Subscribers;
using Briefings.Core.Tests.Subscribers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Core.Tests.Digests;

/// <summary>
/// Two runners in one process over one folder store, as two hosts over one storage account:
/// the day's build lease lets exactly one of them build, and a lease whose holder died is taken over.
/// </summary>
public sealed class BuildLeaseTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly List<ServiceProvider> _runners = [];

    private string Store => Path.Combine(_temp.Path, "store");

    [Fact]
    public async Task TwoRunnersFiringTheScheduleAtOnceBuildEachDayOnce()
    {
        var first = Runner();
        var second = Runner();
        await IngestSeedsAsync(first);
        for (var i = 1; i <= 3; i++)
        {
            await first.GetRequiredService<SubscriptionService>().AddConfirmedAsync($"reader{i}@example.com", "operator");
        }

        var today = first.GetRequiredService<DigestClock>().Today;
        for (var back = 1; back < 5; back++)
        {
            await IngestReportOnAsync(first, today.AddDays(-back)); // a day without stories is emailed to no one
        }

        for (var round = 0; round < 5; round++)
        {
            // Each round a different day: today, then the four days before it.
            var occurrence = new DateTimeOffset(today.AddDays(1 - round).ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero);
            using var start = new Barrier(2);
            var runs = await Task.WhenAll(
                Task.Run(() => { start.SignalAndWait(); return first.GetRequiredService<DigestHandler>().RunScheduledAsync(occurrence); }),
                Task.Run(() => { start.SignalAndWait(); return second.GetRequiredService<DigestHandler>().RunScheduledAsync(occurrence); }));

            var day = today.AddDays(-round);
            Assert.All(runs, r => Assert.Equal(day, r.Date));
            Assert.Single(runs, r => r.Built);
            Assert.Equal(runs[0].Stories, runs[1].Stories);
            Assert.Equal(3, runs.Sum(r => r.Delivery!.Sent));
            Assert.Equal(3, runs.Sum(r => r.Delivery!.Skipped));
            var lease = await first.GetRequiredService<BuildLeases>().GetAsync(day);
            Assert.True(lease is { Released: true }, $"the lease on {day} was not released: {lease}");
        }

        var digestFiles = Directory.GetFiles(new FileBlobStore(Store).ContainerPath(Containers.Digests), "digest.json", SearchOption.AllDirectories);
        Assert.Equal(5, digestFiles.Length);
        Assert.Equal(15, Transport(first).Sent.Count + Transport(second).Sent.Count);
    }

    [Fact]
    public async Task TheLeaseOfARunnerThatDiedIsTakenOverOnceItRunsOut()
    {
        var runner = Runner();
        await IngestSeedsAsync(runner);
        var today = runner.GetRequiredService<DigestClock>().Today;
        var store = runner.GetRequiredService<IBlobStore>();
        // A runner took the lease and died: it will never build or release it.
        var dead = new BuildLeaseRecord(today, "dead-runner", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddSeconds(1.5));
        await store.PutAsync(Containers.Digests, BuildLeases.Name(today), JsonSerializer.SerializeToUtf8Bytes(dead, BriefingsJsonContext.Default.BuildLeaseRecord), BlobWrite.Create("application/json"));

        var clock = Stopwatch.StartNew();
        var run = await runner.GetRequiredService<DigestHandler>().RunScheduledAsync(new DateTimeOffset(today.AddDays(1).ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero));

        Assert.True(run.Built);
        Assert.True(run.Stories > 0);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.2), TimeSpan.FromSeconds(30));
        Assert.True(await runner.GetRequiredService<DigestStore>().ExistsAsync(today));
        var lease = await runner.GetRequiredService<BuildLeases>().GetAsync(today);
        Assert.NotNull(lease);
        Assert.NotEqual("dead-runner", lease.Owner);
        Assert.True(lease.Released);
    }

    [Fact]
    public async Task ALiveHolderRenewsItsLeaseSoNoOneElseTakesIt()
    {
        // Long enough that a renewal (every third of the lease) is not missed when a busy test run
        // keeps the renewing task waiting for a few seconds.
        var holder = Runner(buildLease: "00:00:10");
        var other = Runner(buildLease: "00:00:10");
        var day = new DateOnly(2026, 11, 21);

        var lease = await holder.GetRequiredService<BuildLeases>().TryAcquireAsync(day);
        Assert.NotNull(lease);
        var refused = 0;
        var watch = Stopwatch.StartNew();
        var lastRefusal = TimeSpan.Zero;
        // Ask until 2.5 lease lengths have passed; every answer must be a refusal. Judged by the
        // time of the last refusal, not by the number of attempts, which a loaded machine lowers.
        while (lastRefusal < TimeSpan.FromSeconds(25) && watch.Elapsed < TimeSpan.FromSeconds(90))
        {
            Assert.Null(await other.GetRequiredService<BuildLeases>().TryAcquireAsync(day));
            lastRefusal = watch.Elapsed;
            refused++;
            await Task.Delay(250);
        }

        await lease.DisposeAsync();
        await using var taken = await other.GetRequiredService<BuildLeases>().TryAcquireAsync(day);

        Assert.True(refused >= 3 && lastRefusal >= TimeSpan.FromSeconds(25), $"{refused} refusals, the last after {lastRefusal}");
        Assert.NotNull(taken);
        Assert.NotEqual(lease.Record.Owner, taken.Record.Owner);
    }

    [Fact]
    public async Task ABuildOnDemandWaitsForTheHolderAndThenRebuilds()
    {
        var holder = Runner();
        var admin = Runner();
        var today = holder.GetRequiredService<DigestClock>().Today;
        var lease = await holder.GetRequiredService<BuildLeases>().TryAcquireAsync(today);
        Assert.NotNull(lease);

        var build = admin.GetRequiredService<DigestHandler>().BuildAsync(today, send: false);
        await Task.Delay(600);
        var waiting = !build.IsCompleted;
        await lease.DisposeAsync();
        var result = await build.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(waiting, "the build on demand did not wait for the holder");
        Assert.True(result.Built);
        Assert.True(await admin.GetRequiredService<DigestStore>().ExistsAsync(today));
    }

    public void Dispose()
    {
        foreach (var runner in _runners)
        {
            runner.Dispose();
        }

        _temp.Dispose();
    }

    private ServiceProvider Runner(string buildLease = "00:00:01")
    {
        var values = new Dictionary<string, string?>
        {
            ["Briefings:Storage:DataPath"] = Store,
            ["Briefings:Templates:Path"] = Fixtures.TemplateFolder,
            ["Briefings:Templates:PublicBaseUrl"] = "https://briefings.example",
            ["Briefings:Email:From"] = "Briefings <briefings@news.example>",
            ["Briefings:Digest:BuildLease"] = buildLease,
            ["Briefings:Digest:BuildLeasePoll"] = "00:00:00.050",
        };
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        services.AddLogging();
        services.AddBriefings();
        services.AddSingleton<IMailTransport>(new RecordingTransport());
        var provider = services.BuildServiceProvider();
        _runners.Add(provider);
        return provider;
    }

    private static RecordingTransport Transport(ServiceProvider runner) => (RecordingTransport)runner.GetRequiredService<IMailTransport>();

    /// <summary>One report of its own, published at noon (UTC) on the day.</summary>
    private static async Task IngestReportOnAsync(ServiceProvider runner, DateOnly day)
    {
        var name = $"harbour-{day:yyyy-MM-dd}.json";
        var envelope = JsonSerializer.Serialize(new
        {
            title = $"Harbour bridge reopens on {day:d MMMM}",
            published = new DateTimeOffset(day, new TimeOnly(12, 0), TimeSpan.Zero),
            body = $"The harbour bridge reopened to traffic on {day:dddd d MMMM} after repairs to its deck, the port authority said. "
                + "Engineers replaced worn joints and resurfaced both lanes over three weeks of night work.",
        });
        await runner.GetRequiredService<IBlobStore>().PutAsync(Containers.Inbox, name, System.Text.Encoding.UTF8.GetBytes(envelope));
        Assert.Equal(IngestStatus.Ingested, (await runner.GetRequiredService<IngestHandler>().IngestAsync(name)).Status);
    }

    private static async Task IngestSeedsAsync(ServiceProvider runner)
    {
        var store = runner.GetRequiredService<IBlobStore>();
        foreach (var file in Directory.GetFiles(Fixtures.SeedFolder).Order(StringComparer.Ordinal))
        {
            await store.PutAsync(Containers.Inbox, Path.GetFileName(file), await File.ReadAllBytesAsync(file));
            Assert.Equal(IngestStatus.Ingested, (await runner.GetRequiredService<IngestHandler>().IngestAsync(Path.GetFileName(file))).Status);
        }
    }
}
