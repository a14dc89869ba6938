using System.Runtime.CompilerServices;
using System.Text.Json;
using Briefings.Core.Json;
using Briefings.Core.Storage;

namespace Briefings.Core.Subscribers;

/// <summary>What an update did: the record before and after (the same when nothing changed).</summary>
public sealed record SubscriberChange(SubscriberRecord? Before, SubscriberRecord? After)
{
    public bool Changed => !ReferenceEquals(Before, After);
}

/// <summary>
/// One blob per subscriber in <see cref="Containers.Subscribers"/>. Every change is a
/// read-modify-write that only lands if the blob is still the one read (If-Match, or
/// If-None-Match: * for a new one); a lost race reads again and reapplies the change.
/// </summary>
public sealed class SubscriberStore(IBlobStore store)
{
    private const int MaxAttempts = 64;

    public static string Name(string id) => $"{id}.json";

    public async Task<SubscriberRecord?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        (await ReadAsync(id, cancellationToken))?.Record;

    public async IAsyncEnumerable<SubscriberRecord> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var entry in store.ListAsync(Containers.Subscribers, "", cancellationToken))
        {
            if (!entry.Name.EndsWith(".json", StringComparison.Ordinal))
            {
                continue;
            }

            if (await ReadAsync(entry.Name[..^5], cancellationToken) is { } read)
            {
                yield return read.Record;
            }
        }
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the current record (null when there is none) and
    /// stores what it returns; returning the same instance means "no change". The function may
    /// run more than once when writers race, so it must only compute.
    /// </summary>
    public async Task<SubscriberChange> UpdateAsync(string id, Func<SubscriberRecord?, SubscriberRecord?> change, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await ReadAsync(id, cancellationToken);
            var next = change(current?.Record);
            if (next is null || ReferenceEquals(next, current?.Record))
            {
                return new SubscriberChange(current?.Record, current?.Record);
            }

            if (next.Id != id)
            {
                throw new InvalidOperationException($"A change to subscriber {id} returned subscriber {next.Id}.");
            }

            var write = current is null
                ? BlobWrite.Create("application/json")
                : new BlobWrite { ContentType = "application/json", IfMatch = current.Value.ETag };
            try
            {
                await store.PutAsync(Containers.Subscribers, Name(id), JsonSerializer.SerializeToUtf8Bytes(next, BriefingsJsonContext.Default.SubscriberRecord), write, cancellationToken);
                return new SubscriberChange(current?.Record, next);
            }
            catch (BlobConditionFailedException) when (attempt < MaxAttempts)
            {
                // Someone else changed it since we read it: read again and reapply.
                await Task.Delay(Random.Shared.Next(1, 5 + Math.Min(attempt, 20) * 5), cancellationToken);
            }
        }
    }

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        store.DeleteAsync(Containers.Subscribers, Name(id), cancellationToken);

    private async Task<(SubscriberRecord Record, string ETag)?> ReadAsync(string id, CancellationToken cancellationToken)
    {
        if (!Subscriber.IsId(id))
        {
            return null;
        }

        var blob = await store.GetAsync(Containers.Subscribers, Name(id), cancellationToken);
        return blob is null ? null : (JsonSerializer.Deserialize(blob.Content, BriefingsJsonContext.Default.SubscriberRecord)!, blob.ETag);
    }
}
