using System.Net;
using Briefings.Integration.Tests.Infrastructure;

namespace Briefings.Integration.Tests.Subscriptions;

public sealed class RateLimitTests
{
    [Fact]
    public async Task SignUpsBeyondTheClientsWindowGet429WithRetryAfterAndAreNotHandled()
    {
        await using var mail = await MailRunner.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Briefings:Subscriptions:RateLimitPermits"] = "3",
            ["Briefings:Subscriptions:RateLimitWindow"] = "00:10:00",
        });

        var allowed = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            allowed.Add((await mail.SubscribeAsync($"reader{i}@example.com")).StatusCode);
        }

        var refused = await mail.SubscribeAsync("one-too-many@example.com");

        Assert.All(allowed, status => Assert.Equal(HttpStatusCode.Accepted, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 600);
        Assert.Null(await mail.StateOfAsync("one-too-many@example.com"));
        Assert.Empty(mail.Smtp.MessagesTo("one-too-many@example.com"));
    }
}
