using System.Text;
using System.Text.Json;
using Briefings.Core.Articles;
using Briefings.Core.Delivery;
using Briefings.Core.Digests;
using Briefings.Core.Storage;
using Briefings.Core.Subscribers;
using Briefings.Integration.Tests.Infrastructure;
using Briefings.Local.Commands;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Integration.Tests.Scheduling;

public sealed class DigestScheduleTests
{
    [Fact]
    public async Task AMissedDailyRunIsCaughtUpOnceWhenTheRunnerStarts()
    {
        var store = Repository.TempFolder("schedule");
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        var settings = new Dictionary<string, string?>
        {
            ["Briefings:Storage:DataPath"] = store,
            ["Briefings:Digest:Schedule"] = "0 0 0 * * *",
            ["Briefings:Digest:DayOffset"] = "-1",
            ["Briefings:Email:Subscribers:0"] = "reader@example.com",
        };

        await using (var setup = await Runner.StartAsync(settings: settings))
        {
            await IngestWireReportAsync(setup, yesterday);
        }

        StoredDigest? built;
        await using (var runner = await Runner.StartAsync(settings: settings, background: true))
        {
            built = await WaitForDigestAsync(runner, yesterday);
        }

        Assert.NotNull(built);
        Assert.Equal("wire-1", built.Digest.Stories.Single().Articles.Single().Id);
        Assert.Single(Directory.GetFiles(Path.Combine(store, "outbox", $"{yesterday:yyyy-MM-dd}")));

        await using (var again = await Runner.StartAsync(settings: settings, background: true))
        {
            await Task.Delay(1500);
            var after = await again.Services.GetRequiredService<DigestStore>().GetAsync(yesterday);
            Assert.Equal(built.Digest.GeneratedAt, after!.Digest.GeneratedAt);
        }

        Directory.Delete(store, recursive: true);
    }

    [Fact]
    public async Task ASubscriberTheMailServerTurnedAwayIsSentToAgainLaterInTheDay()
    {
        await using var smtp = await SmtpSink.StartAsync();
        var store = Repository.TempFolder("resend");
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        var settings = new Dictionary<string, string?>
        {
            ["Briefings:Storage:DataPath"] = store,
            ["Briefings:Digest:Schedule"] = "0 0 0 * * *",
            ["Briefings:Digest:DayOffset"] = "-1",
            ["Briefings:Email:Subscribers:0"] = "flaky2-ada@example.com", // turned away twice, then accepted
            ["Briefings:Email:Subscribers:1"] = "busy-bob@example.com", // turned away every time
            ["Briefings:Email:Smtp:Host"] = "127.0.0.1",
            ["Briefings:Email:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Briefings:Email:Smtp:Security"] = "None",
            ["Briefings:Email:From"] = "Briefings <briefings@news.example>",
            ["Briefings:Email:Retries"] = "0",
            ["Briefings:Email:ResendAfter"] = "00:00:00.300",
            ["Briefings:Email:MaxAttempts"] = "3",
        };
        await using (var setup = await Runner.StartAsync(settings: settings))
        {
            await IngestWireReportAsync(setup, yesterday);
        }

        DeliveryRecord? ada = null, bob = null;
        await using (var runner = await Runner.StartAsync(settings: settings, background: true))
        {
            var ledger = runner.Services.GetRequiredService<DeliveryLedger>();
            for (var i = 0; i < 150 && !(ada is { State: DeliveryState.Sent } && bob is { Attempts: 3, State: DeliveryState.Failed }); i++)
            {
                await Task.Delay(100);
                ada = await ledger.GetAsync(yesterday, Subscriber.IdOf("flaky2-ada@example.com"), CancellationToken.None);
                bob = await ledger.GetAsync(yesterday, Subscriber.IdOf("busy-bob@example.com"), CancellationToken.None);
            }

            await Task.Delay(1000); // no send after the last of the day's attempts
            bob = await ledger.GetAsync(yesterday, Subscriber.IdOf("busy-bob@example.com"), CancellationToken.None);
        }

        Assert.Equal((DeliveryState.Sent, 3), (ada?.State, ada?.Attempts));
        Assert.Single(smtp.MessagesTo("flaky2-ada@example.com"));
        Assert.Equal((DeliveryState.Failed, 3), (bob?.State, bob?.Attempts));
        Assert.Empty(smtp.MessagesTo("busy-bob@example.com"));
        Directory.Delete(store, recursive: true);
    }

    private static async Task IngestWireReportAsync(Runner runner, DateOnly day)
    {
        var inbox = runner.Services.GetRequiredService<IBlobStore>();
        var body = string.Join("\n\n", File.ReadAllText(Path.Combine(Repository.Seeds, "003_17d850d139d251e7.txt")).Split("\n\n").Take(6));
        var json = JsonSerializer.Serialize(new { id = "wire-1", title = "EU and South Korea condemn arms transfers", source = "Wire", published = day.ToDateTime(new TimeOnly(12, 0)).ToString("o") + "Z", body });
        await inbox.PutAsync(Containers.Inbox, "wire-1.json", Encoding.UTF8.GetBytes(json));
        Assert.Equal(IngestStatus.Ingested, (await runner.Services.GetRequiredService<IngestHandler>().IngestAsync("wire-1.json")).Status);
    }

    [Fact]
    public async Task TheDemoCommandWritesTheBriefingAndTheDemoSubscribersEmail()
    {
        var data = Repository.TempFolder("demo");

        var exit = await BriefingsCommands.Create().Parse(["demo", "--data", data, "--no-serve"]).InvokeAsync();

        Assert.Equal(0, exit);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var file in new[] { "digest.json", "digest.html", "digest.txt", "digest.md" })
        {
            Assert.True(File.Exists(Path.Combine(data, Containers.Digests, today, file)), file);
        }

        var email = Assert.Single(Directory.GetFiles(Path.Combine(data, "outbox", today), "*.eml"));
        Assert.Contains("reader@example.com", await File.ReadAllTextAsync(email));
        Directory.Delete(data, recursive: true);
    }

    private static async Task<StoredDigest?> WaitForDigestAsync(Runner runner, DateOnly day)
    {
        var digests = runner.Services.GetRequiredService<DigestStore>();
        for (var i = 0; i < 100; i++)
        {
            if (await digests.GetAsync(day) is { } digest)
            {
                await Task.Delay(300); // let delivery finish writing the outbox
                return digest;
            }

            await Task.Delay(100);
        }

        return null;
    }
}
