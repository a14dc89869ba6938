using Briefings.Core.Articles;
using Briefings.Core.Summaries;

namespace Briefings.Core.Tests.Summaries;

public class FigureDisagreementTests
{
    /// <summary>
    /// Three reports of one storm: the wire's aside (40 volunteers) is given once; the damaged homes
    /// by all three, the local paper counting them differently.
    /// </summary>
    private static readonly Article[] Storm =
    [
        Fixtures.Article("wire", "Storm floods coastal towns",
            "About 40 volunteers filled sandbags in the harbour before the storm. Officials said 120 homes were damaged and roads were closed along the shore."),
        Fixtures.Article("local", "Coastal towns count the cost",
            "Residents returned to flooded streets on Tuesday. The county said 145 homes were damaged, more than first reported."),
        Fixtures.Article("copy", "Storm floods coastal towns again",
            "Another report repeated that 120 homes were damaged in the storm, according to officials in the county."),
    ];

    [Fact]
    public void WhenOutletsGiveDifferentNumbersForOneThingBothStayWithTheirArticles()
    {
        var (_, figures) = HighlightExtractor.Extract(Storm);

        var homes = figures.Where(f => f.Value.EndsWith("homes", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, homes.Count);
        Assert.Contains(homes, f => f.Value == "120 homes" && f.ArticleId == "wire");
        Assert.Contains(homes, f => f.Value == "145 homes" && f.ArticleId == "local");
    }

    [Fact]
    public void TheFiguresMostReportsGiveComeFirstAndADisagreementStaysWhole()
    {
        var (_, figures) = HighlightExtractor.Extract(Storm, maxFigures: 2);

        Assert.Equal(["120 homes", "145 homes"], figures.Select(f => f.Value));
    }
}
