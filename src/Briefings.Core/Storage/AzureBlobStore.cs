using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Briefings.Core.Storage;

/// <summary>
/// Azure Blob Storage (or Azurite). Conditional writes map to If-None-Match: * and If-Match;
/// metadata values are percent-encoded because blob metadata only carries ASCII.
/// </summary>
public sealed class AzureBlobStore(BlobServiceClient service) : IBlobStore
{
    private readonly ConcurrentDictionary<string, Lazy<Task<BlobContainerClient>>> _containers = new();

    public BlobServiceClient Service => service;

    public async Task<StoredBlob?> GetAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        var blob = (await ContainerAsync(container, cancellationToken)).GetBlobClient(BlobNames.Validate(name));
        try
        {
            var result = await blob.DownloadContentAsync(cancellationToken);
            var details = result.Value.Details;
            return new StoredBlob(name, result.Value.Content.ToArray(), details.ETag.ToString("H"), details.ContentType, Decode(details.Metadata));
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<BlobEntry?> GetInfoAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        var blob = (await ContainerAsync(container, cancellationToken)).GetBlobClient(BlobNames.Validate(name));
        try
        {
            var props = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            return new BlobEntry(name, props.ETag.ToString("H"), props.ContentLength, props.LastModified);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<string> PutAsync(string container, string name, ReadOnlyMemory<byte> content, BlobWrite? write = null, CancellationToken cancellationToken = default)
    {
        write ??= new BlobWrite();
        var blob = (await ContainerAsync(container, cancellationToken)).GetBlobClient(BlobNames.Validate(name));
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = write.ContentType ?? "application/octet-stream" },
            Metadata = Encode(write.Metadata),
            Conditions = write.CreateOnly
                ? new BlobRequestConditions { IfNoneMatch = ETag.All }
                : write.IfMatch is null ? null : new BlobRequestConditions { IfMatch = new ETag(write.IfMatch) },
        };

        try
        {
            var response = await blob.UploadAsync(new BinaryData(content), options, cancellationToken);
            return response.Value.ETag.ToString("H");
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 || (write.IfMatch is not null && e.Status == 404))
        {
            throw new BlobConditionFailedException(container, name, e);
        }
    }

    public async IAsyncEnumerable<BlobEntry> ListAsync(string container, string prefix = "", [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var client = await ContainerAsync(container, cancellationToken);
        await foreach (var item in client.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken))
        {
            var props = item.Properties;
            yield return new BlobEntry(item.Name, props.ETag?.ToString("H") ?? "", props.ContentLength ?? 0, props.LastModified ?? DateTimeOffset.MinValue);
        }
    }

    public async Task<bool> DeleteAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        var blob = (await ContainerAsync(container, cancellationToken)).GetBlobClient(BlobNames.Validate(name));
        var response = await blob.DeleteIfExistsAsync(cancellationToken: cancellationToken);
        return response.Value;
    }

    private Task<BlobContainerClient> ContainerAsync(string container, CancellationToken cancellationToken)
    {
        var lazy = _containers.GetOrAdd(BlobNames.ValidateContainer(container), name => new Lazy<Task<BlobContainerClient>>(async () =>
        {
            var client = service.GetBlobContainerClient(name);
            await client.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
            return client;
        }));

        var task = lazy.Value;
        if (task.IsFaulted)
        {
            // A failed creation (storage down) must not be cached forever.
            _containers.TryRemove(new KeyValuePair<string, Lazy<Task<BlobContainerClient>>>(container, lazy));
        }

        return task.WaitAsync(cancellationToken);
    }

    private static Dictionary<string, string>? Encode(IReadOnlyDictionary<string, string>? metadata) =>
        metadata?.ToDictionary(p => p.Key, p => Uri.EscapeDataString(p.Value));

    private static Dictionary<string, string> Decode(IDictionary<string, string>? metadata)
    {
        var decoded = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>())
        {
            try
            {
                decoded[key] = Uri.UnescapeDataString(value);
            }
            catch (UriFormatException)
            {
                decoded[key] = value;
            }
        }

        return decoded;
    }
}
