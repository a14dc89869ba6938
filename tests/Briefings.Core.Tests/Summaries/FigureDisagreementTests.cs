using Briefings.Core.Summaries;

namespace Briefings.Core.Tests.Summaries;

public class FigureDisagreementTests
{
    [Fact]
    public void WhenOutletsGiveDifferentNumbersForOneThingBothStayWithTheirArticles()
    {
        var first = Fixtures.Article("wire", "Storm floods coastal towns",
            "The storm flooded three coastal towns overnight. Officials said 120 homes were damaged and roads were closed along the shore.");
        var second = Fixtures.Article("local", "Coastal towns count the cost",
            "Residents returned to flooded streets on Tuesday. The county said 145 homes were damaged, more than first reported.");
        var third = Fixtures.Article("copy", "Storm floods coastal towns again",
            "Another report repeated that 120 homes were damaged in the storm, according to officials in the county.");

        var (_, figures) = HighlightExtractor.Extract([first, second, third]);

        var homes = figures.Where(f => f.Value.EndsWith("homes", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, homes.Count);
        Assert.Contains(homes, f => f.Value == "120 homes" && f.ArticleId == "wire");
        Assert.Contains(homes, f => f.Value == "145 homes" && f.ArticleId == "local");
    }

    [Fact]
    public void TheFiguresMostReportsGiveComeFirstAndADisagreementStaysWhole()
    {
        // The central article's aside (40 volunteers) is given once; the damaged homes by three
        // reports, one of which counts them differently.
        var central = Fixtures.Article("wire", "Storm floods coastal towns",
            "About 40 volunteers filled sandbags in the harbour before the storm. Officials said 120 homes were damaged and roads were closed.");
        var second = Fixtures.Article("local", "Coastal towns count the cost",
            "Residents returned to flooded streets on Tuesday. The county said 145 homes were damaged, more than first reported.");
        var third = Fixtures.Article("radio", "Storm damage",
            "Officials confirmed that 120 homes were damaged in the storm across the county.");

        var (_, figures) = HighlightExtractor.Extract([central, second, third], maxFigures: 2);

        Assert.Equal(["120 homes", "145 homes"], figures.Select(f => f.Value));
    }
}
