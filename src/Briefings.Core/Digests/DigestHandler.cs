using System.Text.Json;
using Briefings.Core.Articles;
using Briefings.Core.Delivery;
using Briefings.Core.Rendering;
using Briefings.Core.Stories;
using Briefings.Core.Summaries.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Briefings.Core.Digests;

/// <summary>What a digest run did.</summary>
public sealed record DigestRunResult(DateOnly Date, bool Built, int Stories, int Articles, DeliveryReport? Delivery);

/// <summary>
/// Builds a day's digest from its stored articles, renders and stores it, then delivers it.
/// Called by the timer (scheduled: builds a day once) and on demand (rebuilds); either way only
/// the holder of the day's <see cref="BuildLeases">build lease</see> builds it.
/// </summary>
public sealed class DigestHandler(
    ArticleStore articles,
    DigestStore digests,
    BuildLeases leases,
    DigestBuilder builder,
    IStoryWriter writer,
    EmbeddingStore embeddings,
    DigestRenderer renderer,
    DeliveryHandler delivery,
    DigestClock clock,
    IOptions<DigestOptions> options,
    TimeProvider time,
    ILogger<DigestHandler> logger)
{
    /// <summary>The digest day a scheduled run at <paramref name="occurrence"/> builds.</summary>
    public DateOnly ScheduledDay(DateTimeOffset occurrence) => clock.DayOf(occurrence).AddDays(options.Value.DayOffset);

    /// <summary>
    /// A scheduled run: builds the day unless it exists, then sends or resumes sending it. Only the
    /// runner holding the day's build lease builds; another waits for its digest (or for its lease to
    /// run out, and then builds itself) and goes on to the delivery.
    /// </summary>
    public async Task<DigestRunResult> RunScheduledAsync(DateTimeOffset occurrence, CancellationToken cancellationToken = default)
    {
        var day = ScheduledDay(occurrence);
        var waited = false;
        while (true)
        {
            if (await digests.GetAsync(day, cancellationToken) is { } existing)
            {
                DigestLog.AlreadyBuilt(logger, day, waited);
                var report = await delivery.SendAsync(day, cancellationToken);
                return new DigestRunResult(day, false, existing.Digest.Stories.Count, existing.Digest.ArticleCount, report);
            }

            if (await leases.TryAcquireAsync(day, cancellationToken) is { } lease)
            {
                Digest digest;
                await using (lease)
                {
                    // Looked at again under the lease: a holder that released it a moment ago has saved the day.
                    if (await digests.ExistsAsync(day, cancellationToken))
                    {
                        continue;
                    }

                    // Stamped with the occurrence rather than the clock, so the build depends only on
                    // what is stored (the articles, and the digests of the days before): one
                    // restarted after a crash or retried stores the same bytes.
                    digest = await BuildHeldAsync(day, occurrence, cancellationToken);
                }

                return await SendBuiltAsync(digest, send: true, cancellationToken);
            }

            if (!waited)
            {
                DigestLog.Waiting(logger, day);
                waited = true;
            }

            await Task.Delay(options.Value.BuildLeasePoll, time, cancellationToken);
        }
    }

    /// <summary>Builds (or rebuilds) a day's digest now, and optionally sends it; waits while another runner is building the day.</summary>
    public async Task<DigestRunResult> BuildAsync(DateOnly day, bool send, CancellationToken cancellationToken = default)
    {
        Digest digest;
        await using (var lease = await AcquireAsync(day, cancellationToken))
        {
            digest = await BuildHeldAsync(day, time.GetUtcNow(), cancellationToken);
        }

        return await SendBuiltAsync(digest, send, cancellationToken);
    }

    private async Task<BuildLease> AcquireAsync(DateOnly day, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await leases.TryAcquireAsync(day, cancellationToken) is { } lease)
            {
                return lease;
            }

            await Task.Delay(options.Value.BuildLeasePoll, time, cancellationToken);
        }
    }

    /// <summary>Builds, renders and saves the day; the caller holds its lease.</summary>
    private async Task<Digest> BuildHeldAsync(DateOnly day, DateTimeOffset generatedAt, CancellationToken cancellationToken)
    {
        DigestLog.Building(logger, day);
        var warming = BuildWarming.Start(builder, renderer);
        var dayArticles = await articles.ListDayAsync(day, cancellationToken);
        var days = new List<(DateOnly Day, IReadOnlyList<Article> Articles)> { (day, dayArticles) };
        var earlierDigests = new List<Digest>();
        var arrivedLate = new HashSet<string>(StringComparer.Ordinal);
        for (var back = 1; back <= Math.Min(options.Value.ContinuityDays, day.DayNumber); back++)
        {
            var earlierDay = day.AddDays(-back);
            var filed = await articles.ListDayAsync(earlierDay, cancellationToken);
            days.Add((earlierDay, filed));
            if (await ReadableDigestAsync(earlierDay, day, cancellationToken) is { } told)
            {
                earlierDigests.Add(told);
                arrivedLate.UnionWith(ArrivedAfter(told, filed));
            }
        }

        // An article of an earlier day that came in after that day's briefing was built is news to
        // a reader of today's: it is one of today's articles, grouped by its own time as before.
        var todays = arrivedLate.Count == 0
            ? dayArticles
            : [.. dayArticles, .. days.Skip(1).SelectMany(d => d.Articles).Where(a => arrivedLate.Contains(a.Id))];
        var earlier = days.Skip(1).SelectMany(d => d.Articles).Where(a => !arrivedLate.Contains(a.Id)).ToList();
        if (arrivedLate.Count > 0)
        {
            DigestLog.ArrivedLate(logger, day, arrivedLate.Count);
        }

        var vectors = await embeddings.EmbedAsync(days, cancellationToken);
        var toldOf = Told(earlierDigests);
        var digest = builder.Build(todays, day, generatedAt, options.Value.MaxStories, earlier, a => a.DayIn(clock.Zone), vectors, toldOf);
        digest = await writer.ImproveAsync(digest, todays, toldOf, cancellationToken);
        // A day built again keeps the time it was first published: feed readers and the page tell
        // a briefing updated from a new one.
        var before = await ReadableDigestAsync(day, day, cancellationToken);
        digest = digest with { PublishedAt = before is null ? generatedAt : before.PublishedAt ?? before.GeneratedAt };
        await warming;
        var renderings = renderer.RenderStored(digest);
        DigestLog.Storing(logger, day);
        await digests.SaveAsync(digest, renderings, cancellationToken);
        DigestLog.Built(logger, day, digest.Stories.Count, digest.ArticleCount);
        return digest;
    }

    /// <summary>
    /// The articles filed for an earlier day that its briefing did not carry because they were
    /// ingested after it was built. One ingested before (an article of a story too small for the
    /// briefing, or one a late catch-up build stamped with its earlier occurrence read) is not.
    /// </summary>
    private static IEnumerable<string> ArrivedAfter(Digest built, IReadOnlyList<Article> filed)
    {
        var carried = built.Stories.SelectMany(s => s.Articles).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        return filed.Where(a => a.IngestedAt > built.GeneratedAt && !carried.Contains(a.Id)).Select(a => a.Id);
    }

    /// <summary>
    /// A stored digest read while building <paramref name="building"/>: an earlier day's (for what it
    /// told) or the day's own (for when it was first published). Null when there is none or it cannot
    /// be read, which costs only that: the day is built.
    /// </summary>
    private async Task<Digest?> ReadableDigestAsync(DateOnly stored, DateOnly building, CancellationToken cancellationToken)
    {
        try
        {
            return (await digests.GetAsync(stored, cancellationToken))?.Digest;
        }
        catch (JsonException e)
        {
            if (stored == building)
            {
                DigestLog.OwnUnreadable(logger, building, e.Message);
            }
            else
            {
                DigestLog.EarlierUnreadable(logger, stored, building, e.Message);
            }

            return null;
        }
    }

    /// <summary>
    /// What the digests of the <c>ContinuityDays</c> before a day told of each story, its summary
    /// sentences, its quotes and its figures' sentences: a story that runs on keeps its id (it is
    /// named after its earliest article), so today's summary, quotes and figures of it can tell what
    /// is new.
    /// </summary>
    private static Dictionary<string, IReadOnlyList<string>> Told(IEnumerable<Digest> earlier)
    {
        var told = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var story in earlier.SelectMany(d => d.Stories))
        {
            if (!told.TryGetValue(story.Id, out var sentences))
            {
                told[story.Id] = sentences = [];
            }

            sentences.AddRange(story.Summary.Select(s => s.Text));
            sentences.AddRange(story.Quotes.Select(q => q.Text));
            sentences.AddRange(story.Figures.Select(f => f.Context));
        }

        return told.ToDictionary(t => t.Key, t => (IReadOnlyList<string>)t.Value, StringComparer.Ordinal);
    }

    private async Task<DigestRunResult> SendBuiltAsync(Digest digest, bool send, CancellationToken cancellationToken)
    {
        var report = send ? await delivery.SendAsync(digest.Date, cancellationToken) : null;
        return new DigestRunResult(digest.Date, true, digest.Stories.Count, digest.ArticleCount, report);
    }
}

internal static partial class DigestLog
{
    [LoggerMessage(2001, LogLevel.Information, "Built the digest for {Day:yyyy-MM-dd}: {Stories} stories from {Articles} articles")]
    public static partial void Built(ILogger logger, DateOnly day, int stories, int articles);

    [LoggerMessage(2002, LogLevel.Information, "The digest for {Day:yyyy-MM-dd} exists (built by another runner while this one waited: {Waited}); delivering only")]
    public static partial void AlreadyBuilt(ILogger logger, DateOnly day, bool waited);

    [LoggerMessage(2003, LogLevel.Information, "Another runner is building the digest for {Day:yyyy-MM-dd}; waiting for it")]
    public static partial void Waiting(ILogger logger, DateOnly day);

    [LoggerMessage(2004, LogLevel.Information, "Building the digest for {Day:yyyy-MM-dd}")]
    public static partial void Building(ILogger logger, DateOnly day);

    [LoggerMessage(2006, LogLevel.Warning, "The digest for {Earlier:yyyy-MM-dd} cannot be read, so the digest for {Day:yyyy-MM-dd} does not know what it told: {Error}")]
    public static partial void EarlierUnreadable(ILogger logger, DateOnly earlier, DateOnly day, string error);

    [LoggerMessage(2008, LogLevel.Warning, "The stored digest for {Day:yyyy-MM-dd} cannot be read, so the day is built again as first published now: {Error}")]
    public static partial void OwnUnreadable(ILogger logger, DateOnly day, string error);

    [LoggerMessage(2007, LogLevel.Information, "The digest for {Day:yyyy-MM-dd} carries {Count} article(s) of the days before that came in after their own day's briefing was built")]
    public static partial void ArrivedLate(ILogger logger, DateOnly day, int count);

    [LoggerMessage(2005, LogLevel.Information, "Storing the digest for {Day:yyyy-MM-dd}")]
    public static partial void Storing(ILogger logger, DateOnly day);
}
