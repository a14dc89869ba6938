using Briefings.Core.Articles;
using Briefings.Core.Digests;
using Briefings.Core.Evaluation;

namespace Briefings.Core.Tests.Evaluation;

/// <summary>
/// The labelled fixture: 21 invented articles from 8 stories of one day, two of them both
/// storms, one carried twice by syndication, and an editor-style reference summary of each.
/// </summary>
internal static class LabelledFixture
{
    public static readonly string ArticlesPath = Path.Combine(AppContext.BaseDirectory, "Evaluation", "fixture-articles.jsonl");

    public static readonly string SummariesPath = Path.Combine(AppContext.BaseDirectory, "Evaluation", "fixture-summaries.jsonl");

    public static IReadOnlyList<LabelledArticle> Labelled() => LabelledFiles.ReadArticles(ArticlesPath);

    public static IReadOnlyList<ReferenceSummary> References() => LabelledFiles.ReadSummaries(SummariesPath);

    /// <summary>The digest <c>briefings eval</c> builds from the fixture in a setting.</summary>
    public static Digest Build(EvaluationSetting setting)
    {
        var skipped = new List<string>();
        var articles = ArticleJsonLines.Read(ArticlesPath, Fixtures.Reader(), skipped.Add);
        Assert.Empty(skipped);
        return EvaluationDigest.Build(new DigestBuilder(), articles, setting, Fixtures.Noon);
    }

    public static Scores Score(Digest digest) => DigestScorer.Score(Labelled(), References(), digest);
}
