using System.ServiceModel.Syndication;
using System.Xml;
using Briefings.Core.Digests;
using Briefings.Core.Http;
using Briefings.Core.Rendering;
using Briefings.Core.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Core.Tests.Http;

/// <summary>The feed renders a day's entry once per stored version of the day, not twenty days at every change.</summary>
public sealed class FeedEntriesTests : IDisposable
{
    private static readonly DateOnly First = new(2026, 11, 1);

    private readonly TempFolder _templates = new();
    private readonly TempFolder _store = new();
    private readonly DigestStore _digests;
    private readonly BriefingsFeed _feed;

    public FeedEntriesTests()
    {
        Fixtures.CopyTemplatesTo(_templates.Path);
        // Each rendering of an entry says when it was made, so an entry rendered again shows.
        File.WriteAllText(Path.Combine(_templates.Path, DigestRenderer.FeedEntryTemplate), "<p>{{ digest.date_long }} at {{ date.now.ticks }}</p>");
        var options = new TemplateOptions { Path = _templates.Path };
        _digests = new DigestStore(new FileBlobStore(_store.Path));
        _feed = new BriefingsFeed(new DigestArchive(_digests), new DigestRenderer(new TemplateLibrary(options), options), options, TimeProvider.System);
    }

    public void Dispose()
    {
        _templates.Dispose();
        _store.Dispose();
    }

    [Fact]
    public async Task ANewDayRendersItsOwnEntryAndARebuiltDayRendersAgain()
    {
        for (var day = 0; day < 3; day++)
        {
            await SaveAsync(First.AddDays(day), articleCount: day);
        }

        var before = await EntriesAsync();
        await SaveAsync(First.AddDays(3), articleCount: 3);
        var added = await EntriesAsync();
        await SaveAsync(First.AddDays(1), articleCount: 9); // the second day built again
        var rebuilt = await EntriesAsync();

        Assert.Equal(3, before.Count);
        Assert.Contains("4 November 2026", added[0]);
        Assert.Equal(before, added[1..]); // the three days' entries as first rendered
        Assert.Equal([added[0], added[1], added[3]], [rebuilt[0], rebuilt[1], rebuilt[3]]);
        Assert.Contains("2 November 2026", rebuilt[2]);
        Assert.NotEqual(added[2], rebuilt[2]);
    }

    private Task SaveAsync(DateOnly day, int articleCount) =>
        _digests.SaveAsync(new Digest(day, Fixtures.Noon, articleCount, []), new Dictionary<RenderFormat, string>());

    /// <summary>The feed's entries' content, newest day first.</summary>
    private async Task<List<string>> EntriesAsync()
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        using var body = new MemoryStream();
        context.Response.Body = body;
        await (await _feed.GetFeedAsync(CancellationToken.None)).ExecuteAsync(context);

        body.Position = 0;
        using var reader = XmlReader.Create(body);
        return SyndicationFeed.Load(reader).Items.Select(item => ((TextSyndicationContent)item.Content).Text).ToList();
    }
}
