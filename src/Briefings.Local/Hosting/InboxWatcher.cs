using System.Collections.Concurrent;
using Briefings.Core.Articles;
using Briefings.Core.Storage;

namespace Briefings.Local.Hosting;

/// <summary>
/// The runner's ingest trigger: polls the inbox (a container or a folder) and ingests every
/// blob whose name and ETag it has not seen handled, <see cref="IngestOptions.Concurrency"/> at a
/// time. Receipts make a restart harmless.
/// </summary>
public sealed partial class InboxWatcher(IBlobStore store, IngestHandler handler, IngestOptions options, ILogger<InboxWatcher> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, string> _handled = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _unlisted = new(StringComparer.Ordinal); // reported once each

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PollOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                PollFailed(logger, e);
            }

            await Task.Delay(options.PollInterval, stoppingToken);
        }
    }

    public async Task<int> PollOnceAsync(CancellationToken cancellationToken)
    {
        var waiting = new List<BlobEntry>();
        var listing = store is FileBlobStore folders
            ? folders.ListAsync(Containers.Inbox, "", ReportUnlisted, cancellationToken)
            : store.ListAsync(Containers.Inbox, "", cancellationToken);
        await foreach (var entry in listing)
        {
            if (!_handled.TryGetValue(entry.Name, out var etag) || etag != entry.ETag)
            {
                waiting.Add(entry);
            }
        }

        var handledNow = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(waiting, parallel, async (entry, token) =>
        {
            var outcome = await handler.IngestAsync(entry.Name, token);
            if (outcome.Status is not IngestStatus.Failed)
            {
                _handled[entry.Name] = entry.ETag;
                Interlocked.Increment(ref handledNow);
            }
        });

        return handledNow;
    }

    /// <summary>A file in the inbox folder no blob may be named as, logged once.</summary>
    private void ReportUnlisted(string name, string problem)
    {
        if (_unlisted.TryAdd(name, 0))
        {
            UnusableName(logger, name, problem);
        }
    }

    [LoggerMessage(4002, LogLevel.Warning, "The inbox file '{Name}' is not ingested: its name cannot be used ({Problem}). Rename it to ingest it.")]
    private static partial void UnusableName(ILogger logger, string name, string problem);

    [LoggerMessage(4001, LogLevel.Warning, "Polling the inbox failed; trying again shortly")]
    private static partial void PollFailed(ILogger logger, Exception exception);
}
