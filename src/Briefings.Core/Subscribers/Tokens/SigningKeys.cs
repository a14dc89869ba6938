using System.Security.Cryptography;
using System.Text;
using Briefings.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Briefings.Core.Subscribers.Tokens;

/// <summary>
/// The key that signs subscription links: <c>Briefings:Subscriptions:SigningKey</c> when set.
/// Otherwise (the demo, a runner without configuration) a random key is generated once and kept
/// in the store at <c>keys/subscription-signing.key</c>, written create-only so every instance
/// and every restart uses the same one, and links in emails already sent keep working.
/// </summary>
public sealed partial class SigningKeys(IOptions<SubscriptionOptions> options, IBlobStore store, ILogger<SigningKeys> logger)
{
    public const string StoredKeyName = "subscription-signing.key";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private byte[]? _key;

    public async Task<byte[]> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_key is { } cached)
        {
            return cached;
        }

        if (!string.IsNullOrEmpty(options.Value.SigningKey))
        {
            return _key = Encoding.UTF8.GetBytes(options.Value.SigningKey);
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _key ??= await LoadOrCreateAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<byte[]> LoadOrCreateAsync(CancellationToken cancellationToken)
    {
        if (await store.GetAsync(Containers.Keys, StoredKeyName, cancellationToken) is { } existing)
        {
            return Convert.FromBase64String(Encoding.ASCII.GetString(existing.Content));
        }

        var key = RandomNumberGenerator.GetBytes(32);
        try
        {
            await store.PutAsync(Containers.Keys, StoredKeyName, Encoding.ASCII.GetBytes(Convert.ToBase64String(key)), BlobWrite.Create("text/plain"), cancellationToken);
            GeneratedKey(logger, Containers.Keys, StoredKeyName);
            return key;
        }
        catch (BlobConditionFailedException)
        {
            // Another instance generated one first: use theirs.
            var theirs = await store.GetAsync(Containers.Keys, StoredKeyName, cancellationToken)
                ?? throw new InvalidOperationException("The stored signing key vanished while it was being created.");
            return Convert.FromBase64String(Encoding.ASCII.GetString(theirs.Content));
        }
    }

    [LoggerMessage(5101, LogLevel.Warning, "No Briefings:Subscriptions:SigningKey is configured; generated one and stored it in {Container}/{Name}. Configure a key in production.")]
    private static partial void GeneratedKey(ILogger logger, string container, string name);
}
