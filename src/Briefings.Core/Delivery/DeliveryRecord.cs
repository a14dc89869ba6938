using System.Text.Json.Serialization;

namespace Briefings.Core.Delivery;

[JsonConverter(typeof(JsonStringEnumConverter<DeliveryState>))]
public enum DeliveryState
{
    /// <summary>Claimed by a sender; the email may or may not have gone out.</summary>
    Pending,

    Sent,

    Failed,
}

/// <summary>The ledger entry for one subscriber on one digest day: <c>deliveries/{day}/{subscriberId}.json</c>.</summary>
public sealed record DeliveryRecord(
    string SubscriberId,
    DateOnly Date,
    DeliveryState State,
    string MessageId,
    int Attempts,
    DateTimeOffset UpdatedAt,
    string? Error = null);

/// <summary>What one send run did for a day: skipped means sent before or being sent by another run.</summary>
public sealed record DeliveryReport(DateOnly Date, int Sent, int Skipped, int Failed, IReadOnlyList<string> Errors)
{
    /// <summary>Subscribers whose address was refused for good in this run; they are now suppressed.</summary>
    public IReadOnlyList<string> Suppressed { get; init; } = [];

    /// <summary>Messages that went through after at least one transient failure.</summary>
    public int Retried { get; init; }

    /// <summary>Why the run sent nothing to anyone, when that was by design (a day without stories).</summary>
    public string? Withheld { get; init; }

    /// <summary>Why the run stopped before reaching every subscriber (the mail server could not be reached); the next run resumes.</summary>
    public string? Stopped { get; init; }
}
