using System.Globalization;

namespace Briefings.Core.Summaries.Model;

/// <summary>When a failed model call is worth repeating, and how long to wait first.</summary>
internal static class RetryAdvice
{
    /// <summary>Throttling, timeouts and server errors may pass; 0 means no response at all (the network).</summary>
    public static bool IsTransient(int status) => status is 0 or 408 or 429 or >= 500;

    /// <summary>
    /// The wait the service asks for: <c>retry-after-ms</c> or <c>x-ms-retry-after-ms</c> in
    /// milliseconds (Azure OpenAI sends these), else <c>Retry-After</c> in seconds or as an HTTP date.
    /// </summary>
    public static TimeSpan? Requested(Func<string, string?> header, DateTimeOffset now)
    {
        foreach (var name in (string[])["retry-after-ms", "x-ms-retry-after-ms"])
        {
            if (double.TryParse(header(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms >= 0)
            {
                return TimeSpan.FromMilliseconds(ms);
            }
        }

        var retryAfter = header("Retry-After")?.Trim();
        if (string.IsNullOrEmpty(retryAfter))
        {
            return null;
        }

        if (double.TryParse(retryAfter, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (DateTimeOffset.TryParseExact(retryAfter, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            return date > now ? date - now : TimeSpan.Zero;
        }

        return null;
    }

    /// <summary>Exponential backoff: <paramref name="first"/> doubled per retry, ±20% jitter, at most <paramref name="max"/>.</summary>
    /// <param name="retry">0 for the first retry.</param>
    /// <param name="first">The first retry's delay.</param>
    /// <param name="max">The cap.</param>
    /// <param name="jitter">A number in [0, 1).</param>
    public static TimeSpan Backoff(int retry, TimeSpan first, TimeSpan max, double jitter)
    {
        var delay = first * Math.Pow(2, Math.Min(retry, 16)) * (0.8 + (0.4 * jitter));
        return delay > max ? max : delay;
    }
}
