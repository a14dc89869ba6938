namespace Briefings.Core.Stories;

/// <summary>
/// Gives memory back to the system between the steps of grouping a large day. Each step leaves
/// its working structures behind (reading's buffers and the counters' tables before the neighbour
/// search; the inverted index and the search's lists before linkage), and the collector, with a
/// young generation's whole budget on every core, would collect them only after the next step had
/// grown the process past them: a 100,000-article day peaked at about 1.9 GiB while about 1.1 GiB
/// of it was live. A full, compacting collection that also returns the freed memory, made only
/// while the heap holds more than <see cref="Threshold"/>, keeps that peak near what is live, for
/// a pause of about half a second each; a day of 10,000 articles holds far less and never pays it.
/// </summary>
internal static class LargeDayMemory
{
    /// <summary>The heap size from which the memory a step leaves behind is given back at once.</summary>
    internal const long Threshold = 1L << 30;

    /// <summary>Collects and returns the freed memory when the heap holds at least <paramref name="threshold"/> bytes; true when it did.</summary>
    public static bool Release(long threshold = Threshold)
    {
        if (GC.GetTotalMemory(forceFullCollection: false) < threshold)
        {
            return false;
        }

        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return true;
    }
}
