using Briefings.Core.Summaries.Model;

namespace Briefings.Core.Tests.Summaries.Model;

public sealed class RetryAdviceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private static Func<string, string?> Headers(params (string Name, string Value)[] headers) =>
        name => headers.FirstOrDefault(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    [Fact]
    public void RetryAfterInSecondsIsTheWait()
    {
        Assert.Equal(TimeSpan.FromSeconds(7), RetryAdvice.Requested(Headers(("Retry-After", "7")), Now));
    }

    [Fact]
    public void RetryAfterAsAnHttpDateIsTheTimeUntilThen()
    {
        Assert.Equal(TimeSpan.FromSeconds(90), RetryAdvice.Requested(Headers(("Retry-After", "Sat, 21 Nov 2026 12:01:30 GMT")), Now));
        Assert.Equal(TimeSpan.Zero, RetryAdvice.Requested(Headers(("Retry-After", "Sat, 21 Nov 2026 11:00:00 GMT")), Now));
    }

    [Fact]
    public void MillisecondHeadersWinOverRetryAfter()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(250), RetryAdvice.Requested(Headers(("retry-after-ms", "250"), ("Retry-After", "7")), Now));
        Assert.Equal(TimeSpan.FromMilliseconds(1500), RetryAdvice.Requested(Headers(("x-ms-retry-after-ms", "1500")), Now));
    }

    [Fact]
    public void NoOrUnreadableHeaderAsksForNothing()
    {
        Assert.Null(RetryAdvice.Requested(Headers(), Now));
        Assert.Null(RetryAdvice.Requested(Headers(("Retry-After", "soon")), Now));
    }

    [Fact]
    public void BackoffDoublesWithJitterAndStopsAtTheCap()
    {
        var first = TimeSpan.FromSeconds(1);
        var max = TimeSpan.FromSeconds(10);

        Assert.Equal(TimeSpan.FromSeconds(1), RetryAdvice.Backoff(0, first, max, 0.5));
        Assert.Equal(TimeSpan.FromSeconds(4), RetryAdvice.Backoff(2, first, max, 0.5));
        Assert.Equal(TimeSpan.FromSeconds(3.2), RetryAdvice.Backoff(2, first, max, 0));
        Assert.Equal(max, RetryAdvice.Backoff(5, first, max, 0.5));
    }

    [Theory]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(503, true)]
    [InlineData(408, true)]
    [InlineData(0, true)]
    [InlineData(400, false)]
    [InlineData(401, false)]
    [InlineData(404, false)]
    public void ThrottlingServerErrorsAndLostConnectionsAreWorthRetrying(int status, bool transient)
    {
        Assert.Equal(transient, RetryAdvice.IsTransient(status));
    }
}
