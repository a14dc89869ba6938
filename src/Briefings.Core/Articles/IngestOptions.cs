using System.ComponentModel.DataAnnotations;

namespace Briefings.Core.Articles;

/// <summary>Limits and retries for ingest (section <c>Briefings:Ingest</c>).</summary>
public sealed class IngestOptions
{
    /// <summary>Larger blobs are poisoned unread: 5 MB holds any real article page with room to spare.</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public int MaxBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Fewer words than this after cleaning means there was no article in the input.</summary>
    [Range(1, 1000)]
    public int MinWords { get; set; } = 20;

    /// <summary>Failures that might pass (storage errors) are retried this many times before the blob is poisoned.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>
    /// How many inbox blobs the runner ingests at once, as the Functions host does: one blob's
    /// storage round trips overlap another's parsing, and parsing uses every core.
    /// </summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 8;

    /// <summary>How often the runner looks for new blobs in the inbox.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
}
