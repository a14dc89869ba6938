namespace Briefings.Core.Articles;

/// <summary>A clean article: what the rest of the flow reads.</summary>
public sealed record Article
{
    /// <summary>Content hash of the normalised text, or the id the envelope gave.</summary>
    public required string Id { get; init; }

    public required string Title { get; init; }

    /// <summary>The outlet, when metadata or the document says so reliably; otherwise null.</summary>
    public string? Source { get; init; }

    public string? Url { get; init; }

    public DateTimeOffset? Published { get; init; }

    public required IReadOnlyList<string> Paragraphs { get; init; }

    public string? Language { get; init; }

    public DateTimeOffset IngestedAt { get; init; }

    /// <summary>The inbox blob the article came from, when it came from one.</summary>
    public string? InboxName { get; init; }

    /// <summary>
    /// The moment that decides the article's digest day: publication, unless it is missing or
    /// claims a future more than a day past ingestion.
    /// </summary>
    public DateTimeOffset EffectiveTime =>
        Published is { } published && published <= IngestedAt.AddDays(1) ? published : IngestedAt;

    public DateOnly DayIn(TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(EffectiveTime, zone).DateTime);
}
