using Briefings.Core.Articles;
using Briefings.Core.Storage;

namespace Briefings.Local.Hosting;

/// <summary>
/// The runner's ingest trigger: polls the inbox (a container or a folder) and ingests every
/// blob whose name and ETag it has not seen handled. Receipts make a restart harmless.
/// </summary>
public sealed partial class InboxWatcher(IBlobStore store, IngestHandler handler, IngestOptions options, ILogger<InboxWatcher> logger) : BackgroundService
{
    private readonly Dictionary<string, string> _handled = new(StringComparer.Ordinal);

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
        var handledNow = 0;
        await foreach (var entry in store.ListAsync(Containers.Inbox, "", cancellationToken))
        {
            if (_handled.TryGetValue(entry.Name, out var etag) && etag == entry.ETag)
            {
                continue;
            }

            var outcome = await handler.IngestAsync(entry.Name, cancellationToken);
            if (outcome.Status is not IngestStatus.Failed)
            {
                _handled[entry.Name] = entry.ETag;
                handledNow++;
            }
        }

        return handledNow;
    }

    [LoggerMessage(4001, LogLevel.Warning, "Polling the inbox failed; trying again shortly")]
    private static partial void PollFailed(ILogger logger, Exception exception);
}
