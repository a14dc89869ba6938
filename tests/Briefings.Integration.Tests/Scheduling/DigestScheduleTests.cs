using System.Text;
using System.Text.Json;
using Briefings.Core.Articles;
using Briefings.Core.Digests;
using Briefings.Core.Storage;
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
            var inbox = setup.Services.GetRequiredService<IBlobStore>();
            var body = string.Join("\n\n", File.ReadAllText(Path.Combine(Repository.Seeds, "003_17d850d139d251e7.txt")).Split("\n\n").Take(6));
            var json = JsonSerializer.Serialize(new { id = "wire-1", title = "EU and South Korea condemn arms transfers", source = "Wire", published = yesterday.ToDateTime(new TimeOnly(12, 0)).ToString("o") + "Z", body });
            await inbox.PutAsync(Containers.Inbox, "wire-1.json", Encoding.UTF8.GetBytes(json));
            Assert.Equal(IngestStatus.Ingested, (await setup.Services.GetRequiredService<IngestHandler>().IngestAsync("wire-1.json")).Status);
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
