using Briefings.Core.Articles;
using Briefings.Core.Digests;
using Briefings.Core.Stories;

namespace Briefings.Core.Tests.Stories;

public sealed class GroupingTests
{
    private static readonly DateOnly Day = new(2026, 11, 21);

    private static Digest Build(IEnumerable<Article> articles) => new DigestBuilder().Build(articles, Day, Fixtures.Noon);

    /// <summary>Each story as the sorted ids of its articles, the stories sorted too.</summary>
    internal static List<string> Grouping(Digest digest) =>
        digest.Stories.Select(s => string.Join(",", s.Articles.Select(a => a.Id).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void FiveSeedReportsOfOneEventFormOneStory()
    {
        var seeds = Fixtures.AllSeeds();

        var digest = Build(seeds);

        var story = Assert.Single(digest.Stories);
        Assert.Equal(seeds.Select(a => a.Id).Order(StringComparer.Ordinal), story.Articles.Select(a => a.Id).Order(StringComparer.Ordinal));
        Assert.Equal(5, digest.ArticleCount);
    }

    [Fact]
    public void TwoUnrelatedTopicsFormTwoStories()
    {
        var digest = Build([.. Fixtures.FootballReports(), .. Fixtures.RateDecisionReports()]);

        Assert.Equal(["football-1,football-2,football-3", "rates-1,rates-2,rates-3"], Grouping(digest));
    }

    [Fact]
    public void SeedsAndUnrelatedTopicsStayApart()
    {
        var seeds = Fixtures.AllSeeds();

        var digest = Build([.. seeds, .. Fixtures.FootballReports(), .. Fixtures.RateDecisionReports()]);

        Assert.Equal(3, digest.Stories.Count);
        Assert.Contains(string.Join(",", seeds.Select(a => a.Id).Order(StringComparer.Ordinal)), Grouping(digest));
    }

    [Fact]
    public void InputOrderDoesNotChangeTheGrouping()
    {
        List<Article> articles = [.. Fixtures.AllSeeds(), .. Fixtures.FootballReports(), .. Fixtures.RateDecisionReports()];
        var expected = Build(articles);

        foreach (var order in new[] { articles.AsEnumerable().Reverse().ToList(), articles.OrderBy(a => a.Title.Length).ToList(), articles.OrderByDescending(a => a.Id, StringComparer.Ordinal).ToList() })
        {
            var digest = Build(order);

            Assert.Equal(Grouping(expected), Grouping(digest));
            Assert.Equal(expected.Stories.Select(s => s.Id), digest.Stories.Select(s => s.Id));
            Assert.Equal(expected.Stories.Select(s => s.Headline), digest.Stories.Select(s => s.Headline));
        }
    }

    [Fact]
    public void SameTopicTenDaysApartIsNotOneStory()
    {
        var early = Fixtures.RateDecisionReports(Fixtures.Noon.AddDays(-10));
        var late = Fixtures.RateDecisionReports(Fixtures.Noon).Select(a => a with { Id = a.Id + "-later" });

        var digest = Build([.. early, .. late]);

        Assert.Equal(["rates-1,rates-2,rates-3", "rates-1-later,rates-2-later,rates-3-later"], Grouping(digest));
    }

    [Fact]
    public void SameTopicOnTheSameDayIsOneStory()
    {
        var morning = Fixtures.RateDecisionReports(Fixtures.Noon.AddHours(-4));
        var evening = Fixtures.RateDecisionReports(Fixtures.Noon.AddHours(6)).Select(a => a with { Id = a.Id + "-later" });

        var digest = Build([.. morning, .. evening]);

        Assert.Single(digest.Stories);
    }

    [Fact]
    public void IdenticalCopyCountsAsOneReport()
    {
        var original = Fixtures.RateDecisionReports()[0];

        var story = Assert.Single(Build([original, original with { Id = "rates-1-copy", Source = "Syndicate" }]).Stories);

        Assert.Equal(1, story.Reports);
        Assert.Equal(2, story.Articles.Count);
    }

    [Fact]
    public void OnlyRepeatsOfAnotherReportAreMarkedAsCopies()
    {
        var original = Fixtures.RateDecisionReports()[0];
        var digest = Build([.. Fixtures.FootballReports(), .. Fixtures.RateDecisionReports(), original with { Id = "rates-1-copy" }]);

        foreach (var story in digest.Stories)
        {
            var ids = story.Articles.Select(a => a.Id).ToHashSet();
            Assert.All(story.Articles, a => Assert.NotEqual(a.Id, a.CopyOf));
            Assert.All(story.Articles.Where(a => a.CopyOf is not null), a => Assert.Contains(a.CopyOf!, ids));
            Assert.Equal(story.Reports, story.Articles.Count(a => a.CopyOf is null));
        }

        var copy = digest.Stories.SelectMany(s => s.Articles).Single(a => a.Id == "rates-1-copy");
        Assert.Equal("rates-1", copy.CopyOf);
    }

    [Fact]
    public void TimeFactorIsOneInsideTheWindowAndHalvesEachHalfLifeBeyondIt()
    {
        var options = new GroupingOptions();
        var t = Fixtures.Noon;

        Assert.Equal(1, StoryGrouper.TimeFactor(t, t.AddHours(20), options));
        Assert.Equal(1, StoryGrouper.TimeFactor(t, null, options));
        Assert.Equal(0.5, StoryGrouper.TimeFactor(t, t + options.SameNewsWindow + options.DecayHalfLife, options), 6);
        Assert.True(StoryGrouper.TimeFactor(t, t.AddDays(10), options) < 1e-6);
    }

    [Fact]
    public void ReportsNamingOnlyOtherWeekdaysCountLessAndOtherwiseAsTheyAre()
    {
        var options = new GroupingOptions();
        const int tuesday = 1 << (int)DayOfWeek.Tuesday, thursday = 1 << (int)DayOfWeek.Thursday;

        Assert.Equal(options.OtherDayFactor, StoryGrouper.DayFactor(tuesday, thursday, options));
        Assert.Equal(1, StoryGrouper.DayFactor(tuesday | thursday, thursday, options));
        Assert.Equal(1, StoryGrouper.DayFactor(tuesday, 0, options));
        Assert.Equal(1, StoryGrouper.DayFactor(0, 0, options));
    }

    [Fact]
    public void AVectorKnowsTheWeekdaysItsTitleAndLeadName()
    {
        var vectors = ArticleVectors.Build(
            [Fixtures.Article("a", "Senate votes on Tuesday", "A second vote follows on Thursday.\n\nThe House meets on Friday."), Fixtures.Article("b", "Senate votes", "A vote follows.")],
            new GroupingOptions());

        Assert.Equal((1 << (int)DayOfWeek.Tuesday) | (1 << (int)DayOfWeek.Thursday), vectors[0].Weekdays);
        Assert.Equal(0, vectors[1].Weekdays);
    }
}
