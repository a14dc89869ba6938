using Briefings.Core.Delivery;
using Briefings.Core.Subscribers;

namespace Briefings.Core.Tests.Subscribers;

public sealed class SubscriptionServiceTests : IDisposable
{
    private const string Ada = "ada@example.com";
    private readonly SubscriptionHarness _harness = new();

    private SubscriptionService Service => _harness.Get<SubscriptionService>();

    private SubscriberStore Store => _harness.Get<SubscriberStore>();

    private static string AdaId => Subscriber.IdOf(Ada);

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task SigningUpStoresAPendingSubscriberAndSendsOneConfirmation()
    {
        var outcome = await Service.SubscribeAsync(Ada);

        Assert.Equal(SubscribeOutcome.ConfirmationSent, outcome);
        var record = await Store.GetAsync(AdaId);
        Assert.Equal(SubscriberState.Pending, record!.State);
        var (message, envelope) = Assert.Single(_harness.Transport.Sent);
        Assert.Equal(MailKind.Confirmation, envelope.Kind);
        Assert.Equal(Ada, message.To.Mailboxes.Single().Address);
        Assert.Contains("https://briefings.example/api/subscriptions/confirm?token=", message.TextBody);
        Assert.Contains("https://briefings.example/api/subscriptions/confirm?token=", message.HtmlBody);
        Assert.Null(message.Headers["List-Unsubscribe"]);
    }

    [Fact]
    public async Task SigningUpAgainWithinTheCooldownSendsNothingMore()
    {
        await Service.SubscribeAsync(Ada);
        var again = await Service.SubscribeAsync(Ada);
        _harness.Clock.Advance(TimeSpan.FromMinutes(11));
        var later = await Service.SubscribeAsync(Ada);

        Assert.Equal(SubscribeOutcome.ConfirmationThrottled, again);
        Assert.Equal(SubscribeOutcome.ConfirmationSent, later);
        Assert.Equal(2, _harness.Transport.Sent.Count);
    }

    [Fact]
    public async Task ManySimultaneousSignUpsForOneAddressSendOneConfirmation()
    {
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => Service.SubscribeAsync(Ada))));

        Assert.Single(outcomes, o => o == SubscribeOutcome.ConfirmationSent);
        Assert.Single(_harness.Transport.Sent);
        Assert.Equal(1, (await Store.GetAsync(AdaId))!.ConfirmationsSent);
    }

    [Fact]
    public async Task AConfirmedOrSuppressedAddressGetsNoConfirmationEmail()
    {
        await Service.AddConfirmedAsync(Ada, "operator");
        await Service.AddConfirmedAsync("bounced@example.com", "operator");
        await Service.SuppressAsync(Subscriber.IdOf("bounced@example.com"), "550 no such user");

        Assert.Equal(SubscribeOutcome.AlreadyConfirmed, await Service.SubscribeAsync(Ada));
        Assert.Equal(SubscribeOutcome.Suppressed, await Service.SubscribeAsync("bounced@example.com"));
        Assert.Empty(_harness.Transport.Sent);
        Assert.Equal(SubscriberState.Suppressed, (await Store.GetAsync(Subscriber.IdOf("bounced@example.com")))!.State);
    }

    [Fact]
    public async Task ConfirmingMovesOnlyAPendingSubscriberToConfirmed()
    {
        await Service.SubscribeAsync(Ada);

        Assert.Equal(ConfirmOutcome.Confirmed, await Service.ConfirmAsync(AdaId));
        Assert.Equal(ConfirmOutcome.AlreadyConfirmed, await Service.ConfirmAsync(AdaId));
        await Service.UnsubscribeAsync(AdaId, "test");
        Assert.Equal(ConfirmOutcome.NotPending, await Service.ConfirmAsync(AdaId));
        Assert.Equal(ConfirmOutcome.NotPending, await Service.ConfirmAsync(Subscriber.IdOf("nobody@example.com")));
        Assert.Equal(SubscriberState.Unsubscribed, (await Store.GetAsync(AdaId))!.State);
        Assert.Null(await Store.GetAsync(Subscriber.IdOf("nobody@example.com")));
    }

    [Fact]
    public async Task AnUnsubscribedAddressThatSignsUpAgainIsPendingUntilItConfirmsAgain()
    {
        await Service.AddConfirmedAsync(Ada, "operator");
        await Service.UnsubscribeAsync(AdaId, "test");

        var outcome = await Service.SubscribeAsync(Ada);

        Assert.Equal(SubscribeOutcome.ConfirmationSent, outcome);
        Assert.Equal(SubscriberState.Pending, (await Store.GetAsync(AdaId))!.State);
    }

    [Fact]
    public async Task SigningUpAgainRightAfterUnsubscribingSendsANewConfirmation()
    {
        await Service.SubscribeAsync(Ada);
        await Service.ConfirmAsync(AdaId);
        _harness.Clock.Advance(TimeSpan.FromMinutes(2));
        await Service.UnsubscribeAsync(AdaId, "one-click unsubscribe");

        var outcome = await Service.SubscribeAsync(Ada);
        var again = await Service.SubscribeAsync(Ada);

        Assert.Equal(SubscribeOutcome.ConfirmationSent, outcome);
        Assert.Equal(SubscribeOutcome.ConfirmationThrottled, again); // the cooldown holds from the new sign-up on
        Assert.Equal(2, _harness.Transport.Sent.Count);
        Assert.Equal(SubscriberState.Pending, (await Store.GetAsync(AdaId))!.State);
    }

    [Fact]
    public async Task AConfirmationThatCouldNotBeSentCanBeAskedForAgainAtOnce()
    {
        _harness.Transport.Failures.Enqueue(new TransientDeliveryException("451 try later"));

        var first = await Service.SubscribeAsync(Ada);
        var second = await Service.SubscribeAsync(Ada);

        Assert.Equal(SubscribeOutcome.ConfirmationFailed, first);
        Assert.Equal(SubscribeOutcome.ConfirmationSent, second);
        Assert.Single(_harness.Transport.Sent);
    }

    [Fact]
    public async Task ConfiguredAddressesAreSeededConfirmedOnceAndAnUnsubscribeSticks()
    {
        await Service.SeedAsync([Ada, "not an address"], "configuration");
        await Service.UnsubscribeAsync(AdaId, "one-click unsubscribe");
        await Service.SeedAsync([Ada], "configuration");

        var record = await Store.GetAsync(AdaId);
        Assert.Equal(SubscriberState.Unsubscribed, record!.State);
        Assert.Equal("configuration", record.Source);
        Assert.Single(await Store.ListAsync().ToListAsync());
    }
}
