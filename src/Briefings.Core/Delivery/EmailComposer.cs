using Briefings.Core.Digests;
using Briefings.Core.Rendering;
using Briefings.Core.Subscribers;
using System.Net;
using System.Security.Cryptography;
using MimeKit;

namespace Briefings.Core.Delivery;

/// <summary>
/// Builds one subscriber's briefing email: HTML and plain-text alternatives with a visible
/// unsubscribe link, the list headers mail providers require (List-Id, List-Unsubscribe with an
/// HTTPS and a mailto URI, List-Unsubscribe-Post for one-click, RFC 8058), a stable Message-ID,
/// and the marks of a message no person sent (Auto-Submitted, Precedence: bulk), so auto-replies
/// stay away.
/// </summary>
/// <remarks>
/// The two bodies are rendered once per digest with a placeholder where the unsubscribe link goes
/// (letters and digits only, so escaping leaves it whole), and each subscriber's link is put in
/// its place, escaped for HTML in the HTML body: the same bytes as rendering for each subscriber,
/// without rendering the digest thousands of times.
/// </remarks>
public sealed class EmailComposer(DigestRenderer renderer, EmailOptions options, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    private Bodies? _last;

    public MimeMessage Compose(Digest digest, Subscriber subscriber, string unsubscribeUrl)
    {
        var from = MailboxAddress.Parse(options.From);
        var replyTo = string.IsNullOrWhiteSpace(options.ReplyTo) ? null : MailboxAddress.Parse(options.ReplyTo);
        var bodies = BodiesOf(digest);

        var message = new MimeMessage();
        message.From.Add(from);
        if (replyTo is not null)
        {
            message.ReplyTo.Add(replyTo);
        }

        message.To.Add(MailboxAddress.Parse(subscriber.Email));
        message.Subject = Subject(digest);
        message.MessageId = MessageId(digest.Date, subscriber, Domain(from));
        message.Date = _time.GetUtcNow(); // when it is sent (RFC 5322 §3.6.1), not when the digest was built
        message.Headers.Add("Auto-Submitted", "auto-generated"); // RFC 3834: no out-of-office replies
        message.Headers.Add("Precedence", "bulk");
        var mailto = options.UnsubscribeMailto ?? replyTo?.Address ?? from.Address;
        message.Headers.Add("List-Id", $"Briefings <{options.ListId}>");
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribeUrl}>, <mailto:{mailto}?subject=unsubscribe%20{subscriber.Id}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.Body = new BodyBuilder
        {
            HtmlBody = bodies.Html.Replace(bodies.Placeholder, WebUtility.HtmlEncode(unsubscribeUrl), StringComparison.Ordinal),
            TextBody = bodies.Text.Replace(bodies.Placeholder, unsubscribeUrl, StringComparison.Ordinal),
        }.ToMessageBody();
        return message;
    }

    /// <summary>The digest's two bodies with the placeholder, rendered on first use and kept while the same digest is sent.</summary>
    private Bodies BodiesOf(Digest digest)
    {
        if (Volatile.Read(ref _last) is { } last && ReferenceEquals(last.Digest, digest))
        {
            return last;
        }

        var placeholder = "unsubscribe" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var links = renderer.DefaultLinks(digest.Date) with { Unsubscribe = placeholder };
        var bodies = new Bodies(digest, placeholder,
            renderer.Render(digest, RenderFormat.Email, links, options.CoverageLimit),
            renderer.Render(digest, RenderFormat.Text, links, options.CoverageLimit));
        Volatile.Write(ref _last, bodies);
        return bodies;
    }

    private sealed record Bodies(Digest Digest, string Placeholder, string Html, string Text);

    /// <summary>The same for every attempt, so a resend after a crash is recognisably the same email.</summary>
    public static string MessageId(DateOnly date, Subscriber subscriber, string domain) =>
        $"briefing.{date:yyyyMMdd}.{subscriber.Id}@{domain}";

    public static string Domain(MailboxAddress from) => string.IsNullOrEmpty(from.Domain) ? "briefings.localhost" : from.Domain;

    private static string Subject(Digest digest)
    {
        var date = digest.Date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        return digest.Stories.Count == 0 ? $"Briefing for {date}" : $"Briefing for {date}: {digest.Stories[0].Headline}";
    }
}
