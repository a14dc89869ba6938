namespace Briefings.Core.Subscribers;

/// <summary>Who receives the briefing: confirmed subscribers only.</summary>
public interface ISubscriberDirectory
{
    IAsyncEnumerable<Subscriber> ConfirmedAsync(CancellationToken cancellationToken = default);
}
