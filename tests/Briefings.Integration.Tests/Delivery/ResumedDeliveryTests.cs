using Briefings.Core.Delivery;
using Briefings.Core.Subscribers;
using Briefings.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Briefings.Integration.Tests.Delivery;

/// <summary>A send stopped part-way and run again, on each store, counted at a real SMTP server.</summary>
public abstract class ResumedDeliveryTests : IAsyncLifetime
{
    private const int Subscribers = 20;

    protected MailRunner Mail { get; set; } = null!;

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();

    [Fact]
    public async Task AStoppedSendRunAgainDeliversEverySubscriberExactlyOnce()
    {
        var day = (await Seeding.IngestSeedsAndBuildAsync(Mail.Services, send: false)).Date;
        var addresses = Enumerable.Range(1, Subscribers).Select(i => $"reader{i:00}@example.com").ToList();
        foreach (var address in addresses)
        {
            await Mail.Get<SubscriptionService>().AddConfirmedAsync(address, "operator");
        }

        using var stop = new CancellationTokenSource();
        var stopping = StoppedAfter(5, stop);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stopping.SendAsync(day, stop.Token));
        var afterStop = Mail.Smtp.Count;
        var resumed = await Mail.Get<DeliveryHandler>().SendAsync(day);

        Assert.InRange(afterStop, 5, Subscribers - 1);
        Assert.Equal(Subscribers - afterStop, resumed.Sent);
        Assert.Equal(afterStop, resumed.Skipped);
        var received = Mail.Smtp.Messages().Select(m => m.To.Mailboxes.Single().Address).Order().ToList();
        Assert.Equal(addresses, received);
        var report = await Mail.Get<DeliveryReports>().BuildAsync(day);
        Assert.Equal(Subscribers, report.Sent);
        Assert.Equal(0, report.Failed + report.InProgress + report.NotSent);
    }

    [Fact]
    public async Task ASubscriberClaimedBySenderThatDiedIsSentOnceItsLeaseRunsOut()
    {
        var day = (await Seeding.IngestSeedsAndBuildAsync(Mail.Services, send: false)).Date;
        await Mail.Get<SubscriptionService>().AddConfirmedAsync("ada@example.com", "operator");
        var ada = Subscriber.FromEmail("ada@example.com");
        // A sender claimed Ada's entry and died before sending.
        Assert.NotNull(await Mail.Get<DeliveryLedger>().TryClaimAsync(day, ada, "dead@sender", 3, TimeSpan.FromSeconds(3), CancellationToken.None));

        var withinLease = await Mail.Get<DeliveryHandler>().SendAsync(day);
        var inProgress = await Mail.Get<DeliveryReports>().BuildAsync(day);
        await Task.Delay(TimeSpan.FromSeconds(3.5));
        var afterLease = await Mail.Get<DeliveryHandler>().SendAsync(day);

        Assert.Equal(1, withinLease.Skipped);
        Assert.Equal(1, inProgress.InProgress);
        Assert.Equal(1, afterLease.Sent);
        Assert.Single(Mail.Smtp.MessagesTo("ada@example.com"));
        Assert.Equal(DeliveryState.Sent, (await Mail.Get<DeliveryLedger>().GetAsync(day, ada.Id, CancellationToken.None))!.State);
    }

    /// <summary>The runner's own handler, whose transport (the real SMTP one) pulls the plug after <paramref name="count"/> messages.</summary>
    private DeliveryHandler StoppedAfter(int count, CancellationTokenSource stop)
    {
        var transport = new StopAfter(Mail.Get<IMailTransport>(), count, stop);
        var sender = new RetryingSender(transport, Mail.Get<EmailOptions>(), TimeProvider.System, Mail.Get<ILogger<RetryingSender>>());
        return ActivatorUtilities.CreateInstance<DeliveryHandler>(Mail.Services, sender);
    }

    private sealed class StopAfter(IMailTransport inner, int count, CancellationTokenSource stop) : IMailTransport
    {
        private int _sent;

        public async Task SendAsync(MimeMessage message, MailEnvelope envelope, CancellationToken cancellationToken = default)
        {
            await inner.SendAsync(message, envelope, cancellationToken);
            if (Interlocked.Increment(ref _sent) == count)
            {
                await stop.CancelAsync();
            }
        }
    }
}

public sealed class ResumedDeliveryOnFolderStoreTests : ResumedDeliveryTests
{
    public override async Task InitializeAsync() =>
        Mail = await MailRunner.StartAsync(settings: new Dictionary<string, string?> { ["Briefings:Email:MaxParallelism"] = "3", ["Briefings:Email:PendingLease"] = "00:00:03" });

    public override async Task DisposeAsync() => await Mail.DisposeAsync();
}

public sealed class ResumedDeliveryOnAzuriteTests : ResumedDeliveryTests
{
    private Azurite _azurite = null!;

    public override async Task InitializeAsync()
    {
        _azurite = await Azurite.StartAsync();
        Mail = await MailRunner.StartAsync(_azurite.ConnectionString, new Dictionary<string, string?> { ["Briefings:Email:MaxParallelism"] = "3", ["Briefings:Email:PendingLease"] = "00:00:03" });
    }

    public override async Task DisposeAsync()
    {
        await Mail.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}
