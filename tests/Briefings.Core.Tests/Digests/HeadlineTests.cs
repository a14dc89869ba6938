using Briefings.Core.Articles;
using Briefings.Core.Digests;

namespace Briefings.Core.Tests.Digests;

/// <summary>A story's headline is the title of its most central news report, not of a column about it.</summary>
public sealed class HeadlineTests
{
    private static readonly DateOnly Day = new(2026, 11, 21);

    [Theory]
    [InlineData("https://www.example-times.com/2021/07/01/opinion/why-the-law-is-strong.html", "Why the central bank is wrong about rates")]
    [InlineData("https://news.example/columnists/jane-doe/rates-again", "Why the central bank is wrong about rates")]
    [InlineData("https://news.example/business/rates-decision", "Opinion: Why the central bank is wrong about rates")]
    public void AColumnIsNotTheHeadlineWhileTheStoryHasAReport(string url, string title)
    {
        // The column repeats the reports' own words, so it is the most central article of the story.
        var reports = Fixtures.RateDecisionReports();
        var column = Fixtures.Article("column", title,
            string.Join("\n\n", reports.SelectMany(a => a.Paragraphs)), url: url);
        Assert.True(OpinionPieces.Is(column));

        var story = Assert.Single(new DigestBuilder().Build([column, .. reports], Day, Fixtures.Noon).Stories);

        Assert.Equal("column", story.Articles[0].Id);
        Assert.Contains(story.Headline, reports.Select(a => a.Title));
    }

    [Fact]
    public void AStoryOfColumnsOnlyKeepsItsMostCentralTitle()
    {
        var columns = Fixtures.RateDecisionReports().Select(a => a with { Url = $"https://news.example/opinion/{a.Id}" }).ToList();

        var story = Assert.Single(new DigestBuilder().Build(columns, Day, Fixtures.Noon).Stories);

        Assert.Equal(columns.Single(a => a.Id == story.Articles[0].Id).Title, story.Headline);
    }

    [Theory]
    [InlineData("https://thehill.com/blogs/blog-briefing-room/news/561291-americans-concern-over-crime")]
    [InlineData("https://news.example/us/columnist-wins-award-for-reporting")]
    [InlineData("not a url")]
    [InlineData(null)]
    public void NewsPagesAreNotOpinion(string? url) =>
        Assert.False(OpinionPieces.Is(Fixtures.Article("a", "Central bank raises rates", "The bank raised rates.", url: url)));

    [Theory]
    [InlineData("New York Times (Opinion)", true)]
    [InlineData("Fox News Opinion", true)]
    [InlineData("The Example Editorial Board", true)]
    [InlineData("Opinionated Weekly", false)]
    [InlineData("Reuters", false)]
    public void ASourceNamedForItsOpinionSectionIsOpinion(string source, bool opinion) =>
        Assert.Equal(opinion, OpinionPieces.Is(Fixtures.Article("a", "Central bank raises rates", "The bank raised rates.", source: source, url: "https://news.example/2021/07/01/rates")));
}
