using Briefings.Core.Articles;
using Briefings.Core.Stories;

namespace Briefings.Local.Benchmarks;

/// <summary>
/// Stand-in vectors for the synthetic corpus, to time grouping with embeddings (`bench digest
/// --embedding-dims N`) where no model can be called: an article's vector is its story's direction
/// plus some of its own, so reports of one story are close and other stories are not, as a model's
/// would be. What they cost to make is not the build's and is timed apart.
/// </summary>
public static class SyntheticEmbeddings
{
    public static ArticleEmbeddings For(IReadOnlyList<Article> articles, int dimensions)
    {
        var vectors = new Dictionary<string, float[]>(articles.Count, StringComparer.Ordinal);
        var stories = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var article in articles)
        {
            // Synthetic ids are "s{seed}-{story}-{article}".
            var story = article.Id[..Math.Max(0, article.Id.LastIndexOf('-'))];
            if (!stories.TryGetValue(story, out var direction))
            {
                direction = stories[story] = Gaussian(story, dimensions);
            }

            var own = Gaussian(article.Id, dimensions);
            var vector = new float[dimensions];
            double norm = 0;
            for (var k = 0; k < dimensions; k++)
            {
                vector[k] = direction[k] + 0.7f * own[k];
                norm += (double)vector[k] * vector[k];
            }

            var scale = (float)(1 / Math.Sqrt(norm));
            for (var k = 0; k < dimensions; k++)
            {
                vector[k] *= scale;
            }

            vectors[article.Id] = vector;
        }

        return new ArticleEmbeddings(vectors, null);
    }

    /// <summary>A vector of standard normal values seeded by a name (the same name, the same vector, in any process).</summary>
    private static float[] Gaussian(string name, int dimensions)
    {
        var seed = 17;
        foreach (var c in name)
        {
            seed = unchecked(seed * 31 + c);
        }

        var random = new Random(seed);
        var vector = new float[dimensions];
        for (var k = 0; k < dimensions; k++)
        {
            vector[k] = (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        }

        return vector;
    }
}
