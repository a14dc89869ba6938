using Microsoft.Extensions.Logging;

namespace Briefings.Core.Articles;

internal static partial class IngestLog
{
    [LoggerMessage(1001, LogLevel.Information, "Ingested {Name} as article {ArticleId} ({Status})")]
    public static partial void Ingested(ILogger logger, string name, string articleId, IngestStatus status);

    [LoggerMessage(1002, LogLevel.Warning, "Poisoned {Name}: {Reason}")]
    public static partial void Poisoned(ILogger logger, string name, string reason);

    [LoggerMessage(1003, LogLevel.Warning, "Ingest of {Name} failed (attempt {Attempt} of {MaxAttempts}); it will be retried")]
    public static partial void Failed(ILogger logger, Exception exception, string name, int attempt, int maxAttempts);

    [LoggerMessage(1004, LogLevel.Warning, "Skipped the inbox blob {Name}: {Problem}")]
    public static partial void BadName(ILogger logger, string name, string problem);

    [LoggerMessage(1005, LogLevel.Error, "Could not record the failed attempt for {Name}")]
    public static partial void ReceiptFailed(ILogger logger, Exception exception, string name);

    [LoggerMessage(1006, LogLevel.Warning, "Ingest of {Name} stopped: storage is unavailable; it will be retried without counting as a failed attempt")]
    public static partial void StorageUnavailable(ILogger logger, Exception exception, string name);
}
