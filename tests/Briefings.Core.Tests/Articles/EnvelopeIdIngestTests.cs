using System.Text;
using System.Text.Json;
using Briefings.Core.Articles;
using Briefings.Core.Digests;
using Briefings.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Briefings.Core.Tests.Articles;

/// <summary>An envelope may name its article: the same report under its id again is a duplicate, another report under it is not lost.</summary>
public sealed class EnvelopeIdIngestTests : IDisposable
{
    private const string Harbour = "The harbour bridge reopened to traffic on Tuesday after repairs to its deck, the port authority said. Engineers replaced worn joints over three weeks of night work.";
    private const string Football = "The city's football club signed a new goalkeeper on Tuesday for a fee the club did not disclose. He joins from a rival in the northern league.";

    private readonly TempFolder _temp = new();
    private readonly FileBlobStore _store;
    private readonly IngestHandler _handler;

    public EnvelopeIdIngestTests()
    {
        _store = new FileBlobStore(_temp.Path);
        var options = new IngestOptions();
        var clock = new DigestClock(Options.Create(new DigestOptions()), TimeProvider.System);
        _handler = new IngestHandler(_store, Fixtures.Reader(options), new ArticleStore(_store, clock), options, TimeProvider.System, NullLogger<IngestHandler>.Instance);
    }

    public void Dispose() => _temp.Dispose();

    private async Task<IngestOutcome> IngestAsync(string name, string title, string body)
    {
        var envelope = JsonSerializer.Serialize(new { id = "feed-1", title, published = "2026-11-24T10:00:00Z", body });
        await _store.PutAsync(Containers.Inbox, name, Encoding.UTF8.GetBytes(envelope));
        return await _handler.IngestAsync(name);
    }

    [Fact]
    public async Task TheSameReportUnderItsIdAgainIsADuplicate()
    {
        Assert.Equal(IngestStatus.Ingested, (await IngestAsync("first.json", "Harbour bridge reopens", Harbour)).Status);

        var again = await IngestAsync("again.json", "Harbour bridge reopens", Harbour);

        Assert.Equal((IngestStatus.Duplicate, "feed-1"), (again.Status, again.ArticleId));
    }

    [Fact]
    public async Task TheSameReportWithOtherQuotesCaseOrSpacingIsStillADuplicate()
    {
        await IngestAsync("first.json", "Harbour bridge reopens", Harbour);

        var again = await IngestAsync("again.json", "HARBOUR  bridge reopens", Harbour.Replace("the port authority said", "the Port Authority said", StringComparison.Ordinal));

        Assert.Equal(IngestStatus.Duplicate, again.Status);
    }

    [Fact]
    public async Task AnotherReportUnderAnIdInUseIsPoisonedWithItsReasonAndKept()
    {
        await IngestAsync("first.json", "Harbour bridge reopens", Harbour);

        var other = await IngestAsync("other.json", "Club signs a goalkeeper", Football);

        Assert.Equal(IngestStatus.Poisoned, other.Status);
        Assert.Contains("The id 'feed-1' is already used by another article", other.Reason);
        Assert.Contains("\"Harbour bridge reopens\", from articles-inbox/first.json", other.Reason);
        var kept = await _store.GetAsync(Containers.Poison, "other.json");
        Assert.Contains("signed a new goalkeeper", Encoding.UTF8.GetString(kept!.Content));
        Assert.Contains("feed-1", Encoding.UTF8.GetString((await _store.GetAsync(Containers.Poison, "other.json.reason.txt"))!.Content));
        var filed = await new ArticleStore(_store, new DigestClock(Options.Create(new DigestOptions()), TimeProvider.System)).ListDayAsync(new DateOnly(2026, 11, 24));
        Assert.Equal("Harbour bridge reopens", Assert.Single(filed).Title);
    }
}
