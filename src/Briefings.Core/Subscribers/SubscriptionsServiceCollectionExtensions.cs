using Briefings.Core.Http;
using Briefings.Core.Rendering;
using Briefings.Core.Subscribers.Tokens;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Briefings.Core.Subscribers;

public static class SubscriptionsServiceCollectionExtensions
{
    /// <summary>The subscriber store, tokens, sign-up flow and its pages; part of <see cref="BriefingsServiceCollectionExtensions.AddBriefings"/>.</summary>
    public static IServiceCollection AddSubscriptions(this IServiceCollection services)
    {
        services.AddOptions<SubscriptionOptions>().BindConfiguration(BriefingsServiceCollectionExtensions.Sections[typeof(SubscriptionOptions)]).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton<SubscriberStore>();
        services.AddSingleton<ISubscriberDirectory, StoredSubscriberDirectory>();
        services.AddSingleton<SigningKeys>();
        services.AddSingleton<SubscriptionTokens>();
        services.AddSingleton<SubscriptionLinks>();
        services.AddSingleton<TemplateRenderer>();
        services.AddSingleton<ConfirmationEmail>();
        services.AddSingleton<SubscriptionService>();
        services.AddSingleton<SubscriptionPages>();
        services.AddSingleton<SubscriptionRateLimiter>();
        return services;
    }
}
