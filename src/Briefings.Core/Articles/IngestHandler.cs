using System.Text;
using System.Text.Json;
using Briefings.Core.Json;
using Briefings.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Briefings.Core.Articles;

/// <summary>
/// Ingests one inbox blob: exactly once per name and ETag, into a clean article or, when it
/// cannot be read, into the poison place with its reason. The inbox blob itself is never changed.
/// </summary>
public sealed class IngestHandler(
    IBlobStore store,
    ArticleReader reader,
    ArticleStore articles,
    IngestOptions options,
    TimeProvider clock,
    ILogger<IngestHandler> logger)
{
    public async Task<IngestOutcome> IngestAsync(string name, CancellationToken cancellationToken = default)
    {
        if (BlobNames.Problem(name) is { } problem)
        {
            IngestLog.BadName(logger, name, problem);
            return new IngestOutcome(name, IngestStatus.Poisoned, Reason: $"The blob name cannot be used: {problem}.");
        }

        var info = await store.GetInfoAsync(Containers.Inbox, name, cancellationToken);
        if (info is null)
        {
            return new IngestOutcome(name, IngestStatus.Missing);
        }

        var receipt = await ReadReceiptAsync(name, cancellationToken);
        if (receipt is { Status: IngestStatus.Ingested or IngestStatus.Duplicate or IngestStatus.Poisoned } && receipt.ETag == info.ETag)
        {
            return new IngestOutcome(name, IngestStatus.AlreadyDone, receipt.ArticleId, receipt.Reason);
        }

        var attempts = (receipt?.ETag == info.ETag ? receipt.Attempts : 0) + 1;
        if (info.Length > options.MaxBytes)
        {
            var reason = $"The blob is {info.Length:N0} bytes, over the {options.MaxBytes:N0}-byte limit for one article.";
            return await PoisonAsync(name, info.ETag, null, reason, attempts, cancellationToken);
        }

        StoredBlob? blob = null;
        var reading = false;
        try
        {
            blob = await store.GetAsync(Containers.Inbox, name, cancellationToken);
            if (blob is null)
            {
                return new IngestOutcome(name, IngestStatus.Missing);
            }

            reading = true;
            var article = reader.Read(new RawArticle(name, blob.Content, blob.ContentType, blob.Metadata));
            reading = false;
            var created = await articles.SaveAsync(article, cancellationToken);
            if (!created && await articles.GetFiledAsync(article, cancellationToken) is { } filed && !SameReport(filed, article))
            {
                // An envelope's own id names another article: filing neither over the other loses nothing.
                return await PoisonAsync(name, blob.ETag, blob,
                    $"The id '{article.Id}' is already used by another article ({Containers.Articles}/{articles.PathOf(article)}, \"{filed.Title}\"" +
                    (filed.InboxName is null ? "" : $", from {Containers.Inbox}/{filed.InboxName}") +
                    "). Give this one an id of its own, or leave the id out so that one is made from its text.", attempts, cancellationToken);
            }

            var status = created ? IngestStatus.Ingested : IngestStatus.Duplicate;
            await WriteReceiptAsync(new IngestReceipt(name, blob.ETag, status, attempts, article.Id, articles.PathOf(article), null, clock.GetUtcNow()), cancellationToken);
            IngestLog.Ingested(logger, name, article.Id, status);
            return new IngestOutcome(name, status, article.Id);
        }
        catch (ArticleRejectedException e)
        {
            return await PoisonAsync(name, blob?.ETag ?? info.ETag, blob, e.Reason, attempts, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var reason = $"{e.GetType().Name}: {e.Message}";
            // Only a failure of the article itself counts towards poisoning it: an unexpected error
            // while reading it, or storage refusing it for good. A storage outage is not the
            // article's fault; the next poll tries again with the count where it was.
            if (!reading && StorageErrors.IsTransient(e))
            {
                attempts--;
                IngestLog.StorageUnavailable(logger, e, name);
                await TryWriteReceiptAsync(new IngestReceipt(name, info.ETag, IngestStatus.Failed, attempts, null, null, reason, clock.GetUtcNow()), cancellationToken);
                return new IngestOutcome(name, IngestStatus.Failed, Reason: reason);
            }

            if (attempts >= options.MaxAttempts)
            {
                return await PoisonAsync(name, blob?.ETag ?? info.ETag, blob, $"Failed {attempts} times; last error: {reason}", attempts, cancellationToken);
            }

            IngestLog.Failed(logger, e, name, attempts, options.MaxAttempts);
            await TryWriteReceiptAsync(new IngestReceipt(name, info.ETag, IngestStatus.Failed, attempts, null, null, reason, clock.GetUtcNow()), cancellationToken);
            return new IngestOutcome(name, IngestStatus.Failed, Reason: reason);
        }
    }

    /// <summary>
    /// The same report delivered again: its title and text the same once normalised, as an id made
    /// from the text sees them (curly or straight quotes, case and spacing aside). Such ids always
    /// agree; an envelope's own id may name another report.
    /// </summary>
    private static bool SameReport(Article filed, Article article) =>
        ArticleIds.FromContent(filed.Title, filed.Paragraphs) == ArticleIds.FromContent(article.Title, article.Paragraphs);

    private async Task<IngestOutcome> PoisonAsync(string name, string etag, StoredBlob? blob, string reason, int attempts, CancellationToken cancellationToken)
    {
        var metadata = new Dictionary<string, string>
        {
            ["reason"] = reason,
            ["attempts"] = attempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["inboxETag"] = etag,
        };

        if (blob is not null)
        {
            await store.PutAsync(Containers.Poison, name, blob.Content, new BlobWrite { ContentType = blob.ContentType, Metadata = metadata }, cancellationToken);
        }

        var text = $"{name}\n{reason}\nattempts: {attempts}\n" + (blob is null ? $"the raw input stays at {Containers.Inbox}/{name}\n" : "");
        await store.PutAsync(Containers.Poison, name + ".reason.txt", Encoding.UTF8.GetBytes(text), new BlobWrite { ContentType = "text/plain; charset=utf-8", Metadata = metadata }, cancellationToken);
        await WriteReceiptAsync(new IngestReceipt(name, etag, IngestStatus.Poisoned, attempts, null, null, reason, clock.GetUtcNow()), cancellationToken);
        IngestLog.Poisoned(logger, name, reason);
        return new IngestOutcome(name, IngestStatus.Poisoned, Reason: reason);
    }

    private async Task<IngestReceipt?> ReadReceiptAsync(string name, CancellationToken cancellationToken)
    {
        var blob = await store.GetAsync(Containers.Receipts, name + ".json", cancellationToken);
        if (blob is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(blob.Content, BriefingsJsonContext.Default.IngestReceipt);
        }
        catch (JsonException)
        {
            return null; // a damaged receipt only costs one more (idempotent) ingest
        }
    }

    private Task WriteReceiptAsync(IngestReceipt receipt, CancellationToken cancellationToken) =>
        store.PutAsync(Containers.Receipts, receipt.Name + ".json", JsonSerializer.SerializeToUtf8Bytes(receipt, BriefingsJsonContext.Default.IngestReceipt),
            new BlobWrite { ContentType = "application/json" }, cancellationToken);

    private async Task TryWriteReceiptAsync(IngestReceipt receipt, CancellationToken cancellationToken)
    {
        try
        {
            await WriteReceiptAsync(receipt, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            IngestLog.ReceiptFailed(logger, e, receipt.Name);
        }
    }
}
