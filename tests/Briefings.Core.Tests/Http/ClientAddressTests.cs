using Briefings.Core.Http;
using Microsoft.AspNetCore.Http;

namespace Briefings.Core.Tests.Http;

/// <summary>Which client the sign-up limit counts: behind the front end, the address it appended, never one the client wrote.</summary>
public sealed class ClientAddressTests
{
    [Theory]
    [InlineData("203.0.113.7:51234", "203.0.113.7")]
    [InlineData("[2001:db8::7]:51234", "2001:db8::7")]
    [InlineData("2001:db8::7", "2001:db8::7")]
    [InlineData("198.51.100.1, 203.0.113.7:51234", "203.0.113.7")] // the client's own header first, the front end's address last
    [InlineData("1.1.1.1, 2.2.2.2, 203.0.113.7", "203.0.113.7")]
    public void BehindTheFrontEndTheLastForwardedAddressIsTheClient(string forwarded, string client)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers["X-Forwarded-For"] = forwarded;
        context.Connection.RemoteIpAddress = System.Net.IPAddress.Parse("10.0.0.1");

        Assert.Equal(client, ClientAddress.Of(context.Request, behindProxy: true));
        Assert.Equal("10.0.0.1", ClientAddress.Of(context.Request, behindProxy: false)); // facing clients, the header is not trusted
    }

    [Fact]
    public void AClientThatWritesANewForwardedAddressEachTimeIsStillOneClient()
    {
        var seen = Enumerable.Range(1, 20).Select(i =>
        {
            var context = new DefaultHttpContext();
            context.Request.Headers["X-Forwarded-For"] = $"10.9.8.{i}, 203.0.113.7:4000{i % 10}";
            return ClientAddress.Of(context.Request, behindProxy: true);
        }).Distinct().ToList();

        Assert.Equal(["203.0.113.7"], seen);
    }
}
