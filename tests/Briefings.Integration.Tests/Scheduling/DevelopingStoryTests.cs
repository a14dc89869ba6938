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

    [Fact]
    public async Task AnArticleOfYesterdayThatCameInAfterYesterdaysBriefingIsInTodays()
    {
        await using var runner = await Runner.StartAsync();
        var today = runner.Services.GetRequiredService<DigestClock>().Today;
        var handler = runner.Services.GetRequiredService<DigestHandler>();
        await IngestAsync(runner, "yesterday.json", "001_6a5f3271fac9ecc8.txt", today.AddDays(-1).ToDateTime(new TimeOnly(9, 0)));
        await handler.BuildAsync(today.AddDays(-1), send: false);
        var beforeItCame = await handler.BuildAsync(today, send: false);

        // Published yesterday evening, delivered to the inbox only after yesterday's briefing was built.
        await IngestAsync(runner, "late.json", "002_00b1dcfbd18768bc.txt", today.AddDays(-1).ToDateTime(new TimeOnly(20, 0)));
        await handler.BuildAsync(today, send: false);
        var digests = runner.Services.GetRequiredService<DigestStore>();
        var todays = (await digests.GetAsync(today))!.Digest;
        var yesterdays = (await digests.GetAsync(today.AddDays(-1)))!.Digest;

        Assert.Equal(0, beforeItCame.Stories); // yesterday's article was told yesterday, and is not told again
        var story = Assert.Single(todays.Stories);
        Assert.Equal(["late.json"], story.Articles.Select(a => a.Title));
        Assert.NotNull(story.Developing); // the story yesterday's briefing told
        Assert.Equal(yesterdays.Stories.Single().Id, story.Id);
        Assert.DoesNotContain(yesterdays.Stories.SelectMany(s => s.Articles), a => a.Title == "late.json");
    }

    [Fact]
    public async Task ADevelopingStorysSummaryTellsWhatIsNewSinceYesterdaysBriefing()
    {
        await using var runner = await Runner.StartAsync();
        var today = runner.Services.GetRequiredService<DigestClock>().Today;
        await IngestBridgeStoryAsync(runner, today);
        var (yesterday, story, alone) = await BuildBothDaysAsync(runner, today);

        Assert.Equal(yesterday.Id, story.Id);
        Assert.NotNull(story.Developing);
        Assert.Contains(yesterday.Summary, s => s.Text.StartsWith("A cargo ship struck", StringComparison.Ordinal));
        Assert.DoesNotContain(story.Summary, s => s.Text.StartsWith("A cargo ship struck", StringComparison.Ordinal));
        Assert.Contains(story.Summary, s => s.Text.StartsWith("Divers found a crack", StringComparison.Ordinal));

        Assert.Contains(alone.Summary, s => s.Text.StartsWith("A cargo ship struck", StringComparison.Ordinal)); // what it told, without yesterday's briefing
    }

    [Fact]
    public async Task AnEarlierDigestThatCannotBeReadLeavesTodayBuiltAsIfNothingWasTold()
    {
        await using var runner = await Runner.StartAsync();
        var today = runner.Services.GetRequiredService<DigestClock>().Today;
        await IngestBridgeStoryAsync(runner, today);
        var handler = runner.Services.GetRequiredService<DigestHandler>();
        await handler.BuildAsync(today.AddDays(-1), send: false);
        await runner.Services.GetRequiredService<IBlobStore>().PutAsync(Containers.Digests, $"{today.AddDays(-1):yyyy-MM-dd}/digest.json", Encoding.UTF8.GetBytes("{\"date\": \"2026-"));

        var result = await handler.BuildAsync(today, send: false);

        Assert.True(result.Built);
        var story = Assert.Single((await runner.Services.GetRequiredService<DigestStore>().GetAsync(today))!.Digest.Stories);
        Assert.NotNull(story.Developing); // from the articles, which are whole
        Assert.Contains(story.Summary, s => s.Text.StartsWith("A cargo ship struck", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADevelopingStorysKeyQuotesAreNewOnesBeforeWhatWasQuotedYesterday()
    {
        await using var runner = await Runner.StartAsync();
        var today = runner.Services.GetRequiredService<DigestClock>().Today;
        const string Engineer = "“We will not reopen the bridge until we know that every pier is safe,” said county engineer Maria Lopez.";
        await IngestYesterdaysStrikeAsync(runner, today, Engineer);
        await IngestTextAsync(runner, "bridge-2.json", "Westmere harbour bridge to stay shut for six weeks after ship strike", today.ToDateTime(new TimeOnly(7, 0)), $"""
            Divers found a crack in the southern pier of the Westmere harbour bridge on Tuesday, and the county said repairs would keep the bridge shut for at least six weeks after the cargo ship struck it.

            {Engineer}

            “The ferry will be free for everyone who lives on the north bank until the bridge opens again,” said Mayor Tom Reyes.

            “Buses will run every ten minutes over the old river road while the harbour route is closed,” said transit director Ana Ruiz.

            “We have asked the shipping company to pay for every day that the bridge stays closed to traffic,” said county executive Lee Park.

            “Our divers will inspect the northern pier of the bridge on Thursday morning as well,” said harbour master Sam Oduya.
            """);
        var (yesterday, story, alone) = await BuildBothDaysAsync(runner, today);

        // Yesterday's briefing told the engineer's words: in its summary, so not again as a key quote.
        Assert.Contains(yesterday.Summary, s => s.Text.Contains("every pier is safe", StringComparison.Ordinal));
        Assert.DoesNotContain(yesterday.Quotes, q => q.Speaker == "Maria Lopez");
        Assert.NotNull(story.Developing);
        // Today's new words come first, before the engineer's, which yesterday's briefing told,
        // and never words today's summary tells.
        Assert.NotEqual("Maria Lopez", story.Quotes[0].Speaker);
        Assert.Contains(story.Quotes, q => q.Speaker == "Maria Lopez");
        Assert.DoesNotContain(story.Quotes, q => story.Summary.Any(s => s.Text.Contains(q.Text, StringComparison.Ordinal)));

        // Without yesterday's briefing nothing holds the engineer's words back: carried by both
        // reports, they are told in the summary or quoted first.
        Assert.True(
            alone.Summary.Any(s => s.Text.Contains("every pier is safe", StringComparison.Ordinal)) || alone.Quotes[0].Speaker == "Maria Lopez",
            string.Join(" | ", alone.Quotes.Select(q => q.Speaker)));
    }

    [Fact]
    public async Task ADevelopingStorysKeyFiguresPutTodaysNumbersBeforeYesterdays()
    {
        await using var runner = await Runner.StartAsync();
        var today = runner.Services.GetRequiredService<DigestClock>().Today;
        const string Traffic = "About 40,000 vehicles cross the harbour bridge on a normal weekday, the county said.";
        await IngestYesterdaysStrikeAsync(runner, today, Traffic);
        await IngestTextAsync(runner, "bridge-2.json", "Westmere harbour bridge to stay shut after ship strike", today.ToDateTime(new TimeOnly(7, 0)), $"""
            Divers found a crack in the southern pier of the Westmere harbour bridge on Tuesday, after the cargo ship Nordic Star struck it on Monday.

            {Traffic}

            The county put the cost of the repairs at $4 million, which the owner of the Nordic Star said it would pay.
            """);
        var (yesterday, story, alone) = await BuildBothDaysAsync(runner, today);
        static int At(Story story, string value) => story.Figures.ToList().FindIndex(f => f.Value.Contains(value, StringComparison.Ordinal));

        Assert.True(At(yesterday, "40,000") >= 0);
        Assert.NotNull(story.Developing);
        Assert.True(At(story, "$4 million") >= 0 && At(story, "$4 million") < At(story, "40,000"), string.Join(" | ", story.Figures.Select(f => f.Value)));
        Assert.True(At(alone, "40,000") >= 0 && At(alone, "40,000") < At(alone, "$4 million"), string.Join(" | ", alone.Figures.Select(f => f.Value))); // the order of the report, without yesterday's briefing
    }

    /// <summary>Yesterday's report of the strike, with <paramref name="middle"/> between its lead and what the port authority said.</summary>
    private static Task IngestYesterdaysStrikeAsync(Runner runner, DateOnly today, string middle) =>
        IngestTextAsync(runner, "bridge-1.json", "Cargo ship strikes Westmere harbour bridge", today.AddDays(-1).ToDateTime(new TimeOnly(18, 0)), $"""
            A cargo ship struck the Westmere harbour bridge late on Monday, and the county closed the bridge to all traffic overnight.

            {middle}

            The ship, the Nordic Star, was leaving the harbour with a load of timber when its steering failed, the port authority said.
            """);

    /// <summary>A bridge struck yesterday; today's report retells its lead and adds what divers found, a ferry and who pays.</summary>
    private static async Task IngestBridgeStoryAsync(Runner runner, DateOnly today)
    {
        await IngestTextAsync(runner, "bridge-1.json", "Cargo ship strikes Westmere harbour bridge", today.AddDays(-1).ToDateTime(new TimeOnly(18, 0)), """
            A cargo ship struck the Westmere harbour bridge late on Monday, and the county closed the bridge to all traffic overnight.

            Engineers said the main span of the bridge had shifted by about 30 centimetres where the ship hit the southern pier.

            About 40,000 vehicles cross the harbour bridge on a normal weekday, and drivers were told to expect long detours.

            The ship, the Nordic Star, was leaving the harbour with a load of timber when its steering failed, the port authority said.
            """);
        await IngestTextAsync(runner, "bridge-2.json", "Westmere harbour bridge to stay shut for six weeks after ship strike", today.ToDateTime(new TimeOnly(7, 0)), """
            A cargo ship struck the Westmere harbour bridge late on Monday, and the county closed the bridge to all traffic.

            Divers found a crack in the southern pier of the bridge on Tuesday, and the county said repairs would keep the bridge shut for at least six weeks.

            A ferry between the two banks of the harbour will run every twenty minutes from Thursday, the mayor said.

            The owner of the Nordic Star said it would pay for the repairs to the bridge and had opened its own inquiry into the steering failure.
            """);
    }

    /// <summary>
    /// Builds yesterday, then today, and today's articles once more on their own (as if there had
    /// been no briefing yesterday); each holds one story.
    /// </summary>
    private static async Task<(Story Yesterday, Story Today, Story Alone)> BuildBothDaysAsync(Runner runner, DateOnly today)
    {
        var handler = runner.Services.GetRequiredService<DigestHandler>();
        var digests = runner.Services.GetRequiredService<DigestStore>();
        await handler.BuildAsync(today.AddDays(-1), send: false);
        await handler.BuildAsync(today, send: false);
        var alone = new DigestBuilder().Build(await runner.Services.GetRequiredService<ArticleStore>().ListDayAsync(today), today, DateTimeOffset.UtcNow);
        return (
            Assert.Single((await digests.GetAsync(today.AddDays(-1)))!.Digest.Stories),
            Assert.Single((await digests.GetAsync(today))!.Digest.Stories),
            Assert.Single(alone.Stories));
    }

    private static async Task IngestTextAsync(Runner runner, string name, string title, DateTime published, string body)
    {
        var json = JsonSerializer.Serialize(new { title, source = "Wire", published = published.ToString("yyyy-MM-ddTHH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), body });
        await runner.Services.GetRequiredService<IBlobStore>().PutAsync(Containers.Inbox, name, Encoding.UTF8.GetBytes(json));
        Assert.Equal(IngestStatus.Ingested, (await runner.Services.GetRequiredService<IngestHandler>().IngestAsync(name)).Status);
    }

    private static async Task IngestAsync(Runner runner, string name, string seed, DateTime published)
    {
        var body = await File.ReadAllTextAsync(Path.Combine(Repository.Seeds, seed));
        var json = JsonSerializer.Serialize(new { title = name, source = "Wire", published = published.ToString("yyyy-MM-ddTHH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), body });
        await runner.Services.GetRequiredService<IBlobStore>().PutAsync(Containers.Inbox, name, Encoding.UTF8.GetBytes(json));
        Assert.Equal(IngestStatus.Ingested, (await runner.Services.GetRequiredService<IngestHandler>().IngestAsync(name)).Status);
    }
}
