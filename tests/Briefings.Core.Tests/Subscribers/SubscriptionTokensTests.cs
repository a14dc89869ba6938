using System.Buffers.Text;
using System.Text;
using Briefings.Core.Subscribers;
using Briefings.Core.Subscribers.Tokens;

namespace Briefings.Core.Tests.Subscribers;

public sealed class SubscriptionTokensTests
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("a signing key of at least 32 characters");
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 6, 0, 0, TimeSpan.Zero);
    private static readonly string Id = Subscriber.FromEmail("ada@example.com").Id;

    private static string Token(SubscriptionAction action = SubscriptionAction.Confirm, DateTimeOffset? expires = null) =>
        SubscriptionTokens.Issue(Key, Id, action, expires ?? Now.AddDays(7));

    [Fact]
    public void AnIssuedTokenNamesItsSubscriberForItsAction()
    {
        var check = SubscriptionTokens.Verify(Key, Token(), SubscriptionAction.Confirm, Now);

        Assert.True(check.IsValid);
        Assert.Equal(Id, check.SubscriberId);
    }

    [Fact]
    public void TheTokenIsOpaqueAndUrlSafe()
    {
        var token = Token();

        Assert.DoesNotContain(Id, token);
        Assert.Matches("^[A-Za-z0-9_-]+$", token);
    }

    [Fact]
    public void ChangingAnyByteOfTheTokenInvalidatesIt()
    {
        var bytes = Base64Url.DecodeFromChars(Token());
        for (var i = 0; i < bytes.Length; i++)
        {
            var tampered = (byte[])bytes.Clone();
            tampered[i] ^= 0x01;

            var check = SubscriptionTokens.Verify(Key, Base64Url.EncodeToString(tampered), SubscriptionAction.Confirm, Now);

            Assert.Equal(TokenProblem.Invalid, check.Problem);
        }
    }

    [Fact]
    public void AnotherSubscribersIdCannotBeSwappedIn()
    {
        var bytes = Base64Url.DecodeFromChars(Token());
        var other = Encoding.ASCII.GetBytes(Subscriber.FromEmail("mallory@example.com").Id);
        other.CopyTo(bytes, 10);

        Assert.Equal(TokenProblem.Invalid, SubscriptionTokens.Verify(Key, Base64Url.EncodeToString(bytes), SubscriptionAction.Confirm, Now).Problem);
    }

    [Fact]
    public void ATokenSignedWithAnotherKeyIsInvalid()
    {
        var forged = SubscriptionTokens.Issue(Encoding.UTF8.GetBytes("somebody else's key, also 32 chars long"), Id, SubscriptionAction.Confirm, Now.AddDays(1));

        Assert.Equal(TokenProblem.Invalid, SubscriptionTokens.Verify(Key, forged, SubscriptionAction.Confirm, Now).Problem);
    }

    [Fact]
    public void AnExpiredTokenIsRefusedAsExpired()
    {
        var token = Token(expires: Now.AddSeconds(-1));

        Assert.Equal(TokenProblem.Expired, SubscriptionTokens.Verify(Key, token, SubscriptionAction.Confirm, Now).Problem);
        Assert.True(SubscriptionTokens.Verify(Key, token, SubscriptionAction.Confirm, Now.AddSeconds(-2)).IsValid);
    }

    [Fact]
    public void AConfirmTokenDoesNotUnsubscribeAndAnUnsubscribeTokenDoesNotConfirm()
    {
        Assert.Equal(TokenProblem.WrongAction, SubscriptionTokens.Verify(Key, Token(SubscriptionAction.Confirm), SubscriptionAction.Unsubscribe, Now).Problem);
        Assert.Equal(TokenProblem.WrongAction, SubscriptionTokens.Verify(Key, Token(SubscriptionAction.Unsubscribe), SubscriptionAction.Confirm, Now).Problem);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a token")]
    [InlineData("AAAA")]
    [InlineData("%2e%2e%2f")]
    public void GarbageIsInvalid(string? token)
    {
        Assert.Equal(TokenProblem.Invalid, SubscriptionTokens.Verify(Key, token, SubscriptionAction.Confirm, Now).Problem);
    }

    [Fact]
    public void AnOverlongTokenIsRefusedUnread()
    {
        Assert.Equal(TokenProblem.Invalid, SubscriptionTokens.Verify(Key, Token() + new string('A', 400), SubscriptionAction.Confirm, Now).Problem);
    }
}
