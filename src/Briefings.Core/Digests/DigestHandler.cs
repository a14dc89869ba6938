using Briefings.Core.Articles;
using Briefings.Core.Delivery;
using Briefings.Core.Rendering;
using Briefings.Core.Summaries.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Briefings.Core.Digests;

/// <summary>What a digest run did.</summary>
public sealed record DigestRunResult(DateOnly Date, bool Built, int Stories, int Articles, DeliveryReport? Delivery);

/// <summary>
/// Builds a day's digest from its stored articles, renders and stores it, then delivers it.
/// Called by the timer (scheduled: builds a day once) and on demand (rebuilds).
/// </summary>
public sealed class DigestHandler(
    ArticleStore articles,
    DigestStore digests,
    DigestBuilder builder,
    IStoryWriter writer,
    DigestRenderer renderer,
    DeliveryHandler delivery,
    DigestClock clock,
    IOptions<DigestOptions> options,
    TimeProvider time,
    ILogger<DigestHandler> logger)
{
    /// <summary>The digest day a scheduled run at <paramref name="occurrence"/> builds.</summary>
    public DateOnly ScheduledDay(DateTimeOffset occurrence) => clock.DayOf(occurrence).AddDays(options.Value.DayOffset);

    /// <summary>A scheduled run: builds the day unless it exists, then sends or resumes sending it.</summary>
    public async Task<DigestRunResult> RunScheduledAsync(DateTimeOffset occurrence, CancellationToken cancellationToken = default)
    {
        var day = ScheduledDay(occurrence);
        if (await digests.GetAsync(day, cancellationToken) is { } existing)
        {
            DigestLog.AlreadyBuilt(logger, day);
            var report = await delivery.SendAsync(day, cancellationToken);
            return new DigestRunResult(day, false, existing.Digest.Stories.Count, existing.Digest.ArticleCount, report);
        }

        // Stamped with the occurrence rather than the clock, so the build depends only on the
        // stored articles: one restarted after a crash, retried, or run by two runners at once
        // stores the same bytes.
        return await BuildAsync(day, occurrence, send: true, cancellationToken);
    }

    /// <summary>Builds (or rebuilds) a day's digest now, and optionally sends it.</summary>
    public Task<DigestRunResult> BuildAsync(DateOnly day, bool send, CancellationToken cancellationToken = default) =>
        BuildAsync(day, time.GetUtcNow(), send, cancellationToken);

    private async Task<DigestRunResult> BuildAsync(DateOnly day, DateTimeOffset generatedAt, bool send, CancellationToken cancellationToken)
    {
        DigestLog.Building(logger, day);
        var dayArticles = await articles.ListDayAsync(day, cancellationToken);
        var earlier = new List<Article>();
        for (var back = 1; back <= options.Value.ContinuityDays; back++)
        {
            earlier.AddRange(await articles.ListDayAsync(day.AddDays(-back), cancellationToken));
        }

        var digest = builder.Build(dayArticles, day, generatedAt, options.Value.MaxStories, earlier, a => a.DayIn(clock.Zone));
        digest = await writer.ImproveAsync(digest, dayArticles, cancellationToken);
        var renderings = new Dictionary<RenderFormat, string>
        {
            [RenderFormat.Html] = renderer.Render(digest, RenderFormat.Html),
            [RenderFormat.Text] = renderer.Render(digest, RenderFormat.Text),
            [RenderFormat.Markdown] = renderer.Render(digest, RenderFormat.Markdown),
        };
        await digests.SaveAsync(digest, renderings, cancellationToken);
        DigestLog.Built(logger, day, digest.Stories.Count, digest.ArticleCount);
        var report = send ? await delivery.SendAsync(day, cancellationToken) : null;
        return new DigestRunResult(day, true, digest.Stories.Count, digest.ArticleCount, report);
    }
}

internal static partial class DigestLog
{
    [LoggerMessage(2001, LogLevel.Information, "Built the digest for {Day}: {Stories} stories from {Articles} articles")]
    public static partial void Built(ILogger logger, DateOnly day, int stories, int articles);

    [LoggerMessage(2003, LogLevel.Information, "Building the digest for {Day}")]
    public static partial void Building(ILogger logger, DateOnly day);

    [LoggerMessage(2002, LogLevel.Information, "The digest for {Day} exists; resuming delivery only")]
    public static partial void AlreadyBuilt(ILogger logger, DateOnly day);
}
