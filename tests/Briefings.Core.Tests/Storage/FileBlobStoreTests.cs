using System.Text;
using Briefings.Core.Storage;

namespace Briefings.Core.Tests.Storage;

public sealed class FileBlobStoreTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly FileBlobStore _store;

    public FileBlobStoreTests() => _store = new FileBlobStore(Path.Combine(_temp.Path, "store"));

    public void Dispose() => _temp.Dispose();

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task AFileWhoseNameNoBlobMayHaveIsLeftOutOfTheListingAndSaidWhy()
    {
        await _store.PutAsync("inbox", "story.txt", Bytes("An article."));
        var folder = _store.ContainerPath("inbox");
        File.WriteAllText(Path.Combine(folder, "..hidden.txt"), "dropped in by hand");
        File.WriteAllText(Path.Combine(folder, "zero\u200bwidth.txt"), "dropped in by hand");

        var listed = new List<string>();
        var unlisted = new List<(string Name, string Problem)>();
        await foreach (var entry in _store.ListAsync("inbox", "", (name, problem) => unlisted.Add((name, problem))))
        {
            listed.Add(entry.Name);
        }

        Assert.Equal(["story.txt"], listed);
        Assert.Equal(["..hidden.txt", "zero\u200bwidth.txt"], unlisted.Select(u => u.Name).Order(StringComparer.Ordinal));
        Assert.All(unlisted, u => Assert.False(string.IsNullOrWhiteSpace(u.Problem)));
        var none = new List<string>();
        await foreach (var entry in _store.ListAsync("no-such-container", "", (name, _) => none.Add(name)))
        {
            none.Add(entry.Name);
        }

        Assert.Empty(none);
    }

    [Fact]
    public async Task WrittenBlobReadsBackWithItsHeaders()
    {
        var metadata = new Dictionary<string, string> { ["source"] = "Wire" };
        var etag = await _store.PutAsync("inbox", "2026/11/22/abc.json", Bytes("{}"), new BlobWrite { ContentType = "application/json", Metadata = metadata });

        var blob = await _store.GetAsync("inbox", "2026/11/22/abc.json");

        Assert.NotNull(blob);
        Assert.Equal("{}", Encoding.UTF8.GetString(blob.Content));
        Assert.Equal(etag, blob.ETag);
        Assert.Equal("application/json", blob.ContentType);
        Assert.Equal("Wire", blob.Metadata["source"]);
    }

    [Fact]
    public async Task AJsonBlobWithoutMetadataNeedsNoMetaFileAndAnEarlierOnesHeadersDoNotLinger()
    {
        var meta = Path.Combine(_store.Root, ".meta", "receipts", "r.json.json");
        await _store.PutAsync("receipts", "r.json", Bytes("{}"), new BlobWrite { ContentType = "application/json", Metadata = new Dictionary<string, string> { ["attempt"] = "1" } });
        Assert.True(File.Exists(meta));

        await _store.PutAsync("receipts", "r.json", Bytes("{\"a\":1}"), new BlobWrite { ContentType = "application/json" });

        Assert.False(File.Exists(meta), "a JSON blob with no metadata keeps no meta file");
        var blob = (await _store.GetAsync("receipts", "r.json"))!;
        Assert.Equal("application/json", blob.ContentType);
        Assert.Empty(blob.Metadata);
    }

    [Fact]
    public async Task HeadersTheNameDoesNotImplyAreKept()
    {
        await _store.PutAsync("inbox", "a.json", Bytes("{}"), new BlobWrite { ContentType = "text/plain" });
        await _store.PutAsync("inbox", "b.txt", Bytes("text"));

        Assert.Equal("text/plain", (await _store.GetAsync("inbox", "a.json"))!.ContentType);
        Assert.Null((await _store.GetAsync("inbox", "b.txt"))!.ContentType);
    }

    [Fact]
    public async Task BlobsShareABoundedSetOfLockFilesAndConcurrentWritersStillExcludeEachOther()
    {
        // 20 writers race to create each of 100 names: exactly one wins each name, and 2,000 writes
        // make no more lock files than the stripes.
        var names = Enumerable.Range(0, 100).Select(i => $"day/{i}.json").ToList();
        var wins = new int[names.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, 20 * names.Count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (k, _) =>
        {
            try
            {
                await _store.PutAsync("articles", names[k % names.Count], Bytes($"{k}"), BlobWrite.Create("application/json"));
                Interlocked.Increment(ref wins[k % names.Count]);
            }
            catch (BlobConditionFailedException)
            {
                // another writer created it first
            }
        });

        Assert.All(wins, w => Assert.Equal(1, w));
        var locks = Directory.GetFiles(Path.Combine(_store.Root, ".locks", "articles"), "*", SearchOption.AllDirectories);
        Assert.InRange(locks.Length, 1, 64);
    }

    [Fact]
    public async Task MissingBlobReadsAsNull()
    {
        Assert.Null(await _store.GetAsync("inbox", "nothing.txt"));
        Assert.Null(await _store.GetInfoAsync("inbox", "nothing.txt"));
    }

    [Fact]
    public async Task SecondCreateOnlyWriteOfOneNameFails()
    {
        await _store.PutAsync("articles", "a.json", Bytes("first"), BlobWrite.Create("application/json"));

        await Assert.ThrowsAsync<BlobConditionFailedException>(() =>
            _store.PutAsync("articles", "a.json", Bytes("second"), BlobWrite.Create("application/json")));
        Assert.Equal("first", Encoding.UTF8.GetString((await _store.GetAsync("articles", "a.json"))!.Content));
    }

    [Fact]
    public async Task WriteWithAStaleETagFails()
    {
        var stale = await _store.PutAsync("receipts", "r.json", Bytes("one"));
        var current = await _store.PutAsync("receipts", "r.json", Bytes("two, longer"));
        Assert.NotEqual(stale, current);

        await Assert.ThrowsAsync<BlobConditionFailedException>(() =>
            _store.PutAsync("receipts", "r.json", Bytes("three"), new BlobWrite { IfMatch = stale }));
        Assert.Equal("two, longer", Encoding.UTF8.GetString((await _store.GetAsync("receipts", "r.json"))!.Content));
    }

    [Fact]
    public async Task WriteWithTheCurrentETagSucceeds()
    {
        var current = await _store.PutAsync("receipts", "r.json", Bytes("one"));

        await _store.PutAsync("receipts", "r.json", Bytes("two"), new BlobWrite { IfMatch = current });

        Assert.Equal("two", Encoding.UTF8.GetString((await _store.GetAsync("receipts", "r.json"))!.Content));
    }

    [Fact]
    public async Task TheETagAWriteReturnsIsTheOneReadersSee()
    {
        var created = await _store.PutAsync("receipts", "r.json", Bytes("one"));
        Assert.Equal(created, (await _store.GetInfoAsync("receipts", "r.json"))!.ETag);

        var replaced = await _store.PutAsync("receipts", "r.json", Bytes("two, longer"));
        Assert.Equal(replaced, (await _store.GetInfoAsync("receipts", "r.json"))!.ETag);
        Assert.Equal(replaced, (await _store.GetAsync("receipts", "r.json"))!.ETag);
    }

    [Fact]
    public async Task ACreateOnlyWriteFailsOnAFileDroppedInByHandAndLeavesItAsItWas()
    {
        var folder = _store.ContainerPath("articles");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "dropped.json"), "by hand");

        await Assert.ThrowsAsync<BlobConditionFailedException>(() =>
            _store.PutAsync("articles", "dropped.json", Bytes("second"), BlobWrite.Create("application/json")));
        Assert.Equal("by hand", await File.ReadAllTextAsync(Path.Combine(folder, "dropped.json")));
        Assert.Empty(Directory.GetFiles(Path.Combine(_store.Root, ".tmp")));
    }

    [Fact]
    public async Task WritesGoOnAfterTheStoresFoldersAreRemovedBehindItsBack()
    {
        await _store.PutAsync("receipts", "day/r.json", Bytes("one"));
        foreach (var folder in Directory.GetDirectories(_store.Root))
        {
            Directory.Delete(folder, recursive: true);
        }

        await _store.PutAsync("receipts", "day/r.json", Bytes("two"));
        await _store.PutAsync("receipts", "day/s.json", Bytes("three"), BlobWrite.Create("application/json"));

        Assert.Equal("two", Encoding.UTF8.GetString((await _store.GetAsync("receipts", "day/r.json"))!.Content));
        Assert.Equal("three", Encoding.UTF8.GetString((await _store.GetAsync("receipts", "day/s.json"))!.Content));
    }

    [Fact]
    public async Task IfMatchOnAMissingBlobFails() =>
        await Assert.ThrowsAsync<BlobConditionFailedException>(() =>
            _store.PutAsync("receipts", "none.json", Bytes("x"), new BlobWrite { IfMatch = "\"abc\"" }));

    [Fact]
    public async Task ListingByPrefixReturnsOnlyThoseNamesInOrder()
    {
        foreach (var name in new[] { "2026/11/22/b.json", "2026/11/23/a.json", "2026/11/22/a.json", "2026/11/22/c/d.json", "2026/11/2.json", "other.json" })
        {
            await _store.PutAsync("articles", name, Bytes(name));
        }

        var day = await ListAsync("articles", "2026/11/22/");
        var partial = await ListAsync("articles", "2026/11/2");

        Assert.Equal(["2026/11/22/a.json", "2026/11/22/b.json", "2026/11/22/c/d.json"], day);
        Assert.Equal(["2026/11/2.json", "2026/11/22/a.json", "2026/11/22/b.json", "2026/11/22/c/d.json", "2026/11/23/a.json"], partial);
        Assert.Empty(await ListAsync("inbox", ""));
    }

    [Fact]
    public async Task DeleteRemovesTheBlobOnce()
    {
        await _store.PutAsync("inbox", "a.txt", Bytes("a"));

        Assert.True(await _store.DeleteAsync("inbox", "a.txt"));
        Assert.False(await _store.DeleteAsync("inbox", "a.txt"));
        Assert.Null(await _store.GetAsync("inbox", "a.txt"));
    }

    [Theory]
    [InlineData("inbox", "../escape.txt")]
    [InlineData("inbox", "a/../../escape.txt")]
    [InlineData("inbox", "../../escape.txt")]
    [InlineData("inbox", "..\\escape.txt")]
    [InlineData("../inbox", "escape.txt")]
    [InlineData("..", "escape.txt")]
    public async Task TraversalNamesNeverWriteOutsideTheRoot(string container, string name)
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => _store.PutAsync(container, name, Bytes("x")));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => _store.GetAsync(container, name));

        Assert.Equal([_store.Root], Directory.GetFileSystemEntries(_temp.Path));
        Assert.Empty(Directory.GetFiles(_temp.Path, "escape.txt", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task AbsoluteNamesNeverWriteOutsideTheRoot()
    {
        var outside = Path.Combine(_temp.Path, "escape.txt");

        await Assert.ThrowsAnyAsync<ArgumentException>(() => _store.PutAsync("inbox", outside, Bytes("x")));

        Assert.False(File.Exists(outside));
        Assert.Empty(Directory.GetFiles(_temp.Path, "escape.txt", SearchOption.AllDirectories));
    }

    private async Task<List<string>> ListAsync(string container, string prefix)
    {
        var names = new List<string>();
        await foreach (var entry in _store.ListAsync(container, prefix))
        {
            names.Add(entry.Name);
        }

        return names;
    }
}
