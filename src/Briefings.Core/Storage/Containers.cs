namespace Briefings.Core.Storage;

/// <summary>The containers (folders in the embedded store) and what each holds.</summary>
public static class Containers
{
    /// <summary>Raw articles as they arrive; never modified or deleted by the app.</summary>
    public const string Inbox = "articles-inbox";

    /// <summary>Clean articles: <c>{yyyy}/{MM}/{dd}/{id}.json</c>.</summary>
    public const string Articles = "articles";

    /// <summary>Inputs that could not be read as articles: a copy of the raw blob and <c>{name}.reason.txt</c>.</summary>
    public const string Poison = "articles-poison";

    /// <summary>One receipt per inbox blob name: the ETag it saw, the outcome and the attempts.</summary>
    public const string Receipts = "ingest-receipts";

    /// <summary><c>{yyyy-MM-dd}/digest.json</c> and its renderings.</summary>
    public const string Digests = "digests";

    /// <summary>The create-only delivery ledger: <c>{yyyy-MM-dd}/{subscriberId}.json</c>.</summary>
    public const string Deliveries = "deliveries";

    /// <summary>The vectors an embeddings model gave each day's articles: <c>{model}/{yyyy-MM-dd}.bin</c> (<see cref="Stories.EmbeddingStore"/>).</summary>
    public const string Embeddings = "embeddings";

    /// <summary>
    /// The model's answers that passed the checks, by the request that drew them:
    /// <c>{deployment and endpoint}/{hash of the request}.json</c> (<see cref="Summaries.Model.ModelAnswerStore"/>).
    /// </summary>
    public const string ModelAnswers = "model-answers";

    /// <summary>One blob per subscriber: <c>{subscriberId}.json</c>.</summary>
    public const string Subscribers = "subscribers";

    /// <summary>Keys the app generated for itself when configuration gave none (the token signing key).</summary>
    public const string Keys = "keys";

    /// <summary>
    /// The containers whose blobs the app can make again, at the cost of the model calls that made
    /// them: a deployment removes them once unchanged for some weeks (infra/app/storage.bicep), as a
    /// day reads only its own and the <c>ContinuityDays</c> before it.
    /// </summary>
    public static IReadOnlyList<string> Remade { get; } = [Embeddings, ModelAnswers];
}
