using System.Text;
using System.Text.Json;
using Briefings.Core.Articles;
using Briefings.Core.Digests;
using Briefings.Core.Storage;
using Briefings.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Integration.Tests.Stories;

/// <summary>
/// Grouping with an embeddings deployment, through the real runner and the real Azure OpenAI
/// client, against an OpenAI-compatible server on loopback: batches, what joins the grouping,
/// and every way a request can fail, after which the words group alone and the digest says why.
/// </summary>
public sealed class EmbeddingGroupingTests : IAsyncLifetime
{
    private const string Deployment = "briefings-embed";

    private const string Harbour = """
        Harbour festival draws record crowds

        Tall ships, brass bands and a night market filled the old harbour of Westmere on Saturday as the town's summer festival drew more visitors than ever before.

        Organisers said forty boats took part in the parade and the lifeboat crew gave rides to children all afternoon.
        """;

    private FakeOpenAi _model = null!;

    public async Task InitializeAsync() => _model = await FakeOpenAi.StartAsync();

    public async Task DisposeAsync() => await _model.DisposeAsync();

    /// <summary>The model's view: the seeds are about one thing, the harbour festival about another.</summary>
    private static float[] Vector(string text) => text.Contains("Korea", StringComparison.Ordinal) ? [0.6f, 0.8f, 0] : [0, 0, 2];

    [Fact]
    public async Task ArticlesAreEmbeddedInBatchesAndTheVectorsJoinTheGrouping()
    {
        _model.Otherwise = r => FakeReply.Embeddings(r, Vector);
        await using var runner = await StartRunnerAsync(new() { ["Briefings:OpenAI:EmbeddingBatch"] = "2" });

        var digest = await BuildAsync(runner);

        Assert.Equal(GroupingMethods.WordsAndEmbeddings, digest.GroupingMethod);
        Assert.Null(digest.GroupingNote);
        Assert.Equal([5, 1], digest.Stories.Select(s => s.Articles.Count));
        Assert.All(digest.Stories, s => Assert.Equal(SummaryMethods.Extractive, s.SummaryMethod)); // no chat deployment configured

        // Six articles, two a request, each sent by its title and lead, with the key.
        Assert.Equal(3, _model.Requests.Count);
        Assert.All(_model.Requests, r => Assert.Equal((Deployment, "test-key"), (r.Deployment, r.ApiKey)));
        var inputs = _model.Requests.SelectMany(r => r.Inputs()).ToList();
        Assert.Equal(6, inputs.Distinct().Count());
        Assert.Contains(inputs, i => i.StartsWith("Harbour festival draws record crowds\n\nTall ships", StringComparison.Ordinal));
        Assert.All(_model.Requests, r => Assert.Equal(256, (int)r.Json()["dimensions"]!)); // the default length asked for

        using var json = JsonDocument.Parse(await runner.Client.GetStringAsync("/api/briefings/latest"));
        Assert.Equal("words+embeddings", json.RootElement.GetProperty("groupingMethod").GetString());
        Assert.False(json.RootElement.TryGetProperty("groupingNote", out _));
    }

    [Fact]
    public async Task BatchesInFlightAtOnceEachSendTheirOwnArticles()
    {
        // One article a request, four requests at once: each must carry its own article. The SDK
        // writes a request's inputs into the options it is given, so options shared by requests in
        // flight would mix them; that race is too narrow to be made to happen here, so this test
        // guards the outcome (every article sent once, the grouping right) rather than the race.
        _model.Otherwise = r => FakeReply.Embeddings(r, Vector) with { Delay = TimeSpan.FromMilliseconds(50) };
        await using var runner = await StartRunnerAsync(new() { ["Briefings:OpenAI:EmbeddingBatch"] = "1" });

        var digest = await BuildAsync(runner);

        Assert.Equal(6, _model.Requests.Count);
        Assert.True(_model.MaxInFlight > 1, "requests were in flight at once");
        Assert.Equal(6, _model.Requests.Select(r => Assert.Single(r.Inputs())).Distinct().Count());
        Assert.Equal([5, 1], digest.Stories.Select(s => s.Articles.Count));
    }

    [Fact]
    public async Task WithoutAnEmbeddingsDeploymentNothingIsCalledAndTheWordsGroup()
    {
        await using var runner = await Runner.StartAsync(settings: new Dictionary<string, string?> { ["Briefings:OpenAI:Endpoint"] = _model.Endpoint });

        var digest = await BuildAsync(runner);

        Assert.Equal(GroupingMethods.Words, digest.GroupingMethod);
        Assert.Null(digest.GroupingNote);
        Assert.Equal([5, 1], digest.Stories.Select(s => s.Articles.Count));
        Assert.Empty(_model.Requests);
    }

    [Fact]
    public async Task AnErrorLeavesTheGroupingToTheWordsAndTheDigestSaysWhy()
    {
        _model.Otherwise = _ => FakeReply.Error(500);
        await using var runner = await StartRunnerAsync(new() { ["Briefings:OpenAI:MaxRetries"] = "1", ["Briefings:OpenAI:RetryDelay"] = "00:00:00.01" });

        var digest = await BuildAsync(runner);

        AssertWordsAlone(digest, "6 of 6 articles without embeddings (error: HTTP 500 after 2 attempts)");
        Assert.Equal(2, _model.Requests.Count);
    }

    [Fact]
    public async Task AThrottledRequestIsRetriedAfterTheWaitAskedFor()
    {
        _model.Then(FakeReply.Error(429, new Dictionary<string, string> { ["Retry-After"] = "1" }));
        _model.Otherwise = r => FakeReply.Embeddings(r, Vector);
        await using var runner = await StartRunnerAsync();

        var digest = await BuildAsync(runner);

        Assert.Equal(GroupingMethods.WordsAndEmbeddings, digest.GroupingMethod);
        Assert.Null(digest.GroupingNote);
        var (first, second) = (_model.Requests[0], _model.Requests[1]);
        Assert.Equal(2, _model.Requests.Count);
        Assert.True(second.At - first.At >= TimeSpan.FromSeconds(0.9), $"retried after {(second.At - first.At).TotalSeconds:0.00} s");
    }

    [Fact]
    public async Task VectorsThatDoNotFitAreNotUsed()
    {
        // One input's vector is shorter than the rest: no vector of the batch can be trusted.
        _model.Otherwise = r => FakeReply.Embeddings(r, text => text.StartsWith("Harbour", StringComparison.Ordinal) ? [1, 0] : Vector(text));
        await using var runner = await StartRunnerAsync();

        var digest = await BuildAsync(runner);

        AssertWordsAlone(digest, "6 of 6 articles without embeddings (malformed answer: vectors of another length, empty or not numbers)");
    }

    [Fact]
    public async Task AnAnswerThatIsNotJsonIsNotUsed()
    {
        _model.Otherwise = _ => new FakeReply(Body: "{\"object\": \"list\", \"data\": [");
        await using var runner = await StartRunnerAsync();

        var digest = await BuildAsync(runner);

        Assert.StartsWith("6 of 6 articles without embeddings (malformed answer: ", digest.GroupingNote);
        AssertWordsAlone(digest, digest.GroupingNote!);
    }

    [Fact]
    public async Task ASlowAnswerTimesOut()
    {
        _model.Otherwise = r => FakeReply.Embeddings(r, Vector) with { Delay = TimeSpan.FromSeconds(5) };
        await using var runner = await StartRunnerAsync(new() { ["Briefings:OpenAI:Timeout"] = "00:00:00.5" });

        var digest = await BuildAsync(runner);

        AssertWordsAlone(digest, "6 of 6 articles without embeddings (timeout: no answer within 0.5 s)");
    }

    [Fact]
    public async Task ABuildOfTheDayAgainUsesTheVectorsKeptFromTheFirst()
    {
        _model.Otherwise = r => FakeReply.Embeddings(r, Vector);
        await using var runner = await StartRunnerAsync();
        var first = await BuildAsync(runner);
        var asked = _model.Requests.Count;

        // The model is down now: the kept vectors alone must group the day as before.
        _model.Otherwise = _ => FakeReply.Error(500);
        await Seeding.BuildDaysAsync(runner.Services, first.Date);
        var again = await DigestAsync(runner, first.Date);

        Assert.Equal(asked, _model.Requests.Count);
        Assert.Equal(GroupingMethods.WordsAndEmbeddings, again.GroupingMethod);
        Assert.Null(again.GroupingNote);
        Assert.Equal(first.Stories.Select(s => s.Articles.Select(a => a.Id)), again.Stories.Select(s => s.Articles.Select(a => a.Id)));
        Assert.Single(await KeptAsync(runner));
    }

    [Fact]
    public async Task VectorsAreKeptInBlobStorageAsInTheFolderStore()
    {
        _model.Otherwise = r => FakeReply.Embeddings(r, Vector);
        await using var azurite = await Azurite.StartAsync();
        await using var runner = await StartRunnerAsync(connectionString: azurite.ConnectionString);
        var first = await BuildAsync(runner);
        var asked = _model.Requests.Count;

        _model.Otherwise = _ => FakeReply.Error(500);
        await Seeding.BuildDaysAsync(runner.Services, first.Date);

        Assert.Equal(asked, _model.Requests.Count);
        Assert.Equal(GroupingMethods.WordsAndEmbeddings, (await DigestAsync(runner, first.Date)).GroupingMethod);
        Assert.Single(await KeptAsync(runner));
    }

    [Fact]
    public async Task ADaysBuildAsksTheModelOnlyForItsOwnArticlesAndReadsTheDaysBeforeFromTheirFiles()
    {
        _model.Otherwise = r => FakeReply.Embeddings(r, Vector);
        await using var runner = await StartRunnerAsync();
        var yesterday = Seeding.Today(runner.Services).AddDays(-1);
        var published = yesterday.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
        await Seeding.IngestTextAsync(runner.Services, "library.json", JsonSerializer.Serialize(new { title = "City library reopens after flood repairs", published, body = Seeding.Library }));
        await Seeding.BuildDaysAsync(runner.Services, yesterday);
        var asked = _model.Requests.Count;

        // Today's digest reads yesterday's articles too, as earlier reports of its stories.
        var digest = await BuildAsync(runner);

        var inputs = _model.Requests.Skip(asked).SelectMany(r => r.Inputs()).ToList();
        Assert.Equal(6, inputs.Count);
        Assert.DoesNotContain(inputs, i => i.StartsWith("City library", StringComparison.Ordinal));
        Assert.Equal(GroupingMethods.WordsAndEmbeddings, digest.GroupingMethod);
        Assert.Null(digest.GroupingNote);
        Assert.Equal(2, (await KeptAsync(runner)).Count); // a file for each day
    }

    [Fact]
    public async Task KeptVectorsThatCannotBeReadAreMadeAgainAndKeptAnew()
    {
        _model.Otherwise = r => FakeReply.Embeddings(r, Vector);
        await using var runner = await StartRunnerAsync();
        var day = (await BuildAsync(runner)).Date;
        var store = runner.Services.GetRequiredService<IBlobStore>();
        var kept = Assert.Single(await KeptAsync(runner));
        var blob = (await store.GetAsync(Containers.Embeddings, kept))!;
        await store.PutAsync(Containers.Embeddings, kept, blob.Content[..(blob.Content.Length / 2)]); // cut short
        var asked = _model.Requests.Count;

        await Seeding.BuildDaysAsync(runner.Services, day);
        var remade = _model.Requests.Count - asked;
        await Seeding.BuildDaysAsync(runner.Services, day);

        Assert.Equal(asked, remade); // every article again, as the first time
        Assert.Equal(asked + remade, _model.Requests.Count); // and then read from the file written anew
        Assert.Equal(GroupingMethods.WordsAndEmbeddings, (await DigestAsync(runner, day)).GroupingMethod);
    }

    [Fact]
    public async Task AStoreThatCannotKeepTheVectorsCostsCallsNotTheBuild()
    {
        _model.Otherwise = r => FakeReply.Embeddings(r, Vector);
        var folder = Repository.TempFolder("embeddings");
        await File.WriteAllTextAsync(Path.Combine(folder, Containers.Embeddings), "a file where the container's folder would be");
        await using var runner = await StartRunnerAsync(new() { ["Briefings:Storage:DataPath"] = folder });

        var digest = await BuildAsync(runner);
        var asked = _model.Requests.Count;
        await Seeding.BuildDaysAsync(runner.Services, digest.Date);

        Assert.Equal(GroupingMethods.WordsAndEmbeddings, digest.GroupingMethod);
        Assert.Null(digest.GroupingNote);
        Assert.Equal([5, 1], digest.Stories.Select(s => s.Articles.Count));
        Assert.Equal(2 * asked, _model.Requests.Count); // nothing was kept, so the rebuild asked again
        Assert.Equal(GroupingMethods.WordsAndEmbeddings, (await DigestAsync(runner, digest.Date)).GroupingMethod);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task VectorsOfAModelChangedUnderTheSameNameAreMadeAgainAndKeptAtOneLength()
    {
        _model.Otherwise = r => FakeReply.Embeddings(r, Vector);
        await using var runner = await StartRunnerAsync();
        var day = (await BuildAsync(runner)).Date;
        await Seeding.IngestTextAsync(runner.Services, "library.txt", Seeding.Library);
        _model.Otherwise = r => FakeReply.Embeddings(r, text => [.. Vector(text), 0]); // one longer now
        var asked = _model.Requests.Count;

        await Seeding.BuildDaysAsync(runner.Services, day); // the new article; the file now holds the new length only
        await Seeding.BuildDaysAsync(runner.Services, day); // the six of the old length, made again
        var remade = _model.Requests.Count;
        await Seeding.BuildDaysAsync(runner.Services, day);

        var inputs = _model.Requests.Skip(asked).SelectMany(r => r.Inputs()).ToList();
        Assert.Equal(7, inputs.Count);
        Assert.Equal(7, inputs.Distinct().Count());
        Assert.Equal(remade, _model.Requests.Count); // all seven kept, of one length
        Assert.Equal(GroupingMethods.WordsAndEmbeddings, (await DigestAsync(runner, day)).GroupingMethod);
    }

    [Fact]
    public async Task VectorsOfAnotherLengthAreKeptApart()
    {
        _model.Otherwise = r => FakeReply.Embeddings(r, Vector);
        var folder = Repository.TempFolder("embeddings");
        DateOnly day;
        await using (var runner = await StartRunnerAsync(new() { ["Briefings:Storage:DataPath"] = folder }))
        {
            day = (await BuildAsync(runner)).Date;
        }

        var asked = _model.Requests.Count;
        await using (var runner = await StartRunnerAsync(new() { ["Briefings:Storage:DataPath"] = folder, ["Briefings:OpenAI:EmbeddingDimensions"] = "64" }))
        {
            await Seeding.BuildDaysAsync(runner.Services, day);
            Assert.Equal(2, (await KeptAsync(runner)).Count);
        }

        Assert.Equal(2 * asked, _model.Requests.Count);
        Assert.All(_model.Requests.Skip(asked), r => Assert.Equal(64, (int)r.Json()["dimensions"]!));
        Directory.Delete(folder, recursive: true);
    }

    private static async Task<Digest> DigestAsync(Runner runner, DateOnly day) =>
        (await runner.Services.GetRequiredService<DigestStore>().GetAsync(day))!.Digest;

    /// <summary>The names of the kept vectors' blobs.</summary>
    private static async Task<List<string>> KeptAsync(Runner runner)
    {
        var names = new List<string>();
        await foreach (var entry in runner.Services.GetRequiredService<IBlobStore>().ListAsync(Containers.Embeddings))
        {
            names.Add(entry.Name);
        }

        return names;
    }

    private static void AssertWordsAlone(Digest digest, string note)
    {
        Assert.Equal(GroupingMethods.Words, digest.GroupingMethod);
        Assert.Equal(note, digest.GroupingNote);
        Assert.Equal([5, 1], digest.Stories.Select(s => s.Articles.Count)); // the words alone still tell the two apart
    }

    private async Task<Runner> StartRunnerAsync(Dictionary<string, string?>? settings = null, string? connectionString = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Briefings:OpenAI:Endpoint"] = _model.Endpoint,
            ["Briefings:OpenAI:EmbeddingDeployment"] = Deployment,
            ["Briefings:OpenAI:ApiKey"] = "test-key",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return await Runner.StartAsync(connectionString, all);
    }

    /// <summary>Ingests the seeds and the harbour festival and builds the day.</summary>
    private static async Task<Digest> BuildAsync(Runner runner)
    {
        var store = runner.Services.GetRequiredService<IBlobStore>();
        await store.PutAsync(Containers.Inbox, "harbour.txt", Encoding.UTF8.GetBytes(Harbour));
        Assert.Equal(IngestStatus.Ingested, (await runner.Services.GetRequiredService<IngestHandler>().IngestAsync("harbour.txt")).Status);
        var result = await Seeding.IngestSeedsAndBuildAsync(runner.Services, send: false);
        return (await runner.Services.GetRequiredService<DigestStore>().GetAsync(result.Date))!.Digest;
    }
}
