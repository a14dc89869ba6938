using MimeKit;

namespace Briefings.Core.Delivery;

/// <summary>
/// The embedded default: each message becomes <c>{outbox}/{yyyy-MM-dd}/{subscriberId}.eml</c>
/// (a confirmation <c>{subscriberId}.confirmation.eml</c>).
/// </summary>
public sealed class OutboxMailTransport(string outbox) : IMailTransport
{
    public string Folder { get; } = Path.GetFullPath(outbox);

    public async Task SendAsync(MimeMessage message, MailEnvelope envelope, CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine(Folder, envelope.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        var suffix = envelope.Kind == MailKind.Briefing ? "" : "." + envelope.Kind.ToString().ToLowerInvariant();
        var path = Path.Combine(folder, envelope.SubscriberId + suffix + ".eml");
        var temp = path + ".tmp";
        await message.WriteToAsync(temp, cancellationToken);
        File.Move(temp, path, overwrite: true);
    }
}
