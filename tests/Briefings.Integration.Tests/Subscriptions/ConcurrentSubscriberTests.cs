using System.Net;
using Briefings.Core.Subscribers;
using Briefings.Integration.Tests.Infrastructure;

namespace Briefings.Integration.Tests.Subscriptions;

/// <summary>Racing writers on one subscriber record, on each store: ETag conditions keep every change.</summary>
public abstract class ConcurrentSubscriberTests : IAsyncLifetime
{
    protected static readonly Dictionary<string, string?> Settings = new() { ["Briefings:Subscriptions:RateLimitPermits"] = "100" };

    protected MailRunner Mail { get; set; } = null!;

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();

    [Fact]
    public async Task ConcurrentUpdatesOfOneSubscriberLoseNothing()
    {
        var store = Mail.Get<SubscriberStore>();
        var id = Subscriber.IdOf("ada@example.com");
        await store.UpdateAsync(id, _ => SubscriberRecord.New("ada@example.com", SubscriberState.Pending, "test", DateTimeOffset.UtcNow));

        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() =>
            store.UpdateAsync(id, c => c! with { ConfirmationsSent = c.ConfirmationsSent + 1 }))));

        Assert.Equal(16, (await store.GetAsync(id))!.ConfirmationsSent);
    }

    [Fact]
    public async Task SimultaneousSignUpsForOneAddressSendOneConfirmation()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Mail.SubscribeAsync("ada@example.com")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        Assert.Single(Mail.Smtp.MessagesTo("ada@example.com"));
        Assert.Equal(1, (await Mail.Get<SubscriberStore>().GetAsync(Subscriber.IdOf("ada@example.com")))!.ConfirmationsSent);
    }
}

public sealed class ConcurrentSubscriberOnFolderStoreTests : ConcurrentSubscriberTests
{
    public override async Task InitializeAsync() => Mail = await MailRunner.StartAsync(settings: Settings);

    public override async Task DisposeAsync() => await Mail.DisposeAsync();
}

public sealed class ConcurrentSubscriberOnAzuriteTests : ConcurrentSubscriberTests
{
    private Azurite _azurite = null!;

    public override async Task InitializeAsync()
    {
        _azurite = await Azurite.StartAsync();
        Mail = await MailRunner.StartAsync(_azurite.ConnectionString, Settings);
    }

    public override async Task DisposeAsync()
    {
        await Mail.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}
