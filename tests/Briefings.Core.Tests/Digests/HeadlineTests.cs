using Briefings.Core.Articles;
using Briefings.Core.Digests;

namespace Briefings.Core.Tests.Digests;

/// <summary>A story's headline is the title of its most central news report that tells what happened, not of a column about it.</summary>
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

    [Theory]
    [InlineData("Is the central bank keeping savers on the sidelines?")]
    [InlineData("Why the central bank raised rates again")]
    [InlineData("What the rate rise means for your mortgage")]
    [InlineData("Rates are up. Here's what happens next.")]
    [InlineData("Central bank raises rates: why?")]
    public void ATitleThatAsksOrExplainsGivesWayToAReportThatTells(string title)
    {
        var reports = Fixtures.RateDecisionReports().ToList();
        var asking = reports[0] with { Title = title };
        Assert.False(Headlines.Tells(title));

        Assert.Equal(reports[1].Title, Headlines.Of([asking, reports[1], reports[2]]));
        Assert.Equal(title.TrimEnd('.'), Headlines.Of([asking with { Title = title }])); // none tells: the most central
    }

    [Fact]
    public void AReportThatAsksIsPreferredToAColumnThatTells()
    {
        var reports = Fixtures.RateDecisionReports().ToList();
        var column = reports[0] with { Title = "The central bank is wrong about rates", Url = "https://news.example/opinion/rates" };
        var asking = reports[1] with { Title = "Will the rate rise cool prices?" };

        Assert.Equal(asking.Title, Headlines.Of([column, asking]));
    }

    [Theory]
    [InlineData("L.A. County will require masks indoors")]
    [InlineData("Former Va. Sen. John Warner dies at 94")]
    [InlineData("U.S. job openings rise to a record 9.3 million")]
    [InlineData("Judge tosses Roe v. Wade challenge")]
    [InlineData("Will Smith wins best actor at the Oscars")]
    public void AbbreviationsDoNotMakeATitleSeveralSentences(string title) =>
        Assert.True(Headlines.Tells(title));

    [Theory]
    [InlineData("A cease-fire took effect between Israel and Hamas.", "A cease-fire took effect between Israel and Hamas")]
    [InlineData("Record heat across the U.S.", "Record heat across the U.S.")]
    [InlineData("Shares fall at Example Inc.", "Shares fall at Example Inc.")]
    [InlineData("More to come...", "More to come...")]
    [InlineData("Central bank raises rates", "Central bank raises rates")]
    public void AHeadlineWrittenAsASentenceLosesItsFullStop(string title, string headline) =>
        Assert.Equal(headline, Headlines.WithoutFullStop(title));
}
