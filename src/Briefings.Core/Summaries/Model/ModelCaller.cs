using System.ClientModel;
using System.Globalization;
using Microsoft.Extensions.Logging;
using OpenAI.Chat;

namespace Briefings.Core.Summaries.Model;

/// <summary>The text of the model's answer, or why there is none.</summary>
internal sealed record ModelReply(string? Content, string? Problem);

/// <summary>What one request to the model gave, or why it gave nothing.</summary>
internal readonly record struct ModelResult<T>(T? Value, string? Problem);

/// <summary>
/// Requests to the model (a story's chat completion, a batch of embeddings), made resilient here
/// rather than in the SDK (whose own retries are off): each request is bounded by the timeout and
/// paid for from the run's budget; 408, 429, 5xx and lost connections are retried with exponential
/// backoff and jitter, waiting what the service asks for in Retry-After or retry-after-ms when it says.
/// </summary>
internal sealed class ModelCaller(ModelOptions options, TimeProvider time, ILogger logger)
{
    public async Task<ModelReply> CompleteAsync(ChatClient chat, string storyId, IReadOnlyList<ChatMessage> messages, CallBudget budget, CancellationToken cancellationToken)
    {
        var result = await SendAsync(
            $"story {storyId}",
            async token => (await chat.CompleteChatAsync(messages, StoryPrompt.Options(options.StructuredOutputs), token)).Value,
            budget,
            cancellationToken);
        return result switch
        {
            { Problem: { } problem } => new ModelReply(null, problem),
            { Value.Refusal: { Length: > 0 } refusal } => Failed("refused", refusal),
            { Value: { } completion } => new ModelReply(string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text)), null),
            _ => Failed("error", "no answer"),
        };
    }

    /// <summary>
    /// Sends one request, retrying what may pass on a second try, within the timeout and the
    /// budget; <paramref name="subject"/> is what the log calls it ("story 1a2b", "embeddings of
    /// articles 1–128").
    /// </summary>
    public async Task<ModelResult<T>> SendAsync<T>(string subject, Func<CancellationToken, Task<T>> send, CallBudget budget, CancellationToken cancellationToken)
    {
        for (var retry = 0; ; retry++)
        {
            if (!budget.TryTake())
            {
                return new(default, Problem("budget spent", $"this run's {budget.Limit} model calls are used"));
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Timeout);
            try
            {
                return new(await send(timeout.Token), null);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return new(default, Problem("timeout", $"no answer within {options.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s"));
            }
            catch (ClientResultException e) when (RetryAdvice.IsTransient(e.Status) && retry < options.MaxRetries)
            {
                var response = e.GetRawResponse();
                var requested = RetryAdvice.Requested(name => response?.Headers.TryGetValue(name, out var value) == true ? value : null, time.GetUtcNow());
                if (requested > options.MaxRetryDelay)
                {
                    return new(default, Problem("throttled", $"HTTP {e.Status} asked for a wait of {requested.Value.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s"));
                }

                var delay = requested ?? RetryAdvice.Backoff(retry, options.RetryDelay, options.MaxRetryDelay, Random.Shared.NextDouble());
                ModelLog.Retrying(logger, subject, e.Status, retry + 1, options.MaxRetries, delay);
                await Task.Delay(delay, time, cancellationToken);
            }
            catch (ClientResultException e)
            {
                return new(default, Problem("error", e.Status == 0 ? e.Message : $"HTTP {e.Status} after {retry + 1} attempt{(retry == 0 ? "" : "s")}"));
            }
        }
    }

    private static ModelReply Failed(string kind, string detail) => new(null, Problem(kind, detail));

    private static string Problem(string kind, string detail) => $"{kind}: {detail}";
}
