using Briefings.Core.Articles;
using Briefings.Core.Digests;

namespace Briefings.Core.Tests.Digests;

/// <summary>A story that runs over several days keeps its id and says it is developing.</summary>
public class DevelopingStoryTests
{
    private static readonly DateOnly Yesterday = new(2026, 11, 21);
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static Article On(Article article, DateOnly day) =>
        article with { Published = day.ToDateTime(new TimeOnly(9, 0)), IngestedAt = day.ToDateTime(new TimeOnly(9, 5)) };

    [Fact]
    public void AnArticleArrivingTodayJoinsYesterdaysStoryAndKeepsItsId()
    {
        var first = On(Fixtures.ReadSeed("001"), Yesterday);
        var rewrite = On(Fixtures.ReadSeed("003"), Today) with { Published = Yesterday.ToDateTime(new TimeOnly(20, 0)) };
        var builder = new DigestBuilder();
        var yesterday = Assert.Single(builder.Build([first], Yesterday, Fixtures.Noon).Stories);

        var today = Assert.Single(builder.Build([rewrite], Today, Fixtures.Noon, earlier: [first], dayOf: a => a.Id == first.Id ? Yesterday : Today).Stories);

        Assert.Equal(yesterday.Id, today.Id);
        Assert.NotNull(today.Developing);
        Assert.Equal(Yesterday, today.Developing.FirstSeen);
        Assert.Equal(2, today.Developing.DaysRunning);
        Assert.Equal(1, today.Developing.EarlierArticles);
        Assert.Equal(first.Title, today.Developing.Previously);
        Assert.Equal([rewrite.Id], today.Articles.Select(a => a.Id));
        Assert.All(today.Summary, s => Assert.Equal([rewrite.Id], s.Sources));
    }

    [Fact]
    public void AStoryWithNothingNewIsNotRepeatedAndANewStoryIsNotDeveloping()
    {
        var old = On(Fixtures.ReadSeed("001"), Yesterday);
        var football = Fixtures.FootballReports(Today.ToDateTime(new TimeOnly(10, 0)));

        var digest = new DigestBuilder().Build(football, Today, Fixtures.Noon, earlier: [old]);

        var story = Assert.Single(digest.Stories);
        Assert.Null(story.Developing);
        Assert.DoesNotContain(story.Articles, a => a.Id == old.Id);
        Assert.Equal(football.Count, digest.ArticleCount);
    }
}
