using Briefings.Core.Articles;
using Briefings.Core.Digests;
using Briefings.Core.Stories;

namespace Briefings.Core.Tests.Stories;

/// <summary>An embeddings model's vectors join the words' similarity where both articles have one.</summary>
public sealed class EmbeddingGroupingTests
{
    private static readonly DateOnly Day = new(2026, 11, 21);

    /// <summary>Two articles that share one faint term, and two others alone.</summary>
    private static List<GroupingInput> Inputs(float[]? a, float[]? b) =>
    [
        new(SparseVector.FromSorted([0, 1], [0.1f, 0.995f]), null, a),
        new(SparseVector.FromSorted([0, 2], [0.1f, 0.995f]), null, b),
        new(SparseVector.FromSorted([3], [1f]), null, [0, 0, 1]),
        new(SparseVector.FromSorted([4], [1f]), null, [0, 1, 0]),
    ];

    [Fact]
    public void ArticlesWhoseWordsBarelyMeetJoinWhenTheirEmbeddingsAgree()
    {
        var options = new GroupingOptions();

        Assert.Equal(4, StoryGrouper.Group(Inputs(null, null), options).Count);
        var grouped = StoryGrouper.Group(Inputs([1, 0, 0], [0.99f, 0.141f, 0]), options);

        Assert.Equal(3, grouped.Count);
        Assert.Contains([0, 1], grouped);
    }

    [Fact]
    public void ReportsThatShareNoWordMeetThroughTheirEmbeddings()
    {
        // No term in common, so the words' index never proposes the pair; the embeddings' buckets do.
        List<GroupingInput> Inputs(float[]? a, float[]? b) =>
        [
            new(SparseVector.FromSorted([1], [1f]), null, a),
            new(SparseVector.FromSorted([2], [1f]), null, b),
            new(SparseVector.FromSorted([3], [1f]), null, [0, 0, 1]),
            new(SparseVector.FromSorted([4], [1f]), null, [0, 1, 0]),
        ];
        var options = new GroupingOptions();

        Assert.Equal(4, StoryGrouper.Group(Inputs(null, null), options).Count);
        var grouped = StoryGrouper.Group(Inputs([1, 0, 0], [1, 0, 0]), options);

        Assert.Equal(3, grouped.Count);
        Assert.Contains([0, 1], grouped);
    }

    [Fact]
    public void AnArticleWithoutAnEmbeddingIsGroupedByItsWordsAlone()
    {
        var grouped = StoryGrouper.Group(Inputs([1, 0, 0], null), new GroupingOptions());

        Assert.Equal(4, grouped.Count);
    }

    [Theory]
    [InlineData(0.0, 0.3)] // the words alone
    [InlineData(1.0, 0.8)] // the embeddings alone
    [InlineData(0.5, 0.55)]
    public void TheBlendIsTheWeightedMeanOfTheTwoCosines(double weight, double expected)
    {
        var options = new GroupingOptions { EmbeddingWeight = weight };

        Assert.Equal(expected, NeighbourSearch.Blend(0.3, [0.6f, 0.8f], [0f, 1f], options), 5);
        Assert.Equal(0.3, NeighbourSearch.Blend(0.3, [0.6f, 0.8f], [1f, 0f, 0f], options), 5); // another model's vector
    }

    [Fact]
    public void EmbeddingsThatSetAReportApartTakeItOutOfTheStory()
    {
        List<Article> articles = [.. Fixtures.FootballReports(), .. Fixtures.RateDecisionReports()];
        var words = new DigestBuilder().Build(articles, Day, Fixtures.Noon);
        Assert.Contains(words.Stories, s => s.Articles.Count == 3 && s.Articles.All(a => a.Id.StartsWith("rates-", StringComparison.Ordinal)));
        Assert.Equal(GroupingMethods.Words, words.GroupingMethod);

        // The model puts the football reports together, and rates-3 far from the other rate reports;
        // weighed at 0.9 it overrules the words, which put rates-3 with them.
        var vectors = new Dictionary<string, float[]>
        {
            ["football-1"] = [1, 0, 0], ["football-2"] = [1, 0, 0], ["football-3"] = [1, 0, 0],
            ["rates-1"] = [0, 1, 0], ["rates-2"] = [0, 1, 0], ["rates-3"] = [0, 0, 1],
        };
        var builder = new DigestBuilder(new GroupingOptions { EmbeddingWeight = 0.9 }, new Briefings.Core.Summaries.SummaryOptions());
        var blended = builder.Build(articles, Day, Fixtures.Noon, embeddings: new ArticleEmbeddings(vectors, null));

        Assert.Equal(GroupingMethods.WordsAndEmbeddings, blended.GroupingMethod);
        Assert.Null(blended.GroupingNote);
        Assert.Contains(blended.Stories, s => s.Articles.Select(a => a.Id).Order(StringComparer.Ordinal).SequenceEqual(["rates-1", "rates-2"]));
        Assert.Contains(blended.Stories, s => s.Articles.Select(a => a.Id).SequenceEqual(["rates-3"]));
    }

    [Fact]
    public void ADigestSaysWhyArticlesWentWithoutEmbeddings()
    {
        var embeddings = new ArticleEmbeddings(new Dictionary<string, float[]>(), "3 of 3 articles without embeddings (error: HTTP 500 after 4 attempts)");

        var digest = new DigestBuilder().Build(Fixtures.RateDecisionReports(), Day, Fixtures.Noon, embeddings: embeddings);

        Assert.Equal(GroupingMethods.Words, digest.GroupingMethod);
        Assert.Equal(embeddings.Problem, digest.GroupingNote);
        Assert.Single(digest.Stories);
    }
}
