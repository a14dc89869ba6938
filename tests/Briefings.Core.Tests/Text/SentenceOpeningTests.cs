using Briefings.Core.Summaries;
using Briefings.Core.Text;

namespace Briefings.Core.Tests.Text;

/// <summary>What a sentence opens with that belongs to its page or its article, not to the sentence: section labels and connectives.</summary>
public class SentenceOpeningTests
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

    [Theory]
    [InlineData("But critics say the checks are an expansion of welfare.", "Critics say the checks are an expansion of welfare.")]
    [InlineData("And in a twist, Pelosi is considering a Republican.", "In a twist, Pelosi is considering a Republican.")]
    [InlineData("However, officials in Chicago rejected the idea.", "Officials in Chicago rejected the idea.")]
    [InlineData("Still, the president conceded it is unlikely.", "The president conceded it is unlikely.")]
    [InlineData("But 20 people were hurt.", "20 people were hurt.")]
    [InlineData("Still more troops arrived on Monday.", "Still more troops arrived on Monday.")] // no comma: not a connective
    [InlineData("Yet another storm hit the coast.", "Yet another storm hit the coast.")]
    [InlineData("Andrew Cuomo resigned on Tuesday.", "Andrew Cuomo resigned on Tuesday.")]
    [InlineData("“But we will win,” she said.", "“But we will win,” she said.")] // inside a quotation, the speaker's word
    public void AConnectiveToTheSentenceBeforeIsLeftOut(string sentence, string told) =>
        Assert.Equal(told, Connectives.Strip(sentence));
}
