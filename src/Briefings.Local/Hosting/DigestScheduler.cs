using Briefings.Core.Delivery;
using Briefings.Core.Digests;
using Cronos;
using Microsoft.Extensions.Options;

namespace Briefings.Local.Hosting;

/// <summary>
/// The runner's timer: the same NCRONTAB expression (with seconds) as the Functions timer, read
/// in the configured time zone. On start it catches up the most recent missed run once.
/// </summary>
/// <remarks>
/// A run that leaves subscribers unsent (failures that may pass, a mail server that could not be
/// reached) is followed by sends of the same day <see cref="EmailOptions.ResendAfter"/> apart, up
/// to <see cref="EmailOptions.MaxAttempts"/> sends in all, while the next scheduled run is further
/// away: an outage at send time delays the briefing, it does not cost a day of it.
/// </remarks>
public sealed partial class DigestScheduler(
    DigestHandler handler,
    DeliveryHandler delivery,
    EmailOptions email,
    DigestClock clock,
    IOptions<DigestOptions> options,
    TimeProvider time,
    ILogger<DigestScheduler> logger) : BackgroundService
{
    private readonly CronExpression _schedule = CronExpression.Parse(options.Value.Schedule, CronFormat.IncludeSeconds);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var now = time.GetUtcNow();
        var missed = _schedule.GetOccurrences(now.AddDays(-7), now, clock.Zone, fromInclusive: true, toInclusive: true).LastOrDefault();
        var unsent = missed == default ? null : await RunAsync(missed, catchUp: true, stoppingToken);

        while (!stoppingToken.IsCancellationRequested)
        {
            var next = _schedule.GetNextOccurrence(time.GetUtcNow(), clock.Zone);
            if (next is null)
            {
                return;
            }

            for (var sends = 1; unsent is { } day && sends < email.MaxAttempts && time.GetUtcNow() + email.ResendAfter < next.Value; sends++)
            {
                await Task.Delay(email.ResendAfter, time, stoppingToken);
                unsent = await ResendAsync(day, sends + 1, stoppingToken);
            }

            var wait = next.Value - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, stoppingToken);
            }

            unsent = await RunAsync(next.Value, catchUp: false, stoppingToken);
        }
    }

    /// <summary>Runs the occurrence; returns its day when subscribers were left unsent.</summary>
    private async Task<DateOnly?> RunAsync(DateTimeOffset occurrence, bool catchUp, CancellationToken cancellationToken)
    {
        try
        {
            var result = await handler.RunScheduledAsync(occurrence, cancellationToken);
            Ran(logger, occurrence, catchUp, result.Date, result.Built, result.Delivery?.Sent ?? 0);
            return LeftUnsent(result.Delivery) ? result.Date : null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            RunFailed(logger, e, occurrence);
            return null;
        }
    }

    private async Task<DateOnly?> ResendAsync(DateOnly day, int send, CancellationToken cancellationToken)
    {
        try
        {
            var report = await delivery.SendAsync(day, cancellationToken);
            Resent(logger, day, send, report.Sent, report.Failed, report.Stopped is not null);
            return LeftUnsent(report) ? day : null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            ResendFailed(logger, e, day);
            return null;
        }
    }

    private static bool LeftUnsent(DeliveryReport? report) => report is { Failed: > 0 } or { Stopped: not null };

    [LoggerMessage(4103, LogLevel.Information, "Send {Send} of {Day:yyyy-MM-dd}'s briefing: {Sent} sent, {Failed} failed (mail server unreachable: {Unreachable})")]
    private static partial void Resent(ILogger logger, DateOnly day, int send, int sent, int failed, bool unreachable);

    [LoggerMessage(4104, LogLevel.Error, "Sending {Day:yyyy-MM-dd}'s briefing again failed")]
    private static partial void ResendFailed(ILogger logger, Exception exception, DateOnly day);

    [LoggerMessage(4101, LogLevel.Information, "Scheduled run {Occurrence:o} (catch-up: {CatchUp}) for {Day:yyyy-MM-dd}: built {Built}, {Sent} emails sent")]
    private static partial void Ran(ILogger logger, DateTimeOffset occurrence, bool catchUp, DateOnly day, bool built, int sent);

    [LoggerMessage(4102, LogLevel.Error, "Scheduled run {Occurrence:o} failed")]
    private static partial void RunFailed(ILogger logger, Exception exception, DateTimeOffset occurrence);
}
