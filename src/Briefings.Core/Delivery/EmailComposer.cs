using Briefings.Core.Digests;
using Briefings.Core.Rendering;
using MimeKit;

namespace Briefings.Core.Delivery;

/// <summary>Builds one subscriber's briefing email: HTML and plain-text alternatives, list headers, a stable Message-ID.</summary>
public sealed class EmailComposer(DigestRenderer renderer, EmailOptions options)
{
    /// <summary>Stands for the subscriber id while a digest's email is rendered once for everyone; letters and digits, so escaping leaves it whole.</summary>
    private static readonly string Placeholder = "subscriber" + Guid.NewGuid().ToString("N");

    private volatile Rendered? _rendered;

    public MimeMessage Compose(Digest digest, Subscriber subscriber)
    {
        var from = MailboxAddress.Parse(options.From);
        var (html, text) = Render(digest, from);

        var message = new MimeMessage();
        message.From.Add(from);
        if (!string.IsNullOrWhiteSpace(options.ReplyTo))
        {
            message.ReplyTo.Add(MailboxAddress.Parse(options.ReplyTo));
        }

        message.To.Add(MailboxAddress.Parse(subscriber.Email));
        message.Subject = Subject(digest);
        message.MessageId = MessageId(digest.Date, subscriber, from.Domain);
        message.Date = digest.GeneratedAt;
        message.Headers.Add("List-Id", $"Briefings <{options.ListId}>");
        message.Headers.Add("List-Unsubscribe", $"<{Unsubscribe(from, subscriber.Id)}>");
        message.Body = new BodyBuilder
        {
            HtmlBody = html.Replace(Placeholder, subscriber.Id, StringComparison.Ordinal),
            TextBody = text.Replace(Placeholder, subscriber.Id, StringComparison.Ordinal),
        }.ToMessageBody();
        return message;
    }

    private static string Unsubscribe(MailboxAddress from, string subscriberId) => $"mailto:{from.Address}?subject=unsubscribe%20{subscriberId}";

    /// <summary>
    /// The email's HTML and text, rendered once per digest with a placeholder for the subscriber:
    /// the rest of the email is the same for every subscriber, and rendering is most of the cost of sending.
    /// </summary>
    private (string Html, string Text) Render(Digest digest, MailboxAddress from)
    {
        if (_rendered is { } rendered && ReferenceEquals(rendered.Digest, digest) && rendered.From == from.Address)
        {
            return (rendered.Html, rendered.Text);
        }

        var links = renderer.DefaultLinks(digest.Date) with { Unsubscribe = Unsubscribe(from, Placeholder) };
        var fresh = new Rendered(digest, from.Address, renderer.Render(digest, RenderFormat.Email, links), renderer.Render(digest, RenderFormat.Text, links));
        _rendered = fresh;
        return (fresh.Html, fresh.Text);
    }

    private sealed record Rendered(Digest Digest, string From, string Html, string Text);

    /// <summary>The same for every attempt, so a resend after a crash is recognisably the same email.</summary>
    public static string MessageId(DateOnly date, Subscriber subscriber, string domain) =>
        $"briefing.{date:yyyyMMdd}.{subscriber.Id}@{(string.IsNullOrEmpty(domain) ? "briefings.localhost" : domain)}";

    private static string Subject(Digest digest)
    {
        var date = digest.Date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        return digest.Stories.Count == 0 ? $"Briefing for {date}" : $"Briefing for {date}: {digest.Stories[0].Headline}";
    }
}
