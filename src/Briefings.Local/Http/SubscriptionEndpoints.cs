using Briefings.Core.Delivery;
using Briefings.Core.Http;
using Briefings.Core.Subscribers;
using Briefings.Core.Subscribers.Tokens;

namespace Briefings.Local.Http;

public static class SubscriptionEndpoints
{
    /// <summary>Sign-up, confirm and unsubscribe: the handlers the Functions triggers call.</summary>
    public static IEndpointRouteBuilder MapSubscriptionsApi(this IEndpointRouteBuilder api)
    {
        // Kestrel faces the client directly here, so the connection's address is the client's.
        api.MapPost(SubscriptionsApi.Routes.Subscribe, (HttpRequest request, SubscriptionRateLimiter limiter, SubscriptionService subscriptions, SubscriptionPages pages, CancellationToken ct) =>
            SubscriptionsApi.SubscribeAsync(request, ClientAddress.Of(request, behindProxy: false), limiter, subscriptions, pages, ct));
        api.MapGet(SubscriptionsApi.Routes.Confirm, (string? token, SubscriptionTokens tokens, SubscriptionService subscriptions, SubscriptionPages pages, CancellationToken ct) =>
            SubscriptionsApi.ConfirmAsync(token, tokens, subscriptions, pages, ct));
        api.MapRead(SubscriptionsApi.Routes.Unsubscribe, (string? token, SubscriptionTokens tokens, SubscriptionPages pages, CancellationToken ct) =>
            SubscriptionsApi.ShowUnsubscribeAsync(token, tokens, pages, ct));
        api.MapPost(SubscriptionsApi.Routes.Unsubscribe, (HttpRequest request, string? token, SubscriptionTokens tokens, SubscriptionService subscriptions, SubscriptionPages pages, CancellationToken ct) =>
            SubscriptionsApi.UnsubscribeAsync(request, token, tokens, subscriptions, pages, ct));
        return api;
    }

    /// <summary>The day's delivery report, on an admin group (one that requires the admin key).</summary>
    public static IEndpointRouteBuilder MapDeliveriesApi(this IEndpointRouteBuilder admin)
    {
        admin.MapGet(DeliveriesApi.Routes.Day, (string date, DeliveryReports reports, CancellationToken ct) => DeliveriesApi.GetReportAsync(date, reports, ct));
        return admin;
    }
}
