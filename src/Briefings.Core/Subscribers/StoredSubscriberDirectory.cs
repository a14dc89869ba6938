using System.Runtime.CompilerServices;
using Briefings.Core.Delivery;

namespace Briefings.Core.Subscribers;

/// <summary>
/// Confirmed subscribers from the store. Addresses in <c>Briefings:Email:Subscribers</c> are
/// added as confirmed the first time they are seen (for operators and the demo); after that the
/// stored state rules, so a configured address that unsubscribed stays unsubscribed.
/// </summary>
public sealed class StoredSubscriberDirectory(SubscriberStore store, SubscriptionService subscriptions, EmailOptions options) : ISubscriberDirectory
{
    public async IAsyncEnumerable<Subscriber> ConfirmedAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await SeedConfiguredAsync(cancellationToken);
        await foreach (var record in store.ListAsync(cancellationToken))
        {
            if (record.State == SubscriberState.Confirmed)
            {
                yield return record.ToSubscriber();
            }
        }
    }

    /// <summary>Adds the configured addresses the store does not know yet, as confirmed.</summary>
    public Task SeedConfiguredAsync(CancellationToken cancellationToken = default) =>
        subscriptions.SeedAsync(options.Subscribers.Where(e => !string.IsNullOrWhiteSpace(e)), "configuration", cancellationToken);
}
