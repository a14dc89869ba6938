using MimeKit;

namespace Briefings.Core.Delivery;

/// <summary>Sends one composed message. Implementations keep connections for reuse.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, MailEnvelope envelope, CancellationToken cancellationToken = default);
}

/// <summary>Who and what a message is for, beyond its headers.</summary>
public sealed record MailEnvelope(DateOnly Date, string SubscriberId);

/// <summary>A send failed in a way that will not pass: the recipient was rejected permanently.</summary>
public sealed class PermanentDeliveryException(string message, Exception? inner = null) : Exception(message, inner);
