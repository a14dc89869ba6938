using System.Text.Json;
using Briefings.Core.Json;
using Briefings.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Briefings.Core.Digests;

/// <summary>
/// Who builds a day: <c>digests/{day}/build-lease.json</c>, created with If-None-Match: * so only
/// one runner can hold it, and taken over with If-Match once it has run out or been released.
/// </summary>
public sealed class BuildLeases(IBlobStore store, IOptions<DigestOptions> options, TimeProvider time, ILogger<BuildLeases> logger)
{
    public static string Name(DateOnly day) => $"{DigestStore.DayName(day)}/build-lease.json";

    /// <summary>Takes the day's lease, or returns null while someone else holds it.</summary>
    public async Task<BuildLease?> TryAcquireAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        var duration = options.Value.BuildLease;
        var now = time.GetUtcNow();
        var record = new BuildLeaseRecord(day, $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}", now, now + duration);
        try
        {
            var etag = await store.PutAsync(Containers.Digests, Name(day), Serialize(record), BlobWrite.Create("application/json"), cancellationToken);
            return new BuildLease(store, record, etag, duration, time, logger);
        }
        catch (BlobConditionFailedException)
        {
        }

        var blob = await store.GetAsync(Containers.Digests, Name(day), cancellationToken);
        if (blob is null)
        {
            return null;
        }

        var existing = JsonSerializer.Deserialize(blob.Content, BriefingsJsonContext.Default.BuildLeaseRecord)!;
        if (existing.ExpiresAt > now && !existing.Released)
        {
            return null;
        }

        try
        {
            var etag = await store.PutAsync(Containers.Digests, Name(day), Serialize(record),
                new BlobWrite { ContentType = "application/json", IfMatch = blob.ETag }, cancellationToken);
            if (!existing.Released)
            {
                BuildLeaseLog.TookOver(logger, day, existing.Owner, existing.ExpiresAt);
            }

            return new BuildLease(store, record, etag, duration, time, logger);
        }
        catch (BlobConditionFailedException)
        {
            return null; // another runner took it first
        }
    }

    /// <summary>The day's lease as stored, or null when nobody has taken it.</summary>
    public async Task<BuildLeaseRecord?> GetAsync(DateOnly day, CancellationToken cancellationToken = default) =>
        await store.GetAsync(Containers.Digests, Name(day), cancellationToken) is { } blob
            ? JsonSerializer.Deserialize(blob.Content, BriefingsJsonContext.Default.BuildLeaseRecord)
            : null;

    internal static byte[] Serialize(BuildLeaseRecord record) => JsonSerializer.SerializeToUtf8Bytes(record, BriefingsJsonContext.Default.BuildLeaseRecord);
}

internal static partial class BuildLeaseLog
{
    [LoggerMessage(2010, LogLevel.Warning, "Took over the build of {Day:yyyy-MM-dd} from {Owner}, whose lease ran out at {ExpiresAt:o}")]
    public static partial void TookOver(ILogger logger, DateOnly day, string owner, DateTimeOffset expiresAt);

    [LoggerMessage(2011, LogLevel.Warning, "The build lease on {Day:yyyy-MM-dd} held by {Owner} was taken over by another runner before it was released")]
    public static partial void Lost(ILogger logger, DateOnly day, string owner);

    [LoggerMessage(2012, LogLevel.Warning, "Renewing the build lease on {Day:yyyy-MM-dd} failed: {Error}")]
    public static partial void RenewalFailed(ILogger logger, DateOnly day, string error);

    [LoggerMessage(2013, LogLevel.Warning, "Releasing the build lease on {Day:yyyy-MM-dd} failed; it will lapse: {Error}")]
    public static partial void ReleaseFailed(ILogger logger, DateOnly day, string error);
}
