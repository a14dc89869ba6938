using System.Globalization;
using Briefings.Core.Articles;
using Briefings.Core.Digests;
using Briefings.Core.Storage;
using Briefings.Core.Subscribers;
using Briefings.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Briefings.Integration.Tests.Faults;

/// <summary>
/// Two runners on one Azurite store, their schedules firing at the same moment, sending through
/// one real SMTP server: exactly one of them builds the day (the build lease) and each confirmed
/// subscriber gets exactly one email (the delivery ledger is create-only). FAULT_SUBSCRIBERS sets
/// the count (CI: 40; full run: 1,000).
/// </summary>
[Trait("Category", "Faults")]
public sealed class TwoRunnersTests(ITestOutputHelper output)
{
    private static int Subscribers =>
        FaultCounts.Get("FAULT_SUBSCRIBERS", 40);

    [Fact]
    public async Task TwoRunnersFiringTheScheduleAtOnceBuildOnceAndSendEachSubscriberOneEmail()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var first = await MailRunner.StartAsync(azurite.ConnectionString);
        await using var second = await Runner.StartAsync(azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["Briefings:Email:Smtp:Host"] = "127.0.0.1",
            ["Briefings:Email:Smtp:Port"] = first.Smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Briefings:Email:Smtp:Security"] = "None",
            ["Briefings:Email:From"] = "Briefings <briefings@news.example>",
            ["Briefings:Email:RetryDelay"] = "00:00:00.020",
            ["Briefings:Templates:PublicBaseUrl"] = MailRunner.PublicBaseUrl,
        });

        var store = first.Services.GetRequiredService<IBlobStore>();
        var ingest = first.Services.GetRequiredService<IngestHandler>();
        foreach (var file in Directory.GetFiles(Repository.Seeds).Order(StringComparer.Ordinal))
        {
            await store.PutAsync(Containers.Inbox, Path.GetFileName(file), await File.ReadAllBytesAsync(file));
            Assert.Equal(IngestStatus.Ingested, (await ingest.IngestAsync(Path.GetFileName(file))).Status);
        }

        var addresses = Enumerable.Range(1, Subscribers).Select(i => $"reader{i:0000}@example.com").ToList();
        await Parallel.ForEachAsync(addresses, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (address, ct) => await first.Get<SubscriptionService>().AddConfirmedAsync(address, "operator"));

        var today = Seeding.Today(first.Services);
        var occurrence = new DateTimeOffset(today.AddDays(1).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        var runs = await Task.WhenAll(
            Task.Run(() => first.Get<DigestHandler>().RunScheduledAsync(occurrence)),
            Task.Run(() => second.Services.GetRequiredService<DigestHandler>().RunScheduledAsync(occurrence)));

        var messages = first.Smtp.Messages();
        var perAddress = messages.GroupBy(m => m.To.Mailboxes.Single().Address).ToDictionary(g => g.Key, g => g.Count());
        var days = await store.ListAsync(Containers.Digests).Where(e => e.Name.EndsWith("/digest.json", StringComparison.Ordinal)).ToListAsync();
        output.WriteLine($"{Subscribers} subscribers, two runners: {messages.Count} emails, builds {runs.Count(r => r.Built)}, "
            + $"sent {string.Join(" + ", runs.Select(r => r.Delivery?.Sent ?? 0))}, digests {days.Count}");

        Assert.All(runs, r => Assert.Equal(today, r.Date));
        Assert.Single(runs, r => r.Built);
        Assert.Equal(runs[0].Stories, runs[1].Stories);
        Assert.Single(days);
        Assert.Equal(addresses, perAddress.Keys.Order(StringComparer.Ordinal));
        Assert.All(perAddress, p => Assert.True(p.Value == 1, $"{p.Key} got {p.Value} emails"));
        Assert.Equal(Subscribers, runs.Sum(r => r.Delivery?.Sent ?? 0));
    }
}
