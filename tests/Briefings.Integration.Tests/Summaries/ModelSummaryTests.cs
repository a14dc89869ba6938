using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Briefings.Core.Articles;
using Briefings.Core.Digests;
using Briefings.Core.Storage;
using Briefings.Core.Text;
using Briefings.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Briefings.Integration.Tests.Summaries;

/// <summary>
/// The model path through the real runner and the real Azure OpenAI client, against an
/// OpenAI-compatible server on loopback: what is used, what falls back, and why.
/// </summary>
public sealed class ModelSummaryTests : IAsyncLifetime
{
    private const string Deployment = "briefings-chat";
    private const string ApiKey = "test-key";

    private FakeOpenAi _model = null!;

    public async Task InitializeAsync() => _model = await FakeOpenAi.StartAsync();

    public async Task DisposeAsync() => await _model.DisposeAsync();

    [Fact]
    public async Task AGoodAnswerBecomesTheStorysHeadlineAndSummaryWithItsCitations()
    {
        _model.Then(r => FakeReply.Answer(Good(r)));
        await using var runner = await StartRunnerAsync();

        var (story, articles) = await BuildSeedStoryAsync(runner);

        var request = Assert.Single(_model.Requests);
        var expected = Good(request);
        Assert.Equal(SummaryMethods.Model, story.SummaryMethod);
        Assert.Null(story.SummaryNote);
        Assert.Equal(expected.headline, story.Headline);
        Assert.Equal(expected.sentences.Select(s => s.text), story.Summary.Select(s => s.Text));
        foreach (var sentence in story.Summary)
        {
            var cited = Assert.Single(sentence.Sources);
            Assert.Contains(cited, story.Articles.Select(a => a.Id));
            Assert.Contains(articles.Single(a => a.Id == cited).Paragraphs, p => p.Contains(sentence.Text, StringComparison.Ordinal));
        }

        Assert.Equal(Deployment, request.Deployment);
        Assert.Equal(ApiKey, request.ApiKey);
        Assert.False(string.IsNullOrEmpty(request.ApiVersion));
        Assert.Equal("json_schema", (string?)request.Json()["response_format"]!["type"]);
        Assert.Equal(5, request.Passages().Count);
    }

    [Fact]
    public async Task ADevelopingStorysRequestTellsTheModelWhatEarlierBriefingsToldOfIt()
    {
        _model.Otherwise = r => FakeReply.Answer(Good(r));
        await using var runner = await StartRunnerAsync();
        var today = Seeding.Today(runner.Services);
        await IngestSeedAsync(runner, "yesterday.json", "001_6a5f3271fac9ecc8.txt", today.AddDays(-1).ToDateTime(new TimeOnly(18, 0)));
        await IngestSeedAsync(runner, "today.json", "003_17d850d139d251e7.txt", today.ToDateTime(new TimeOnly(6, 0)));
        var digests = runner.Services.GetRequiredService<DigestStore>();
        await Seeding.BuildDaysAsync(runner.Services, today.AddDays(-1));
        var first = Assert.Single(_model.Requests);
        var yesterday = Assert.Single((await digests.GetAsync(today.AddDays(-1)))!.Digest.Stories);

        await Seeding.BuildDaysAsync(runner.Services, today);

        var story = Assert.Single((await digests.GetAsync(today))!.Digest.Stories);
        Assert.NotNull(story.Developing);
        Assert.Equal(SummaryMethods.Model, yesterday.SummaryMethod);
        Assert.DoesNotContain("Earlier briefings", UserMessage(first), StringComparison.Ordinal);
        var prompt = UserMessage(_model.Requests[1]);
        Assert.Contains("Earlier briefings already told the reader this about the story:", prompt, StringComparison.Ordinal);
        Assert.All(yesterday.Summary, s => Assert.Contains($"- {s.Text}\n", prompt, StringComparison.Ordinal));
        Assert.Single(_model.Requests[1].Passages()); // today's one report; what was told is not a passage to cite
    }

    [Fact]
    public async Task ADevelopingStorysAnswerThatRetellsYesterdayIsSentBackAndTheOneTellingWhatIsNewIsUsed()
    {
        _model.Otherwise = r => FakeReply.Answer(Good(r));
        await using var runner = await StartRunnerAsync();
        var today = Seeding.Today(runner.Services);
        var seed = await File.ReadAllTextAsync(Path.Combine(Repository.Seeds, "001_6a5f3271fac9ecc8.txt"));
        await IngestAsync(runner, "yesterday.json", seed, today.AddDays(-1).ToDateTime(new TimeOnly(18, 0)));
        await IngestAsync(runner, "today.json", FollowUp + "\n\n" + seed, today.ToDateTime(new TimeOnly(6, 0)));
        var digests = runner.Services.GetRequiredService<DigestStore>();
        await Seeding.BuildDaysAsync(runner.Services, today.AddDays(-1));
        var yesterday = Assert.Single((await digests.GetAsync(today.AddDays(-1)))!.Digest.Stories);
        Assert.Equal(SummaryMethods.Model, yesterday.SummaryMethod);

        // Today's report opens on four new sentences and carries yesterday's text after them. The
        // first answer tells yesterday's summary again (each sentence is in today's passage too);
        // the second tells the news.
        _model.Then(_ => FakeReply.Answer(new Answer("EU and South Korea urge North Korea's withdrawal", [.. yesterday.Summary.Select(s => new AnswerSentence(s.Text, [1]))])))
            .Then(_ => FakeReply.Answer(new Answer(
                "EU proposes sanctions on North Korean officials",
                [.. FollowUp.Split("\n\n").Select(sentence => new AnswerSentence(sentence, [1]))])));
        await Seeding.BuildDaysAsync(runner.Services, today);

        var story = Assert.Single((await digests.GetAsync(today))!.Digest.Stories);
        Assert.NotNull(story.Developing);
        Assert.Equal(3, _model.Requests.Count);
        Assert.True(story.SummaryMethod == SummaryMethods.Model, story.SummaryNote);
        Assert.StartsWith("repaired: retold: sentence 2 tells again what an earlier briefing told", story.SummaryNote);
        Assert.Equal(FollowUp.Split("\n\n"), story.Summary.Select(s => s.Text));
        var feedback = Content(_model.Requests[2].Json()["messages"]!.AsArray()[^1]!);
        Assert.Contains("- retold: sentence 2 tells again what an earlier briefing told", feedback, StringComparison.Ordinal);
    }

    /// <summary>What a later report of the seeds' story adds: news of the day after.</summary>
    private const string FollowUp = """
        On Tuesday the European Commission proposed new sanctions on North Korean officials linked to the arms transfers to Russia.

        The proposal would freeze the assets of six senior officials and ban them from travelling to the European Union.

        Diplomats said member states could approve the package at a meeting of foreign ministers in Brussels next week.

        Seoul welcomed the proposal and said it would coordinate its own measures with the European Union.
        """;

    private static async Task IngestAsync(Runner runner, string name, string body, DateTime published)
    {
        var json = JsonSerializer.Serialize(new { title = name, source = "Wire", published = published.ToString("yyyy-MM-ddTHH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), body });
        await Seeding.IngestTextAsync(runner.Services, name, json);
    }

    private static string UserMessage(RecordedRequest request) =>
        string.Concat(request.Json()["messages"]!.AsArray().Where(m => (string?)m!["role"] == "user").Select(m => Content(m!)));

    private static async Task IngestSeedAsync(Runner runner, string name, string seed, DateTime published) =>
        await IngestAsync(runner, name, await File.ReadAllTextAsync(Path.Combine(Repository.Seeds, seed)), published);

    [Fact]
    public async Task TheStoredDigestSaysWhichPathWroteEachStory()
    {
        _model.Then(r => FakeReply.Answer(Good(r)));
        await using var runner = await StartRunnerAsync();
        await Seeding.IngestSeedsAndBuildAsync(runner.Services, send: false);

        using var json = JsonDocument.Parse(await runner.Client.GetStringAsync("/api/briefings/latest"));

        var story = Assert.Single(json.RootElement.GetProperty("stories").EnumerateArray());
        Assert.Equal("model", story.GetProperty("summaryMethod").GetString());
        Assert.False(story.TryGetProperty("summaryNote", out _));
    }

    [Fact]
    public async Task ADayBuiltAgainAsksTheModelOnlyForTheStoryWhoseRequestChanged()
    {
        _model.Otherwise = r => FakeReply.Answer(Good(r));
        await using var runner = await StartRunnerAsync();
        var (first, _) = await BuildSeedStoryAsync(runner);
        Assert.Single(_model.Requests);

        await Seeding.IngestTextAsync(runner.Services, "library.txt", Seeding.Library);
        var today = Seeding.Today(runner.Services);
        await Seeding.BuildDaysAsync(runner.Services, today);

        Assert.Equal(2, _model.Requests.Count); // the library's new story, not the seeds' again
        Assert.Contains("Riverton", UserMessage(_model.Requests[1]), StringComparison.Ordinal);
        var stories = (await runner.Services.GetRequiredService<DigestStore>().GetAsync(today))!.Digest.Stories;
        Assert.Equal(2, stories.Count);
        Assert.All(stories, s => Assert.Equal(SummaryMethods.Model, s.SummaryMethod));
        var again = Assert.Single(stories, s => s.Id == first.Id);
        Assert.Equal(first.Headline, again.Headline);
        Assert.Equal(first.Summary.Select(s => (s.Text, string.Join(' ', s.Sources))), again.Summary.Select(s => (s.Text, string.Join(' ', s.Sources))));
        Assert.Null(again.SummaryNote);
    }

    [Fact]
    public async Task OnAzuriteADayBuiltAgainTellsItsStoryFromTheKeptAnswerWithoutACall()
    {
        await using var azurite = await Azurite.StartAsync();
        _model.Otherwise = r => FakeReply.Answer(Good(r));
        await using var runner = await StartRunnerAsync(connectionString: azurite.ConnectionString);
        var (first, _) = await BuildSeedStoryAsync(runner);

        await Seeding.BuildDaysAsync(runner.Services, Seeding.Today(runner.Services));

        Assert.Single(_model.Requests);
        var blobs = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(Containers.ModelAnswers);
        var kept = new List<string>();
        await foreach (var item in blobs.GetBlobsAsync())
        {
            kept.Add(item.Name);
        }

        Assert.Matches("^briefings-chat-127\\.0\\.0\\.1-[0-9a-f]{8}/[0-9a-f]{64}\\.json$", Assert.Single(kept));
        var again = Assert.Single((await runner.Services.GetRequiredService<DigestStore>().GetAsync(Seeding.Today(runner.Services)))!.Digest.Stories);
        Assert.Equal(SummaryMethods.Model, again.SummaryMethod);
        Assert.Equal(first.Summary.Select(s => s.Text), again.Summary.Select(s => s.Text));
    }

    [Fact]
    public async Task AStoryWrittenAfterACorrectionIsBuiltAgainFromItsKeptAnswerAndSaysSoStill()
    {
        _model.Then(r => FakeReply.Answer(WithInventedNumber(Good(r)))).Then(r => FakeReply.Answer(Good(r)));
        await using var runner = await StartRunnerAsync();
        var (first, _) = await BuildSeedStoryAsync(runner);
        Assert.Equal(2, _model.Requests.Count);

        await Seeding.BuildDaysAsync(runner.Services, Seeding.Today(runner.Services));

        Assert.Equal(2, _model.Requests.Count);
        var again = Assert.Single((await runner.Services.GetRequiredService<DigestStore>().GetAsync(Seeding.Today(runner.Services)))!.Digest.Stories);
        Assert.Equal(SummaryMethods.Model, again.SummaryMethod);
        Assert.StartsWith("repaired: unsupported number: 4,321 in sentence", again.SummaryNote);
        Assert.Equal(first.Summary.Select(s => s.Text), again.Summary.Select(s => s.Text));
    }

    [Fact]
    public async Task AKeptAnswerThatFailsTheChecksOrIsNoAnswerIsAskedForAgain()
    {
        _model.Otherwise = r => FakeReply.Answer(Good(r));
        await using var runner = await StartRunnerAsync();
        await BuildSeedStoryAsync(runner);
        var blobs = runner.Services.GetRequiredService<IBlobStore>();
        var kept = new List<BlobEntry>();
        await foreach (var entry in blobs.ListAsync(Containers.ModelAnswers))
        {
            kept.Add(entry);
        }

        var name = Assert.Single(kept).Name;
        var day = Seeding.Today(runner.Services);

        // Kept with a number no passage gives (checks grown stricter read an old answer so): not used, and asked for.
        var tampered = JsonSerializer.Serialize(WithInventedNumber(Good(_model.Requests[0])));
        await blobs.PutAsync(Containers.ModelAnswers, name, JsonSerializer.SerializeToUtf8Bytes(new { content = tampered }));
        await Seeding.BuildDaysAsync(runner.Services, day);
        Assert.Equal(2, _model.Requests.Count);
        var story = Assert.Single((await runner.Services.GetRequiredService<DigestStore>().GetAsync(day))!.Digest.Stories);
        Assert.Equal(SummaryMethods.Model, story.SummaryMethod);
        Assert.DoesNotContain(story.Summary, s => s.Text.Contains("4,321", StringComparison.Ordinal));

        // The answer the model gave instead is kept in its place; a blob that is not an answer is asked for too.
        Assert.DoesNotContain("4,321", Encoding.UTF8.GetString((await blobs.GetAsync(Containers.ModelAnswers, name))!.Content), StringComparison.Ordinal);
        await blobs.PutAsync(Containers.ModelAnswers, name, "{ not json"u8.ToArray());
        await Seeding.BuildDaysAsync(runner.Services, day);
        Assert.Equal(3, _model.Requests.Count);
    }

    [Fact]
    public async Task WithoutAModelConfiguredStoriesAreExtractiveAndNothingIsCalled()
    {
        await using var runner = await Runner.StartAsync();

        var (story, _) = await BuildSeedStoryAsync(runner);

        Assert.Equal(SummaryMethods.Extractive, story.SummaryMethod);
        Assert.Null(story.SummaryNote);
        Assert.Empty(_model.Requests);
    }

    [Fact]
    public async Task AHallucinatedNumberIsSentBackWithWhatIsWrongAndTheCorrectedAnswerIsUsed()
    {
        _model.Then(r => FakeReply.Answer(WithInventedNumber(Good(r)))).Then(r => FakeReply.Answer(Good(r)));
        await using var runner = await StartRunnerAsync();

        var (story, _) = await BuildSeedStoryAsync(runner);

        Assert.Equal(SummaryMethods.Model, story.SummaryMethod);
        Assert.StartsWith("repaired: unsupported number: 4,321 in sentence", story.SummaryNote);
        Assert.DoesNotContain(story.Summary, s => s.Text.Contains("4,321", StringComparison.Ordinal));
        Assert.Equal(2, _model.Requests.Count);
        var messages = _model.Requests[1].Json()["messages"]!.AsArray();
        Assert.Equal(["system", "user", "assistant", "user"], messages.Select(m => (string?)m!["role"]));
        Assert.Contains("in 4,321 cases.", Content(messages[2]!), StringComparison.Ordinal);
        var feedback = Content(messages[3]!);
        Assert.Contains("- unsupported number: 4,321 in sentence", feedback, StringComparison.Ordinal);
        Assert.Contains("Answer with the whole JSON again.", feedback, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASentenceOpeningOnAWordTheArticlesWriteInLowerCaseIsNotFailedForAName()
    {
        string? opener = null;
        _model.Otherwise = r =>
        {
            // A word another passage writes in lower case and the first sentence's passage lacks: capitalised
            // at the start of a sentence, it would look like a name the passage does not give.
            var good = Good(r);
            var first = good.sentences[0];
            var cited = r.Passages()[first.sources[0]].ToLowerInvariant();
            opener ??= r.Passages().Values.SelectMany(p => p.Split(' ', '\n'))
                .First(w => w.Length >= 7 && w.All(char.IsLower) && !cited.Contains(w, StringComparison.Ordinal));
            var text = char.ToUpperInvariant(opener[0]) + opener[1..] + ", " + char.ToLowerInvariant(first.text[0]) + first.text[1..];
            return FakeReply.Answer(good with { sentences = [first with { text = text }, .. good.sentences[1..]] });
        };
        await using var runner = await StartRunnerAsync(new() { ["Briefings:OpenAI:MaxRepairs"] = "0" });

        var (story, _) = await BuildSeedStoryAsync(runner);

        Assert.NotNull(opener);
        Assert.True(story.SummaryMethod == SummaryMethods.Model, story.SummaryNote);
        Assert.StartsWith(char.ToUpperInvariant(opener[0]) + opener[1..] + ", ", story.Summary[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHallucinatedNumberTheModelKeepsWhenToldFallsBackToTheExtractiveSummary()
    {
        _model.Otherwise = r => FakeReply.Answer(WithInventedNumber(Good(r)));
        await using var runner = await StartRunnerAsync();

        var (story, _) = await BuildSeedStoryAsync(runner);

        AssertExtractive(story, "fallback: unsupported number: 4,321 in sentence");
        Assert.Equal(2, _model.Requests.Count);
    }

    [Fact]
    public async Task WithRepairsOffAFailedAnswerFallsBackWithoutASecondRequest()
    {
        _model.Otherwise = r => FakeReply.Answer(WithInventedNumber(Good(r)));
        await using var runner = await StartRunnerAsync(new() { ["Briefings:OpenAI:MaxRepairs"] = "0" });

        var (story, _) = await BuildSeedStoryAsync(runner);

        AssertExtractive(story, "fallback: unsupported number: 4,321 in sentence");
        Assert.Single(_model.Requests);
    }

    [Fact]
    public async Task ARepairPastTheCallBudgetLeavesTheAnswersOwnProblemAsTheReason()
    {
        _model.Otherwise = r => FakeReply.Answer(WithInventedNumber(Good(r)));
        await using var runner = await StartRunnerAsync(new() { ["Briefings:OpenAI:MaxCallsPerRun"] = "1" });

        var (story, _) = await BuildSeedStoryAsync(runner);

        AssertExtractive(story, "fallback: unsupported number: 4,321 in sentence");
        Assert.EndsWith("(repair: budget spent: this run's 1 model calls are used)", story.SummaryNote);
        Assert.Single(_model.Requests);
    }

    [Fact]
    public async Task AnInventedCitationFallsBackToTheExtractiveSummary()
    {
        _model.Otherwise = r =>
        {
            var good = Good(r);
            return FakeReply.Answer(good with { sentences = [good.sentences[0] with { sources = [1, 9] }, .. good.sentences[1..]] });
        };
        await using var runner = await StartRunnerAsync();

        var (story, _) = await BuildSeedStoryAsync(runner);

        AssertExtractive(story, "fallback: invented citation: sentence 1 cites passage 9");
        Assert.Equal(2, _model.Requests.Count);
    }

    [Fact]
    public async Task AnEmptyAnswerIsAskedForAgainAndTheSecondIsUsed()
    {
        _model.Then(new FakeReply(Content: "")).Then(r => FakeReply.Answer(Good(r)));
        await using var runner = await StartRunnerAsync();

        var (story, _) = await BuildSeedStoryAsync(runner);

        Assert.Equal(SummaryMethods.Model, story.SummaryMethod);
        Assert.Equal("repaired: malformed answer: not the JSON asked for", story.SummaryNote);
        Assert.Equal("(no answer)", Content(_model.Requests[1].Json()["messages"]!.AsArray()[2]!));
    }

    [Fact]
    public async Task MalformedJsonFallsBackToTheExtractiveSummary()
    {
        _model.Otherwise = _ => new FakeReply(Content: """{"headline": "South Korea and the EU", "sentences": [{"text": "South Korea and""");
        await using var runner = await StartRunnerAsync();

        var (story, _) = await BuildSeedStoryAsync(runner);

        AssertExtractive(story, "fallback: malformed answer");
        Assert.Equal(2, _model.Requests.Count);
        Assert.Contains("- malformed answer: not the JSON asked for", Content(_model.Requests[1].Json()["messages"]!.AsArray()[^1]!), StringComparison.Ordinal);
    }

    private static Answer WithInventedNumber(Answer good)
    {
        var last = good.sentences[^1];
        return good with { sentences = [.. good.sentences[..^1], last with { text = last.text.TrimEnd('.') + " in 4,321 cases." }] };
    }

    private static string Content(System.Text.Json.Nodes.JsonNode message) =>
        message["content"] is System.Text.Json.Nodes.JsonArray parts ? string.Concat(parts.Select(p => (string?)p!["text"])) : (string)message["content"]!;

    [Fact]
    public async Task A429IsRetriedOnceAfterTheRetryAfterItGivesAndTheAnswerIsUsed()
    {
        _model
            .Then(FakeReply.Error(429, new Dictionary<string, string> { ["Retry-After"] = "1" }))
            .Then(r => FakeReply.Answer(Good(r)));
        await using var runner = await StartRunnerAsync(new() { ["Briefings:OpenAI:RetryDelay"] = "00:00:00.050" });

        var (story, _) = await BuildSeedStoryAsync(runner);

        Assert.Equal(SummaryMethods.Model, story.SummaryMethod);
        Assert.Equal(2, _model.Requests.Count);
        var wait = _model.Requests[1].At - _model.Requests[0].At;
        Assert.True(wait >= TimeSpan.FromMilliseconds(990), $"The retry came {wait.TotalMilliseconds} ms after the 429, before its Retry-After of 1 s.");
    }

    [Fact]
    public async Task ServerErrorsAreRetriedWithBackoffUntilTheRetriesAreSpentThenTheStoryFallsBack()
    {
        _model.Otherwise = _ => FakeReply.Error(503);
        await using var runner = await StartRunnerAsync(new()
        {
            ["Briefings:OpenAI:MaxRetries"] = "2",
            ["Briefings:OpenAI:RetryDelay"] = "00:00:00.200",
        });

        var (story, _) = await BuildSeedStoryAsync(runner);

        AssertExtractive(story, "fallback: error: HTTP 503 after 3 attempts");
        var at = _model.Requests.Select(r => r.At).ToList();
        Assert.Equal(3, at.Count);
        Assert.True(at[1] - at[0] >= TimeSpan.FromMilliseconds(150), "The first retry did not back off.");
        Assert.True(at[2] - at[1] >= TimeSpan.FromMilliseconds(300), "The second retry did not wait longer than the first.");
    }

    [Fact]
    public async Task AnAnswerSlowerThanTheTimeoutFallsBackWithoutWaitingForIt()
    {
        _model.Then(r => FakeReply.Answer(Good(r)) with { Delay = TimeSpan.FromSeconds(20) });
        await using var runner = await StartRunnerAsync(new() { ["Briefings:OpenAI:Timeout"] = "00:00:01" });
        var clock = Stopwatch.StartNew();

        var (story, _) = await BuildSeedStoryAsync(runner);

        AssertExtractive(story, "fallback: timeout: no answer within 1 s");
        Assert.Single(_model.Requests);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"The build took {clock.Elapsed}.");
    }

    [Fact]
    public async Task StoriesPastTheCallBudgetKeepTheirExtractiveSummary()
    {
        _model.Otherwise = r => FakeReply.Answer(Good(r));
        await using var runner = await StartRunnerAsync(new() { ["Briefings:OpenAI:MaxCallsPerRun"] = "1" });

        var stories = await BuildSeedsAndUnrelatedAsync(runner);

        Assert.Equal(2, stories.Count);
        Assert.Single(_model.Requests);
        Assert.Single(stories, s => s.SummaryMethod == SummaryMethods.Model);
        var kept = Assert.Single(stories, s => s.SummaryMethod == SummaryMethods.Extractive);
        Assert.StartsWith("fallback: budget spent", kept.SummaryNote);
    }

    [Fact]
    public async Task NoMoreCallsThanTheConcurrencyLimitAreInFlightAtOnce()
    {
        _model.Otherwise = r => FakeReply.Answer(Good(r)) with { Delay = TimeSpan.FromMilliseconds(400) };
        await using var runner = await StartRunnerAsync(new() { ["Briefings:OpenAI:MaxConcurrency"] = "1" });

        var stories = await BuildSeedsAndUnrelatedAsync(runner);

        Assert.Equal(2, _model.Requests.Count);
        Assert.Equal(1, _model.MaxInFlight);
        Assert.All(stories, s => Assert.Equal(SummaryMethods.Model, s.SummaryMethod));
    }

    [Fact]
    public async Task EvalScoresTheSummariesTheModelWroteAndSaysWhichPathWroteThem()
    {
        _model.Otherwise = r => FakeReply.Answer(Good(r));
        var data = Path.Combine(Path.GetTempPath(), "briefings-eval-" + Guid.NewGuid().ToString("N"));
        var extractive = await EvalAsync(new());
        Dictionary<string, string> model = new()
        {
            ["Briefings__OpenAI__Endpoint"] = _model.Endpoint,
            ["Briefings__OpenAI__Deployment"] = Deployment,
            ["Briefings__OpenAI__ApiKey"] = ApiKey,
            ["Briefings__Storage__DataPath"] = data,
        };

        var written = await EvalAsync(model);

        Assert.DoesNotContain("summary paths", extractive, StringComparison.Ordinal);
        Assert.Contains("summary paths  model 8 of 8 (0 after a correction)  extractive 0", written, StringComparison.Ordinal);
        Assert.Equal(8, _model.Requests.Count);
        var rouge = (string output) => output.Split('\n').Single(l => l.StartsWith("summaries  ROUGE-1", StringComparison.Ordinal));
        Assert.NotEqual(rouge(extractive), rouge(written));

        // eval stores nothing, so a second run asks the model for every story again.
        Assert.Equal(written, await EvalAsync(model));
        Assert.Equal(16, _model.Requests.Count);
        Assert.False(Directory.Exists(data), $"eval wrote to {data}");
    }

    /// <summary>Runs the built <c>briefings eval</c> on the labelled fixture with the given environment, and returns what it printed.</summary>
    private static async Task<string> EvalAsync(Dictionary<string, string> environment)
    {
        var fixture = Path.Combine(Repository.Root, "tests", "Briefings.Core.Tests", "Evaluation");
        await using var eval = ChildProcess.Start("dotnet",
            [Path.Combine(AppContext.BaseDirectory, "briefings.dll"), "eval", "--articles", Path.Combine(fixture, "fixture-articles.jsonl"), "--summaries", Path.Combine(fixture, "fixture-summaries.jsonl")],
            environment: environment);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await eval.Process.WaitForExitAsync(timeout.Token);
        Assert.True(eval.Process.ExitCode == 0, eval.Output);
        return eval.Output;
    }

    [Fact]
    public async Task AnEndpointThatIsNotAUrlStopsTheRunnerAtStart()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => Runner.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Briefings:OpenAI:Endpoint"] = "my-resource.openai.azure.com",
            ["Briefings:OpenAI:Deployment"] = Deployment,
        }));

        Assert.Contains("Briefings:OpenAI:Endpoint", error.Message);
    }

    private async Task<Runner> StartRunnerAsync(Dictionary<string, string?>? settings = null, string? connectionString = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Briefings:OpenAI:Endpoint"] = _model.Endpoint,
            ["Briefings:OpenAI:Deployment"] = Deployment,
            ["Briefings:OpenAI:ApiKey"] = ApiKey,
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return await Runner.StartAsync(connectionString, settings: all);
    }

    private static async Task<(Story Story, List<Article> Articles)> BuildSeedStoryAsync(Runner runner)
    {
        var result = await Seeding.IngestSeedsAndBuildAsync(runner.Services, send: false);
        var digest = (await runner.Services.GetRequiredService<DigestStore>().GetAsync(result.Date))!.Digest;
        var articles = await runner.Services.GetRequiredService<ArticleStore>().ListDayAsync(result.Date);
        return (Assert.Single(digest.Stories), articles);
    }

    private static async Task<IReadOnlyList<Story>> BuildSeedsAndUnrelatedAsync(Runner runner)
    {
        await Seeding.IngestTextAsync(runner.Services, "library.txt", Seeding.Library); // a second story, about something else entirely
        var result = await Seeding.IngestSeedsAndBuildAsync(runner.Services, send: false);
        return (await runner.Services.GetRequiredService<DigestStore>().GetAsync(result.Date))!.Digest.Stories;
    }

    private static void AssertExtractive(Story story, string note)
    {
        Assert.Equal(SummaryMethods.Extractive, story.SummaryMethod);
        Assert.NotNull(story.SummaryNote);
        Assert.StartsWith(note, story.SummaryNote);
        Assert.NotEmpty(story.Summary);
        Assert.All(story.Summary, s => Assert.NotEmpty(s.Sources));
    }

    private static Answer Good(RecordedRequest request) => FaithfulAnswer.For(request);
}
