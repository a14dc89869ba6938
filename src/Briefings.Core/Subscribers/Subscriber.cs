using System.Security.Cryptography;
using System.Text;

namespace Briefings.Core.Subscribers;

/// <summary>Someone who receives the briefing. The id is derived from the normalised address.</summary>
public sealed record Subscriber(string Id, string Email)
{
    public static Subscriber FromEmail(string email)
    {
        var normalized = EmailAddresses.Normalize(email);
        return new Subscriber(IdOf(normalized), normalized);
    }

    /// <summary>16 hex digits of the address's SHA-256: stable, and safe as a blob name.</summary>
    public static string IdOf(string normalizedEmail) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedEmail)).AsSpan(0, 8));

    /// <summary>Whether <paramref name="id"/> has the shape <see cref="IdOf"/> gives.</summary>
    public static bool IsId(string? id) => id is { Length: 16 } && id.All(char.IsAsciiHexDigitLower);
}
