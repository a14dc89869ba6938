using Briefings.Core.Summaries;
using Briefings.Core.Text;

namespace Briefings.Core.Tests.Text;

public class SectionLabelTests
{
    [Theory]
    [InlineData("The big picture: A three-judge panel ruled the restrictions unconstitutional.", "A three-judge panel ruled the restrictions unconstitutional.")]
    [InlineData("Why it matters: some House Democrats want a commission.", "Some House Democrats want a commission.")]
    [InlineData("What they’re saying: “People who are vaccinated are protected,” the agencies said.", "“People who are vaccinated are protected,” the agencies said.")]
    [InlineData("Walensky also said: “We are not there yet.”", "Walensky also said: “We are not there yet.”")] // a speaker, not a label
    [InlineData("TUCKER CARLSON: We have a question tonight.", "TUCKER CARLSON: We have a question tonight.")]
    [InlineData("Context matters in the ruling, the judge wrote.", "Context matters in the ruling, the judge wrote.")]
    [InlineData("Details:", "Details:")]
    public void ASectionLabelIsNotPartOfTheSentence(string sentence, string stripped) =>
        Assert.Equal(stripped, SectionLabels.Strip(sentence));

    [Fact]
    public void ASummaryTellsTheSentenceWithoutItsLabel()
    {
        var articles = new[]
        {
            Fixtures.Article("a", "Court strikes down handgun ban for young adults",
                "A federal appeals court struck down the ban on handgun sales to adults under 21 on Tuesday.\n\nThe big picture: A three-judge panel ruled the restrictions unconstitutional in a divided decision."),
            Fixtures.Article("b", "Appeals court rules against handgun age limit",
                "A three-judge panel of the appeals court ruled the handgun restrictions unconstitutional on Tuesday. The government may appeal the decision to the full court."),
        };

        var summary = new ExtractiveSummarizer(new SummaryOptions { MinWords = 10 }).Summarize(articles, articles.ToDictionary(a => a.Id, a => a.Id));

        Assert.Contains(summary, s => s.Text.StartsWith("A three-judge panel ruled", StringComparison.Ordinal));
        Assert.DoesNotContain(summary, s => s.Text.Contains("big picture", StringComparison.OrdinalIgnoreCase));
    }
}
