using Briefings.Core.Articles;
using Briefings.Core.Digests;

namespace Briefings.Core.Evaluation;

/// <summary>Builds the digest a labelled set is scored on: all its articles, no storage, one setting.</summary>
public static class EvaluationDigest
{
    public static Digest Build(DigestBuilder builder, IReadOnlyList<Article> articles, EvaluationSetting setting, DateTimeOffset generatedAt)
    {
        if (articles.Count == 0)
        {
            throw new ArgumentException("There are no articles to build a digest from.", nameof(articles));
        }

        if (setting == EvaluationSetting.OneDay)
        {
            var moment = articles.Max(a => a.EffectiveTime);
            articles = articles.Select(a => a with { Published = moment }).ToList();
        }

        var day = articles.Max(a => DateOnly.FromDateTime(a.EffectiveTime.UtcDateTime));
        return builder.Build(articles, day, generatedAt);
    }
}
