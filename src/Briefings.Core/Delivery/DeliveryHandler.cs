using Briefings.Core.Digests;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Briefings.Core.Delivery;

/// <summary>
/// Sends a day's digest to every confirmed subscriber, at most once each: a sender must claim
/// the ledger entry before sending, and a run that is repeated or resumed skips what was sent.
/// </summary>
public sealed class DeliveryHandler(
    DigestStore digests,
    ISubscriberDirectory subscribers,
    DeliveryLedger ledger,
    EmailComposer composer,
    IMailTransport transport,
    EmailOptions options,
    ILogger<DeliveryHandler> logger)
{
    public async Task<DeliveryReport> SendAsync(DateOnly date, CancellationToken cancellationToken = default)
    {
        var stored = await digests.GetAsync(date, cancellationToken);
        if (stored is null)
        {
            return new DeliveryReport(date, 0, 0, 0, [$"There is no digest for {date:yyyy-MM-dd}."]);
        }

        int sent = 0, skipped = 0, failed = 0;
        var errors = new List<string>();
        var domain = MailboxAddress.Parse(options.From).Domain;
        await foreach (var subscriber in subscribers.ConfirmedAsync(cancellationToken))
        {
            var claim = await ledger.TryClaimAsync(date, subscriber, EmailComposer.MessageId(date, subscriber, domain), options.MaxAttempts, options.PendingLease, cancellationToken);
            if (claim is null)
            {
                skipped++;
                continue;
            }

            try
            {
                var message = composer.Compose(stored.Digest, subscriber);
                await transport.SendAsync(message, new MailEnvelope(date, subscriber.Id), cancellationToken);
                await ledger.CompleteAsync(claim, DeliveryState.Sent, null, cancellationToken);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failed++;
                errors.Add($"{subscriber.Id}: {e.Message}");
                DeliveryLog.Failed(logger, e, subscriber.Id, date);
                await ledger.CompleteAsync(claim, DeliveryState.Failed, e.Message, cancellationToken);
            }
        }

        DeliveryLog.Report(logger, date, sent, skipped, failed);
        return new DeliveryReport(date, sent, skipped, failed, errors);
    }
}

internal static partial class DeliveryLog
{
    [LoggerMessage(3001, LogLevel.Warning, "Sending the {Date} briefing to subscriber {SubscriberId} failed")]
    public static partial void Failed(ILogger logger, Exception exception, string subscriberId, DateOnly date);

    [LoggerMessage(3002, LogLevel.Information, "Delivery for {Date}: {Sent} sent, {Skipped} skipped, {Failed} failed")]
    public static partial void Report(ILogger logger, DateOnly date, int sent, int skipped, int failed);
}
