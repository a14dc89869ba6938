using Azure.Identity;
using Azure.Storage.Blobs;
using Briefings.Core.Articles;
using Briefings.Core.Delivery;
using Briefings.Core.Digests;
using Briefings.Core.Http;
using Briefings.Core.Rendering;
using Briefings.Core.Storage;
using Briefings.Core.Stories;
using Briefings.Core.Summaries.Model;
using Briefings.Core.Subscribers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Briefings.Core;

public static class BriefingsServiceCollectionExtensions
{
    public const string Section = "Briefings";

    /// <summary>
    /// The configuration section each settings class is read from, so that what is wrong in one can
    /// be named as an operator writes it ("Briefings:Email:MaxParallelism").
    /// </summary>
    public static IReadOnlyDictionary<Type, string> Sections { get; } = new Dictionary<Type, string>
    {
        [typeof(StorageOptions)] = $"{Section}:Storage",
        [typeof(IngestOptions)] = $"{Section}:Ingest",
        [typeof(DigestOptions)] = $"{Section}:Digest",
        [typeof(TemplateOptions)] = $"{Section}:Templates",
        [typeof(EmailOptions)] = $"{Section}:Email",
        [typeof(Subscribers.SubscriptionOptions)] = $"{Section}:Subscriptions",
        [typeof(Summaries.Model.ModelOptions)] = $"{Section}:OpenAI",
    };

    /// <summary>Everything the handlers need, the same in the runner and the Functions app.</summary>
    public static IServiceCollection AddBriefings(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(Sections[typeof(StorageOptions)]);
        services.AddOptions<IngestOptions>().BindConfiguration(Sections[typeof(IngestOptions)]).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DigestOptions>().BindConfiguration(Sections[typeof(DigestOptions)]).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TemplateOptions>().BindConfiguration(Sections[typeof(TemplateOptions)]).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EmailOptions>().BindConfiguration(Sections[typeof(EmailOptions)]).ValidateDataAnnotations().ValidateOnStart();
        services.AddStoryWriter(Sections[typeof(Summaries.Model.ModelOptions)]);

        services.AddSingleton(sp => sp.GetRequiredService<IOptions<IngestOptions>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<TemplateOptions>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value);
        services.AddSingleton(TimeProvider.System);

        services.AddSingleton<IBlobStore>(sp => CreateStore(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton<DigestClock>();
        services.AddSingleton<ArticleReader>();
        services.AddSingleton<ArticleStore>();
        services.AddSingleton<IngestHandler>();
        services.AddSingleton<DigestStore>();
        services.AddSingleton<BuildLeases>();
        services.AddSingleton<DigestBuilder>(_ => new DigestBuilder());
        services.AddSingleton<TemplateLibrary>();
        services.AddSingleton<DigestRenderer>();
        services.AddSubscriptions();
        services.AddSingleton<DeliveryLedger>();
        services.AddSingleton<DeliveryReports>();
        services.AddSingleton<EmailComposer>();
        services.AddSingleton<RetryingSender>();
        services.AddSingleton<IMailTransport>(sp =>
        {
            var email = sp.GetRequiredService<EmailOptions>();
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return string.IsNullOrWhiteSpace(email.Smtp.Host)
                ? new OutboxMailTransport(email.OutboxPath ?? Path.Combine(storage.DataPath, "outbox"))
                : new SmtpMailTransport(email.Smtp, email.MaxParallelism);
        });
        services.AddSingleton<DeliveryHandler>();
        services.AddSingleton<EmbeddingStore>();
        services.AddSingleton<ModelAnswerStore>();
        services.AddSingleton<DigestHandler>();
        services.AddSingleton<DigestArchive>();
        services.AddSingleton<BriefingsApi>();
        services.AddSingleton<BriefingsPages>();
        services.AddSingleton<BriefingsFeed>();
        services.AddSingleton<BriefingsAdmin>();
        return services;
    }

    /// <summary>The store the settings name: Azure Blob Storage by connection string or identity, else a folder.</summary>
    public static IBlobStore CreateStore(StorageOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new AzureBlobStore(new BlobServiceClient(options.ConnectionString));
        }

        if (!string.IsNullOrWhiteSpace(options.BlobServiceUri))
        {
            return new AzureBlobStore(new BlobServiceClient(new Uri(options.BlobServiceUri), new DefaultAzureCredential()));
        }

        return new FileBlobStore(options.DataPath);
    }
}
