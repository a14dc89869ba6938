namespace Briefings.Core.Stories;

/// <summary>
/// Runs a loop on every core with one worker a core, each taking the next index as it is free.
/// A worker's number lets it keep state of its own for the whole loop (a word table, scratch
/// arrays). <c>Parallel.For</c> with thread-local state starts a new state each time it starts a new task, which it does many
/// times in a long loop, and a cold word table or a fresh scratch array each time costs more than
/// the work it serves.
/// </summary>
internal static class EveryCore
{
    /// <summary>How many workers a loop has at most: one a core.</summary>
    public static int Workers => Environment.ProcessorCount;

    /// <summary>Calls <paramref name="body"/> (index, worker) once for every index below <paramref name="count"/>.</summary>
    public static void For(int count, Action<int, int> body)
    {
        var workers = Math.Min(Workers, count);
        if (workers == 0)
        {
            return;
        }

        var next = -1;
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, worker =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < count)
            {
                body(index, worker);
            }
        });
    }
}
