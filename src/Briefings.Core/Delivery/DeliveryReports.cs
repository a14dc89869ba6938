using Briefings.Core.Digests;
using Briefings.Core.Subscribers;

namespace Briefings.Core.Delivery;

/// <summary>Builds a day's <see cref="DeliveryDayReport"/>: every ledger entry, and every subscriber without one and why.</summary>
public sealed class DeliveryReports(DeliveryLedger ledger, SubscriberStore subscribers, DigestStore digests, EmailOptions options)
{
    public async Task<DeliveryDayReport> BuildAsync(DateOnly date, CancellationToken cancellationToken = default)
    {
        var people = new Dictionary<string, SubscriberRecord>(StringComparer.Ordinal);
        await foreach (var record in subscribers.ListAsync(cancellationToken))
        {
            people[record.Id] = record;
        }

        var digest = await digests.GetAsync(date, cancellationToken);
        var empty = digest is { Digest.Stories.Count: 0 };
        var lines = new List<DeliveryReportLine>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var entry in ledger.ListAsync(date, cancellationToken))
        {
            seen.Add(entry.SubscriberId);
            var person = people.GetValueOrDefault(entry.SubscriberId);
            lines.Add(new DeliveryReportLine(entry.SubscriberId, person?.Email, Outcome(entry.State), Reason(entry, person), entry.Attempts, entry.UpdatedAt));
        }

        foreach (var person in people.Values.Where(p => !seen.Contains(p.Id)))
        {
            var (outcome, reason) = person.State switch
            {
                SubscriberState.Confirmed when empty => (DeliveryOutcome.Skipped, DeliveryHandler.EmptyDay),
                SubscriberState.Confirmed => (DeliveryOutcome.NotSent, "confirmed; no send has reached this subscriber for the day"),
                SubscriberState.Pending => (DeliveryOutcome.Skipped, "waiting for confirmation"),
                SubscriberState.Unsubscribed => (DeliveryOutcome.Skipped, "unsubscribed" + (person.Reason is null ? "" : $" ({person.Reason})")),
                _ => (DeliveryOutcome.Skipped, "suppressed" + (person.Reason is null ? "" : $": {person.Reason}")),
            };
            lines.Add(new DeliveryReportLine(person.Id, person.Email, outcome, reason, 0, null));
        }

        lines.Sort((a, b) => a.Outcome != b.Outcome ? a.Outcome.CompareTo(b.Outcome) : string.CompareOrdinal(a.Email ?? a.SubscriberId, b.Email ?? b.SubscriberId));
        int Count(DeliveryOutcome outcome) => lines.Count(l => l.Outcome == outcome);
        return new DeliveryDayReport(
            date,
            digest is not null,
            Count(DeliveryOutcome.Sent),
            Count(DeliveryOutcome.Failed),
            Count(DeliveryOutcome.InProgress),
            Count(DeliveryOutcome.NotSent),
            Count(DeliveryOutcome.Skipped),
            lines);
    }

    private static DeliveryOutcome Outcome(DeliveryState state) => state switch
    {
        DeliveryState.Sent => DeliveryOutcome.Sent,
        DeliveryState.Failed => DeliveryOutcome.Failed,
        _ => DeliveryOutcome.InProgress,
    };

    private string? Reason(DeliveryRecord entry, SubscriberRecord? person) => entry.State switch
    {
        DeliveryState.Sent => null,
        DeliveryState.Pending => $"claimed {entry.UpdatedAt:u}; another run takes it over after {options.PendingLease} if its sender died",
        _ when person?.State == SubscriberState.Suppressed => $"{entry.Error} (the address is suppressed)",
        _ when entry.Attempts < options.MaxAttempts => $"{entry.Error} (attempt {entry.Attempts} of {options.MaxAttempts}; the next run tries again)",
        _ => $"{entry.Error} (gave up after {entry.Attempts} attempts)",
    };
}
