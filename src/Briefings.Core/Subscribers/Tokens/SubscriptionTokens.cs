using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Briefings.Core.Subscribers.Tokens;

/// <summary>
/// Opaque, signed links: base64url of <c>version · action · expiry · subscriber id · HMAC-SHA256</c>.
/// The MAC covers everything before it and is compared in constant time, so a token cannot be
/// altered, extended or turned into the other action without the key.
/// </summary>
public sealed class SubscriptionTokens(SigningKeys keys, IOptions<SubscriptionOptions> options, TimeProvider clock)
{
    private const byte Version = 1;
    private const int HeaderLength = 1 + 1 + 8;
    private const int MacLength = HMACSHA256.HashSizeInBytes;
    private const int MaxTokenLength = 256;

    public async Task<string> IssueAsync(string subscriberId, SubscriptionAction action, CancellationToken cancellationToken = default)
    {
        var lifetime = action == SubscriptionAction.Confirm ? options.Value.ConfirmTokenLifetime : options.Value.UnsubscribeTokenLifetime;
        return Issue(await keys.GetAsync(cancellationToken), subscriberId, action, clock.GetUtcNow() + lifetime);
    }

    public async Task<TokenCheck> VerifyAsync(string? token, SubscriptionAction expected, CancellationToken cancellationToken = default) =>
        Verify(await keys.GetAsync(cancellationToken), token, expected, clock.GetUtcNow());

    /// <summary>Issues a token with an explicit key and expiry (the instance methods use the configured ones).</summary>
    public static string Issue(byte[] key, string subscriberId, SubscriptionAction action, DateTimeOffset expires)
    {
        var id = Encoding.ASCII.GetBytes(subscriberId);
        var bytes = new byte[HeaderLength + id.Length + MacLength];
        bytes[0] = Version;
        bytes[1] = (byte)action;
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(2, 8), expires.ToUnixTimeSeconds());
        id.CopyTo(bytes, HeaderLength);
        var payload = bytes.AsSpan(0, HeaderLength + id.Length);
        HMACSHA256.HashData(key, payload, bytes.AsSpan(payload.Length));
        return Base64Url.EncodeToString(bytes);
    }

    public static TokenCheck Verify(byte[] key, string? token, SubscriptionAction expected, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength || !Base64Url.IsValid(token))
        {
            return TokenCheck.Refused(TokenProblem.Invalid);
        }

        var bytes = Base64Url.DecodeFromChars(token);
        if (bytes.Length <= HeaderLength + MacLength)
        {
            return TokenCheck.Refused(TokenProblem.Invalid);
        }

        var payload = bytes.AsSpan(0, bytes.Length - MacLength);
        Span<byte> mac = stackalloc byte[MacLength];
        HMACSHA256.HashData(key, payload, mac);
        if (!CryptographicOperations.FixedTimeEquals(mac, bytes.AsSpan(payload.Length)) || payload[0] != Version)
        {
            return TokenCheck.Refused(TokenProblem.Invalid);
        }

        var id = Encoding.ASCII.GetString(payload[HeaderLength..]);
        if (!Subscriber.IsId(id) || !Enum.IsDefined((SubscriptionAction)payload[1]))
        {
            return TokenCheck.Refused(TokenProblem.Invalid);
        }

        if ((SubscriptionAction)payload[1] != expected)
        {
            return TokenCheck.Refused(TokenProblem.WrongAction);
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(payload.Slice(2, 8)));
        return now >= expires ? TokenCheck.Refused(TokenProblem.Expired) : TokenCheck.Valid(id);
    }
}
