using Azure;
using Briefings.Core.Articles;
using Briefings.Core.Digests;
using Briefings.Core.Storage;
using Briefings.Core.Tests.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Briefings.Core.Tests.Articles;

/// <summary>A storage outage never poisons a good article; storage refusing it for good does.</summary>
public sealed class StorageOutageIngestTests
{
    /// <summary>The folder store, failing every save of an article while <see cref="Failure"/> is set.</summary>
    private sealed class FailingArticleSaves(IBlobStore inner) : DelegatingBlobStore(inner)
    {
        public Func<Exception>? Failure { get; set; }

        public override Task<string> PutAsync(string container, string name, ReadOnlyMemory<byte> content, BlobWrite? write = null, CancellationToken cancellationToken = default) =>
            container == Containers.Articles && Failure is { } failure
                ? throw failure()
                : base.PutAsync(container, name, content, write, cancellationToken);
    }

    private static (IngestHandler Handler, FailingArticleSaves Store, FileBlobStore Files) Create(TempFolder temp)
    {
        var files = new FileBlobStore(temp.Path);
        var store = new FailingArticleSaves(files);
        var options = new IngestOptions();
        var clock = new DigestClock(Options.Create(new DigestOptions()), TimeProvider.System);
        var handler = new IngestHandler(store, Fixtures.Reader(options), new ArticleStore(store, clock), options, TimeProvider.System, NullLogger<IngestHandler>.Instance);
        return (handler, store, files);
    }

    private static readonly byte[] Article = System.Text.Encoding.UTF8.GetBytes(
        "Council approves the transport budget\n\n"
        + "The city council approved the transport budget on Tuesday after a long debate, raising spending on buses by four percent and adding twelve kilometres of cycle lanes.\n\n"
        + "Members voted seven to four in favour of the plan, which the mayor said would cut journey times across the city by the end of next year.\n\n"
        + "Opponents said the money would be better spent repairing roads, and promised to raise the matter again when the council meets in March.");

    public static TheoryData<string> Outages() => ["io", "503", "429", "timeout", "no answer"];

    private static Exception Outage(string kind) => kind switch
    {
        "io" => new IOException("The disk went away."),
        "503" => new RequestFailedException(503, "Service Unavailable"),
        "429" => new RequestFailedException(429, "Too Many Requests"),
        "timeout" => new TimeoutException(),
        _ => new AggregateException(new RequestFailedException(0, "No response"), new HttpRequestException("Connection refused")),
    };

    [Theory]
    [MemberData(nameof(Outages))]
    public async Task AnArticleCaughtByOutagesMoreTimesThanItsAttemptsIsIngestedOnceStorageIsBack(string kind)
    {
        using var temp = new TempFolder();
        var (handler, store, files) = Create(temp);
        await files.PutAsync(Containers.Inbox, "budget.txt", Article);

        store.Failure = () => Outage(kind);
        for (var i = 0; i < new IngestOptions().MaxAttempts * 2; i++)
        {
            Assert.Equal(IngestStatus.Failed, (await handler.IngestAsync("budget.txt")).Status);
        }

        store.Failure = null;
        var outcome = await handler.IngestAsync("budget.txt");

        Assert.Equal(IngestStatus.Ingested, outcome.Status);
        Assert.Empty(await files.ListAsync(Containers.Poison).ToListAsync());
    }

    [Fact]
    public async Task StorageRefusingTheArticleForGoodPoisonsItAfterItsAttempts()
    {
        using var temp = new TempFolder();
        var (handler, store, files) = Create(temp);
        await files.PutAsync(Containers.Inbox, "budget.txt", Article);
        store.Failure = () => new RequestFailedException(400, "The request body is not valid.");

        var outcomes = new List<IngestStatus>();
        for (var i = 0; i < new IngestOptions().MaxAttempts; i++)
        {
            outcomes.Add((await handler.IngestAsync("budget.txt")).Status);
        }

        Assert.Equal([.. Enumerable.Repeat(IngestStatus.Failed, outcomes.Count - 1), IngestStatus.Poisoned], outcomes);
        var reason = await files.GetAsync(Containers.Poison, "budget.txt.reason.txt");
        Assert.Contains("not valid", System.Text.Encoding.UTF8.GetString(reason!.Content));
    }
}
