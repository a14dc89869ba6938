using Briefings.Core.Delivery;
using Briefings.Core.Tests.Subscribers;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;

namespace Briefings.Core.Tests.Delivery;

public sealed class RetryingSenderTests
{
    private static readonly MailEnvelope Envelope = new(new DateOnly(2026, 11, 22), "0123456789abcdef");
    private readonly RecordingTransport _transport = new();

    private RetryingSender Sender(int retries = 3) => new(_transport, new EmailOptions
    {
        Retries = retries,
        RetryDelay = TimeSpan.FromMilliseconds(1),
        MaxRetryDelay = TimeSpan.FromMilliseconds(5),
    }, TimeProvider.System, NullLogger<RetryingSender>.Instance);

    [Fact]
    public async Task TransientFailuresAreRetriedUntilTheMessageGoesThrough()
    {
        _transport.Failures.Enqueue(new TransientDeliveryException("451 4.3.0 Try again later"));
        _transport.Failures.Enqueue(new TransientDeliveryException("connection dropped"));

        var outcome = await Sender().SendAsync(new MimeMessage(), Envelope, CancellationToken.None);

        Assert.Equal(SendStatus.Sent, outcome.Status);
        Assert.Equal(3, outcome.Attempts);
        Assert.Single(_transport.Sent);
    }

    [Fact]
    public async Task TransientFailuresBeyondTheRetriesFailWithTheLastError()
    {
        for (var i = 0; i < 5; i++)
        {
            _transport.Failures.Enqueue(new TransientDeliveryException($"451 attempt {i + 1}"));
        }

        var outcome = await Sender(retries: 2).SendAsync(new MimeMessage(), Envelope, CancellationToken.None);

        Assert.Equal(SendStatus.Failed, outcome.Status);
        Assert.Equal(3, outcome.Attempts);
        Assert.Equal("451 attempt 3", outcome.Error);
    }

    [Fact]
    public async Task APermanentRefusalIsNotRetried()
    {
        _transport.Failures.Enqueue(new PermanentDeliveryException("550 5.1.1 No such user", recipientRejected: true));

        var outcome = await Sender().SendAsync(new MimeMessage(), Envelope, CancellationToken.None);

        Assert.Equal(SendStatus.Refused, outcome.Status);
        Assert.True(outcome.RecipientRejected);
        Assert.Equal(1, _transport.Calls);
    }

    [Fact]
    public async Task StoppingBetweenRetriesReportsTheMessageAsNotSent()
    {
        using var stop = new CancellationTokenSource();
        _transport.Failures.Enqueue(new TransientDeliveryException("451"));
        var sender = new RetryingSender(_transport, new EmailOptions { RetryDelay = TimeSpan.FromMinutes(5) }, TimeProvider.System, NullLogger<RetryingSender>.Instance);

        var sending = sender.SendAsync(new MimeMessage(), Envelope, stop.Token);
        await stop.CancelAsync();
        var outcome = await sending;

        Assert.Equal(SendStatus.Interrupted, outcome.Status);
        Assert.Empty(_transport.Sent);
    }

    [Fact]
    public void TheWaitDoublesWithEachRetryUpToTheCap()
    {
        var sender = new RetryingSender(_transport, new EmailOptions { RetryDelay = TimeSpan.FromSeconds(1), MaxRetryDelay = TimeSpan.FromSeconds(10) }, TimeProvider.System, NullLogger<RetryingSender>.Instance);

        Assert.InRange(sender.Backoff(1).TotalSeconds, 0.8, 1.2);
        Assert.InRange(sender.Backoff(2).TotalSeconds, 1.6, 2.4);
        Assert.InRange(sender.Backoff(3).TotalSeconds, 3.2, 4.8);
        Assert.InRange(sender.Backoff(9).TotalSeconds, 8, 12);
    }
}
