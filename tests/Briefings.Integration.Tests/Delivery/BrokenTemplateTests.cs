using Briefings.Core.Delivery;
using Briefings.Core.Subscribers;
using Briefings.Integration.Tests.Infrastructure;

namespace Briefings.Integration.Tests.Delivery;

/// <summary>An email template that cannot render stops the send before anyone is claimed, so mending it loses no one's attempts.</summary>
public sealed class BrokenTemplateTests : IDisposable
{
    private readonly string _data = Repository.TempFolder("broken-template-data");
    private readonly string _templates = Repository.TempFolder("broken-templates");

    public void Dispose()
    {
        Directory.Delete(_data, recursive: true);
        Directory.Delete(_templates, recursive: true);
    }

    [Fact]
    public async Task ABrokenEmailTemplateStopsTheSendWithoutSpendingAttemptsAndTheMendedOneSendsToAll()
    {
        Repository.CopyFolder(Path.Combine(AppContext.BaseDirectory, "templates"), _templates);
        await File.WriteAllTextAsync(Path.Combine(_templates, "email.html.sbn"), "<p>{{ for story in digest.stories }}{{ story.headline }}</p>"); // a loop never closed
        string[] readers = ["ada@example.com", "bob@example.com", "cy@example.com"];
        DateOnly day;
        DeliveryReport stopped;
        await using (var broken = await MailRunner.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Briefings:Storage:DataPath"] = _data,
            ["Briefings:Templates:Path"] = _templates,
            ["Briefings:Email:MaxAttempts"] = "1", // one attempt a day: a spent one would be the day's last
        }))
        {
            day = (await Seeding.IngestSeedsAndBuildAsync(broken.Services, send: false)).Date;
            foreach (var reader in readers)
            {
                await broken.Get<SubscriptionService>().AddConfirmedAsync(reader, "operator");
            }

            stopped = await broken.Get<DeliveryHandler>().SendAsync(day);
            Assert.Equal(0, broken.Smtp.Count);
            var report = await broken.Get<DeliveryReports>().BuildAsync(day);
            Assert.Equal((0, 0, readers.Length), (report.Sent, report.Failed, report.NotSent)); // no one claimed, no one failed
        }

        await using var mended = await MailRunner.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Briefings:Storage:DataPath"] = _data,
            ["Briefings:Email:MaxAttempts"] = "1",
        });
        var sent = await mended.Get<DeliveryHandler>().SendAsync(day);

        Assert.StartsWith("The email could not be composed (", stopped.Stopped);
        Assert.EndsWith("no one was sent it, and no subscriber's attempts were spent.", stopped.Stopped);
        Assert.Equal((0, 0, 0), (stopped.Sent, stopped.Skipped, stopped.Failed));
        Assert.Equal(readers.Length, sent.Sent);
        Assert.Equal(readers, mended.Smtp.Messages().Select(m => m.To.Mailboxes.Single().Address).Order());
    }
}
