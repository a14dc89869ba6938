using Microsoft.Extensions.Logging;

namespace Briefings.Functions;

internal static partial class FunctionsLog
{
    [LoggerMessage(9001, LogLevel.Warning, "The digest timer is past due; running the missed occurrence {Occurrence:o} now")]
    public static partial void DigestPastDue(ILogger logger, DateTimeOffset occurrence);

    [LoggerMessage(9002, LogLevel.Information, "Scheduled digest run for {Day:yyyy-MM-dd}: built {Built}, {Stories} stories")]
    public static partial void DigestRan(ILogger logger, DateOnly day, bool built, int stories);
}
