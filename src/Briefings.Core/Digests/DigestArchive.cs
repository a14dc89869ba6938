namespace Briefings.Core.Digests;

/// <summary>
/// The days that have a digest, read as an archive: pages of days newest first, and a day's
/// neighbours. Both come from the stored digests at the time of asking, so the newest day gains
/// its "next" link as soon as a later day is built.
/// </summary>
public sealed class DigestArchive(DigestStore digests)
{
    /// <summary>The most days one page may hold.</summary>
    public const int MaxPageSize = 100;

    /// <summary>Up to <paramref name="limit"/> digests older than <paramref name="before"/> (or the newest), newest first.</summary>
    public async Task<ArchivePage> PageAsync(DateOnly? before, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxPageSize);
        var days = await digests.ListDaysAsync(cancellationToken);
        var older = days.Where(d => before is null || d < before.Value).ToList();
        var page = new List<StoredDigest>(Math.Min(limit, older.Count));
        foreach (var day in older.Take(limit))
        {
            // A day listed a moment ago may be mid-rebuild; it is simply left out of this page.
            if (await digests.GetAsync(day, cancellationToken) is { } stored)
            {
                page.Add(stored);
            }
        }

        DateOnly? next = older.Count > limit ? older[limit - 1] : null;
        return new ArchivePage(page, next);
    }

    /// <summary>The nearest older and newer days that have a digest.</summary>
    public async Task<DayNeighbours> NeighboursAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        var days = await digests.ListDaysAsync(cancellationToken);
        return Neighbours(days, day);
    }

    /// <summary>The neighbours of <paramref name="day"/> among <paramref name="days"/> (newest first).</summary>
    public static DayNeighbours Neighbours(IReadOnlyList<DateOnly> days, DateOnly day)
    {
        DateOnly? previous = days.Where(d => d < day).Select(d => (DateOnly?)d).FirstOrDefault();
        DateOnly? next = days.Where(d => d > day).Select(d => (DateOnly?)d).LastOrDefault();
        return new DayNeighbours(previous, next);
    }
}

/// <summary>One page of the archive; <see cref="NextBefore"/> is the <c>before</c> value of the next page, if there is one.</summary>
public sealed record ArchivePage(IReadOnlyList<StoredDigest> Days, DateOnly? NextBefore)
{
    /// <summary>
    /// Each day with the ETag of its stored JSON: what a page or feed made from these days was
    /// made from, so it can be kept until one of them is rebuilt or the days change.
    /// </summary>
    public (DateOnly Day, string ETag)[] Versions() => [.. Days.Select(d => (d.Digest.Date, d.ETag))];
}

/// <summary>The days either side of a day in the archive.</summary>
public sealed record DayNeighbours(DateOnly? Previous, DateOnly? Next);
