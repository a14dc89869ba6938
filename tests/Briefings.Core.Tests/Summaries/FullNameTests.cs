using Briefings.Core.Articles;
using Briefings.Core.Summaries;

namespace Briefings.Core.Tests.Summaries;

/// <summary>A quote or figure credited to a surname names the person as the story first did.</summary>
public class FullNameTests
{
    [Theory]
    [InlineData("House Speaker Nancy Pelosi met the committee on Monday.", "Pelosi", "Nancy Pelosi")]
    [InlineData("Lawrence J. Korb, a former assistant secretary of defense, said the strikes served notice.", "Korb", "Lawrence J. Korb")]
    [InlineData("Republican Sen. Shelley Moore Capito led the talks.", "Capito", "Shelley Moore Capito")]
    [InlineData("Researcher Allan Liska at Recorded Future said the attack was the largest.", "Liska", "Allan Liska")]
    [InlineData("President Biden spoke on Monday.", "Biden", "Biden")] // a title, not a given name
    [InlineData("When Pelosi spoke, the room fell silent.", "Pelosi", "Pelosi")] // a function word
    [InlineData("On Monday Pelosi spoke.", "Pelosi", "Pelosi")] // a day
    [InlineData("Hunter Biden, the son of President Joe Biden, spoke.", "Biden", "Biden")] // two people of one surname
    [InlineData("Former President Donald Trump and Donald J. Trump Jr. spoke.", "Trump", "Donald Trump")] // one first name
    [InlineData("The FBI director, Christopher Wray, spoke.", "FBI", "FBI")] // not a surname
    [InlineData("Officials at the Biden administration spoke.", "Biden administration", "Biden administration")] // not one word
    [InlineData("Sen. Ted Cruzado spoke.", "Cruz", "Cruz")] // another name that starts the same
    [InlineData("Senator Rand Paul questioned the doctor.", "Mr. Paul", "Rand Paul")] // a newspaper's courtesy title
    [InlineData("Senator Paul questioned the doctor.", "Mr. Paul", "Mr. Paul")]
    public void ASurnameIsGivenTheFullNameTheArticleUses(string paragraph, string speaker, string expected) =>
        Assert.Equal(expected, FullNames.Of(speaker, [Fixtures.Article("a", "A story", paragraph)]));

    [Fact]
    public void TheFullNameComesFromTheQuotesOwnArticleFirstThenTheStory()
    {
        var body = "“We will not be deterred by this,” Pelosi said.";

        var (quotes, _) = HighlightExtractor.Extract(
        [
            Fixtures.Article("a", "Panel", "Democratic leaders met on Monday. " + body),
            Fixtures.Article("b", "Panel", "House Speaker Nancy Pelosi rejected two nominees to the panel on Wednesday."),
        ]);

        Assert.Equal("Nancy Pelosi", Assert.Single(quotes).Speaker);

        // The headline's capitals are not a name ("Trump Slams Facebook"): only the text is read.
        var (headline, _) = HighlightExtractor.Extract([Fixtures.Article("a", "Speaker Slams Nancy Pelosi", body)]);
        Assert.Equal("Pelosi", Assert.Single(headline).Speaker);
    }
}
