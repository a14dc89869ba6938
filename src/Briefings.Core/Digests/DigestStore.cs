using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
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
/// Reads for serving (<see cref="LatestDayAsync"/>, <see cref="GetJsonAsync"/>,
/// <see cref="GetRenderingAsync"/>) are answered from memory for up to <see cref="Freshness"/>
/// after they were last checked against the store; a save through this instance is seen at once,
/// a save by another process within that time.
/// </summary>
public sealed class DigestStore(IBlobStore store)
{
    private const string JsonName = "digest.json";

    /// <summary>How long a read for serving is taken as current without asking the store again.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(1);

    // Blobs kept for serving. The archive page reads its 30 days and the feed its 20, newest first,
    // so the cache holds those and a few renderings besides: with 16 places, every feed or archive
    // request on a store of more days than that read and parsed some of them again (the feed of a
    // year of 480-article days served 115 requests a second). Each kept day is its JSON and the
    // digest parsed from it (1 MB of JSON for the 40 stories kept from 10,000 articles); the runner
    // held 243 MiB serving the home page, the archive and the feed of a year of 480-article days.
    private const int MaxCached = 40;
    private readonly ConcurrentDictionary<string, Cached> _cache = new(StringComparer.Ordinal);
    private volatile ListedDays? _days;
    private int _saves; // days saved by this process, so a listing begun before a save is not kept

    /// <summary>The digest parsed from a cached JSON rendering, for as long as that rendering is kept.</summary>
    private static readonly ConditionalWeakTable<StoredRendering, Digest> Parsed = new();

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
        Interlocked.Increment(ref _saves);
        _days = null;
        foreach (var name in _cache.Keys.Where(k => k.StartsWith(day + "/", StringComparison.Ordinal)))
        {
            _cache.TryRemove(name, out _);
        }
    }

    /// <summary>
    /// A day's digest, read as <see cref="GetJsonAsync"/> reads its JSON and parsed once per version:
    /// every page request and every email of the day renders the same digest object, so the views
    /// made of its stories are made once too (<see cref="DigestView"/>). A digest is not changed
    /// once built; a day that has none is asked of the store every time.
    /// </summary>
    public async Task<StoredDigest?> GetAsync(DateOnly date, CancellationToken cancellationToken = default)
    {
        var json = await GetJsonAsync(date, cancellationToken);
        return json is null ? null : new StoredDigest(Parsed.GetValue(json, j => JsonSerializer.Deserialize(j.Content, BriefingsJsonContext.Default.Digest)!), json.Content, json.ETag);
    }

    /// <summary>A day's digest as its stored JSON bytes, for serving as they are.</summary>
    public Task<StoredRendering?> GetJsonAsync(DateOnly date, CancellationToken cancellationToken = default) =>
        GetCachedAsync($"{DayName(date)}/{JsonName}", "application/json; charset=utf-8", cancellationToken);

    public Task<StoredRendering?> GetRenderingAsync(DateOnly date, RenderFormat format, CancellationToken cancellationToken = default) =>
        GetCachedAsync($"{DayName(date)}/digest.{RenderFormats.Extension(format)}", RenderFormats.ContentType(format), cancellationToken);

    /// <summary>A blob for serving: from memory while fresh, else checked by its ETag and read again only when it changed.</summary>
    private async Task<StoredRendering?> GetCachedAsync(string name, string contentType, CancellationToken cancellationToken)
    {
        var now = Environment.TickCount64;
        if (_cache.TryGetValue(name, out var cached) && now - cached.CheckedAt < Freshness.TotalMilliseconds)
        {
            cached.Use(now);
            return cached.Rendering;
        }

        if (cached is not null && await store.GetInfoAsync(Containers.Digests, name, cancellationToken) is { } info && info.ETag == cached.Rendering.ETag)
        {
            cached.CheckedAt = now;
            cached.Use(now);
            return cached.Rendering;
        }

        var blob = await store.GetAsync(Containers.Digests, name, cancellationToken);
        if (blob is null)
        {
            _cache.TryRemove(name, out _);
            return null;
        }

        Evict(name);
        var rendering = new StoredRendering(blob.Content, contentType, blob.ETag);
        _cache[name] = new Cached(rendering, now);
        return rendering;
    }

    /// <summary>
    /// Makes room for <paramref name="name"/> in a full cache. An entry not asked for again since it
    /// was read goes first, the longest unused of them; only then the longest unused of the rest. An
    /// archive page or a feed reads many days once each, and so its days push out one another, not
    /// the latest day every reader asks for.
    /// </summary>
    private void Evict(string name)
    {
        while (_cache.Count >= MaxCached && !_cache.ContainsKey(name))
        {
            KeyValuePair<string, Cached>? victim = null;
            foreach (var entry in _cache)
            {
                if (victim is not { } chosen || entry.Value.EvictsBefore(chosen.Value))
                {
                    victim = entry;
                }
            }

            if (victim is not { } evicted)
            {
                return;
            }

            _cache.TryRemove(evicted);
        }
    }

    public async Task<bool> ExistsAsync(DateOnly date, CancellationToken cancellationToken = default) =>
        await store.GetInfoAsync(Containers.Digests, $"{DayName(date)}/{JsonName}", cancellationToken) is not null;

    /// <summary>
    /// Every day that has a digest, newest first; listed again at most once per
    /// <see cref="Freshness"/>, and at once after this process saves a day. Every page asks for it
    /// (its previous and next links), and listing a year of days is a walk over some 1,500 blob
    /// names: at every request, it held the home page to about 160 requests a second.
    /// </summary>
    public async Task<IReadOnlyList<DateOnly>> ListDaysAsync(CancellationToken cancellationToken = default)
    {
        var now = Environment.TickCount64;
        if (_days is { } listed && now - listed.CheckedAt < Freshness.TotalMilliseconds)
        {
            return listed.Days;
        }

        var saves = Volatile.Read(ref _saves);
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
        if (Volatile.Read(ref _saves) == saves)
        {
            _days = new ListedDays(days, now);
        }

        return days;
    }

    /// <summary>The newest day that has a digest (<see cref="ListDaysAsync"/>).</summary>
    public async Task<DateOnly?> LatestDayAsync(CancellationToken cancellationToken = default) =>
        await ListDaysAsync(cancellationToken) is [var newest, ..] ? newest : null;

    private sealed record ListedDays(IReadOnlyList<DateOnly> Days, long CheckedAt);

    /// <summary>A blob kept for serving: when it was last checked against the store, and last served.</summary>
    private sealed class Cached(StoredRendering rendering, long checkedAt)
    {
        private long _lastUsed = checkedAt;
        private bool _usedAgain;

        public StoredRendering Rendering { get; } = rendering;

        public long CheckedAt { get; set; } = checkedAt;

        /// <summary>Notes a request served from this entry (writing at most once a millisecond, as requests come by the thousand).</summary>
        public void Use(long now)
        {
            if (!_usedAgain)
            {
                _usedAgain = true;
            }

            if (Volatile.Read(ref _lastUsed) != now)
            {
                Volatile.Write(ref _lastUsed, now);
            }
        }

        public bool EvictsBefore(Cached other) =>
            _usedAgain != other._usedAgain ? !_usedAgain : Volatile.Read(ref _lastUsed) < Volatile.Read(ref other._lastUsed);
    }
}

/// <summary>A stored digest with its exact JSON bytes and ETag.</summary>
public sealed record StoredDigest(Digest Digest, byte[] Json, string ETag);

/// <summary>A stored rendering of a digest.</summary>
public sealed record StoredRendering(byte[] Content, string ContentType, string ETag);
