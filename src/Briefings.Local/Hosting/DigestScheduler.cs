using Briefings.Core.Digests;
using Cronos;
using Microsoft.Extensions.Options;

namespace Briefings.Local.Hosting;

/// <summary>
/// The runner's timer: the same NCRONTAB expression (with seconds) as the Functions timer, read
/// in the configured time zone. On start it catches up the most recent missed run once.
/// </summary>
public sealed partial class DigestScheduler(
    DigestHandler handler,
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
        if (missed != default)
        {
            await RunAsync(missed, catchUp: true, stoppingToken);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var next = _schedule.GetNextOccurrence(time.GetUtcNow(), clock.Zone);
            if (next is null)
            {
                return;
            }

            var wait = next.Value - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, stoppingToken);
            }

            await RunAsync(next.Value, catchUp: false, stoppingToken);
        }
    }

    private async Task RunAsync(DateTimeOffset occurrence, bool catchUp, CancellationToken cancellationToken)
    {
        try
        {
            var result = await handler.RunScheduledAsync(occurrence, cancellationToken);
            Ran(logger, occurrence, catchUp, result.Date, result.Built, result.Delivery?.Sent ?? 0);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            RunFailed(logger, e, occurrence);
        }
    }

    [LoggerMessage(4101, LogLevel.Information, "Scheduled run {Occurrence} (catch-up: {CatchUp}) for {Day}: built {Built}, {Sent} emails sent")]
    private static partial void Ran(ILogger logger, DateTimeOffset occurrence, bool catchUp, DateOnly day, bool built, int sent);

    [LoggerMessage(4102, LogLevel.Error, "Scheduled run {Occurrence} failed")]
    private static partial void RunFailed(ILogger logger, Exception exception, DateTimeOffset occurrence);
}
