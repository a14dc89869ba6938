using Briefings.Core.Http;
using Briefings.Core.Rendering;
using Briefings.Core.Subscribers.Tokens;

namespace Briefings.Core.Subscribers;

/// <summary>The public confirm and unsubscribe URLs, under <c>Briefings:Templates:PublicBaseUrl</c>.</summary>
public sealed class SubscriptionLinks(SubscriptionTokens tokens, TemplateOptions options)
{
    public async Task<string> ConfirmAsync(string subscriberId, CancellationToken cancellationToken = default) =>
        Url(SubscriptionsApi.Routes.Confirm, await tokens.IssueAsync(subscriberId, SubscriptionAction.Confirm, cancellationToken));

    public async Task<string> UnsubscribeAsync(string subscriberId, CancellationToken cancellationToken = default) =>
        Url(SubscriptionsApi.Routes.Unsubscribe, await tokens.IssueAsync(subscriberId, SubscriptionAction.Unsubscribe, cancellationToken));

    private string Url(string route, string token) => $"{options.PublicBaseUrl.TrimEnd('/')}/api/{route}?token={token}";
}
