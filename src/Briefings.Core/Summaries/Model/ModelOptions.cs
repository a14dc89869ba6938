using System.ComponentModel.DataAnnotations;

namespace Briefings.Core.Summaries.Model;

/// <summary>
/// The Azure OpenAI deployments that write headlines and summaries and that embed articles for
/// grouping (section <c>Briefings:OpenAI</c>). Without an endpoint and a deployment, summaries stay
/// extractive; without an embeddings deployment, grouping reads the articles' words alone.
/// </summary>
public sealed class ModelOptions
{
    /// <summary>The resource endpoint, e.g. <c>https://my-resource.openai.azure.com/</c>.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The chat model deployment's name.</summary>
    public string? Deployment { get; set; }

    /// <summary>
    /// The embeddings deployment (text-embedding-3-small, say), whose vectors join the words'
    /// similarity when articles are grouped; optional, and independent of <see cref="Deployment"/>.
    /// </summary>
    public string? EmbeddingDeployment { get; set; }

    /// <summary>
    /// The length of vector asked for (text-embedding-3 models shorten theirs on request, and lose
    /// little at 256); 0 for the model's own, which older models (ada-002) need. A day of 100,000
    /// articles holds its vectors in memory: 100 MB at 256, 600 MB at 1,536.
    /// </summary>
    [Range(0, 4096)]
    public int EmbeddingDimensions { get; set; } = 256;

    /// <summary>Articles embedded per request.</summary>
    [Range(1, 2048)]
    public int EmbeddingBatch { get; set; } = 128;

    /// <summary>Embeddings requests one digest run may send, retries included; articles past it are grouped by their words alone.</summary>
    [Range(0, 100_000)]
    public int MaxEmbeddingCallsPerRun { get; set; } = 200;

    /// <summary>An API key; without one the client signs in with Entra ID (<c>DefaultAzureCredential</c>: managed identity, Azure CLI, …).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Calls in flight at once, across the process.</summary>
    [Range(1, 64)]
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>
    /// Requests one digest run may send, retries and corrections included; stories past it keep
    /// their extractive summary. The default gives each of a digest's 40 stories its answer and a
    /// correction, and 20 retries besides.
    /// </summary>
    [Range(0, 100_000)]
    public int MaxCallsPerRun { get; set; } = 100;

    /// <summary>
    /// Times an answer that fails the checks (or is not the JSON asked for) is sent back to the
    /// model with what is wrong with it, before the story keeps its extractive summary; each is a
    /// request of <see cref="MaxCallsPerRun"/>.
    /// </summary>
    [Range(0, 3)]
    public int MaxRepairs { get; set; } = 1;

    /// <summary>How long one request may take before the story falls back.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of a request answered with 408, 429 or 5xx, or lost on the network.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first backoff when the service gives no Retry-After; it doubles per retry, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait before a retry; a Retry-After beyond it ends the attempt instead.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Ask for a strict JSON schema (structured outputs); false asks only for a JSON object, for older models.</summary>
    public bool StructuredOutputs { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint) && !string.IsNullOrWhiteSpace(Deployment);

    public bool IsEmbeddingConfigured => !string.IsNullOrWhiteSpace(Endpoint) && !string.IsNullOrWhiteSpace(EmbeddingDeployment);

    /// <summary>The endpoint's host: with a deployment, whose model an answer or a vector kept is.</summary>
    public string? EndpointHost => Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) ? uri.Host : Endpoint;

    /// <summary>An endpoint, when given, must be an absolute http(s) URL.</summary>
    public bool HasValidEndpoint =>
        string.IsNullOrWhiteSpace(Endpoint)
        || (Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https");
}
