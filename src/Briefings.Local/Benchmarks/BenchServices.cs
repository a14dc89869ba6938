using Briefings.Core;
using Briefings.Core.Digests;
using Briefings.Core.Rendering;

namespace Briefings.Local.Benchmarks;

/// <summary>The runner's services over a folder store of the benchmark's own, and a digest to serve, render or send.</summary>
public static class BenchServices
{
    public static ServiceProvider Create(string dataPath, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var values = new Dictionary<string, string?>(overrides ?? new Dictionary<string, string?>())
        {
            ["Briefings:Storage:DataPath"] = dataPath,
        };
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        services.AddLogging();
        services.AddBriefings();
        return services.BuildServiceProvider();
    }

    /// <summary>A digest of <paramref name="stories"/> stories built from a synthetic day, as the daily job builds one.</summary>
    public static Digest Digest(IServiceProvider services, int seed, int stories)
    {
        var reader = services.GetRequiredService<Briefings.Core.Articles.ArticleReader>();
        var articles = new SyntheticCorpus(seed).Articles(Math.Max(400, stories * 12))
            .Select(a => reader.FromDocument(
                new Briefings.Core.Articles.Parsing.ParsedDocument { Title = a.Title, Paragraphs = [.. a.Paragraphs], Source = a.Source, Url = a.Url, Published = a.Published, Id = a.Id },
                new Dictionary<string, string>(), null))
            .ToList();
        var day = DateOnly.FromDateTime(SyntheticCorpus.Start.UtcDateTime);
        return services.GetRequiredService<DigestBuilder>().Build(articles, day, SyntheticCorpus.Start.AddDays(1), stories);
    }

    /// <summary>Builds, renders and stores a digest, as the daily job does.</summary>
    public static async Task<Digest> SaveDigestAsync(IServiceProvider services, int seed, int stories)
    {
        var digest = Digest(services, seed, stories);
        var renderer = services.GetRequiredService<DigestRenderer>();
        await services.GetRequiredService<DigestStore>().SaveAsync(digest, renderer.RenderStored(digest));
        return digest;
    }
}
