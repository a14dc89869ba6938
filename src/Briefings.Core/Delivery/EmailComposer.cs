using Briefings.Core.Digests;
using Briefings.Core.Rendering;
using MimeKit;

namespace Briefings.Core.Delivery;

/// <summary>Builds one subscriber's briefing email: HTML and plain-text alternatives, list headers, a stable Message-ID.</summary>
public sealed class EmailComposer(DigestRenderer renderer, EmailOptions options)
{
    public MimeMessage Compose(Digest digest, Subscriber subscriber)
    {
        var from = MailboxAddress.Parse(options.From);
        var links = renderer.DefaultLinks(digest.Date) with
        {
            Unsubscribe = $"mailto:{from.Address}?subject=unsubscribe%20{subscriber.Id}",
        };

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
        message.Headers.Add("List-Unsubscribe", $"<{links.Unsubscribe}>");
        message.Body = new BodyBuilder
        {
            HtmlBody = renderer.Render(digest, RenderFormat.Email, links),
            TextBody = renderer.Render(digest, RenderFormat.Text, links),
        }.ToMessageBody();
        return message;
    }

    /// <summary>The same for every attempt, so a resend after a crash is recognisably the same email.</summary>
    public static string MessageId(DateOnly date, Subscriber subscriber, string domain) =>
        $"briefing.{date:yyyyMMdd}.{subscriber.Id}@{(string.IsNullOrEmpty(domain) ? "briefings.localhost" : domain)}";

    private static string Subject(Digest digest)
    {
        var date = digest.Date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        return digest.Stories.Count == 0 ? $"Briefing for {date}" : $"Briefing for {date}: {digest.Stories[0].Headline}";
    }
}
