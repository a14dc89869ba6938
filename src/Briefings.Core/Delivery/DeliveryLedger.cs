using System.Runtime.CompilerServices;
using System.Text.Json;
using Briefings.Core.Json;
using Briefings.Core.Storage;
using Briefings.Core.Subscribers;

namespace Briefings.Core.Delivery;

/// <summary>
/// One entry per (day, subscriber), created with If-None-Match: * so only one sender can claim
/// it, and moved on with If-Match so a slower sender cannot overwrite a newer state.
/// </summary>
public sealed class DeliveryLedger(IBlobStore store, TimeProvider clock)
{
    public static string Name(DateOnly date, string subscriberId) => $"{DigestsDay(date)}/{subscriberId}.json";

    /// <summary>Claims the right to send; returns the claim's ETag, or null when someone else holds or finished it.</summary>
    public async Task<Claim?> TryClaimAsync(DateOnly date, Subscriber subscriber, string messageId, int maxAttempts, TimeSpan lease, CancellationToken cancellationToken)
    {
        var name = Name(date, subscriber.Id);
        var record = new DeliveryRecord(subscriber.Id, date, DeliveryState.Pending, messageId, 1, clock.GetUtcNow());
        try
        {
            var etag = await store.PutAsync(Containers.Deliveries, name, Serialize(record), BlobWrite.Create("application/json"), cancellationToken);
            return new Claim(record, etag);
        }
        catch (BlobConditionFailedException)
        {
        }

        var blob = await store.GetAsync(Containers.Deliveries, name, cancellationToken);
        if (blob is null)
        {
            return null;
        }

        var existing = JsonSerializer.Deserialize(blob.Content, BriefingsJsonContext.Default.DeliveryRecord)!;
        var takeOver = existing.State switch
        {
            DeliveryState.Failed => existing.Attempts < maxAttempts,
            DeliveryState.Pending => clock.GetUtcNow() - existing.UpdatedAt > lease && existing.Attempts < maxAttempts,
            _ => false,
        };

        if (!takeOver)
        {
            return null;
        }

        var retry = existing with { State = DeliveryState.Pending, Attempts = existing.Attempts + 1, UpdatedAt = clock.GetUtcNow(), Error = null };
        try
        {
            var etag = await store.PutAsync(Containers.Deliveries, name, Serialize(retry), new BlobWrite { ContentType = "application/json", IfMatch = blob.ETag }, cancellationToken);
            return new Claim(retry, etag);
        }
        catch (BlobConditionFailedException)
        {
            return null; // another sender took it over first
        }
    }

    public async Task<DeliveryRecord?> GetAsync(DateOnly date, string subscriberId, CancellationToken cancellationToken)
    {
        var blob = await store.GetAsync(Containers.Deliveries, Name(date, subscriberId), cancellationToken);
        return blob is null ? null : JsonSerializer.Deserialize(blob.Content, BriefingsJsonContext.Default.DeliveryRecord);
    }

    /// <summary>Every entry of one day, in subscriber-id order.</summary>
    public async IAsyncEnumerable<DeliveryRecord> ListAsync(DateOnly date, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var entry in store.ListAsync(Containers.Deliveries, DigestsDay(date) + "/", cancellationToken))
        {
            if (entry.Name.EndsWith(".json", StringComparison.Ordinal)
                && await store.GetAsync(Containers.Deliveries, entry.Name, cancellationToken) is { } blob)
            {
                yield return JsonSerializer.Deserialize(blob.Content, BriefingsJsonContext.Default.DeliveryRecord)!;
            }
        }
    }

    public Task CompleteAsync(Claim claim, DeliveryState state, string? error, CancellationToken cancellationToken)
    {
        var record = claim.Record with { State = state, UpdatedAt = clock.GetUtcNow(), Error = error };
        return store.PutAsync(Containers.Deliveries, Name(record.Date, record.SubscriberId), Serialize(record),
            new BlobWrite { ContentType = "application/json", IfMatch = claim.ETag }, cancellationToken);
    }

    private static byte[] Serialize(DeliveryRecord record) => JsonSerializer.SerializeToUtf8Bytes(record, BriefingsJsonContext.Default.DeliveryRecord);

    private static string DigestsDay(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A held claim: the record as written and the ETag that proves we wrote it.</summary>
    public sealed record Claim(DeliveryRecord Record, string ETag);
}
