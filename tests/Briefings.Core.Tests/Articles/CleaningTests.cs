using Briefings.Core.Articles;

namespace Briefings.Core.Tests.Articles;

public sealed class CleaningTests
{
    private static readonly IReadOnlyList<Article> Seeds = Fixtures.AllSeeds();

    private static IEnumerable<string> AllParagraphs => Seeds.SelectMany(a => a.Paragraphs);

    /// <summary>Checks the seed really carries the noise (so the test is not vacuous), then that no paragraph of any seed keeps it.</summary>
    private static void AssertRemoved(string seed, string noise)
    {
        Assert.Contains(noise, Fixtures.SeedText(seed), StringComparison.OrdinalIgnoreCase);
        Assert.All(AllParagraphs, p => Assert.DoesNotContain(noise, p, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void LanguageSwitcherLinesAreDropped()
    {
        AssertRemoved("004", "ua en ru");
        Assert.All(AllParagraphs, p => Assert.NotEqual("ua en ru", p.Trim()));
    }

    [Fact]
    public void RepeatedTitleLinesAreDropped()
    {
        foreach (var article in Seeds)
        {
            Assert.DoesNotContain(article.Paragraphs, p => p.StartsWith(article.Title, StringComparison.OrdinalIgnoreCase));
        }

        var seed002 = Fixtures.ReadSeed("002");
        Assert.Equal(2, Fixtures.SeedText("002").Split('\n').Count(line => line.Trim() == seed002.Title));
    }

    [Fact]
    public void PhotoCaptionGluedToARepeatedTitleIsDropped()
    {
        AssertRemoved("004", "Photo:");
        AssertRemoved("004", "Vitalii Nosach");
    }

    [Fact]
    public void SeeAlsoLinksAreDropped()
    {
        AssertRemoved("001", "See also");
        AssertRemoved("001", "Biden not giving up on efforts for Gaza ceasefire");
    }

    [Theory]
    [InlineData("001", "Discover more from")]
    [InlineData("001", "Subscribe to get the latest posts")]
    [InlineData("001", "Leave a Reply")]
    [InlineData("001", "Your email address will not be published")]
    [InlineData("001", "Required fields are marked")]
    [InlineData("002", "Support UP or become our patron!")]
    [InlineData("003", "коментуйте:")]
    public void SiteFootersAreDropped(string seed, string footer) => AssertRemoved(seed, footer);

    [Fact]
    public void HashtagLinesAreDropped()
    {
        AssertRemoved("002", "#deeply #concerned");
        Assert.All(AllParagraphs, p => Assert.DoesNotContain("#", p));
    }

    [Fact]
    public void TeaserBulletsRepeatedByTheBodyAreDropped()
    {
        var article = Fixtures.ReadSeed("000");

        Assert.DoesNotContain(article.Paragraphs, p => p.EndsWith("...", StringComparison.Ordinal));
        Assert.Single(article.Paragraphs, p => p.StartsWith("The diplomatic tension follows", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("000", "Pyongyang described the joint criticism as an interference in its sovereign affairs")]
    [InlineData("000", "The European Union has signaled that it will expand its sanctions lists")]
    [InlineData("000", "In Asia, the pact increases the risk of a direct Russian involvement")]
    [InlineData("001", "South Korea and the European Union issued a joint condemnation on Monday")]
    [InlineData("001", "While South Korea has supplied non-lethal assistance to Ukraine, such as mine clearance equipment, it has declined requests for weaponry.")]
    [InlineData("001", "During discussions in Moscow on Friday, North Korean Foreign Minister Choe Son Hui expressed her nation’s support for Russia until it secures victory in Ukraine.")]
    [InlineData("002", "The European External Action Service on 3 November has reacted to evidence")]
    [InlineData("002", "with Kim Jong Un and Vladimir Putin holding a summit in Russia in September.")]
    [InlineData("003", "South Korea and the European Union on Monday jointly condemned North Korea’s supply of weaponry to Moscow")]
    [InlineData("003", "At talks in Moscow on Friday, North Korean Foreign Minister Choe Son Hui said her country would back Russia until it achieved victory in Ukraine.")]
    [InlineData("004", "The involvement of the DPRK military personnel in the war against Ukraine is a unilateral hostile act on the part of North Korea.")]
    [InlineData("004", "Meanwhile, the Financial Times said that Russian leader Vladimir Putin is relying on the North Korean military")]
    public void ArticleSentencesSurviveCleaning(string seed, string sentence) =>
        Assert.Contains(Fixtures.ReadSeed(seed).Paragraphs, p => p.Contains(sentence, StringComparison.Ordinal));

    [Theory]
    [InlineData("000", "North Korea Rallies Against Seoul and EU for Rebuking Russia Ties")]
    [InlineData("001", "EU and South Korea urge the withdrawal of North Korean forces from Russia’s conflict in Ukraine")]
    [InlineData("002", "EU ‘deeply concerned’ about North Korea’s military assistance to Russia")]
    [InlineData("004", "Hostile act with consequences: EU's Borrell reacts to North Korea's deployment of troops to Ukraine war")]
    public void TitleComesFromTheFirstLineThatIsNotNoise(string seed, string title) =>
        Assert.Equal(title, Fixtures.ReadSeed(seed).Title);

    [Fact]
    public void ArticleWithoutATitleLineGetsAHeadlineFromItsLeadWithoutTheDateline()
    {
        var article = Fixtures.ReadSeed("003");

        Assert.False(string.IsNullOrWhiteSpace(article.Title));
        Assert.DoesNotContain("Seoul, South Korea —", article.Title, StringComparison.Ordinal);
        Assert.StartsWith("South Korea and the European Union", article.Title, StringComparison.Ordinal);
        Assert.True(article.Title.Length <= 111, $"Headline too long: {article.Title}");
    }

    [Fact]
    public void SourceIsTakenFromTheSiteFooter() => Assert.Equal("Defence Talks", Fixtures.ReadSeed("001").Source);

    [Theory]
    [InlineData("000")]
    [InlineData("002")]
    [InlineData("003")]
    [InlineData("004")]
    public void SourceIsNullWhenNothingNamesTheOutlet(string seed) => Assert.Null(Fixtures.ReadSeed(seed).Source);

    [Fact]
    public void SameContentReadTwiceGetsTheSameId() => Assert.Equal(Fixtures.ReadSeed("002").Id, Fixtures.ReadSeed("002").Id);

    [Fact]
    public void DifferentArticlesGetDifferentIds() => Assert.Equal(Seeds.Count, Seeds.Select(a => a.Id).Distinct().Count());

    [Fact]
    public void ReformattedCopyOfTheSameTextGetsTheSameId()
    {
        var text = Fixtures.SeedText("001");
        var reformatted = text.Replace("\n", "\r\n").Replace(". ", ".  ");

        Assert.Equal(Fixtures.ReadSeed("001").Id, Fixtures.Read("copy.txt", reformatted).Id);
    }

    private const string Lead =
        "The city council approved a new budget on Tuesday after a long debate about transport spending. "
        + "Council members voted nine to four in favour of the plan, which raises funding for buses and cycle lanes.";

    [Fact]
    public void AnotherSitesTrailingCallsToActionAreRemoved()
    {
        var article = Fixtures.Read("other.txt",
            "Council approves transport budget\n\n" + Lead + "\n\n"
            + "The mayor said the vote showed the city was serious about cutting traffic and cleaning the air.\n\n"
            + "Share this article\n\nFollow us on Telegram\n\nSign up for our newsletter.\n\n© 2024 Example News\n");

        Assert.Equal([Lead, "The mayor said the vote showed the city was serious about cutting traffic and cleaning the air."], article.Paragraphs);
        Assert.Equal("Example News", article.Source);
    }

    [Fact]
    public void ShortFinalSentenceOfTheArticleIsKept()
    {
        var article = Fixtures.Read("reply.txt",
            "Council approves transport budget\n\n" + Lead + "\n\nThe ministry did not reply to a request for comment.\n");

        Assert.Equal("The ministry did not reply to a request for comment.", article.Paragraphs[^1]);
        Assert.Null(article.Source);
    }

    [Fact]
    public void LeadParagraphThatOpensWithTheHeadlineWordsIsKept()
    {
        const string lead = "Storm hits coast as thousands leave their homes overnight, officials said on Sunday after the weather service raised its warning to the highest level.";
        var article = Fixtures.Read("storm.txt",
            "Storm hits coast\n\n" + lead + "\n\nRoads along the shore were closed and schools in three districts will stay shut until Wednesday, the regional government said.\n");

        Assert.Equal("Storm hits coast", article.Title);
        Assert.Equal(lead, article.Paragraphs[0]);
    }
}
