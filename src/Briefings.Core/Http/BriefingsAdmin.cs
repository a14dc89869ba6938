using Briefings.Core.Articles;
using Briefings.Core.Digests;
using Briefings.Core.Json;
using Briefings.Core.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Briefings.Core.Http;

/// <summary>
/// The admin operations. Both hosts put them behind a key (function keys in Azure, the
/// configured admin key in the runner); the handlers themselves only do the work.
/// </summary>
public sealed class BriefingsAdmin(DigestHandler digests, DigestClock clock, IBlobStore store, IngestOptions ingest, TimeProvider time, ILogger<BriefingsAdmin> logger)
{
    /// <summary><c>POST /api/briefings/{yyyy-MM-dd}/build</c>: builds (or rebuilds) the day now, without sending it.</summary>
    public async Task<IResult> BuildAsync(string date, CancellationToken cancellationToken)
    {
        if (!Days.TryParse(date, out var day))
        {
            return Problems.BadDate(date);
        }

        if (day > clock.Today)
        {
            // A day not yet begun has no news; built now, its empty briefing would become the latest.
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"{day:yyyy-MM-dd} has not begun.",
                detail: $"Today is {clock.Today:yyyy-MM-dd} in {clock.Zone.Id}; a day can be built once it has begun.");
        }

        var result = await digests.BuildAsync(day, send: false, cancellationToken);
        AdminLog.Built(logger, day, result.Stories);
        return TypedResults.Json(
            new BuildResponse(result.Date, result.Stories, result.Articles, BriefingsApi.Routes.DayPath(day), BriefingsPages.Routes.DayPath(day)),
            BriefingsJsonContext.Default.BuildResponse);
    }

    /// <summary>
    /// <c>POST /api/articles[?name=file.ext]</c>: puts the body in the inbox, create-only, under the
    /// given name or a generated one; the inbox trigger ingests it from there. 202 with the name.
    /// </summary>
    public async Task<IResult> UploadArticleAsync(string? name, string? contentType, Stream body, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(name) && !InboxNames.IsSafe(name))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The name cannot be used.",
                detail: $"Use up to {InboxNames.MaxLength} letters, digits, '.', '-' or '_', starting with a letter or digit.");
        }

        var content = await ReadAtMostAsync(body, ingest.MaxBytes, cancellationToken);
        if (content is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: $"An article may be at most {ingest.MaxBytes:N0} bytes.");
        }

        if (content.Length == 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request has no article in its body.");
        }

        var blobName = string.IsNullOrEmpty(name) ? InboxNames.Generate(time.GetUtcNow(), contentType) : name;
        try
        {
            await store.PutAsync(Containers.Inbox, blobName, content, new BlobWrite { CreateOnly = true, ContentType = contentType }, cancellationToken);
        }
        catch (BlobConditionFailedException)
        {
            // The inbox is never overwritten: an article under that name is already waiting or ingested.
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"The inbox already holds '{blobName}'.");
        }

        AdminLog.Uploaded(logger, blobName, content.Length);
        return TypedResults.Json(new UploadResponse(blobName, Containers.Inbox), BriefingsJsonContext.Default.UploadResponse, statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary>The whole body, or null when it is longer than <paramref name="limit"/>.</summary>
    private static async Task<byte[]?> ReadAtMostAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}

internal static partial class AdminLog
{
    [LoggerMessage(6001, LogLevel.Information, "Built the digest for {Day:yyyy-MM-dd} on request: {Stories} stories")]
    public static partial void Built(ILogger logger, DateOnly day, int stories);

    [LoggerMessage(6002, LogLevel.Information, "Put an uploaded article in the inbox as {Name} ({Bytes} bytes)")]
    public static partial void Uploaded(ILogger logger, string name, int bytes);
}
