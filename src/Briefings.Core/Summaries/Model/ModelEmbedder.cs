using System.Collections.Concurrent;
using Briefings.Core.Articles;
using Briefings.Core.Stories;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenAI.Embeddings;

namespace Briefings.Core.Summaries.Model;

/// <summary>
/// Embeds articles with the Azure OpenAI embeddings deployment, <see cref="ModelOptions.EmbeddingBatch"/>
/// at a time and at most <see cref="ModelOptions.MaxConcurrency"/> requests at once, each made
/// resilient as a story's completion is (<see cref="ModelCaller"/>) and paid from the run's
/// embeddings budget. What an article is embedded by is what grouping weighs most: its title and
/// lead. A batch that fails, or answers with vectors that do not fit (a missing or repeated index,
/// another length, a value that is not a number), leaves its articles to be grouped by their words
/// alone, and the digest says so.
/// </summary>
public sealed class ModelEmbedder(EmbeddingClient client, IOptions<ModelOptions> options, TimeProvider time, ILogger<ModelEmbedder> logger) : IArticleEmbedder
{
    /// <summary>Characters of an article sent: its title and lead, well within a model's input.</summary>
    private const int MaxCharacters = 2_000;

    /// <summary>What an article is sent as (<see cref="TextOf"/>); a change to it makes the kept vectors another model's.</summary>
    private const string TextForm = "title-lead-2000";

    private readonly ModelCaller _caller = new(options.Value, time, logger);

    /// <summary>The deployment, the vectors' length asked for, the text sent and the endpoint's host.</summary>
    public string? Model { get; } = string.Join('-',
        options.Value.EmbeddingDeployment,
        options.Value.EmbeddingDimensions > 0 ? options.Value.EmbeddingDimensions.ToString(System.Globalization.CultureInfo.InvariantCulture) : "default",
        TextForm,
        options.Value.EndpointHost);

    public async Task<ArticleEmbeddings> EmbedAsync(IReadOnlyList<Article> articles, CancellationToken cancellationToken = default)
    {
        var distinct = articles.DistinctBy(a => a.Id).ToList();
        var batches = distinct.Chunk(options.Value.EmbeddingBatch).Select((batch, k) => (Batch: batch, First: k * options.Value.EmbeddingBatch)).ToList();
        var budget = new CallBudget(options.Value.MaxEmbeddingCallsPerRun);
        var vectors = new ConcurrentDictionary<string, float[]>(StringComparer.Ordinal);
        var problems = new ConcurrentBag<(int First, string Problem)>();
        await Parallel.ForEachAsync(
            batches,
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxConcurrency, CancellationToken = cancellationToken },
            async (batch, token) =>
            {
                var texts = batch.Batch.Select(TextOf).ToList();
                var subject = $"embeddings of articles {batch.First + 1}–{batch.First + texts.Count}";
                string? problem;
                try
                {
                    var result = await _caller.SendAsync(subject, async t => (await client.GenerateEmbeddingsAsync(texts, Request(), t)).Value, budget, token);
                    problem = result.Problem ?? Read(result.Value!, batch.Batch, vectors);
                }
                catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
                {
                    // An answer the SDK cannot read, or any other surprise: the words still group the day.
                    problem = $"malformed answer: {e.GetType().Name}";
                }

                if (problem is not null)
                {
                    ModelLog.NotEmbedded(logger, batch.First + 1, batch.First + texts.Count, problem);
                    problems.Add((batch.First, problem));
                }
            });

        ModelLog.Embedded(logger, vectors.Count, distinct.Count, budget.Taken);
        var first = problems.OrderBy(p => p.First).Select(p => p.Problem).FirstOrDefault();
        return new ArticleEmbeddings(
            new Dictionary<string, float[]>(vectors, StringComparer.Ordinal),
            first is null ? null : $"{distinct.Count - vectors.Count} of {distinct.Count} articles without embeddings ({first})");
    }

    /// <summary>
    /// A request's options, new for each request: the SDK writes the request's inputs into the
    /// options it is given, so options shared by batches in flight at once would send one batch's
    /// texts for another's.
    /// </summary>
    private EmbeddingGenerationOptions Request() => options.Value.EmbeddingDimensions > 0
        ? new EmbeddingGenerationOptions { Dimensions = options.Value.EmbeddingDimensions }
        : new EmbeddingGenerationOptions();

    /// <summary>The text an article is embedded by: its title and as much of its lead as fits (never empty, which a model refuses).</summary>
    internal static string TextOf(Article article)
    {
        var text = new System.Text.StringBuilder(article.Title, MaxCharacters);
        foreach (var paragraph in article.Paragraphs)
        {
            if (text.Length >= MaxCharacters)
            {
                break;
            }

            text.Append(text.Length == 0 ? "" : "\n\n").Append(paragraph);
        }

        return text.Length == 0 ? article.Id : text.ToString(0, Math.Min(text.Length, MaxCharacters));
    }

    /// <summary>Keeps a batch's vectors, made unit length, when all of them fit; else says what is wrong and keeps none.</summary>
    private static string? Read(OpenAIEmbeddingCollection answer, Article[] batch, ConcurrentDictionary<string, float[]> vectors)
    {
        var read = new float[batch.Length][];
        var length = -1; // every vector's, once the first is read
        foreach (var embedding in answer)
        {
            if (embedding.Index < 0 || embedding.Index >= batch.Length || read[embedding.Index] is not null)
            {
                return $"malformed answer: index {embedding.Index} for {batch.Length} inputs";
            }

            var vector = embedding.ToFloats().ToArray();
            double norm = 0;
            foreach (var value in vector)
            {
                norm += (double)value * value;
            }

            if (vector.Length == 0 || length >= 0 && vector.Length != length || !double.IsFinite(norm) || norm == 0)
            {
                return "malformed answer: vectors of another length, empty or not numbers";
            }

            length = vector.Length;
            var scale = (float)(1 / Math.Sqrt(norm));
            for (var k = 0; k < vector.Length; k++)
            {
                vector[k] *= scale;
            }

            read[embedding.Index] = vector;
        }

        if (read.Any(v => v is null))
        {
            return $"malformed answer: {read.Count(v => v is null)} of {batch.Length} inputs without a vector";
        }

        for (var k = 0; k < batch.Length; k++)
        {
            vectors[batch[k].Id] = read[k];
        }

        return null;
    }
}
