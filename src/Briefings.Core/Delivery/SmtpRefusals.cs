using System.Globalization;
using System.Text.RegularExpressions;

namespace Briefings.Core.Delivery;

/// <summary>
/// Whether an SMTP server's permanent refusal of a recipient says the address itself is dead
/// (so the subscriber is suppressed) or refuses for another reason: a relay or policy refusal
/// ("554 5.7.1 Relay access denied"), a full mailbox or a system out of service says nothing
/// about the address, and suppressing on it would end every subscription after one misconfigured
/// run. The enhanced status code (RFC 3463) decides when the server gives one; without one, the
/// basic codes that name the mailbox (550, 551, 553, RFC 5321) do.
/// </summary>
public static partial class SmtpRefusals
{
    public static bool NamesADeadAddress(int code, string? text)
    {
        if (code is < 500 or > 599)
        {
            return false;
        }

        if (EnhancedCode().Match(text ?? "") is { Success: true } enhanced)
        {
            var subject = int.Parse(enhanced.Groups["subject"].ValueSpan, CultureInfo.InvariantCulture);
            var detail = int.Parse(enhanced.Groups["detail"].ValueSpan, CultureInfo.InvariantCulture);

            // X.1.x: the address (no such mailbox or domain, bad syntax, moved); X.2.1: the mailbox is disabled.
            return enhanced.Groups["class"].ValueSpan is "5" && (subject == 1 || (subject == 2 && detail == 1));
        }

        return code is 550 or 551 or 553;
    }

    [GeneratedRegex(@"^\s*(?<class>[245])\.(?<subject>\d{1,3})\.(?<detail>\d{1,3})\b", RegexOptions.CultureInvariant)]
    private static partial Regex EnhancedCode();
}
