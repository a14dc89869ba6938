using Briefings.Core.Digests;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Briefings.Functions;

/// <summary>Builds and sends the day's digest on the NCRONTAB schedule held in an app setting.</summary>
public sealed class BuildDailyDigest(DigestHandler handler, TimeProvider clock, ILogger<BuildDailyDigest> logger)
{
    /// <summary>
    /// A flat name on purpose: Linux plans cannot hold ':' in setting names, and the host does not
    /// resolve '__' names in %...% expressions (azure-functions-host #10246). Deployments set it to the
    /// same value as <c>Briefings__Digest__Schedule</c>; the agreement test checks that they do.
    /// </summary>
    public const string ScheduleSetting = "BRIEFINGS_DIGEST_SCHEDULE";

    /// <remarks>
    /// A run that throws is run again by this function's retry policy, up to three times over about
    /// five minutes. Timer triggers support retry policies, declared on the function in the isolated
    /// worker (the host.json <c>retry</c> section is not read for it).
    /// </remarks>
    [Function(nameof(BuildDailyDigest))]
    [ExponentialBackoffRetry(3, "00:00:10", "00:05:00")]
    public async Task Run([TimerTrigger($"%{ScheduleSetting}%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        // The host passes the status as it was before this run, so Next is the occurrence being run,
        // also when it runs late after a restart (TimerListener.InvokeJobFunction, azure-webjobs-sdk-extensions).
        var occurrence = timer.ScheduleStatus is { } status ? new DateTimeOffset(status.Next) : clock.GetUtcNow();
        if (timer.IsPastDue)
        {
            FunctionsLog.DigestPastDue(logger, occurrence);
        }

        var result = await handler.RunScheduledAsync(occurrence, cancellationToken);
        FunctionsLog.DigestRan(logger, result.Date, result.Built, result.Stories);
        if (result.Delivery?.Stopped is { } stopped)
        {
            // The mail server could not be reached: failing the run has the host run the occurrence
            // again (the retry policy above), which finds the day built and sends to whoever is left.
            throw new InvalidOperationException(stopped);
        }
    }
}
