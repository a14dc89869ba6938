using Briefings.Core.Articles;
using Briefings.Core.Digests;
using Briefings.Core.Storage;
using Briefings.Core.Tests.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Briefings.Core.Tests.Articles;

/// <summary>An inbox blob over the limit is poisoned from its size alone: its content is never read.</summary>
public sealed class OversizedIngestTests
{
    /// <summary>The folder store, refusing to read the inbox so a test fails if the handler tries.</summary>
    private sealed class NoInboxReads(IBlobStore inner) : DelegatingBlobStore(inner)
    {
        public int InboxReads { get; private set; }

        public override Task<StoredBlob?> GetAsync(string container, string name, CancellationToken cancellationToken = default)
        {
            if (container == Containers.Inbox)
            {
                InboxReads++;
                throw new InvalidOperationException("The inbox blob was read.");
            }

            return base.GetAsync(container, name, cancellationToken);
        }
    }

    [Fact]
    public async Task AHundredMegabyteBlobIsPoisonedByItsSizeWithoutBeingRead()
    {
        using var temp = new TempFolder();
        var files = new FileBlobStore(temp.Path);
        await files.PutAsync(Containers.Inbox, "huge.txt", "x"u8.ToArray());
        using (var stream = new FileStream(Path.Combine(files.ContainerPath(Containers.Inbox), "huge.txt"), FileMode.Open))
        {
            stream.SetLength(100L * 1024 * 1024); // sparse: 100 MB long, nothing written
        }

        var store = new NoInboxReads(files);
        var options = new IngestOptions();
        var clock = new DigestClock(Options.Create(new DigestOptions()), TimeProvider.System);
        var handler = new IngestHandler(store, Fixtures.Reader(options), new ArticleStore(store, clock), options, TimeProvider.System, NullLogger<IngestHandler>.Instance);

        var outcome = await handler.IngestAsync("huge.txt");

        Assert.Equal(IngestStatus.Poisoned, outcome.Status);
        Assert.Contains("104,857,600 bytes", outcome.Reason);
        Assert.Equal(0, store.InboxReads);
        var reason = await files.GetAsync(Containers.Poison, "huge.txt.reason.txt");
        Assert.Contains("limit", System.Text.Encoding.UTF8.GetString(reason!.Content));
        Assert.Null(await files.GetInfoAsync(Containers.Poison, "huge.txt")); // not copied
        Assert.Equal(IngestStatus.AlreadyDone, (await handler.IngestAsync("huge.txt")).Status);
    }
}
