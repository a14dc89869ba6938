using System.Text;
using System.Text.Json;
using Briefings.Core.Articles;
using Briefings.Core.Digests;
using Briefings.Core.Storage;
using Briefings.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Integration.Tests.Scheduling;

public sealed class DevelopingStoryTests
{
    [Fact]
    public async Task TodaysBriefingMarksAStoryThatBeganYesterdayAsDeveloping()
    {
        await using var runner = await Runner.StartAsync();
        var today = runner.Services.GetRequiredService<DigestClock>().Today;
        await IngestAsync(runner, "yesterday.json", "001_6a5f3271fac9ecc8.txt", today.AddDays(-1).ToDateTime(new TimeOnly(18, 0)));
        await IngestAsync(runner, "today.json", "003_17d850d139d251e7.txt", today.ToDateTime(new TimeOnly(6, 0)));
        var handler = runner.Services.GetRequiredService<DigestHandler>();
        await handler.BuildAsync(today.AddDays(-1), send: false);

        await handler.BuildAsync(today, send: false);
        var text = await runner.Client.GetStringAsync("/api/briefings/latest?format=txt");
        var json = await runner.Client.GetStringAsync("/api/briefings/latest");

        Assert.Contains("Developing story, day 2", text);
        using var digest = JsonDocument.Parse(json);
        var story = Assert.Single(digest.RootElement.GetProperty("stories").EnumerateArray());
        Assert.Equal(today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), story.GetProperty("developing").GetProperty("firstSeen").GetString());
        Assert.Single(story.GetProperty("articles").EnumerateArray());
    }

    private static async Task IngestAsync(Runner runner, string name, string seed, DateTime published)
    {
        var body = await File.ReadAllTextAsync(Path.Combine(Repository.Seeds, seed));
        var json = JsonSerializer.Serialize(new { title = name, source = "Wire", published = published.ToString("yyyy-MM-ddTHH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), body });
        await runner.Services.GetRequiredService<IBlobStore>().PutAsync(Containers.Inbox, name, Encoding.UTF8.GetBytes(json));
        Assert.Equal(IngestStatus.Ingested, (await runner.Services.GetRequiredService<IngestHandler>().IngestAsync(name)).Status);
    }
}
