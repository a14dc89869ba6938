using System.Net;
using Briefings.Core.Delivery;
using Briefings.Core.Digests;
using Briefings.Core.Subscribers;
using Briefings.Integration.Tests.Infrastructure;
using MimeKit;

namespace Briefings.Integration.Tests.Subscriptions;

/// <summary>The whole life of a subscriber, through the real HTTP pipeline, a real SMTP server and each store.</summary>
public abstract class SubscriptionCycleTests : IAsyncLifetime
{
    private const string Ada = "ada@example.com";
    private const string Bob = "bob@example.com";

    protected MailRunner Mail { get; set; } = null!;

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();

    [Fact]
    public async Task SubscribeConfirmReceiveOneClickUnsubscribeAndTheNextDayNothingArrives()
    {
        var today = (await Seeding.IngestSeedsAndBuildAsync(Mail.Services, send: false)).Date;
        await Mail.Get<SubscriptionService>().AddConfirmedAsync(Bob, "operator");

        // Sign up: 202, one confirmation email, and a pending subscriber who gets no briefing.
        var signUp = await Mail.SubscribeAsync(Ada);
        Assert.Equal(HttpStatusCode.Accepted, signUp.StatusCode);
        var confirmation = Assert.Single(Mail.Smtp.MessagesTo(Ada));
        Assert.Equal("Confirm your subscription to Briefings", confirmation.Subject);
        Assert.Equal(SubscriberState.Pending, await Mail.StateOfAsync(Ada));
        await Mail.Get<DeliveryHandler>().SendAsync(today);
        Assert.Single(Mail.Smtp.MessagesTo(Ada));
        Assert.Single(Mail.Smtp.MessagesTo(Bob));

        // Confirm through the link in the email.
        var confirmed = await Mail.Client.GetAsync(MailRunner.LinkIn(confirmation, "confirm"));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("You are subscribed", await confirmed.Content.ReadAsStringAsync());
        Assert.Equal(SubscriberState.Confirmed, await Mail.StateOfAsync(Ada));

        // The day's briefing now goes to Ada, once, with both parts and the list headers.
        var run = await Mail.Get<DeliveryHandler>().SendAsync(today);
        Assert.Equal(1, run.Sent);
        var briefing = Mail.Smtp.MessagesTo(Ada).Single(m => m.Subject?.StartsWith("Briefing for", StringComparison.Ordinal) == true);
        AssertIsAProperBriefing(briefing, today);

        // One-click unsubscribe exactly as a mail provider does it (RFC 8058): POST the header's URL.
        var oneClick = ListUnsubscribeHttps(briefing);
        var unsubscribed = await Mail.Client.PostAsync(oneClick, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, unsubscribed.StatusCode);
        Assert.Equal(SubscriberState.Unsubscribed, await Mail.StateOfAsync(Ada));

        // The next day's briefing goes to Bob and not to Ada.
        await Seeding.IngestLibraryOnAsync(Mail.Services, today.AddDays(1));
        var tomorrow = await Mail.Get<DigestHandler>().BuildAsync(today.AddDays(1), send: true);
        Assert.Equal(1, tomorrow.Delivery!.Sent);
        Assert.Equal(2, Mail.Smtp.MessagesTo(Ada).Count);
        Assert.Equal(2, Mail.Smtp.MessagesTo(Bob).Count);
        var report = await Mail.Get<DeliveryReports>().BuildAsync(today.AddDays(1));
        var line = Assert.Single(report.Subscribers, l => l.Email == Ada);
        Assert.Equal(DeliveryOutcome.Skipped, line.Outcome);
        Assert.Contains("unsubscribed", line.Reason);
    }

    private static void AssertIsAProperBriefing(MimeMessage briefing, DateOnly day)
    {
        var parts = Assert.IsType<MultipartAlternative>(briefing.Body);
        Assert.Contains(parts, p => p.ContentType.MimeType == "text/plain");
        Assert.Contains(parts, p => p.ContentType.MimeType == "text/html");
        Assert.Equal("briefings@news.example", briefing.From.Mailboxes.Single().Address);
        Assert.Equal("editors@news.example", briefing.ReplyTo.Mailboxes.Single().Address);
        Assert.Equal($"briefing.{day:yyyyMMdd}.{Subscriber.FromEmail(Ada).Id}@news.example", briefing.MessageId);
        Assert.Equal("Briefings <daily.briefings.localhost>", briefing.Headers["List-Id"]);
        Assert.Equal("List-Unsubscribe=One-Click", briefing.Headers["List-Unsubscribe-Post"]);
        Assert.Matches(@"^<https://briefings\.example/api/subscriptions/unsubscribe\?token=[A-Za-z0-9_-]+>, <mailto:editors@news\.example\?subject=unsubscribe%20[0-9a-f]{16}>$", briefing.Headers["List-Unsubscribe"]);
        var visible = MailRunner.PublicBaseUrl + MailRunner.LinkIn(briefing, "unsubscribe");
        Assert.Contains($"href=\"{visible}\"", briefing.HtmlBody);
        Assert.Equal(visible, MailRunner.PublicBaseUrl + ListUnsubscribeHttps(briefing));
    }

    /// <summary>The https URI of List-Unsubscribe, as a path on the runner.</summary>
    private static string ListUnsubscribeHttps(MimeMessage message)
    {
        var header = message.Headers["List-Unsubscribe"] ?? "";
        var uri = new Uri(header[1..header.IndexOf('>')]);
        Assert.Equal("https", uri.Scheme);
        return uri.PathAndQuery;
    }
}

public sealed class SubscriptionCycleOnFolderStoreTests : SubscriptionCycleTests
{
    public override async Task InitializeAsync() => Mail = await MailRunner.StartAsync();

    public override async Task DisposeAsync() => await Mail.DisposeAsync();
}

public sealed class SubscriptionCycleOnAzuriteTests : SubscriptionCycleTests
{
    private Azurite _azurite = null!;

    public override async Task InitializeAsync()
    {
        _azurite = await Azurite.StartAsync();
        Mail = await MailRunner.StartAsync(_azurite.ConnectionString);
    }

    public override async Task DisposeAsync()
    {
        await Mail.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}
