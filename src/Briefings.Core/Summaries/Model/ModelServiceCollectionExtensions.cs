using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Azure.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Briefings.Core.Stories;
using OpenAI.Chat;

namespace Briefings.Core.Summaries.Model;

public static class ModelServiceCollectionExtensions
{
    /// <summary>
    /// The story writer: the model when <c>{section}:Endpoint</c> and <c>Deployment</c> are set,
    /// else the extractive stories as built; and the article embedder: the model when
    /// <c>EmbeddingDeployment</c> is set, else none (grouping reads the words alone).
    /// </summary>
    public static IServiceCollection AddStoryWriter(this IServiceCollection services, string section)
    {
        services.AddOptions<ModelOptions>().BindConfiguration(section)
            .ValidateDataAnnotations()
            .Validate(o => o.HasValidEndpoint, $"{section}:Endpoint must be an absolute http(s) URL.")
            .ValidateOnStart();
        services.AddSingleton<IStoryWriter>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ModelOptions>>();
            return options.Value.IsConfigured
                ? ActivatorUtilities.CreateInstance<ModelStoryWriter>(sp, CreateChatClient(options.Value))
                : new ExtractiveStoryWriter();
        });
        services.AddSingleton<IArticleEmbedder>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ModelOptions>>();
            return options.Value.IsEmbeddingConfigured
                ? ActivatorUtilities.CreateInstance<ModelEmbedder>(sp, CreateClient(options.Value).GetEmbeddingClient(options.Value.EmbeddingDeployment))
                : new NoEmbedder();
        });
        return services;
    }

    /// <summary>An Azure OpenAI chat client with its own retries off (<see cref="ModelCaller"/> retries) and a network timeout past ours.</summary>
    public static ChatClient CreateChatClient(ModelOptions options) => CreateClient(options).GetChatClient(options.Deployment);

    private static AzureOpenAIClient CreateClient(ModelOptions options)
    {
        var endpoint = new Uri(options.Endpoint!);
        var clientOptions = new AzureOpenAIClientOptions
        {
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = options.Timeout + TimeSpan.FromSeconds(5),
        };
        return string.IsNullOrWhiteSpace(options.ApiKey)
            ? new AzureOpenAIClient(endpoint, new DefaultAzureCredential(), clientOptions)
            : new AzureOpenAIClient(endpoint, new ApiKeyCredential(options.ApiKey), clientOptions);
    }
}
