using Microsoft.Extensions.Options;

namespace Briefings.Core.Digests;

/// <summary>The digest day as the configured time zone sees it.</summary>
public sealed class DigestClock(IOptions<DigestOptions> options, TimeProvider time)
{
    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public DateOnly Today => DayOf(time.GetUtcNow());

    public DateOnly DayOf(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, Zone).DateTime);
}
