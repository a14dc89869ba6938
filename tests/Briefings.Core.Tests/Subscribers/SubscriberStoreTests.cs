using Briefings.Core.Storage;
using Briefings.Core.Subscribers;

namespace Briefings.Core.Tests.Subscribers;

public sealed class SubscriberStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 6, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _temp = new();
    private readonly FileBlobStore _blobs;
    private readonly SubscriberStore _store;

    public SubscriberStoreTests()
    {
        _blobs = new FileBlobStore(Path.Combine(_temp.Path, "store"));
        _store = new SubscriberStore(_blobs);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task ConcurrentUpdatesOfOneSubscriberAreAllKept()
    {
        var id = Subscriber.IdOf("ada@example.com");
        await _store.UpdateAsync(id, _ => SubscriberRecord.New("ada@example.com", SubscriberState.Pending, "test", Now));

        await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => Task.Run(() =>
            _store.UpdateAsync(id, c => c! with { ConfirmationsSent = c.ConfirmationsSent + 1 }))));

        Assert.Equal(25, (await _store.GetAsync(id))!.ConfirmationsSent);
    }

    [Fact]
    public async Task ReturningTheRecordUnchangedWritesNothing()
    {
        var id = Subscriber.IdOf("ada@example.com");
        await _store.UpdateAsync(id, _ => SubscriberRecord.New("ada@example.com", SubscriberState.Confirmed, "test", Now));
        var before = await _blobs.GetInfoAsync(Containers.Subscribers, SubscriberStore.Name(id));

        var change = await _store.UpdateAsync(id, c => c);

        Assert.False(change.Changed);
        Assert.Equal(before!.ETag, (await _blobs.GetInfoAsync(Containers.Subscribers, SubscriberStore.Name(id)))!.ETag);
    }

    [Fact]
    public async Task AnIdThatIsNotAHashReadsAsNobody()
    {
        Assert.Null(await _store.GetAsync("../keys/subscription-signing"));
        Assert.False((await _store.UpdateAsync("../../etc", c => c)).Changed);
    }
}
