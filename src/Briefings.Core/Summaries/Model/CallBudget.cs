namespace Briefings.Core.Summaries.Model;

/// <summary>The requests one digest run may still send; shared by the run's stories.</summary>
internal sealed class CallBudget(int limit)
{
    private int _taken;

    public int Limit => limit;

    public int Taken => Math.Min(Volatile.Read(ref _taken), limit);

    public bool TryTake() => Interlocked.Increment(ref _taken) <= limit;
}
