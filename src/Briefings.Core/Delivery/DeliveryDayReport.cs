using System.Text.Json.Serialization;

namespace Briefings.Core.Delivery;

[JsonConverter(typeof(JsonStringEnumConverter<DeliveryOutcome>))]
public enum DeliveryOutcome
{
    Sent,
    Failed,

    /// <summary>Claimed by a sender that has not recorded the result (still sending, or died).</summary>
    InProgress,

    /// <summary>Confirmed, but no run has reached this subscriber for the day yet.</summary>
    NotSent,

    /// <summary>Not a recipient: pending confirmation, unsubscribed or suppressed.</summary>
    Skipped,
}

/// <summary>One subscriber's line in a day's report.</summary>
public sealed record DeliveryReportLine(string SubscriberId, string? Email, DeliveryOutcome Outcome, string? Reason, int Attempts, DateTimeOffset? UpdatedAt);

/// <summary>
/// Everything known about one day's delivery, computed from the ledger and the subscriber store,
/// so it is true after a crash too: <c>briefings report</c> and <c>GET /api/deliveries/{date}</c>.
/// </summary>
public sealed record DeliveryDayReport(
    DateOnly Date,
    bool DigestExists,
    int Sent,
    int Failed,
    int InProgress,
    int NotSent,
    int Skipped,
    IReadOnlyList<DeliveryReportLine> Subscribers);
