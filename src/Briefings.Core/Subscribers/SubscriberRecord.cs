namespace Briefings.Core.Subscribers;

/// <summary>One subscriber as stored: <c>subscribers/{id}.json</c>, changed only with If-Match.</summary>
public sealed record SubscriberRecord
{
    public required string Id { get; init; }

    public required string Email { get; init; }

    public required SubscriberState State { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? ConfirmedAt { get; init; }

    /// <summary>When the last confirmation email went out; resends within the cooldown are dropped.</summary>
    public DateTimeOffset? ConfirmationSentAt { get; init; }

    public int ConfirmationsSent { get; init; }

    /// <summary>How the subscriber came: <c>subscribe</c>, <c>operator</c> or <c>configuration</c>.</summary>
    public string? Source { get; init; }

    /// <summary>Why the subscriber is unsubscribed or suppressed.</summary>
    public string? Reason { get; init; }

    public Subscriber ToSubscriber() => new(Id, Email);

    public static SubscriberRecord New(string email, SubscriberState state, string source, DateTimeOffset now) => new()
    {
        Id = Subscriber.IdOf(email),
        Email = email,
        State = state,
        CreatedAt = now,
        UpdatedAt = now,
        ConfirmedAt = state == SubscriberState.Confirmed ? now : null,
        Source = source,
    };
}
