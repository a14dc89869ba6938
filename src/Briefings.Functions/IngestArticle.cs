using Azure.Storage.Blobs;
using Briefings.Core.Articles;
using Briefings.Core.Storage;
using Microsoft.Azure.Functions.Worker;

namespace Briefings.Functions;

/// <summary>Ingests each blob that lands in the inbox, as Event Grid reports it.</summary>
public sealed class IngestArticle(IngestHandler handler)
{
    /// <summary>
    /// The connection setting of the account that holds the inbox: a connection string locally,
    /// <c>BriefingsStorage__blobServiceUri</c>, <c>__queueServiceUri</c>, <c>__credential</c> and <c>__clientId</c> in Azure.
    /// </summary>
    public const string StorageConnection = "BriefingsStorage";

    [Function(nameof(IngestArticle))]
    public async Task Run(
        // The handler reads the blob itself, so only the name crosses over, never the content.
        [BlobTrigger($"{Containers.Inbox}/{{name}}", Source = BlobTriggerSource.EventGrid, Connection = StorageConnection)] BlobClient blob,
        CancellationToken cancellationToken)
    {
        var outcome = await handler.IngestAsync(blob.Name, cancellationToken);
        if (outcome.Status == IngestStatus.Failed)
        {
            // The host retries a failed invocation; the handler counts the attempts and poisons the blob at the limit.
            throw new InvalidOperationException($"Ingesting '{outcome.Name}' failed and will be retried: {outcome.Reason}");
        }
    }
}
