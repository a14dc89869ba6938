using Briefings.Core.Delivery;
using Microsoft.Extensions.Logging;

namespace Briefings.Core.Tests.Delivery;

/// <summary>A day in a log line is written yyyy-MM-dd, as everywhere else an operator reads one, not "11/24/2026".</summary>
public sealed class LogDatesTests
{
    [Fact]
    public void ADeliveryLogLineWritesItsDayAsTheArchiveDoes()
    {
        var logger = new Lines();

        DeliveryLog.ServerUnreachable(logger, new DateOnly(2026, 11, 24), "refused");
        DeliveryLog.Failed(logger, "0123456789abcdef", new DateOnly(2026, 2, 3), 4, "refused");

        Assert.Equal(
            ["Delivery for 2026-11-24 stopped: the mail server could not be reached (refused); the next run resumes",
             "Sending the 2026-02-03 briefing to subscriber 0123456789abcdef failed after 4 attempt(s): refused"],
            logger.Written);
    }

    private sealed class Lines : ILogger
    {
        public List<string> Written { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Written.Add(formatter(state, exception));
    }
}
