using Briefings.Core.Stories;

namespace Briefings.Core.Tests.Stories;

public sealed class ArticleVectorsTests
{
    /// <summary>The terms grouping cuts from one text counted once, with their weighted counts.</summary>
    private static Dictionary<string, float> Terms(string text, float anchorWeight = 2f)
    {
        var counter = new ArticleVectors.Counter(anchorWeight);
        counter.Add(text, 1f);
        return counter.Tokens.Zip(counter.Counts).ToDictionary(t => t.First, t => t.Second, StringComparer.Ordinal);
    }

    [Fact]
    public void AFigureIsOneTermKeptHoweverShortAndCountsMore()
    {
        var terms = Terms("Senate passes $1.2 trillion plan as 2,200 are held since Jan. 6.");

        Assert.Equal(2f, terms["1.2"]);
        Assert.Equal(2f, terms["2200"]);
        Assert.Equal(2f, terms["6"]);
        Assert.Equal(1f, terms["senate"]);
        Assert.DoesNotContain("2", terms.Keys);
        Assert.DoesNotContain("200", terms.Keys);
    }

    [Fact]
    public void AnAnchorWeightOfOneCountsAnchorsAsWords()
    {
        var terms = Terms("Toll rises to 117 on Friday", anchorWeight: 1f);

        Assert.Equal(1f, terms["117"]);
        Assert.Equal(1f, terms["friday"]);
    }

    [Fact]
    public void PluralAndPossessiveEndingsFoldIntoTheWord()
    {
        var terms = Terms("Masks and a mask; Biden's agencies and the agency; the crisis, the virus, the boss.");

        Assert.Equal(2f, terms["mask"]);
        Assert.Equal(2f, terms["agency"]);
        Assert.Equal(1f, terms["biden"]);
        Assert.Contains("crisis", terms.Keys);
        Assert.Contains("virus", terms.Keys);
        Assert.Contains("boss", terms.Keys);
        Assert.DoesNotContain("masks", terms.Keys);
    }

    [Fact]
    public void WordsThatShareTheirFirstSixLettersAreOneTerm()
    {
        var terms = Terms("Evacuation began as evacuating crews met the withdrawal they withdraw; a vote.");

        Assert.Equal(2f, terms["evacua"]);
        Assert.Equal(2f, terms["withdr"]);
        Assert.Equal(1f, terms["vote"]);
        Assert.DoesNotContain("evacuation", terms.Keys);
    }

    [Fact]
    public void WeekdaysAreKeptAndCountMoreWhileOtherStopWordsAreNotKept()
    {
        var terms = Terms("The Senate will vote on Tuesday.");

        Assert.Equal(2f, terms["tuesday"]);
        Assert.Equal(1f, terms["senate"]);
        Assert.DoesNotContain("the", terms.Keys);
        Assert.DoesNotContain("will", terms.Keys);
    }

    [Fact]
    public void TwoWordingsOfOneHeadlineGetOneVector()
    {
        var vectors = ArticleVectors.Build(
            [Fixtures.Article("a", "Masks return to schools", "Masks return."), Fixtures.Article("b", "Mask returns to school", "Mask returns.")],
            new GroupingOptions());

        Assert.Equal(1, vectors[0].Dot(vectors[1]), 5);
    }
}
