using Microsoft.Extensions.Logging;

namespace Briefings.Core.Summaries.Model;

internal static partial class ModelLog
{
    [LoggerMessage(5001, LogLevel.Debug, "Story {StoryId} is written by the model")]
    public static partial void Written(ILogger logger, string storyId);

    [LoggerMessage(5002, LogLevel.Warning, "Story {StoryId} keeps its extractive summary: {Reason}")]
    public static partial void FellBack(ILogger logger, string storyId, string reason);

    [LoggerMessage(5003, LogLevel.Information, "Model call for {Subject} answered {Status}; retry {Retry} of {MaxRetries} in {Delay}")]
    public static partial void Retrying(ILogger logger, string subject, int status, int retry, int maxRetries, TimeSpan delay);

    [LoggerMessage(5004, LogLevel.Information, "The model wrote {Written} of {Stories} stories with {Calls} calls")]
    public static partial void Finished(ILogger logger, int written, int stories, int calls);

    [LoggerMessage(5005, LogLevel.Warning, "Model call for story {StoryId} failed")]
    public static partial void CallFailed(ILogger logger, Exception exception, string storyId);

    [LoggerMessage(5006, LogLevel.Information, "The embeddings model gave vectors for {Embedded} of {Articles} articles with {Calls} calls")]
    public static partial void Embedded(ILogger logger, int embedded, int articles, int calls);

    [LoggerMessage(5007, LogLevel.Warning, "Articles {First}–{Last} are grouped by their words alone: {Reason}")]
    public static partial void NotEmbedded(ILogger logger, int first, int last, string reason);

    [LoggerMessage(5008, LogLevel.Information, "Story {StoryId}'s answer goes back to the model: {Problem}")]
    public static partial void Repairing(ILogger logger, string storyId, string problem);

    [LoggerMessage(5009, LogLevel.Debug, "Story {StoryId} is told by the model's answer kept for the same request")]
    public static partial void Reused(ILogger logger, string storyId);
}
