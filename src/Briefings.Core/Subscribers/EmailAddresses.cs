using System.Diagnostics.CodeAnalysis;
using MimeKit;

namespace Briefings.Core.Subscribers;

/// <summary>Checks an address someone typed with MimeKit's strict parser, and normalises it.</summary>
public static class EmailAddresses
{
    /// <summary>The longest address that fits in SMTP's forward path (RFC 5321, 4.5.3.1.3).</summary>
    public const int MaxLength = 254;

    private static readonly ParserOptions Strict = new()
    {
        AddressParserComplianceMode = RfcComplianceMode.Strict,
        AllowAddressesWithoutDomain = false,
        AllowUnquotedCommasInAddresses = false,
    };

    /// <summary>A bare address (no display name or route) with a dotted domain, lower-cased.</summary>
    public static bool TryNormalize(string? input, [NotNullWhen(true)] out string? normalized)
    {
        normalized = null;
        var text = input?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength || text.Any(char.IsWhiteSpace))
        {
            return false;
        }

        if (!MailboxAddress.TryParse(Strict, text, out var mailbox) || !string.IsNullOrEmpty(mailbox.Name) || mailbox.Route.Count > 0)
        {
            return false;
        }

        var domain = mailbox.Domain;
        if (mailbox.LocalPart.Length is 0 or > 64 || domain.Length == 0 || !domain.Contains('.') || domain.StartsWith('.') || domain.EndsWith('.')
            || domain.StartsWith('['))
        {
            return false;
        }

        normalized = mailbox.Address.ToLowerInvariant();
        return true;
    }

    /// <summary>Normalises an address that is already known to be valid (configuration, operators).</summary>
    public static string Normalize(string email) =>
        TryNormalize(email, out var normalized) ? normalized : email.Trim().ToLowerInvariant();
}
