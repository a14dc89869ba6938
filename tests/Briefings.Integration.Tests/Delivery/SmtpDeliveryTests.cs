using Briefings.Core.Delivery;
using Briefings.Core.Digests;
using Briefings.Core.Subscribers;
using Briefings.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Briefings.Integration.Tests.Delivery;

/// <summary>Emails through a real SMTP server.</summary>
public sealed class SmtpDeliveryTests : IAsyncLifetime
{
    private SmtpSink _smtp = null!;
    private Runner _runner = null!;

    public async Task InitializeAsync()
    {
        _smtp = await SmtpSink.StartAsync();
        _runner = await Runner.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Briefings:Email:Smtp:Host"] = "127.0.0.1",
            ["Briefings:Email:Smtp:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Briefings:Email:Smtp:Security"] = "None",
            ["Briefings:Email:From"] = "Briefings <briefings@news.example>",
            ["Briefings:Email:ReplyTo"] = "editors@news.example",
            ["Briefings:Email:Subscribers:0"] = "ada@example.com",
            ["Briefings:Email:Subscribers:1"] = "Grace@Example.com",
            ["Briefings:Email:Subscribers:2"] = "reject-me@example.com",
        });
    }

    public async Task DisposeAsync()
    {
        await _runner.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task EachSubscriberGetsOneEmailWithHtmlAndTextParts()
    {
        var result = await Seeding.IngestSeedsAndBuildAsync(_runner.Services, send: true);

        Assert.Equal(2, result.Delivery!.Sent);
        Assert.Equal(1, result.Delivery.Failed);
        var messages = _smtp.Messages();
        Assert.Equal(["ada@example.com", "grace@example.com"], messages.Select(m => m.To.Mailboxes.Single().Address).Order());
        foreach (var message in messages)
        {
            var alternative = Assert.IsType<MultipartAlternative>(message.Body);
            Assert.Contains(alternative, p => p.ContentType.MimeType == "text/plain");
            Assert.Contains(alternative, p => p.ContentType.MimeType == "text/html");
            Assert.Contains("Borrell", message.HtmlBody);
            Assert.Contains("[1]", message.TextBody);
            Assert.Equal("briefings@news.example", message.From.Mailboxes.Single().Address);
            Assert.Equal("editors@news.example", message.ReplyTo.Mailboxes.Single().Address);
            Assert.Matches(@"^<http://localhost:5080/api/subscriptions/unsubscribe\?token=[A-Za-z0-9_-]+>, <mailto:editors@news\.example\?subject=unsubscribe%20[0-9a-f]{16}>$", message.Headers["List-Unsubscribe"]);
            Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
            Assert.Contains("daily.briefings.localhost", message.Headers["List-Id"]);
            Assert.StartsWith("briefing.", message.MessageId);
        }
    }

    [Fact]
    public async Task RunningTheJobAgainSendsNothingTwice()
    {
        var result = await Seeding.IngestSeedsAndBuildAsync(_runner.Services, send: true);
        var delivery = _runner.Services.GetRequiredService<DeliveryHandler>();
        var handler = _runner.Services.GetRequiredService<DigestHandler>();

        var again = await delivery.SendAsync(result.Date);
        var scheduled = await handler.RunScheduledAsync(DateTimeOffset.UtcNow.AddDays(1).Date.AddHours(6));

        Assert.Equal(0, again.Sent);
        Assert.Equal(0, scheduled.Delivery!.Sent);
        Assert.Equal(2, _smtp.Messages().Count);
    }

    [Fact]
    public async Task APermanentRejectionIsReportedAndRecordedInTheLedger()
    {
        var result = await Seeding.IngestSeedsAndBuildAsync(_runner.Services, send: true);
        var ledger = _runner.Services.GetRequiredService<DeliveryLedger>();

        var rejected = await ledger.GetAsync(result.Date, Subscriber.FromEmail("reject-me@example.com").Id, CancellationToken.None);
        var accepted = await ledger.GetAsync(result.Date, Subscriber.FromEmail("ada@example.com").Id, CancellationToken.None);

        Assert.Equal(DeliveryState.Failed, rejected!.State);
        Assert.Contains("550", rejected.Error);
        Assert.Equal(DeliveryState.Sent, accepted!.State);
        Assert.Single(result.Delivery!.Errors);
    }
}
