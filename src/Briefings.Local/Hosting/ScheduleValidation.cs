using Briefings.Core.Digests;
using Cronos;
using Microsoft.Extensions.Options;

namespace Briefings.Local.Hosting;

/// <summary>
/// The runner reads <c>Briefings:Digest:Schedule</c> itself (in Azure the Functions host does):
/// it must be NCRONTAB with seconds, as the timer reads it, and come round at least once a year,
/// else the runner would serve and never build ("0 0 6 31 2 *", the 31st of February).
/// </summary>
public sealed class ScheduleValidation(TimeProvider time) : IValidateOptions<DigestOptions>
{
    public ValidateOptionsResult Validate(string? name, DigestOptions options)
    {
        CronExpression schedule;
        try
        {
            schedule = CronExpression.Parse(options.Schedule, CronFormat.IncludeSeconds);
        }
        catch (CronFormatException e)
        {
            return ValidateOptionsResult.Fail(
                $"Briefings:Digest:Schedule must be NCRONTAB with seconds, such as \"0 0 6 * * *\" (06:00 every day); \"{options.Schedule}\" is not: {e.Message}");
        }

        var now = time.GetUtcNow();
        return schedule.GetNextOccurrence(now.UtcDateTime, TimeZoneInfo.Utc) is { } next && next < now.UtcDateTime.AddYears(1)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Briefings:Digest:Schedule \"{options.Schedule}\" does not come round within a year, so no briefing would be built.");
    }
}
