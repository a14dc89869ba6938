using Briefings.Core.Articles;
using Briefings.Core.Digests;
using Briefings.Core.Text;

namespace Briefings.Core.Tests.Summaries;

public sealed class SummaryTests
{
    private static readonly DateOnly Day = new(2026, 11, 21);

    private static readonly IReadOnlyList<Article> Articles = [.. Fixtures.AllSeeds(), .. Fixtures.FootballReports(), .. Fixtures.RateDecisionReports()];

    private static readonly Digest Digest = new DigestBuilder().Build(Articles, Day, Fixtures.Noon);

    private static Article ArticleWithId(string id) => Articles.Single(a => a.Id == id);

    [Fact]
    public void EverySummarySentenceCitesAtLeastOneArticleOfItsStory()
    {
        Assert.Equal(3, Digest.Stories.Count);
        foreach (var story in Digest.Stories)
        {
            var ids = story.Articles.Select(a => a.Id).ToHashSet();
            Assert.All(story.Summary, sentence =>
            {
                Assert.NotEmpty(sentence.Sources);
                Assert.All(sentence.Sources, id => Assert.Contains(id, ids));
                Assert.Equal(sentence.Sources.Count, sentence.Sources.Distinct().Count());
            });
        }
    }

    [Fact]
    public void EverySummarySentenceIsTakenFromTheFirstArticleItCites()
    {
        foreach (var sentence in Digest.Stories.SelectMany(s => s.Summary))
        {
            var origin = ArticleWithId(sentence.Sources[0]);
            Assert.Contains(origin.Paragraphs, p => Sentences.Split(p).Contains(sentence.Text));
        }
    }

    [Fact]
    public void StoriesWithEnoughTextGetTwoToFiveSentences() =>
        Assert.All(Digest.Stories, story => Assert.InRange(story.Summary.Count, 2, 5));

    [Fact]
    public void NoTwoSummarySentencesAreTheSame() =>
        Assert.All(Digest.Stories, story =>
            Assert.Equal(story.Summary.Count, story.Summary.Select(s => Words.Key(s.Text)).Distinct().Count()));

    [Fact]
    public void SummaryStaysNearItsWordBudget() =>
        Assert.All(Digest.Stories, story => Assert.InRange(story.Summary.Sum(s => Words.Count(s.Text)), 20, 130));

    [Fact]
    public void StoryWithOneShortArticleStillCitesIt()
    {
        var article = Fixtures.Article("short-1", "Bridge closes for repairs",
            "The old river bridge will close for repairs on Monday for three weeks, the city transport department said on Friday afternoon.");

        var story = Assert.Single(new DigestBuilder().Build([article], Day, Fixtures.Noon).Stories);

        var sentence = Assert.Single(story.Summary);
        Assert.Equal(["short-1"], sentence.Sources);
    }

    [Fact]
    public void SentenceFromRewordedWireCopiesCitesBothCopies()
    {
        var copyA = Fixtures.ReadSeed("001").Id;
        var copyB = Fixtures.ReadSeed("003").Id;
        var story = Assert.Single(new DigestBuilder().Build(Fixtures.AllSeeds(), Day, Fixtures.Noon).Stories);

        // Every sentence of 001 has a reworded twin in 003 (and the other way round), so a
        // sentence taken from either comes from their shared content.
        var fromCopies = story.Summary.Where(s => s.Sources[0] == copyA || s.Sources[0] == copyB).ToList();
        Assert.NotEmpty(fromCopies);
        Assert.Contains(fromCopies, s => s.Sources.Contains(copyA) && s.Sources.Contains(copyB));
    }

    [Fact]
    public void IdenticalSyndicatedCopiesAreBothCited()
    {
        var original = Fixtures.RateDecisionReports()[0];
        var copy = original with { Id = "rates-1-copy", Source = "Syndicate" };

        var story = Assert.Single(new DigestBuilder().Build([original, copy], Day, Fixtures.Noon).Stories);

        Assert.All(story.Summary, s => Assert.Equal(["rates-1", "rates-1-copy"], s.Sources.Order(StringComparer.Ordinal)));
    }
}
