using Briefings.Core.Digests;
using Briefings.Core.Storage;
using Briefings.Core.Subscribers;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Briefings.Core.Delivery;

/// <summary>
/// Sends a day's digest to every confirmed subscriber, at most once each: a sender must claim
/// the ledger entry before sending, and a run that is repeated or resumed skips what was sent.
/// Up to <see cref="EmailOptions.MaxParallelism"/> messages are in flight at once. Cancelling a
/// run stops new sends; messages already being handed over finish and are recorded.
/// </summary>
public sealed class DeliveryHandler(
    DigestStore digests,
    ISubscriberDirectory subscribers,
    DeliveryLedger ledger,
    EmailComposer composer,
    SubscriptionLinks links,
    RetryingSender sender,
    SubscriptionService subscriptions,
    EmailOptions options,
    ILogger<DeliveryHandler> logger)
{
    /// <summary>Why nobody is sent the briefing of a day without stories.</summary>
    public const string EmptyDay = "the briefing has no stories, so no email is sent";

    public async Task<DeliveryReport> SendAsync(DateOnly date, CancellationToken cancellationToken = default)
    {
        var stored = await digests.GetAsync(date, cancellationToken);
        if (stored is null)
        {
            return new DeliveryReport(date, 0, 0, 0, [$"There is no digest for {date:yyyy-MM-dd}."]);
        }

        if (stored.Digest.Stories.Count == 0)
        {
            // A briefing that says there is no news is not worth an email in anyone's inbox.
            DeliveryLog.Withheld(logger, date);
            return new DeliveryReport(date, 0, 0, 0, []) { Withheld = EmptyDay };
        }

        if (CannotCompose(stored.Digest) is { } problem)
        {
            // A template that cannot render fails every subscriber alike: found once, before anyone
            // is claimed, it stops the run without spending a single subscriber's attempts.
            DeliveryLog.CannotCompose(logger, date, problem);
            return new DeliveryReport(date, 0, 0, 0, []) { Stopped = $"The email could not be composed ({problem}); no one was sent it, and no subscriber's attempts were spent." };
        }

        var tally = new DeliveryTally(date);
        var domain = EmailComposer.Domain(MailboxAddress.Parse(options.From));
        // A mail server that cannot be reached stops the run: every other subscriber would wait out
        // the same retries for the same answer, and spend one of the day's attempts on it.
        using var unreachable = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallelism, CancellationToken = unreachable.Token };
        try
        {
            await Parallel.ForEachAsync(subscribers.ConfirmedAsync(unreachable.Token), parallel,
                (subscriber, token) => new ValueTask(DeliverAsync(stored.Digest, subscriber, domain, tally, unreachable, token)));
            return tally.ToReport();
        }
        catch (OperationCanceledException) when (tally.Unreachable is { } error && !cancellationToken.IsCancellationRequested)
        {
            DeliveryLog.ServerUnreachable(logger, date, error);
            return tally.ToReport() with { Stopped = $"The mail server could not be reached ({error}); the subscribers not reached are sent to by the next run." };
        }
        finally
        {
            // Also when stopped: the log then says how far the run got.
            DeliveryLog.Report(logger, date, tally.SentCount, tally.SkippedCount, tally.FailedCount, unreachable.IsCancellationRequested);
        }
    }

    /// <summary>Why the day's email cannot be composed for anyone (its templates fail on it), or null.</summary>
    private string? CannotCompose(Digest digest)
    {
        try
        {
            composer.Compose(digest, Trial, TrialUnsubscribe);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return e.Message;
        }
    }

    private static readonly Subscriber Trial = Subscriber.FromEmail("trial@briefings.invalid");
    private const string TrialUnsubscribe = "https://briefings.invalid/api/subscriptions/unsubscribe?token=trial";

    private async Task DeliverAsync(Digest digest, Subscriber subscriber, string domain, DeliveryTally tally, CancellationTokenSource unreachable, CancellationToken stopping)
    {
        // A claim begun is finished: cut off mid-write it could exist unseen and hold the subscriber for a whole lease.
        stopping.ThrowIfCancellationRequested();
        var claim = await ledger.TryClaimAsync(digest.Date, subscriber, EmailComposer.MessageId(digest.Date, subscriber, domain), options.MaxAttempts, options.PendingLease, CancellationToken.None);
        if (claim is null)
        {
            tally.Skip();
            return;
        }

        MimeMessage message;
        try
        {
            message = composer.Compose(digest, subscriber, await links.UnsubscribeAsync(subscriber.Id, stopping));
        }
        catch (OperationCanceledException)
        {
            await CompleteAsync(claim, DeliveryState.Failed, "Interrupted before sending.");
            throw;
        }
        catch (Exception e)
        {
            // What cannot be built for this subscriber alone (the run's trial composition passed)
            // fails this subscriber, not the whole run.
            DeliveryLog.Failed(logger, subscriber.Id, digest.Date, 0, e.Message);
            await CompleteAsync(claim, DeliveryState.Failed, $"The email could not be composed: {e.Message}");
            tally.Fail(subscriber, e.Message, suppressed: false);
            return;
        }

        var outcome = await sender.SendAsync(message, new MailEnvelope(digest.Date, subscriber.Id), stopping);
        switch (outcome.Status)
        {
            case SendStatus.Sent:
                await CompleteAsync(claim, DeliveryState.Sent, null);
                tally.Sent(retried: outcome.Attempts > 1);
                break;

            case SendStatus.Interrupted:
                await CompleteAsync(claim, DeliveryState.Failed, outcome.Error is null ? "Interrupted before sending." : $"Interrupted while waiting to retry after: {outcome.Error}");
                stopping.ThrowIfCancellationRequested();
                break;

            default:
                var error = outcome.Error ?? "Sending failed.";
                DeliveryLog.Failed(logger, subscriber.Id, digest.Date, outcome.Attempts, error);
                await CompleteAsync(claim, DeliveryState.Failed, error);
                if (outcome.RecipientRejected)
                {
                    await subscriptions.SuppressAsync(subscriber.Id, error, CancellationToken.None);
                }

                tally.Fail(subscriber, error, suppressed: outcome.RecipientRejected);
                if (outcome.ServerUnreachable && tally.TripUnreachable(error))
                {
                    await unreachable.CancelAsync();
                }

                break;
        }
    }

    /// <summary>Records the result even when the run is being cancelled: what happened must be known.</summary>
    private async Task CompleteAsync(DeliveryLedger.Claim claim, DeliveryState state, string? error)
    {
        try
        {
            await ledger.CompleteAsync(claim, state, error, CancellationToken.None);
        }
        catch (BlobConditionFailedException)
        {
            DeliveryLog.LostClaim(logger, claim.Record.SubscriberId, claim.Record.Date);
        }
    }
}
