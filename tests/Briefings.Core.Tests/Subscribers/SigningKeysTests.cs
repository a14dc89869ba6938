using Briefings.Core.Storage;
using Briefings.Core.Subscribers;
using Briefings.Core.Subscribers.Tokens;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Briefings.Core.Tests.Subscribers;

public sealed class SigningKeysTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private SubscriptionTokens Tokens(string? configuredKey = null)
    {
        var options = Options.Create(new SubscriptionOptions { SigningKey = configuredKey });
        var keys = new SigningKeys(options, new FileBlobStore(Path.Combine(_temp.Path, "store")), NullLogger<SigningKeys>.Instance);
        return new SubscriptionTokens(keys, options, TimeProvider.System);
    }

    [Fact]
    public async Task WithoutAConfiguredKeyAGeneratedOneIsStoredAndSurvivesARestart()
    {
        var id = Subscriber.IdOf("ada@example.com");
        var token = await Tokens().IssueAsync(id, SubscriptionAction.Unsubscribe);

        var afterRestart = await Tokens().VerifyAsync(token, SubscriptionAction.Unsubscribe);

        Assert.True(afterRestart.IsValid);
        Assert.True(File.Exists(Path.Combine(_temp.Path, "store", Containers.Keys, SigningKeys.StoredKeyName)));
    }

    [Fact]
    public async Task AConfiguredKeyIsUsedInsteadOfTheStoredOne()
    {
        var id = Subscriber.IdOf("ada@example.com");
        var stored = await Tokens().IssueAsync(id, SubscriptionAction.Confirm);
        var configured = Tokens(new string('k', 40));

        Assert.False((await configured.VerifyAsync(stored, SubscriptionAction.Confirm)).IsValid);
        Assert.True((await configured.VerifyAsync(await configured.IssueAsync(id, SubscriptionAction.Confirm), SubscriptionAction.Confirm)).IsValid);
    }
}
