using Briefings.Core.Delivery;
using Briefings.Core.Http;
using Briefings.Core.Subscribers;
using Briefings.Core.Subscribers.Tokens;

namespace Briefings.Local.Http;

public static class SubscriptionEndpoints
{
    private const string Json = "application/json";
    private const string Html = "text/html";

    /// <summary>Sign-up, confirm and unsubscribe: the handlers the Functions triggers call.</summary>
    public static IEndpointRouteBuilder MapSubscriptionsApi(this IEndpointRouteBuilder api)
    {
        // Kestrel faces the client directly here, so the connection's address is the client's.
        api.MapPost(SubscriptionsApi.Routes.Subscribe, (HttpRequest request, SubscriptionRateLimiter limiter, SubscriptionService subscriptions, SubscriptionPages pages, CancellationToken ct) =>
            SubscriptionsApi.SubscribeAsync(request, ClientAddress.Of(request, behindProxy: false), limiter, subscriptions, pages, ct))
            .WithSummary("Signs an address up: JSON {\"email\"} or a form with an email field. The same 202 whatever the address's state; a form gets an HTML page.")
            .Produces<SubscriptionAccepted>(StatusCodes.Status202Accepted, Json, Html)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet(SubscriptionsApi.Routes.Confirm, (string? token, SubscriptionTokens tokens, SubscriptionService subscriptions, SubscriptionPages pages, CancellationToken ct) =>
            SubscriptionsApi.ConfirmAsync(token, tokens, subscriptions, pages, ct))
            .WithSummary("Confirms a sign-up from the link in its email: an HTML page.")
            .Produces(StatusCodes.Status200OK, contentType: Html)
            .Produces(StatusCodes.Status400BadRequest, contentType: Html);
        api.MapRead(SubscriptionsApi.Routes.Unsubscribe, (string? token, SubscriptionTokens tokens, SubscriptionPages pages, CancellationToken ct) =>
            SubscriptionsApi.ShowUnsubscribeAsync(token, tokens, pages, ct))
            .WithSummary("The unsubscribe page: a button that posts back; opening it changes nothing.")
            .Produces(StatusCodes.Status200OK, contentType: Html)
            .Produces(StatusCodes.Status400BadRequest, contentType: Html);
        api.MapPost(SubscriptionsApi.Routes.Unsubscribe, (HttpRequest request, string? token, SubscriptionTokens tokens, SubscriptionService subscriptions, SubscriptionPages pages, CancellationToken ct) =>
            SubscriptionsApi.UnsubscribeAsync(request, token, tokens, subscriptions, pages, ct))
            .WithSummary("Unsubscribes at once: the page's button, or a mail provider's one-click POST (List-Unsubscribe=One-Click, RFC 8058).")
            .Produces(StatusCodes.Status200OK, contentType: Html)
            .Produces(StatusCodes.Status400BadRequest, contentType: Html);
        return api;
    }

    /// <summary>The day's delivery report, on an admin group (one that requires the admin key).</summary>
    public static IEndpointRouteBuilder MapDeliveriesApi(this IEndpointRouteBuilder admin)
    {
        admin.MapGet(DeliveriesApi.Routes.Day, (string date, DeliveryReports reports, CancellationToken ct) => DeliveriesApi.GetReportAsync(date, reports, ct))
            .WithSummary("A day's delivery report: each subscriber's outcome and why.")
            .Produces<DeliveryDayReport>(StatusCodes.Status200OK, Json)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return admin;
    }
}
