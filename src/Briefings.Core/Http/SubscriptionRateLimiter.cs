using System.Threading.RateLimiting;
using Briefings.Core.Subscribers;
using Microsoft.Extensions.Options;

namespace Briefings.Core.Http;

/// <summary>
/// A fixed window of sign-ups per client address. It lives in Core, not in ASP.NET Core's
/// rate-limiting middleware, because the Functions worker runs no ASP.NET Core middleware: this
/// way the runner and the Functions app limit in exactly the same way (per instance, in memory).
/// </summary>
public sealed class SubscriptionRateLimiter(IOptions<SubscriptionOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.RateLimitPermits,
            Window = options.Value.RateLimitWindow,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>Null when the client may go on; otherwise how long it should wait.</summary>
    public TimeSpan? TryAcquire(string client)
    {
        using var lease = _limiter.AttemptAcquire(client);
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : options.Value.RateLimitWindow;
    }

    public void Dispose() => _limiter.Dispose();
}
