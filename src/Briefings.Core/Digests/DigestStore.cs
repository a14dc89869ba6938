using System.Globalization;
using System.Text;
using System.Text.Json;
using Briefings.Core.Json;
using Briefings.Core.Rendering;
using Briefings.Core.Storage;

namespace Briefings.Core.Digests;

/// <summary>
/// Digests and their renderings: <c>digests/{yyyy-MM-dd}/digest.json</c>, <c>digest.html</c>,
/// <c>digest.txt</c>, <c>digest.md</c>. The renderings are written before the JSON, so a day is
/// only visible once all of it is there.
/// </summary>
public sealed class DigestStore(IBlobStore store)
{
    private const string JsonName = "digest.json";

    public static string DayName(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task SaveAsync(Digest digest, IReadOnlyDictionary<RenderFormat, string> renderings, CancellationToken cancellationToken = default)
    {
        var day = DayName(digest.Date);
        foreach (var (format, text) in renderings)
        {
            await store.PutAsync(Containers.Digests, $"{day}/digest.{RenderFormats.Extension(format)}", Encoding.UTF8.GetBytes(text),
                new BlobWrite { ContentType = RenderFormats.ContentType(format) }, cancellationToken);
        }

        await store.PutAsync(Containers.Digests, $"{day}/{JsonName}", JsonSerializer.SerializeToUtf8Bytes(digest, BriefingsJsonContext.Default.Digest),
            new BlobWrite { ContentType = "application/json" }, cancellationToken);
    }

    public async Task<StoredDigest?> GetAsync(DateOnly date, CancellationToken cancellationToken = default)
    {
        var blob = await store.GetAsync(Containers.Digests, $"{DayName(date)}/{JsonName}", cancellationToken);
        return blob is null ? null : new StoredDigest(JsonSerializer.Deserialize(blob.Content, BriefingsJsonContext.Default.Digest)!, blob.Content, blob.ETag);
    }

    public async Task<StoredRendering?> GetRenderingAsync(DateOnly date, RenderFormat format, CancellationToken cancellationToken = default)
    {
        var blob = await store.GetAsync(Containers.Digests, $"{DayName(date)}/digest.{RenderFormats.Extension(format)}", cancellationToken);
        return blob is null ? null : new StoredRendering(blob.Content, RenderFormats.ContentType(format), blob.ETag);
    }

    public async Task<bool> ExistsAsync(DateOnly date, CancellationToken cancellationToken = default) =>
        await store.GetInfoAsync(Containers.Digests, $"{DayName(date)}/{JsonName}", cancellationToken) is not null;

    /// <summary>Every day that has a digest, newest first.</summary>
    public async Task<List<DateOnly>> ListDaysAsync(CancellationToken cancellationToken = default)
    {
        var days = new List<DateOnly>();
        await foreach (var entry in store.ListAsync(Containers.Digests, "", cancellationToken))
        {
            if (entry.Name.EndsWith("/" + JsonName, StringComparison.Ordinal)
                && DateOnly.TryParseExact(entry.Name[..^(JsonName.Length + 1)], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                days.Add(day);
            }
        }

        days.Sort((a, b) => b.CompareTo(a));
        return days;
    }

    public async Task<DateOnly?> LatestDayAsync(CancellationToken cancellationToken = default)
    {
        var days = await ListDaysAsync(cancellationToken);
        return days.Count == 0 ? null : days[0];
    }
}

/// <summary>A stored digest with its exact JSON bytes and ETag.</summary>
public sealed record StoredDigest(Digest Digest, byte[] Json, string ETag);

/// <summary>A stored rendering of a digest.</summary>
public sealed record StoredRendering(byte[] Content, string ContentType, string ETag);
