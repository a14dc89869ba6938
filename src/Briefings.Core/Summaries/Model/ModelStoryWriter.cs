using System.Text.Json;
using System.Text.RegularExpressions;
using Briefings.Core.Articles;
using Briefings.Core.Digests;
using Briefings.Core.Json;
using Briefings.Core.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenAI.Chat;

namespace Briefings.Core.Summaries.Model;

/// <summary>
/// Asks the model for each story's headline and summary, written from numbered passages of the
/// story's articles with every sentence citing the passages it relies on, and uses the answer only
/// when <see cref="ModelSummaryVerifier"/> passes all of it. An answer that fails the checks, or
/// is not the JSON asked for, goes back to the model with every problem found, up to
/// <see cref="ModelOptions.MaxRepairs"/> times. Anything else (an answer still failing, a timeout,
/// an error, a spent budget) keeps the extractive story and says why in <see cref="Story.SummaryNote"/>.
/// At most <see cref="ModelOptions.MaxConcurrency"/> stories are with the model at once, most
/// widely covered first. With a <see cref="ModelAnswerStore"/> (where there is storage), an answer
/// kept for the very same request is checked again and used without a call.
/// </summary>
public sealed partial class ModelStoryWriter(ChatClient chat, IOptions<ModelOptions> options, TimeProvider time, ILogger<ModelStoryWriter> logger, ModelAnswerStore? answers = null) : IStoryWriter
{
    /// <summary>How <see cref="Story.SummaryNote"/> begins on a story the model's text was not used for.</summary>
    public const string FallbackNote = "fallback: ";

    private readonly SemaphoreSlim _gate = new(options.Value.MaxConcurrency);
    private readonly ModelCaller _caller = new(options.Value, time, logger);

    /// <summary>The deployment and the endpoint's host: whose answers a kept answer is.</summary>
    private readonly string _model = $"{options.Value.Deployment}-{options.Value.EndpointHost}";

    public async Task<Digest> ImproveAsync(Digest digest, IReadOnlyList<Article> articles, IReadOnlyDictionary<string, IReadOnlyList<string>>? told = null, CancellationToken cancellationToken = default)
    {
        var byId = articles.DistinctBy(a => a.Id).ToDictionary(a => a.Id, StringComparer.Ordinal);
        var budget = new CallBudget(options.Value.MaxCallsPerRun);
        // Ordinary words, as the stories' own articles write them: enough to know "Several" from a
        // name, without reading a large day's every article again.
        var ordinary = TextFacts.LowerCaseWords(digest.Stories
            .SelectMany(s => s.Articles)
            .Select(a => byId.GetValueOrDefault(a.Id))
            .OfType<Article>());
        var stories = await Task.WhenAll(digest.Stories.Select(s => WriteAsync(s, byId, ordinary, told?.GetValueOrDefault(s.Id), budget, cancellationToken)));
        ModelLog.Finished(logger, stories.Count(s => s.SummaryMethod == SummaryMethods.Model), stories.Length, budget.Taken);
        return digest with { Stories = stories };
    }

    private async Task<Story> WriteAsync(Story story, Dictionary<string, Article> articles, HashSet<string> ordinary, IReadOnlyList<string>? told, CallBudget budget, CancellationToken cancellationToken)
    {
        var passages = StoryPassages.For(story, articles);
        if (passages.Texts.Count == 0)
        {
            return FellBack(story, "no passages: the story's articles were not given");
        }

        var messages = StoryPrompt.Messages(passages, told);
        var kept = answers is null ? null : ModelAnswerStore.Name(_model, options.Value.StructuredOutputs, messages);
        if (kept is not null && await answers!.GetAsync(kept, cancellationToken) is { } earlier
            && Read(earlier.Content, passages, ordinary, told) is (var keptAnswer, { Count: 0 }))
        {
            ModelLog.Reused(logger, story.Id);
            return Written(story, keptAnswer!, passages, earlier.Repaired);
        }

        string? repaired = null;
        for (var attempt = 0; ; attempt++)
        {
            var reply = await AskAsync(story.Id, messages, budget, cancellationToken);
            if (reply.Problem is { } problem)
            {
                // The request itself failed: a repair that cannot be sent leaves the answer's own problem standing.
                return FellBack(story, repaired is null ? problem : $"{repaired} (repair: {problem})");
            }

            var (answer, problems) = Read(reply.Content ?? "", passages, ordinary, told);
            if (problems.Count == 0)
            {
                ModelLog.Written(logger, story.Id);
                if (kept is not null)
                {
                    await answers!.KeepAsync(kept, new KeptAnswer(reply.Content!, repaired), cancellationToken);
                }

                return Written(story, answer!, passages, repaired);
            }

            if (attempt >= options.Value.MaxRepairs)
            {
                return FellBack(story, problems[0]);
            }

            repaired = problems[0];
            ModelLog.Repairing(logger, story.Id, repaired);
            messages = [.. messages, .. StoryPrompt.Repair(reply.Content is { Length: > 0 } content ? content : "(no answer)", problems)];
        }
    }

    private static Story Written(Story story, ModelAnswer answer, StoryPassages passages, string? repaired) => story with
    {
        Headline = answer.Headline!,
        Summary = answer.Sentences!
            .Select(s => new SummarySentence(s.Text!, s.Sources!.Distinct().Order().Select(n => passages.ArticleIds[n]).ToList()))
            .ToList(),
        SummaryMethod = SummaryMethods.Model,
        SummaryNote = repaired is null ? null : $"repaired: {repaired}",
    };

    private async Task<ModelReply> AskAsync(string storyId, IReadOnlyList<ChatMessage> messages, CallBudget budget, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await _caller.CompleteAsync(chat, storyId, messages, budget, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // An answer the SDK cannot read, or any other surprise: the story must not sink the digest.
            ModelLog.CallFailed(logger, e, storyId);
            return new ModelReply(null, $"error: {e.GetType().Name}");
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The answer in a reply, tidied, and every problem the checks find with it (none when it can be used).</summary>
    private static (ModelAnswer? Answer, List<string> Problems) Read(string content, StoryPassages passages, HashSet<string> ordinary, IReadOnlyList<string>? told)
    {
        ModelAnswer? answer;
        try
        {
            answer = JsonSerializer.Deserialize(content, BriefingsJsonContext.Default.ModelAnswer);
        }
        catch (JsonException)
        {
            return (null, ["malformed answer: not the JSON asked for"]);
        }

        if (answer is null)
        {
            return (null, ["malformed answer: null"]);
        }

        answer = Tidy(answer);
        return (answer, ModelSummaryVerifier.Problems(answer, passages.Texts, ordinary, told).Select(v => v.Problem!).ToList());
    }

    private Story FellBack(Story story, string reason)
    {
        ModelLog.FellBack(logger, story.Id, reason);
        return story with { SummaryNote = FallbackNote + reason };
    }

    /// <summary>Citation markers a model leaves in its text ("… troops [1, 2].") go; the sources list carries them.</summary>
    private static ModelAnswer Tidy(ModelAnswer answer) => answer with
    {
        Headline = answer.Headline is null ? null : Words.Squash(answer.Headline),
        Sentences = answer.Sentences?.Select(s => s with { Text = s.Text is null ? null : Words.Squash(Markers().Replace(s.Text, "")) }).ToList(),
    };

    [GeneratedRegex(@"\s*\[\d+(?:\s*[,;]\s*\d+)*\]", RegexOptions.CultureInvariant)]
    private static partial Regex Markers();
}
