using Briefings.Core.Summaries;

namespace Briefings.Core.Tests.Summaries;

/// <summary>One amount that outlets tell of different words is one figure, shown once.</summary>
public class SameFactFigureTests
{
    [Fact]
    public void TheSameAmountInOtherWordsIsOneFigureGivenByBothReports()
    {
        var (_, figures) = HighlightExtractor.Extract(
        [
            Fixtures.Article("c", "Night of strikes", "Israel answered with 12 strikes across Gaza before dawn, the army said."),
            Fixtures.Article("a", "Rockets fired at Israel", "Militants fired more than 250 rockets toward Israel overnight, the army said."),
            Fixtures.Article("b", "Missiles fired at Israel", "Militants launched more than 250 missiles at Israel overnight, officials said."),
        ], maxFigures: 1);

        // Told by two reports, the amount ranks above the strikes the most central article gives.
        Assert.Equal("more than 250 rockets", Assert.Single(figures).Value);
    }

    [Fact]
    public void AnAmountWithoutItsNounIsShownWithTheNounAnotherReportGives()
    {
        var (_, figures) = HighlightExtractor.Extract(
        [
            Fixtures.Article("a", "Budget unveiled", "The president unveiled a budget of $6 trillion, the largest in decades, on Friday."),
            Fixtures.Article("b", "Budget details", "The $6 trillion budget would raise spending on roads and schools, aides said."),
        ]);

        var figure = Assert.Single(figures);
        Assert.Equal("$6 trillion budget", figure.Value);
        Assert.Equal("b", figure.ArticleId);
    }

    [Theory]
    [InlineData("The Senate is split between 50 Democrats and the chamber's 50 Republicans this year.", "50 Democrats", "50 Republicans")] // two groups, each named
    [InlineData("The fighting claimed hundreds of lives after hundreds of airstrikes hit the city.", "hundreds of lives", "hundreds of airstrikes")] // words, not an amount
    [InlineData("The storm killed 12 people and closed roads in 12 states by the weekend.", "12 people", "12 states")] // a small number counts many things
    [InlineData("The plan costs $20 billion, and the state spends 20 billion hours waiting.", "$20 billion", "20 billion hours")] // money is not a count
    public void AmountsThatAreNotOneFactStayApart(string sentence, string first, string second)
    {
        var (_, figures) = HighlightExtractor.Extract([Fixtures.Article("a", "A story", sentence)]);

        Assert.Contains(figures, f => f.Value == first);
        Assert.Contains(figures, f => f.Value == second);
    }
}
