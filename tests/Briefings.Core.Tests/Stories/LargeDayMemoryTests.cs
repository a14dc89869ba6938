using Briefings.Core.Stories;

namespace Briefings.Core.Tests.Stories;

public sealed class LargeDayMemoryTests
{
    [Fact]
    public void AHeapBelowTheThresholdIsLeftToTheCollector()
    {
        Assert.False(LargeDayMemory.Release(threshold: long.MaxValue));
    }

    [Fact]
    public void AHeapAtTheThresholdIsCollectedInFull()
    {
        var before = GC.CollectionCount(GC.MaxGeneration);

        Assert.True(LargeDayMemory.Release(threshold: 0));

        Assert.True(GC.CollectionCount(GC.MaxGeneration) > before);
    }
}
