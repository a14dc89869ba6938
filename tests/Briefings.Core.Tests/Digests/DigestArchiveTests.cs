using Briefings.Core.Digests;

namespace Briefings.Core.Tests.Digests;

public sealed class DigestArchiveTests
{
    private static readonly DateOnly[] Days = [new(2026, 11, 21), new(2026, 11, 20), new(2026, 11, 17)]; // newest first, with a gap

    [Fact]
    public void NeighboursAreTheNearestStoredDaysSkippingGaps()
    {
        var around = DigestArchive.Neighbours(Days, new(2026, 11, 20));

        Assert.Equal(new DateOnly(2026, 11, 17), around.Previous);
        Assert.Equal(new DateOnly(2026, 11, 21), around.Next);
    }

    [Fact]
    public void TheOldestDayHasNoPreviousAndTheNewestNoNext()
    {
        Assert.Null(DigestArchive.Neighbours(Days, new(2026, 11, 17)).Previous);
        Assert.Null(DigestArchive.Neighbours(Days, new(2026, 11, 21)).Next);
    }
}
