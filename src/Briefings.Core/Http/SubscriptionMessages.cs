namespace Briefings.Core.Http;

/// <summary>The JSON body of <c>POST /api/subscriptions</c>.</summary>
public sealed record SubscriptionRequest(string? Email);

/// <summary>The answer to every accepted sign-up, the same whatever the address's state.</summary>
public sealed record SubscriptionAccepted(string Status, string Message)
{
    public static readonly SubscriptionAccepted Instance = new(
        "accepted",
        "If this address can receive email, a link to confirm the subscription is on its way. Nothing is sent to it until the link is followed.");
}
