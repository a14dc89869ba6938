using Briefings.Core.Delivery;

namespace Briefings.Core.Tests.Delivery;

public sealed class SmtpRefusalsTests
{
    [Theory]
    [InlineData(550, "5.1.1 No such user here")]
    [InlineData(550, "5.1.10 Null MX: the domain accepts no mail")]
    [InlineData(551, "5.1.6 Mailbox has moved")]
    [InlineData(550, "5.2.1 Mailbox disabled")]
    [InlineData(550, "User unknown")]
    [InlineData(553, "Mailbox name not allowed")]
    public void ARefusalThatNamesTheAddressSaysItIsDead(int code, string text) =>
        Assert.True(SmtpRefusals.NamesADeadAddress(code, text));

    [Theory]
    [InlineData(554, "5.7.1 Relay access denied")]
    [InlineData(550, "5.7.1 Client host rejected: access denied")]
    [InlineData(550, "5.7.26 Unauthenticated email is not accepted")]
    [InlineData(552, "5.2.2 Mailbox full")]
    [InlineData(550, "5.3.0 Mail system out of service")]
    [InlineData(554, "Transaction failed")]
    [InlineData(450, "4.1.1 Recipient address rejected: try later")]
    [InlineData(550, "4.1.1 odd class")]
    public void ARefusalForAnyOtherReasonDoesNot(int code, string text) =>
        Assert.False(SmtpRefusals.NamesADeadAddress(code, text));
}
