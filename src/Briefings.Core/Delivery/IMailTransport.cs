using MimeKit;

namespace Briefings.Core.Delivery;

/// <summary>
/// Sends one composed message. Failures that may pass on a retry are thrown as
/// <see cref="TransientDeliveryException"/>, refusals that will not as <see cref="PermanentDeliveryException"/>.
/// </summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, MailEnvelope envelope, CancellationToken cancellationToken = default);
}

public enum MailKind
{
    Briefing,
    Confirmation,
}

/// <summary>Who and what a message is for, beyond its headers.</summary>
public sealed record MailEnvelope(DateOnly Date, string SubscriberId, MailKind Kind = MailKind.Briefing);

/// <summary>A send failed in a way that will not pass; <see cref="RecipientRejected"/> when the server refused the address itself.</summary>
public sealed class PermanentDeliveryException(string message, bool recipientRejected = false, Exception? inner = null) : Exception(message, inner)
{
    public bool RecipientRejected { get; } = recipientRejected;
}

/// <summary>
/// A send failed in a way that may pass: a 4xx answer, a dropped connection, a timeout.
/// <see cref="ServerUnreachable"/> when no connection to the server could be made at all, which
/// says nothing about this message and the same about every other.
/// </summary>
public sealed class TransientDeliveryException(string message, Exception? inner = null, bool serverUnreachable = false) : Exception(message, inner)
{
    public bool ServerUnreachable { get; } = serverUnreachable;
}
