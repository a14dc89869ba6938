using Briefings.Core.Digests;
using Briefings.Core.Evaluation;

namespace Briefings.Core.Tests.Evaluation;

/// <summary>The scorer on cases small enough to work out by hand.</summary>
public sealed class DigestScorerTests
{
    private const double Tolerance = 1e-12;

    private static readonly LabelledArticle[] TwoStories =
    [
        new("a1", "A", "Bridge closes", "The river bridge closes for repairs on Monday."),
        new("a2", "A", "Repairs shut bridge", "Repairs will shut the river bridge from Monday."),
        new("b1", "B", "Library opens", "A new library opens in the market square."),
        new("b2", "B", "Square gets library", "The market square gets a new library."),
        new("b3", "B", "Books move in", "Books move into the new library in the square."),
    ];

    private static readonly ReferenceSummary[] NoReferences = [];

    [Fact]
    public void PerfectGroupingScoresOneOnEveryGroupingMeasure()
    {
        var scores = DigestScorer.Score(TwoStories, NoReferences, Digest(Story("a1", "a2"), Story("b1", "b2", "b3")));

        Assert.All(
            [scores.BCubedPrecision, scores.BCubedRecall, scores.BCubedF1, scores.PairwisePrecision, scores.PairwiseRecall, scores.PairwiseF1],
            value => Assert.Equal(1.0, value, Tolerance));
        Assert.Equal((5, 2, 2, 0), (scores.Articles, scores.GoldStories, scores.PredictedStories, scores.ArticlesMissing));
    }

    [Fact]
    public void OneStoryHoldingEverythingHasFullRecallAndPrecisionOfItsMixture()
    {
        var scores = DigestScorer.Score(TwoStories, NoReferences, Digest(Story("a1", "a2", "b1", "b2", "b3")));

        // Each A article shares its story with 2 of 5, each B article with 3 of 5: (2·2/5 + 3·3/5) / 5.
        Assert.Equal(13.0 / 25, scores.BCubedPrecision, Tolerance);
        Assert.Equal(1.0, scores.BCubedRecall, Tolerance);
        Assert.Equal(2 * 0.52 / 1.52, scores.BCubedF1, Tolerance);
        // 1 + 3 of the 10 pairs put together belong together.
        Assert.Equal(4.0 / 10, scores.PairwisePrecision, Tolerance);
        Assert.Equal(1.0, scores.PairwiseRecall, Tolerance);
    }

    [Fact]
    public void AnArticleLeftOutOfEveryStoryCountsAsAStoryOfItsOwn()
    {
        var scores = DigestScorer.Score(TwoStories, NoReferences, Digest(Story("a1", "a2"), Story("b1", "b2")));

        Assert.Equal(1, scores.ArticlesMissing);
        Assert.Equal(1.0, scores.BCubedPrecision, Tolerance);
        // b1 and b2 hold 2 of B's 3 articles, b3 alone holds 1: (1 + 1 + 2/3 + 2/3 + 1/3) / 5.
        Assert.Equal((2 + 5.0 / 3) / 5, scores.BCubedRecall, Tolerance);
        Assert.Equal(1.0, scores.PairwisePrecision, Tolerance);
        Assert.Equal(2.0 / 4, scores.PairwiseRecall, Tolerance);
    }

    [Fact]
    public void ArticlesLeftOutTogetherAreNotCountedAsGroupedTogether()
    {
        var scores = DigestScorer.Score(TwoStories, NoReferences, Digest());

        Assert.Equal(5, scores.ArticlesMissing);
        Assert.Equal(1.0, scores.PairwisePrecision, Tolerance); // no pairs predicted
        Assert.Equal(0.0, scores.PairwiseRecall, Tolerance);
        Assert.Equal((2 * 0.5 + 3 * (1.0 / 3)) / 5, scores.BCubedRecall, Tolerance);
    }

    [Fact]
    public void ArticlesNotInTheLabelledSetAreIgnored()
    {
        var scores = DigestScorer.Score(TwoStories, NoReferences, Digest(Story("a1", "a2", "x9"), Story("b1", "b2", "b3")));

        Assert.Equal(1.0, scores.BCubedF1, Tolerance);
        Assert.Equal(5, scores.Articles);
    }

    [Fact]
    public void ASummaryIdenticalToItsReferenceScoresOneHundredOnEveryRouge()
    {
        const string text = "The river bridge closes for repairs on Monday, and traffic will use the ferry.";
        var scores = DigestScorer.Score(TwoStories, [new("A", "Bridge", text)], Digest(Story(["a1", "a2"], Sentence(text, "a1"))));

        Assert.Equal(100.0, scores.Rouge1, Tolerance);
        Assert.Equal(100.0, scores.Rouge2, Tolerance);
        Assert.Equal(100.0, scores.RougeL, Tolerance);
        Assert.Equal(14.0, scores.SummaryWordsMean, Tolerance);
    }

    [Fact]
    public void RougeCountsSharedWordsPairsAndSubsequence()
    {
        const string candidate = "the cat sat";
        const string reference = "The cat sat on the mat.";

        Assert.Equal(2.0 / 3, Rouge.N(candidate, reference, 1), Tolerance); // P 3/3, R 3/6
        Assert.Equal(2 * 0.4 / 1.4, Rouge.N(candidate, reference, 2), Tolerance); // P 2/2, R 2/5
        Assert.Equal(2.0 / 3, Rouge.L(candidate, reference), Tolerance);
        Assert.Equal(0.0, Rouge.N("", reference, 1));
        Assert.Equal(0.0, Rouge.L(candidate, ""));
    }

    [Fact]
    public void RougeClipsARepeatedWordAtItsCountInTheOtherText()
    {
        // "the" twice against once: 2 hits of 4 candidate and 2 reference tokens.
        Assert.Equal(2 * 0.5 / 1.5, Rouge.N("the the the cat", "the cat", 1), Tolerance);
    }

    [Fact]
    public void ScoreTokensAreLowerCaseAsciiLetterAndDigitRuns()
    {
        Assert.Equal(["don", "t", "stop", "at", "i", "stanbul", "3", "5k", "caf", "k"], ScoreTokens.Of("Don't stop at İstanbul, 3.5K café \u212A"));
        Assert.Equal(4, ScoreTokens.WordCount(" one\ttwo\u00a0three\u001ffour "));
    }

    [Fact]
    public void EachReferenceIsComparedWithTheStoryHoldingMostOfItsArticles()
    {
        const string bridge = "The river bridge closes for repairs on Monday.";
        var digest = Digest(
            Story(["a1", "b1"], Sentence("A new library opens in the market square.", "b1")),
            Story(["b2", "b3"], Sentence("Books move into the new library in the square.", "b3")),
            Story(["a2"], Sentence(bridge, "a2")));

        var scores = DigestScorer.Score(TwoStories, [new("B", "Library", "Books move into the new library in the square.")], digest);

        Assert.Equal(100.0, scores.Rouge1, Tolerance);
    }

    [Fact]
    public void OnATieTheStoryHoldingTheEarliestListedArticleStandsIn()
    {
        var digest = Digest(
            Story(["a2"], Sentence("Repairs will shut the river bridge from Monday.", "a2")),
            Story(["a1"], Sentence("The river bridge closes for repairs on Monday.", "a1")));

        var scores = DigestScorer.Score(TwoStories, [new("A", "Bridge", "The river bridge closes for repairs on Monday.")], digest);

        Assert.Equal(100.0, scores.Rouge1, Tolerance);
    }

    [Fact]
    public void AReferenceWhoseArticlesWereAllLeftOutScoresZero()
    {
        var scores = DigestScorer.Score(TwoStories, [new("A", "Bridge", "The river bridge closes."), new("Z", "Unknown", "Not labelled.")], Digest(Story("b1")));

        Assert.Equal(0.0, scores.Rouge1);
        Assert.Equal(0.0, scores.SummaryWordsMean);
    }

    [Fact]
    public void AttributionCountsCitedSentencesCitationsInsideTheStoryAndSupportedSentences()
    {
        var digest = Digest(
            Story(["a1", "a2"],
                Sentence("The river bridge closes for repairs on Monday.", "a1", "b1"), // supported by a1; b1 is outside
                Sentence("The bridge closes.")), // cites nothing
            Story(["b1", "b2", "b3"],
                Sentence("A new library opens in the market square with a cafe and a garden.", "b1"), // 8 of its 12 tokens occur in b1
                Sentence("The new library opens.", "nowhere", "")));

        var scores = DigestScorer.Score(TwoStories, NoReferences, digest);

        Assert.Equal(3.0 / 4, scores.SentencesCited, Tolerance);
        Assert.Equal(2.0 / 4, scores.CitationsInStory, Tolerance); // a1 and b1 in, b1 (from A) and "nowhere" out
        Assert.Equal(1.0 / 4, scores.SentencesSupported, Tolerance);
    }

    [Fact]
    public void ARepeatedArticleIdKeepsItsFirstPlaceAndItsLastLabel()
    {
        LabelledArticle[] labelled = [.. TwoStories, new("a1", "B", "Library again", "A library.")];

        var scores = DigestScorer.Score(labelled, NoReferences, Digest(Story("a2"), Story("a1", "b1", "b2", "b3")));

        Assert.Equal(5, scores.Articles);
        Assert.Equal(1.0, scores.BCubedF1, Tolerance);
    }

    private static SummarySentence Sentence(string text, params string[] sources) => new(text, sources);

    private static Story Story(params string[] ids) => Story(ids, []);

    private static Story Story(string[] ids, params SummarySentence[] summary) =>
        new(ids[0], ids[0], summary, ids.Select(id => new StoryArticle(id, id, null, null, null)).ToList(), [], ids.Length, [], []);

    private static Digest Digest(params Story[] stories) =>
        new(new DateOnly(2025, 5, 14), Fixtures.Noon, stories.Sum(s => s.Articles.Count), stories);
}
