using Briefings.Core.Subscribers;

namespace Briefings.Core.Tests.Subscribers;

public sealed class EmailAddressesTests
{
    [Theory]
    [InlineData("ada@example.com", "ada@example.com")]
    [InlineData("  Ada.Lovelace@Example.COM ", "ada.lovelace@example.com")]
    [InlineData("grace+briefings@mail.example.org", "grace+briefings@mail.example.org")]
    public void AValidAddressIsTrimmedAndLowerCased(string input, string expected)
    {
        Assert.True(EmailAddresses.TryNormalize(input, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ada")]
    [InlineData("ada@")]
    [InlineData("@example.com")]
    [InlineData("ada@localhost")]
    [InlineData("ada@example.")]
    [InlineData("ada@[127.0.0.1]")]
    [InlineData("Ada <ada@example.com>")]
    [InlineData("ada@example.com, bob@example.com")]
    [InlineData("a da@example.com")]
    [InlineData("ada@exa mple.com")]
    [InlineData("ada@@example.com")]
    [InlineData("ada@example.com\r\nBcc: victim@example.com")]
    public void AnythingButOneBareAddressIsRefused(string input)
    {
        Assert.False(EmailAddresses.TryNormalize(input, out _));
    }

    [Fact]
    public void AnAddressLongerThanSmtpAllowsIsRefused()
    {
        var local = new string('a', 64);
        var domain = string.Join('.', Enumerable.Repeat(new string('b', 60), 4)) + ".com";

        Assert.False(EmailAddresses.TryNormalize($"{local}@{domain}", out _));
        Assert.False(EmailAddresses.TryNormalize($"{new string('a', 65)}@example.com", out _));
    }

    [Fact]
    public void TheSameAddressInAnyCaseIsOneSubscriber()
    {
        Assert.Equal(Subscriber.FromEmail("ada@example.com").Id, Subscriber.FromEmail(" ADA@example.com").Id);
        Assert.True(Subscriber.IsId(Subscriber.FromEmail("ada@example.com").Id));
    }
}
