using System.Globalization;
using Briefings.Core.Delivery;
using Briefings.Core.Storage;
using Briefings.Core.Subscribers;
using Briefings.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Briefings.Integration.Tests.Faults;

/// <summary>
/// The sender is the built runner (<c>dotnet briefings.dll send</c>) over a folder store, sending through a
/// real SMTP server; it is killed (<c>SIGKILL</c>) when a random number of messages has arrived, one to three
/// times a trial, and started again until the day's send is complete. Every subscriber gets the day's
/// briefing, and exactly one distinct message (one Message-ID). A kill after the server accepted a message
/// but before the ledger recorded it leaves that subscriber's entry pending, and the message is sent again
/// once the pending lease runs out: the same Message-ID, so a raw duplicate, counted and printed here,
/// bounded by the messages in flight at the kill. FAULT_SEND_TRIALS and FAULT_SUBSCRIBERS set the counts
/// (CI: 3 trials, 40 subscribers; full: 20 and 1,000).
/// </summary>
[Trait("Category", "Faults")]
public sealed class SenderKillTests(ITestOutputHelper output)
{
    private const int Parallelism = 4;
    private static readonly TimeSpan PendingLease = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task KillingTheSenderMidSendStillBriefsEverySubscriberWithOneMessage()
    {
        var trials = FaultCounts.Get("FAULT_SEND_TRIALS", 3);
        var count = FaultCounts.Get("FAULT_SUBSCRIBERS", 40);
        var prepared = Repository.TempFolder("send-prepared");
        var (day, addresses) = await PrepareAsync(prepared, count);
        var random = new Random(8);
        var totals = new Totals();
        var started = DateTime.UtcNow;
        for (var trial = 1; trial <= trials; trial++)
        {
            var folder = Repository.TempFolder("send-killed");
            Repository.CopyFolder(prepared, folder);
            await using var smtp = await SmtpSink.StartAsync();
            var run = await SendWithKillsAsync(folder, day, smtp, count, random);
            var messages = smtp.Messages();
            var ledger = await new DeliveryLedger(new FileBlobStore(folder), TimeProvider.System).ListAsync(day).ToListAsync();
            var perAddress = messages.GroupBy(m => m.To.Mailboxes.Single().Address, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (Raw: g.Count(), Ids: g.Select(m => m.MessageId).Distinct(StringComparer.Ordinal).ToList()), StringComparer.Ordinal);
            var duplicates = perAddress.Values.Sum(p => p.Raw - 1);
            totals.Add(run, messages.Count, perAddress.Values.Sum(p => p.Ids.Count), duplicates);
            output.WriteLine($"trial {trial}: killed at {string.Join(", ", run.KilledAt)} messages received; {run.Runs} sender runs; "
                + $"{messages.Count} messages received, {perAddress.Values.Sum(p => p.Ids.Count)} distinct, {duplicates} raw duplicate(s); ledger {ledger.Count(r => r.State == DeliveryState.Sent)} sent");

            Assert.Equal(addresses, perAddress.Keys.Order(StringComparer.Ordinal));
            foreach (var (address, received) in perAddress)
            {
                var expected = EmailComposer.MessageId(day, Subscriber.FromEmail(address), "news.example");
                Assert.True(received.Ids.Count == 1 && received.Ids[0] == expected,
                    $"{address} got {received.Raw} message(s) with Message-IDs {string.Join(", ", received.Ids)}; expected only {expected}");
            }

            Assert.Equal(count, ledger.Count);
            Assert.All(ledger, r => Assert.Equal(DeliveryState.Sent, r.State));
            // A message is sent again only by a sender that took over a dead one's pending entry, and only a
            // message in flight when the sender was killed can be pending and already received.
            var attempts = ledger.ToDictionary(r => r.SubscriberId, r => r.Attempts, StringComparer.Ordinal);
            Assert.All(perAddress, p => Assert.True(attempts[Subscriber.FromEmail(p.Key).Id] >= p.Value.Raw,
                $"{p.Key} received {p.Value.Raw} copies but its ledger entry has {attempts[Subscriber.FromEmail(p.Key).Id]} attempt(s)"));
            Assert.InRange(duplicates, 0, run.KilledAt.Count * Parallelism);
            Directory.Delete(folder, recursive: true);
        }

        output.WriteLine($"{trials} trials of {count} subscribers in {(DateTime.UtcNow - started).TotalSeconds:0} s: {totals.Kills} kills, {totals.Runs} sender runs, "
            + $"{totals.Received} messages received, {totals.Distinct} distinct (= {trials} × {count}), {totals.Duplicates} raw duplicate(s), no subscriber missed");
        Directory.Delete(prepared, recursive: true);
    }

    /// <summary>Runs the sender again and again, killing it at the chosen points, until the ledger has every subscriber sent.</summary>
    private async Task<SendRun> SendWithKillsAsync(string folder, DateOnly day, SmtpSink smtp, int count, Random random)
    {
        var points = Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Next(1, count)).Distinct().Order().ToList();
        var killedAt = new List<int>();
        var runs = 0;
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (true)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the send did not complete in 10 minutes; killed at {string.Join(", ", killedAt)}");
            runs++;
            var atStart = smtp.Count;
            var sender = Send(folder, day, smtp.Port);
            var killed = false;
            await using (sender)
            {
                if (killedAt.Count < points.Count)
                {
                    // At least one message of this run first, so no kill lands before the run has sent anything.
                    var target = Math.Max(points[killedAt.Count], atStart + 1);
                    while (!sender.Process.HasExited && smtp.Count < target)
                    {
                        await Task.Delay(1);
                    }

                    if (!sender.Process.HasExited)
                    {
                        sender.Process.Kill(entireProcessTree: true); // SIGKILL
                        await sender.Process.WaitForExitAsync();
                        killedAt.Add(smtp.Count);
                        killed = true;
                    }
                }

                if (!killed)
                {
                    await sender.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
                    Assert.True(sender.Process.ExitCode == 0, $"the sender exited with {sender.Process.ExitCode}:\n{sender.Output}");
                }
            }

            var sent = await new DeliveryLedger(new FileBlobStore(folder), TimeProvider.System).ListAsync(day).CountAsync(r => r.State == DeliveryState.Sent);
            if (sent == count && !killed)
            {
                return new SendRun(killedAt, runs);
            }

            if (!killed)
            {
                // The run skipped entries a killed sender left pending; they are free once the lease runs out.
                await Task.Delay(PendingLease);
            }
        }
    }

    private static ChildProcess Send(string folder, DateOnly day, int smtpPort) => ChildProcess.Start("dotnet",
        [Path.Combine(AppContext.BaseDirectory, "briefings.dll"), "send", "--data", folder, "--date", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)],
        environment: new Dictionary<string, string>
        {
            ["Briefings__Email__Smtp__Host"] = "127.0.0.1",
            ["Briefings__Email__Smtp__Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
            ["Briefings__Email__Smtp__Security"] = "None",
            ["Briefings__Email__From"] = "Briefings <briefings@news.example>",
            ["Briefings__Email__MaxParallelism"] = Parallelism.ToString(CultureInfo.InvariantCulture),
            ["Briefings__Email__PendingLease"] = PendingLease.ToString("c", CultureInfo.InvariantCulture),
            // Three kills can each catch one subscriber in flight; the default of 3 attempts would then give up on it.
            ["Briefings__Email__MaxAttempts"] = "6",
            ["Briefings__Email__RetryDelay"] = "00:00:00.020",
            ["Briefings__Templates__PublicBaseUrl"] = MailRunner.PublicBaseUrl,
        });

    /// <summary>A folder store with the seeds ingested, today's digest built and <paramref name="count"/> confirmed subscribers.</summary>
    private static async Task<(DateOnly Day, List<string> Addresses)> PrepareAsync(string folder, int count)
    {
        await using var runner = await Runner.StartAsync(settings: new Dictionary<string, string?> { ["Briefings:Storage:DataPath"] = folder });
        var day = (await Seeding.IngestSeedsAndBuildAsync(runner.Services, send: false)).Date;
        var addresses = Enumerable.Range(1, count).Select(i => $"reader{i:0000}@example.com").ToList();
        var subscriptions = (SubscriptionService)runner.Services.GetService(typeof(SubscriptionService))!;
        await Parallel.ForEachAsync(addresses, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (address, ct) => await subscriptions.AddConfirmedAsync(address, "operator", ct));
        return (day, addresses);
    }

    private sealed record SendRun(List<int> KilledAt, int Runs);

    private sealed class Totals
    {
        public int Kills { get; private set; }

        public int Runs { get; private set; }

        public int Received { get; private set; }

        public int Distinct { get; private set; }

        public int Duplicates { get; private set; }

        public void Add(SendRun run, int received, int distinct, int duplicates)
        {
            Kills += run.KilledAt.Count;
            Runs += run.Runs;
            Received += received;
            Distinct += distinct;
            Duplicates += duplicates;
        }
    }
}
