using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Briefings.Core.Http;

/// <summary>The key that opens the admin routes (<c>Briefings:AdminKey</c>); without one they stay closed.</summary>
public sealed class AdminOptions
{
    /// <summary>The header that carries the key: the name Azure Functions clients already send.</summary>
    public const string Header = "x-functions-key";

    public string? AdminKey { get; set; }

    /// <summary>Compares the request's key with the configured one in constant time (of equal-length hashes).</summary>
    public bool Allows(HttpRequest request)
    {
        var provided = request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(AdminKey) || string.IsNullOrEmpty(provided))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(provided)),
            SHA256.HashData(Encoding.UTF8.GetBytes(AdminKey)));
    }
}
