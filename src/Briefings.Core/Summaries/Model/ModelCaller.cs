using System.ClientModel;
using System.Globalization;
using Microsoft.Extensions.Logging;
using OpenAI.Chat;

namespace Briefings.Core.Summaries.Model;

/// <summary>The text of the model's answer, or why there is none.</summary>
internal sealed record ModelReply(string? Content, string? Problem);

/// <summary>
/// One story's chat completion, made resilient here rather than in the SDK (whose own retries are
/// off): each request is bounded by the timeout and paid for from the run's budget; 408, 429, 5xx
/// and lost connections are retried with exponential backoff and jitter, waiting what the service
/// asks for in Retry-After or retry-after-ms when it says.
/// </summary>
internal sealed class ModelCaller(ChatClient chat, ModelOptions options, TimeProvider time, ILogger logger)
{
    public async Task<ModelReply> CompleteAsync(string storyId, StoryPassages passages, CallBudget budget, CancellationToken cancellationToken)
    {
        var messages = StoryPrompt.Messages(passages);
        for (var retry = 0; ; retry++)
        {
            if (!budget.TryTake())
            {
                return Failed("budget spent", $"this run's {budget.Limit} model calls are used");
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Timeout);
            try
            {
                var completion = (await chat.CompleteChatAsync(messages, StoryPrompt.Options(options.StructuredOutputs), timeout.Token)).Value;
                if (!string.IsNullOrEmpty(completion.Refusal))
                {
                    return Failed("refused", completion.Refusal);
                }

                return new ModelReply(string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text)), null);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return Failed("timeout", $"no answer within {options.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s");
            }
            catch (ClientResultException e) when (RetryAdvice.IsTransient(e.Status) && retry < options.MaxRetries)
            {
                var response = e.GetRawResponse();
                var requested = RetryAdvice.Requested(name => response?.Headers.TryGetValue(name, out var value) == true ? value : null, time.GetUtcNow());
                if (requested > options.MaxRetryDelay)
                {
                    return Failed("throttled", $"HTTP {e.Status} asked for a wait of {requested.Value.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s");
                }

                var delay = requested ?? RetryAdvice.Backoff(retry, options.RetryDelay, options.MaxRetryDelay, Random.Shared.NextDouble());
                ModelLog.Retrying(logger, storyId, e.Status, retry + 1, options.MaxRetries, delay);
                await Task.Delay(delay, time, cancellationToken);
            }
            catch (ClientResultException e)
            {
                return Failed("error", e.Status == 0 ? e.Message : $"HTTP {e.Status} after {retry + 1} attempt{(retry == 0 ? "" : "s")}");
            }
        }
    }

    private static ModelReply Failed(string kind, string detail) => new(null, $"{kind}: {detail}");
}
