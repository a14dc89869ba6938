using System.Collections.Concurrent;
using Briefings.Core.Subscribers;

namespace Briefings.Core.Delivery;

/// <summary>A run's counts, kept safely by parallel senders.</summary>
internal sealed class DeliveryTally(DateOnly date)
{
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly ConcurrentQueue<string> _suppressed = new();
    private int _sent;
    private int _skipped;
    private int _failed;
    private int _retried;

    public int SentCount => Volatile.Read(ref _sent);

    public int SkippedCount => Volatile.Read(ref _skipped);

    public int FailedCount => Volatile.Read(ref _failed);

    public void Sent(bool retried)
    {
        Interlocked.Increment(ref _sent);
        if (retried)
        {
            Interlocked.Increment(ref _retried);
        }
    }

    public void Skip() => Interlocked.Increment(ref _skipped);

    private string? _unreachable;

    /// <summary>The error that showed the mail server could not be reached, once one has.</summary>
    public string? Unreachable => Volatile.Read(ref _unreachable);

    /// <summary>Records that the server could not be reached; true for the first sender to find it so.</summary>
    public bool TripUnreachable(string error) => Interlocked.CompareExchange(ref _unreachable, error, null) is null;

    public void Fail(Subscriber subscriber, string error, bool suppressed)
    {
        Interlocked.Increment(ref _failed);
        _errors.Enqueue($"{subscriber.Id} <{subscriber.Email}>: {error}");
        if (suppressed)
        {
            _suppressed.Enqueue(subscriber.Email);
        }
    }

    public DeliveryReport ToReport() => new(date, _sent, _skipped, _failed, _errors.Order(StringComparer.Ordinal).ToList())
    {
        Suppressed = _suppressed.Order(StringComparer.Ordinal).ToList(),
        Retried = _retried,
    };
}
