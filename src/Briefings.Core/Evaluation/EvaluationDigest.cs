using Briefings.Core.Articles;
using Briefings.Core.Digests;

namespace Briefings.Core.Evaluation;

/// <summary>Builds the digest a labelled set is scored on: all its articles, no storage, one setting.</summary>
public static class EvaluationDigest
{
    public static Digest Build(DigestBuilder builder, IReadOnlyList<Article> articles, EvaluationSetting setting, DateTimeOffset generatedAt) =>
        Build(builder, InSetting(articles, setting), generatedAt);

    /// <summary>The digest of articles already as their setting shows them (<see cref="InSetting"/>), for the day of the latest.</summary>
    public static Digest Build(DigestBuilder builder, IReadOnlyList<Article> shown, DateTimeOffset generatedAt) =>
        builder.Build(shown, shown.Max(a => DateOnly.FromDateTime(a.EffectiveTime.UtcDateTime)), generatedAt);

    /// <summary>The articles as the setting shows them: as they are, or all moved to the latest one's moment.</summary>
    public static IReadOnlyList<Article> InSetting(IReadOnlyList<Article> articles, EvaluationSetting setting)
    {
        if (articles.Count == 0)
        {
            throw new ArgumentException("There are no articles to build a digest from.", nameof(articles));
        }

        if (setting != EvaluationSetting.OneDay)
        {
            return articles;
        }

        var moment = articles.Max(a => a.EffectiveTime);
        return articles.Select(a => a with { Published = moment }).ToList();
    }
}
