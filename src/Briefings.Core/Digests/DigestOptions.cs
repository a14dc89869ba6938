using System.ComponentModel.DataAnnotations;

namespace Briefings.Core.Digests;

/// <summary>When and how digests are built (section <c>Briefings:Digest</c>).</summary>
public sealed class DigestOptions : IValidatableObject
{
    /// <summary>NCRONTAB with seconds, as the Functions timer reads it: 06:00 every day by default.</summary>
    [Required]
    public string Schedule { get; set; } = "0 0 6 * * *";

    /// <summary>The time zone that decides what "a day" is (IANA or Windows id).</summary>
    [Required]
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Which day a scheduled run builds, relative to the day it runs: -1 is the day before.</summary>
    [Range(-7, 0)]
    public int DayOffset { get; set; } = -1;

    /// <summary>At most this many stories in a digest, the biggest first.</summary>
    [Range(1, 1000)]
    public int MaxStories { get; set; } = 40;

    /// <summary>How many earlier days a new article may join a story from (0: every day stands alone).</summary>
    [Range(0, 14)]
    public int ContinuityDays { get; set; } = 2;

    /// <summary>
    /// How long a runner's claim on building a day lasts without renewal (it is renewed every third
    /// of this while the build runs): a runner that dies holding it blocks the day no longer than this.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan BuildLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often a runner waiting for another's build looks for the digest (or a lapsed lease).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan BuildLeasePoll { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Checked when the app starts: the zone decides what every day is.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new ValidationResult(
                $"Briefings:Digest:TimeZone must be a time zone this machine knows, such as \"UTC\" or \"Europe/Paris\"; it is \"{TimeZone}\".", [nameof(TimeZone)]);
        }
    }
}
