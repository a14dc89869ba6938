using Briefings.Core.Digests;

namespace Briefings.Core.Tests.Summaries;

/// <summary>What the seeds' one story must show a reader: one report carried twice, quotes and figures with who gave them.</summary>
public class SeedHighlightsTests
{
    private static readonly DateOnly Day = new(2026, 11, 22);

    private static Story SeedStory() => Assert.Single(new DigestBuilder().Build(Fixtures.AllSeeds(), Day, Fixtures.Noon).Stories);

    [Fact]
    public void TheRewordedWireCopiesAreOneReportCarriedTwice()
    {
        var story = SeedStory();
        var copyA = Fixtures.ReadSeed("001").Id;
        var copyB = Fixtures.ReadSeed("003").Id;

        var marked = story.Articles.Where(a => a.CopyOf is not null).ToList();

        var copy = Assert.Single(marked);
        Assert.Equal(new[] { copyA, copyB }.Order(StringComparer.Ordinal), new[] { copy.Id, copy.CopyOf! }.Order(StringComparer.Ordinal));
        Assert.Equal(4, story.Reports);
        Assert.Equal(5, story.Articles.Count);
    }

    [Fact]
    public void BorrellsExistentialThreatQuoteIsAttributedOnce()
    {
        var story = SeedStory();

        var threat = story.Quotes.Where(q => q.Text.Contains("existential threat", StringComparison.Ordinal)).ToList();

        Assert.Single(threat);
        Assert.Equal("Josep Borrell", threat[0].Speaker); // "Borrell said" in the article that first named "EU foreign policy chief Josep Borrell"
        Assert.True(story.Quotes.Count >= 2, "at least two attributed quotes");
        Assert.All(story.Quotes, q => Assert.False(string.IsNullOrWhiteSpace(q.Speaker)));
    }

    [Fact]
    public void KeyFiguresAreFoundWithTheSentenceThatGivesThem()
    {
        var story = SeedStory();

        Assert.Contains(story.Figures, f => f.Value == "about twelve thousand troops");
        Assert.Contains(story.Figures, f => f.Value == "more than a million artillery shells");
        Assert.All(story.Figures, f => Assert.Contains(f.Value, f.Context, StringComparison.Ordinal));
        Assert.All(story.Figures, f => Assert.Contains(f.ArticleId, story.Articles.Select(a => a.Id)));
    }
}
