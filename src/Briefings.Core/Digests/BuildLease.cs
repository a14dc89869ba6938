using Briefings.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Briefings.Core.Digests;

/// <summary>The stored lease on building one day: who holds it and until when.</summary>
public sealed record BuildLeaseRecord(DateOnly Date, string Owner, DateTimeOffset AcquiredAt, DateTimeOffset ExpiresAt, bool Released = false);

/// <summary>
/// A held build lease. It is renewed in the background (If-Match on the ETag it last wrote) while
/// the day is built, and released when disposed; a holder that dies stops renewing, so the lease
/// runs out and another runner may take the day over.
/// </summary>
public sealed class BuildLease : IAsyncDisposable
{
    private readonly IBlobStore _store;
    private readonly TimeSpan _duration;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewing;
    private BuildLeaseRecord _record;
    private string _etag;
    private bool _lost;

    internal BuildLease(IBlobStore store, BuildLeaseRecord record, string etag, TimeSpan duration, TimeProvider time, ILogger logger)
    {
        _store = store;
        _record = record;
        _etag = etag;
        _duration = duration;
        _time = time;
        _logger = logger;
        _renewing = RenewAsync();
    }

    public BuildLeaseRecord Record => _record;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _renewing;
        _stop.Dispose();
        if (_lost)
        {
            return;
        }

        // Released, not deleted: deleting is unconditional, and could remove a lease another runner took over.
        var released = _record with { ExpiresAt = _time.GetUtcNow(), Released = true };
        try
        {
            await _store.PutAsync(Containers.Digests, BuildLeases.Name(_record.Date), BuildLeases.Serialize(released),
                new BlobWrite { ContentType = "application/json", IfMatch = _etag }, CancellationToken.None);
        }
        catch (BlobConditionFailedException)
        {
            BuildLeaseLog.Lost(_logger, _record.Date, _record.Owner);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The day is saved; a lease not released just lapses, and a waiting runner finds the digest first.
            BuildLeaseLog.ReleaseFailed(_logger, _record.Date, e.Message);
        }
    }

    private async Task RenewAsync()
    {
        while (true)
        {
            try
            {
                await Task.Delay(_duration / 3, _time, _stop.Token);
                var renewed = _record with { ExpiresAt = _time.GetUtcNow() + _duration };
                _etag = await _store.PutAsync(Containers.Digests, BuildLeases.Name(_record.Date), BuildLeases.Serialize(renewed),
                    new BlobWrite { ContentType = "application/json", IfMatch = _etag }, _stop.Token);
                _record = renewed;
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (BlobConditionFailedException)
            {
                // Stalled past the lease and taken over: this build still finishes, so the day is written twice, whole each time.
                _lost = true;
                BuildLeaseLog.Lost(_logger, _record.Date, _record.Owner);
                return;
            }
            catch (Exception e)
            {
                // The store did not answer: tried again at the next turn, well before the lease runs out.
                BuildLeaseLog.RenewalFailed(_logger, _record.Date, e.Message);
            }
        }
    }
}
