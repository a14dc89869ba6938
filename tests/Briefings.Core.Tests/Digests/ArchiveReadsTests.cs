using Briefings.Core.Articles;
using Briefings.Core.Digests;
using Briefings.Core.Rendering;
using Briefings.Core.Storage;
using Briefings.Core.Tests.Storage;
using Microsoft.Extensions.Options;

namespace Briefings.Core.Tests.Digests;

/// <summary>The digest job reads the day it builds, not the archive: its memory grows with the day.</summary>
public class ArchiveReadsTests
{
    [Fact]
    public async Task ListingADayReadsOnlyThatDaysArticles()
    {
        using var folder = new TempFolder();
        var store = new RecordingStore(new FileBlobStore(folder.Path));
        var articles = new ArticleStore(store, new DigestClock(Options.Create(new DigestOptions()), TimeProvider.System));
        var first = new DateOnly(2026, 11, 1);
        for (var day = 0; day < 10; day++)
        {
            var date = first.AddDays(day);
            foreach (var article in Fixtures.FootballReports(date.ToDateTime(new TimeOnly(9, 0))))
            {
                await articles.SaveAsync(article with { IngestedAt = date.ToDateTime(new TimeOnly(9, 5)) });
            }
        }

        store.Reads.Clear();
        var listed = await articles.ListDayAsync(first.AddDays(4));

        Assert.Equal(Fixtures.FootballReports().Count, listed.Count);
        Assert.All(store.Reads, name => Assert.StartsWith("articles/2026/11/05/", name));
        Assert.Equal(listed.Count, store.Reads.Count);
    }

    [Fact]
    public async Task ServingTheLatestDayListsNamesAndReadsOneDigest()
    {
        using var folder = new TempFolder();
        var store = new RecordingStore(new FileBlobStore(folder.Path));
        var digests = new DigestStore(store);
        for (var day = 1; day <= 10; day++)
        {
            await digests.SaveAsync(new Digest(new DateOnly(2026, 11, day), Fixtures.Noon, 0, []), new Dictionary<RenderFormat, string>());
        }

        store.Reads.Clear();
        var latest = await digests.LatestDayAsync();
        var json = await digests.GetJsonAsync(latest!.Value);
        await digests.GetJsonAsync(latest.Value);

        Assert.Equal(new DateOnly(2026, 11, 10), latest);
        Assert.NotNull(json);
        Assert.Equal(["digests/2026-11-10/digest.json"], store.Reads);
    }

    [Fact]
    public async Task ADigestIsParsedOncePerVersionAndARebuildIsSeenAtOnce()
    {
        using var folder = new TempFolder();
        var store = new RecordingStore(new FileBlobStore(folder.Path));
        var digests = new DigestStore(store);
        var day = new DateOnly(2026, 11, 3);
        await digests.SaveAsync(new Digest(day, Fixtures.Noon, 1, []), new Dictionary<RenderFormat, string>());

        var first = await digests.GetAsync(day);
        var second = await digests.GetAsync(day);
        await digests.SaveAsync(new Digest(day, Fixtures.Noon.AddHours(1), 2, []), new Dictionary<RenderFormat, string>());
        var rebuilt = await digests.GetAsync(day);

        // The same object, so the views made of its stories are shared by every rendering of it.
        Assert.Same(first!.Digest, second!.Digest);
        Assert.Equal(2, rebuilt!.Digest.ArticleCount);
        Assert.Null(await digests.GetAsync(day.AddDays(1)));
        Assert.Equal(["digests/2026-11-03/digest.json", "digests/2026-11-03/digest.json", "digests/2026-11-04/digest.json"], store.Reads);
    }

    /// <summary>A store of <paramref name="days"/> days' digests, the last on 31 December 2026, and its reads cleared.</summary>
    private static async Task<(RecordingStore Store, DigestStore Digests, DateOnly Latest)> DaysAsync(TempFolder folder, int days)
    {
        var store = new RecordingStore(new FileBlobStore(folder.Path));
        var digests = new DigestStore(store);
        var latest = new DateOnly(2026, 12, 31);
        for (var day = days - 1; day >= 0; day--)
        {
            await digests.SaveAsync(new Digest(latest.AddDays(-day), Fixtures.Noon, day, []), new Dictionary<RenderFormat, string>());
        }

        store.Reads.Clear();
        store.Lists = 0;
        return (store, digests, latest);
    }

    [Fact]
    public async Task ReadingManyDaysOnceEachKeepsTheLatestDayInMemory()
    {
        using var folder = new TempFolder();
        var (store, digests, latest) = await DaysAsync(folder, 100);

        await digests.GetJsonAsync(latest);
        await digests.GetJsonAsync(latest); // readers ask for the latest day again and again
        for (var day = 1; day < 100; day++)
        {
            await digests.GetJsonAsync(latest.AddDays(-day)); // older archive pages read every day once
        }

        var again = await digests.GetJsonAsync(latest);

        Assert.NotNull(again);
        Assert.Equal(100, store.Reads.Count); // each day read once: the latest was not read again
        Assert.Single(store.Reads, "digests/2026-12-31/digest.json");
    }

    [Fact]
    public async Task TheArchivePagesAndFeedsDaysAreReadOnceAcrossRequests()
    {
        using var folder = new TempFolder();
        var (store, digests, latest) = await DaysAsync(folder, 365);
        var archive = new DigestArchive(digests);

        await archive.PageAsync(null, 30); // the archive page's newest days
        await archive.PageAsync(null, 20); // the feed's
        await archive.PageAsync(null, 30);

        Assert.Equal(30, store.Reads.Count);
        Assert.Equal(Enumerable.Range(0, 30).Select(d => $"digests/{latest.AddDays(-d):yyyy-MM-dd}/digest.json").Order(), store.Reads.Order());
    }

    [Fact]
    public async Task TheDaysAreListedOnceForManyRequestsAndADaySavedHereIsListedAtOnce()
    {
        using var folder = new TempFolder();
        var (store, digests, latest) = await DaysAsync(folder, 365);

        var first = await digests.ListDaysAsync();
        for (var request = 0; request < 100; request++)
        {
            Assert.Equal(latest, await digests.LatestDayAsync());
        }

        await digests.SaveAsync(new Digest(latest.AddDays(1), Fixtures.Noon, 1, []), new Dictionary<RenderFormat, string>());
        var after = await digests.ListDaysAsync();

        Assert.Equal(365, first.Count);
        Assert.Equal(2, store.Lists); // one listing for the 101 asks before the save, one after it
        Assert.Equal(latest.AddDays(1), after[0]);
        Assert.Equal(366, after.Count);
    }

    /// <summary>The folder store, noting which blobs are read whole.</summary>
    private sealed class RecordingStore(IBlobStore inner) : DelegatingBlobStore(inner)
    {
        public List<string> Reads { get; } = [];

        public int Lists { get; set; }

        public override IAsyncEnumerable<BlobEntry> ListAsync(string container, string prefix = "", CancellationToken cancellationToken = default)
        {
            Lists++;
            return base.ListAsync(container, prefix, cancellationToken);
        }

        public override Task<StoredBlob?> GetAsync(string container, string name, CancellationToken cancellationToken = default)
        {
            Reads.Add($"{container}/{name}");
            return base.GetAsync(container, name, cancellationToken);
        }
    }
}
