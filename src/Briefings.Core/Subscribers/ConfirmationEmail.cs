using System.Globalization;
using Briefings.Core.Delivery;
using Briefings.Core.Rendering;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Briefings.Core.Subscribers;

/// <summary>The one email a pending address ever receives: a link to confirm, from the templates.</summary>
public sealed class ConfirmationEmail(TemplateRenderer renderer, SubscriptionLinks links, EmailOptions options, IOptions<SubscriptionOptions> subscriptions, TimeProvider clock)
{
    public const string HtmlTemplate = "subscriptions/confirm-email.html.sbn";
    public const string TextTemplate = "subscriptions/confirm-email.txt.sbn";

    public async Task<MimeMessage> ComposeAsync(Subscriber subscriber, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var model = new
        {
            confirmation = new
            {
                url = await links.ConfirmAsync(subscriber.Id, cancellationToken),
                email = subscriber.Email,
                valid_for = Describe(subscriptions.Value.ConfirmTokenLifetime),
            },
        };

        var from = MailboxAddress.Parse(options.From);
        var message = new MimeMessage();
        message.From.Add(from);
        if (!string.IsNullOrWhiteSpace(options.ReplyTo))
        {
            message.ReplyTo.Add(MailboxAddress.Parse(options.ReplyTo));
        }

        message.To.Add(MailboxAddress.Parse(subscriber.Email));
        message.Subject = "Confirm your subscription to Briefings";
        message.Date = now;
        message.MessageId = $"confirm.{subscriber.Id}.{now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}@{EmailComposer.Domain(from)}";
        // Transactional, sent by a machine: auto-responders should not answer it (RFC 3834).
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Body = new BodyBuilder
        {
            HtmlBody = renderer.Render(HtmlTemplate, model),
            TextBody = renderer.Render(TextTemplate, model),
        }.ToMessageBody();
        return message;
    }

    private static string Describe(TimeSpan lifetime) =>
        lifetime.TotalDays >= 1 && lifetime.TotalDays % 1 == 0 ? Plural((int)lifetime.TotalDays, "day")
        : lifetime.TotalHours >= 1 ? Plural((int)Math.Round(lifetime.TotalHours), "hour")
        : Plural(Math.Max(1, (int)Math.Round(lifetime.TotalMinutes)), "minute");

    private static string Plural(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n.ToString(CultureInfo.InvariantCulture)} {unit}s";
}
