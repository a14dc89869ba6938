using Briefings.Core.Delivery;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Briefings.Core.Subscribers;

public enum SubscribeOutcome
{
    ConfirmationSent,

    /// <summary>Pending, and a confirmation went out within the cooldown: nothing sent.</summary>
    ConfirmationThrottled,

    ConfirmationFailed,
    AlreadyConfirmed,
    Suppressed,
}

public enum ConfirmOutcome
{
    Confirmed,
    AlreadyConfirmed,

    /// <summary>Unsubscribed, suppressed or unknown since the link was sent: nothing changes.</summary>
    NotPending,
}

/// <summary>
/// Every change a subscriber goes through, each one an ETag-guarded update of its record:
/// sign-up (pending, with one confirmation email per cooldown), confirmation, unsubscribe,
/// suppression after a permanent bounce, and the operator's add and remove.
/// </summary>
public sealed partial class SubscriptionService(
    SubscriberStore store,
    ConfirmationEmail confirmation,
    IMailTransport transport,
    IOptions<SubscriptionOptions> options,
    TimeProvider clock,
    ILogger<SubscriptionService> logger)
{
    /// <summary>Signs up a normalised address. The caller answers the same whatever this returns.</summary>
    public async Task<SubscribeOutcome> SubscribeAsync(string email, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var cooldown = options.Value.ConfirmationCooldown;
        var change = await store.UpdateAsync(Subscriber.IdOf(email), current =>
        {
            var record = current switch
            {
                null => SubscriberRecord.New(email, SubscriberState.Pending, "subscribe", now),
                // A new sign-up: the cooldown guards a pending address against repeated sign-ups,
                // and this one asked again after leaving, so it is sent its confirmation.
                { State: SubscriberState.Unsubscribed } => current with { State = SubscriberState.Pending, ConfirmedAt = null, ConfirmationSentAt = null, Reason = null, Source = "subscribe", UpdatedAt = now },
                _ => current,
            };

            if (record.State != SubscriberState.Pending || (record.ConfirmationSentAt is { } sent && now - sent < cooldown))
            {
                return record;
            }

            // Claiming the confirmation in the same write means racing sign-ups send it once.
            return record with { ConfirmationSentAt = now, ConfirmationsSent = record.ConfirmationsSent + 1, UpdatedAt = now };
        }, cancellationToken);

        var after = change.After!;
        if (after.State != SubscriberState.Pending)
        {
            return after.State == SubscriberState.Suppressed ? SubscribeOutcome.Suppressed : SubscribeOutcome.AlreadyConfirmed;
        }

        if (after.ConfirmationsSent <= (change.Before?.ConfirmationsSent ?? 0))
        {
            return SubscribeOutcome.ConfirmationThrottled;
        }

        try
        {
            var message = await confirmation.ComposeAsync(after.ToSubscriber(), cancellationToken);
            await transport.SendAsync(message, new MailEnvelope(DateOnly.FromDateTime(now.UtcDateTime), after.Id, MailKind.Confirmation), cancellationToken);
            ConfirmationSent(logger, after.Id);
            return SubscribeOutcome.ConfirmationSent;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            ConfirmationFailed(logger, e, after.Id);
            // Give the claim back so that trying again soon sends it.
            await store.UpdateAsync(after.Id, c => c is not null && c.ConfirmationSentAt == now
                ? c with { ConfirmationSentAt = change.Before?.ConfirmationSentAt, ConfirmationsSent = c.ConfirmationsSent - 1 }
                : c, CancellationToken.None);
            return SubscribeOutcome.ConfirmationFailed;
        }
    }

    public async Task<ConfirmOutcome> ConfirmAsync(string subscriberId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var change = await store.UpdateAsync(subscriberId, c => c is { State: SubscriberState.Pending }
            ? c with { State = SubscriberState.Confirmed, ConfirmedAt = now, UpdatedAt = now }
            : c, cancellationToken);
        return change.After?.State != SubscriberState.Confirmed ? ConfirmOutcome.NotPending
            : change.Changed ? ConfirmOutcome.Confirmed
            : ConfirmOutcome.AlreadyConfirmed;
    }

    /// <summary>Unsubscribes at once; a suppressed subscriber stays suppressed. Returns whether anything changed.</summary>
    public async Task<bool> UnsubscribeAsync(string subscriberId, string reason, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var change = await store.UpdateAsync(subscriberId, c => c is { State: SubscriberState.Pending or SubscriberState.Confirmed }
            ? c with { State = SubscriberState.Unsubscribed, Reason = reason, UpdatedAt = now }
            : c, cancellationToken);
        if (change.Changed)
        {
            Unsubscribed(logger, subscriberId, reason);
        }

        return change.Changed;
    }

    /// <summary>The address was refused for good: send it nothing more.</summary>
    public async Task SuppressAsync(string subscriberId, string reason, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var change = await store.UpdateAsync(subscriberId, c => c is null || c.State == SubscriberState.Suppressed
            ? c
            : c with { State = SubscriberState.Suppressed, Reason = reason, UpdatedAt = now }, cancellationToken);
        if (change.Changed)
        {
            Suppressed(logger, subscriberId, reason);
        }
    }

    /// <summary>An operator's add: confirmed at once, whatever the address's state was.</summary>
    public async Task<SubscriberRecord> AddConfirmedAsync(string email, string source, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var change = await store.UpdateAsync(Subscriber.IdOf(email), c => c switch
        {
            null => SubscriberRecord.New(email, SubscriberState.Confirmed, source, now),
            { State: SubscriberState.Confirmed } => c,
            _ => c with { State = SubscriberState.Confirmed, ConfirmedAt = now, Reason = null, Source = source, UpdatedAt = now },
        }, cancellationToken);
        return change.After!;
    }

    /// <summary>An operator's remove: unsubscribed whatever the state was. Returns false when unknown.</summary>
    public async Task<bool> RemoveAsync(string subscriberId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var change = await store.UpdateAsync(subscriberId, c => c is null || c.State == SubscriberState.Unsubscribed
            ? c
            : c with { State = SubscriberState.Unsubscribed, Reason = "removed by an operator", UpdatedAt = now }, cancellationToken);
        return change.After is not null;
    }

    /// <summary>Adds configured addresses as confirmed unless the address is already known in any state.</summary>
    public async Task SeedAsync(IEnumerable<string> emails, string source, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        foreach (var text in emails)
        {
            if (!EmailAddresses.TryNormalize(text, out var email))
            {
                SeedSkipped(logger, text);
                continue;
            }

            await store.UpdateAsync(Subscriber.IdOf(email), c => c ?? SubscriberRecord.New(email, SubscriberState.Confirmed, source, now), cancellationToken);
        }
    }

    [LoggerMessage(5001, LogLevel.Information, "Sent a confirmation email to subscriber {SubscriberId}")]
    private static partial void ConfirmationSent(ILogger logger, string subscriberId);

    [LoggerMessage(5002, LogLevel.Warning, "Sending the confirmation email to subscriber {SubscriberId} failed")]
    private static partial void ConfirmationFailed(ILogger logger, Exception exception, string subscriberId);

    [LoggerMessage(5003, LogLevel.Information, "Subscriber {SubscriberId} unsubscribed: {Reason}")]
    private static partial void Unsubscribed(ILogger logger, string subscriberId, string reason);

    [LoggerMessage(5004, LogLevel.Warning, "Subscriber {SubscriberId} is suppressed: {Reason}")]
    private static partial void Suppressed(ILogger logger, string subscriberId, string reason);

    [LoggerMessage(5005, LogLevel.Warning, "The configured subscriber '{Address}' is not a valid address; skipped")]
    private static partial void SeedSkipped(ILogger logger, string address);
}
