using System.Collections.Concurrent;
using Briefings.Core.Stories;

namespace Briefings.Core.Tests.Stories;

public sealed class EveryCoreTests
{
    [Fact]
    public void EveryIndexIsDoneOnceByAWorkerOfItsOwnNumber()
    {
        var done = new int[10_000];
        var byWorker = new ConcurrentDictionary<int, ConcurrentBag<int>>();
        EveryCore.For(done.Length, (index, worker) =>
        {
            Interlocked.Increment(ref done[index]);
            byWorker.GetOrAdd(worker, _ => []).Add(Environment.CurrentManagedThreadId);
        });

        Assert.All(done, count => Assert.Equal(1, count));
        Assert.All(byWorker.Keys, worker => Assert.InRange(worker, 0, EveryCore.Workers - 1));
        // A worker's state is used by one thread at a time: each worker runs on one thread.
        Assert.All(byWorker.Values, threads => Assert.Single(threads.Distinct()));
    }

    [Fact]
    public void NothingToDoCallsNothing()
    {
        var calls = 0;
        EveryCore.For(0, (_, _) => calls++);

        Assert.Equal(0, calls);
    }
}
