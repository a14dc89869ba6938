using System.Text;
using System.Text.Json;
using Briefings.Core.Json;
using Briefings.Core.Storage;
using Microsoft.Extensions.Logging;
using OpenAI.Chat;

namespace Briefings.Core.Summaries.Model;

/// <summary>An answer the checks passed, as the model wrote it, and the problem a correction mended, if any.</summary>
public sealed record KeptAnswer(string Content, string? Repaired);

/// <summary>
/// The model's answers that passed the checks, kept by the request that drew them, so that a day
/// built again (on demand, or a run retried after a crash) asks the model only for the stories
/// whose request changed: new articles, other passages, what earlier briefings told, other
/// instructions. Such a rebuild costs no calls for the rest, and tells those stories in the words
/// the readers of the first build were sent. One blob per request:
/// <c>model-answers/{deployment and endpoint}/{SHA-256 of the request}.json</c>. The blobs only save
/// calls: a kept answer is checked again as if the model had just written it, and one that is
/// missing, cannot be read or no longer passes costs a call; a store that cannot be reached costs
/// calls, not the build.
/// </summary>
public sealed class ModelAnswerStore(IBlobStore store, ILogger<ModelAnswerStore> logger)
{
    private const string ContentType = "application/json";

    /// <summary>
    /// The blob of the answer to <paramref name="messages"/> sent to <paramref name="model"/> (the
    /// deployment and the endpoint's host) with the given response format.
    /// </summary>
    public static string Name(string model, bool structured, IEnumerable<ChatMessage> messages)
    {
        var request = new StringBuilder(structured ? "json_schema\n" : "json_object\n");
        foreach (var message in messages)
        {
            // The role, then every text part after its length, so that no two different requests
            // read as one whatever their texts hold.
            request.Append(message.GetType().Name).Append(' ').Append(message.Content.Count).Append('\n');
            foreach (var part in message.Content)
            {
                var text = part.Text ?? "";
                request.Append(text.Length).Append(':').Append(text);
            }
        }

        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(request.ToString())));
        return $"{BlobNames.FolderFor(model)}/{hash}.json";
    }

    /// <summary>The answer kept for a request, or null when there is none to be had.</summary>
    public async Task<KeptAnswer?> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        StoredBlob? blob;
        try
        {
            blob = await store.GetAsync(Containers.ModelAnswers, name, cancellationToken);
        }
        catch (Exception e) when (StorageErrors.IsTransient(e))
        {
            ModelAnswerLog.NotRead(logger, name, e.Message);
            return null;
        }

        if (blob is null)
        {
            return null;
        }

        try
        {
            if (JsonSerializer.Deserialize(blob.Content, BriefingsJsonContext.Default.KeptAnswer) is { Content: { Length: > 0 } } kept)
            {
                return kept;
            }
        }
        catch (JsonException)
        {
            // not an answer: read as none, below
        }

        ModelAnswerLog.Unreadable(logger, name);
        return null;
    }

    /// <summary>Keeps an answer that passed; another run's answer to the same request, kept meanwhile, is as good.</summary>
    public async Task KeepAsync(string name, KeptAnswer answer, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.PutAsync(Containers.ModelAnswers, name, JsonSerializer.SerializeToUtf8Bytes(answer, BriefingsJsonContext.Default.KeptAnswer), new BlobWrite { ContentType = ContentType }, cancellationToken);
        }
        catch (Exception e) when (StorageErrors.IsTransient(e))
        {
            ModelAnswerLog.NotKept(logger, name, e.Message); // the answer is in hand; only a rebuild pays again
        }
    }
}

internal static partial class ModelAnswerLog
{
    [LoggerMessage(5301, LogLevel.Warning, "Kept model answer {Name} could not be read, so the model is asked: {Error}")]
    public static partial void NotRead(ILogger logger, string name, string error);

    [LoggerMessage(5302, LogLevel.Warning, "Kept model answer {Name} is not an answer, so the model is asked again")]
    public static partial void Unreadable(ILogger logger, string name);

    [LoggerMessage(5303, LogLevel.Warning, "Model answer {Name} could not be kept; a rebuild asks the model for it again: {Error}")]
    public static partial void NotKept(ILogger logger, string name, string error);
}
