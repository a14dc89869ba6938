using Microsoft.Extensions.Logging;
using MimeKit;

namespace Briefings.Core.Delivery;

public enum SendStatus
{
    Sent,

    /// <summary>Transient failures outlasted the retries.</summary>
    Failed,

    /// <summary>Refused for good (5xx).</summary>
    Refused,

    /// <summary>Stopped before the message was handed over (or between retries): it was not sent.</summary>
    Interrupted,
}

/// <summary>What became of one message; <see cref="ServerUnreachable"/> when its last attempt could not reach the server.</summary>
public sealed record SendOutcome(SendStatus Status, int Attempts, string? Error = null, bool RecipientRejected = false, bool ServerUnreachable = false);

/// <summary>
/// Hands one message to the transport, retrying transient failures with exponential backoff and
/// jitter. Stopping (the run's token) is honoured only between attempts: a message being handed
/// over is finished, bounded by <see cref="EmailOptions.SendTimeout"/>, so a stopped run never
/// leaves an email whose fate it does not know.
/// </summary>
public sealed partial class RetryingSender(IMailTransport transport, EmailOptions options, TimeProvider clock, ILogger<RetryingSender> logger)
{
    public async Task<SendOutcome> SendAsync(MimeMessage message, MailEnvelope envelope, CancellationToken stopping)
    {
        string? lastError = null;
        for (var attempt = 1; ; attempt++)
        {
            if (stopping.IsCancellationRequested)
            {
                return new SendOutcome(SendStatus.Interrupted, attempt - 1, lastError);
            }

            using var timeout = new CancellationTokenSource(options.SendTimeout, clock);
            try
            {
                await transport.SendAsync(message, envelope, timeout.Token);
                return new SendOutcome(SendStatus.Sent, attempt);
            }
            catch (PermanentDeliveryException e)
            {
                return new SendOutcome(SendStatus.Refused, attempt, e.Message, e.RecipientRejected);
            }
            catch (Exception e) when (e is TransientDeliveryException || (e is OperationCanceledException && timeout.IsCancellationRequested))
            {
                lastError = e is TransientDeliveryException ? e.Message : $"No answer within {options.SendTimeout}.";
                if (attempt > options.Retries)
                {
                    return new SendOutcome(SendStatus.Failed, attempt, lastError, ServerUnreachable: e is TransientDeliveryException { ServerUnreachable: true });
                }

                var delay = Backoff(attempt);
                Retrying(logger, envelope.SubscriberId, attempt, delay, lastError);
                try
                {
                    await Task.Delay(delay, clock, stopping);
                }
                catch (OperationCanceledException)
                {
                    return new SendOutcome(SendStatus.Interrupted, attempt, lastError);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Not a delivery failure we know (a disk error in the outbox, a bug): do not retry blindly.
                return new SendOutcome(SendStatus.Failed, attempt, e.Message);
            }
        }
    }

    /// <summary>RetryDelay · 2^(attempt−1), capped, with ±20% jitter so parallel senders do not retry in step.</summary>
    internal TimeSpan Backoff(int attempt)
    {
        var exponential = options.RetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 20));
        var capped = Math.Min(exponential, options.MaxRetryDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.8 + (Random.Shared.NextDouble() * 0.4)));
    }

    [LoggerMessage(3010, LogLevel.Information, "Sending to subscriber {SubscriberId} failed on attempt {Attempt}; retrying in {Delay}: {Error}")]
    private static partial void Retrying(ILogger logger, string subscriberId, int attempt, TimeSpan delay, string error);
}
