using System.Text;
using Azure.Storage.Blobs;
using Briefings.Core.Storage;
using Briefings.Integration.Tests.Infrastructure;

namespace Briefings.Integration.Tests.Storage;

/// <summary>The one store contract, run against every implementation.</summary>
public abstract class BlobStoreContract : IAsyncLifetime
{
    protected IBlobStore Store { get; set; } = null!;

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();

    [Fact]
    public async Task AWrittenBlobReadsBackWithItsContentTypeAndMetadata()
    {
        var etag = await Store.PutAsync("digests", "2026-11-22/digest.json", Encoding.UTF8.GetBytes("{\"a\":1}"),
            new BlobWrite { ContentType = "application/json", Metadata = new Dictionary<string, string> { ["title"] = "Café – Київ" } });

        var blob = await Store.GetAsync("digests", "2026-11-22/digest.json");

        Assert.NotNull(blob);
        Assert.Equal("{\"a\":1}", Encoding.UTF8.GetString(blob.Content));
        Assert.Equal("application/json", blob.ContentType);
        Assert.Equal("Café – Київ", blob.Metadata["title"]);
        Assert.Equal(etag, blob.ETag);
    }

    [Fact]
    public async Task AMissingBlobReadsAsNull()
    {
        Assert.Null(await Store.GetAsync("articles", "nothing/here.json"));
        Assert.Null(await Store.GetInfoAsync("articles", "nothing/here.json"));
    }

    [Fact]
    public async Task CreateOnlyRefusesASecondWrite()
    {
        await Store.PutAsync("deliveries", "d/1.json", new byte[] { 1 }, new BlobWrite { CreateOnly = true });

        await Assert.ThrowsAsync<BlobConditionFailedException>(() => Store.PutAsync("deliveries", "d/1.json", new byte[] { 2 }, new BlobWrite { CreateOnly = true }));
        Assert.Equal(new byte[] { 1 }, (await Store.GetAsync("deliveries", "d/1.json"))!.Content);
    }

    [Fact]
    public async Task IfMatchWritesOnlyOverTheETagItWasGiven()
    {
        var first = await Store.PutAsync("deliveries", "d/2.json", new byte[] { 1 });
        var second = await Store.PutAsync("deliveries", "d/2.json", new byte[] { 2 }, new BlobWrite { IfMatch = first });

        Assert.NotEqual(first, second);
        await Assert.ThrowsAsync<BlobConditionFailedException>(() => Store.PutAsync("deliveries", "d/2.json", new byte[] { 3 }, new BlobWrite { IfMatch = first }));
        await Assert.ThrowsAsync<BlobConditionFailedException>(() => Store.PutAsync("deliveries", "d/absent.json", new byte[] { 3 }, new BlobWrite { IfMatch = first }));
        Assert.Equal(new byte[] { 2 }, (await Store.GetAsync("deliveries", "d/2.json"))!.Content);
    }

    [Fact]
    public async Task ConcurrentCreateOnlyWritesHaveExactlyOneWinner()
    {
        var attempts = Enumerable.Range(0, 12).Select(async i =>
        {
            try
            {
                await Store.PutAsync("deliveries", "race/one.json", new[] { (byte)i }, new BlobWrite { CreateOnly = true });
                return true;
            }
            catch (BlobConditionFailedException)
            {
                return false;
            }
        });

        var results = await Task.WhenAll(attempts);

        Assert.Single(results, won => won);
    }

    [Fact]
    public async Task ListingReturnsTheNamesUnderAPrefixInOrder()
    {
        foreach (var name in new[] { "2026/11/22/b.json", "2026/11/22/a.json", "2026/11/23/c.json", "2026/11/2x.json" })
        {
            await Store.PutAsync("articles", name, new byte[] { 1, 2, 3 });
        }

        var listed = new List<BlobEntry>();
        await foreach (var entry in Store.ListAsync("articles", "2026/11/22/"))
        {
            listed.Add(entry);
        }

        Assert.Equal(["2026/11/22/a.json", "2026/11/22/b.json"], listed.Select(e => e.Name));
        Assert.All(listed, e => Assert.Equal(3, e.Length));
    }

    [Fact]
    public async Task DeleteRemovesTheBlobAndReportsWhetherItWasThere()
    {
        await Store.PutAsync("articles", "x/y.json", new byte[] { 1 });

        Assert.True(await Store.DeleteAsync("articles", "x/y.json"));
        Assert.False(await Store.DeleteAsync("articles", "x/y.json"));
        Assert.Null(await Store.GetAsync("articles", "x/y.json"));
    }

    [Theory]
    [InlineData("../escape.txt")]
    [InlineData("a/../../escape.txt")]
    [InlineData("a\\b.txt")]
    [InlineData("bad\u0001name.txt")]
    public async Task NamesThatCouldLeaveTheContainerAreRefused(string name)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync("articles-inbox", name, new byte[] { 1 }));
    }
}

public sealed class FileBlobStoreContractTests : BlobStoreContract
{
    private string _folder = "";

    public override Task InitializeAsync()
    {
        _folder = Repository.TempFolder("store");
        Store = new FileBlobStore(_folder);
        return Task.CompletedTask;
    }

    public override Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}

public sealed class AzureBlobStoreContractTests : BlobStoreContract
{
    private Azurite? _azurite;

    public override async Task InitializeAsync()
    {
        _azurite = await Azurite.StartAsync();
        Store = new AzureBlobStore(new BlobServiceClient(_azurite.ConnectionString));
    }

    public override async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
