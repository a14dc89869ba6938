using Briefings.Core.Http;
using Briefings.Core.Subscribers;
using Briefings.Core.Subscribers.Tokens;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Briefings.Functions;

/// <summary>Sign-up with double opt-in and one-click unsubscribe: <c>/api/subscriptions…</c>.</summary>
public sealed class SubscriptionsHttp(
    SubscriptionRateLimiter limiter,
    SubscriptionService subscriptions,
    SubscriptionTokens tokens,
    SubscriptionPages pages)
{
    [Function(nameof(Subscribe))]
    public async Task<IResult> Subscribe(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = FunctionRoutes.Subscribe)] HttpRequest request,
        CancellationToken cancellationToken) =>
        // The Functions front end forwards the client's address in X-Forwarded-For.
        await SubscriptionsApi.SubscribeAsync(request, ClientAddress.Of(request, behindProxy: true), limiter, subscriptions, pages, cancellationToken);

    [Function(nameof(ConfirmSubscription))]
    public async Task<IResult> ConfirmSubscription(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FunctionRoutes.Confirm)] HttpRequest request,
        CancellationToken cancellationToken) =>
        await SubscriptionsApi.ConfirmAsync(request.Query["token"], tokens, subscriptions, pages, cancellationToken);

    /// <summary>GET shows the button and changes nothing; POST (RFC 8058 one-click, or the button) unsubscribes.</summary>
    [Function(nameof(Unsubscribe))]
    public async Task<IResult> Unsubscribe(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "post", Route = FunctionRoutes.Unsubscribe)] HttpRequest request,
        CancellationToken cancellationToken) =>
        HttpMethods.IsPost(request.Method)
            ? await SubscriptionsApi.UnsubscribeAsync(request, request.Query["token"], tokens, subscriptions, pages, cancellationToken)
            : await SubscriptionsApi.ShowUnsubscribeAsync(request.Query["token"], tokens, pages, cancellationToken);
}
