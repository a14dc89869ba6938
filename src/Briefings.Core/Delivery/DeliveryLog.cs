using Microsoft.Extensions.Logging;

namespace Briefings.Core.Delivery;

internal static partial class DeliveryLog
{
    [LoggerMessage(3001, LogLevel.Warning, "Sending the {Date:yyyy-MM-dd} briefing to subscriber {SubscriberId} failed after {Attempts} attempt(s): {Error}")]
    public static partial void Failed(ILogger logger, string subscriberId, DateOnly date, int attempts, string error);

    [LoggerMessage(3002, LogLevel.Information, "Delivery for {Date:yyyy-MM-dd}: {Sent} sent, {Skipped} skipped, {Failed} failed (stopped early: {Stopped})")]
    public static partial void Report(ILogger logger, DateOnly date, int sent, int skipped, int failed, bool stopped);

    [LoggerMessage(3003, LogLevel.Warning, "Another sender took over subscriber {SubscriberId}'s {Date:yyyy-MM-dd} entry before this one recorded its result")]
    public static partial void LostClaim(ILogger logger, string subscriberId, DateOnly date);

    [LoggerMessage(3004, LogLevel.Information, "The {Date:yyyy-MM-dd} briefing has no stories, so no email is sent")]
    public static partial void Withheld(ILogger logger, DateOnly date);

    [LoggerMessage(3005, LogLevel.Warning, "Delivery for {Date:yyyy-MM-dd} stopped: the mail server could not be reached ({Error}); the next run resumes")]
    public static partial void ServerUnreachable(ILogger logger, DateOnly date, string error);

    [LoggerMessage(3006, LogLevel.Error, "The {Date:yyyy-MM-dd} briefing email cannot be composed, so no one is sent it: {Error}")]
    public static partial void CannotCompose(ILogger logger, DateOnly date, string error);
}
