using Briefings.Core.Evaluation;

namespace Briefings.Core.Tests.Evaluation;

public sealed class ReferenceCheckTests
{
    private static readonly IReadOnlyList<LabelledArticle> Labelled =
    [
        new("a", "quake", null, null),
        new("b", "quake", null, null),
        new("c", "vote", null, null),
    ];

    private static readonly IReadOnlyList<Core.Articles.Article> Articles =
    [
        Fixtures.Article("a", "Quake shakes Lima", "A magnitude 6.1 earthquake shook Lima on Monday, the Geophysical Institute of Peru said.\n\nNo deaths were reported in the capital."),
        Fixtures.Article("b", "Lima earthquake", "Buildings swayed in Lima as the 6.1 quake struck off the coast on Monday."),
        Fixtures.Article("c", "Council vote", "The city council voted 7 to 2 to extend the library's opening hours."),
    ];

    [Fact]
    public void EachReferenceIsCheckedAgainstItsGoldStorysPassagesAndItsSentencesCountedBySupport()
    {
        ReferenceSummary[] references =
        [
            // Told by the passages, with the institute shortened to its initials: passes.
            new("quake", "Magnitude 6.1 Earthquake Shakes Lima", "A magnitude 6.1 earthquake shook Lima on Monday, the GIP said. Buildings swayed in Lima as the quake struck off the coast."),
            // Supported word for word but for a figure the passages do not give; then a sentence from beyond them.
            new("vote", "City Council Votes 8 to 2 to Extend Library Hours", "The city council voted 8 to 2 to extend the library's opening hours.\nThe mayor, Ana Torres, had asked for the change in March."),
            new("unlabelled", null, "Nothing of the set tells this story."),
        ];

        var check = ReferenceCheck.Run(Labelled, references, Articles);

        Assert.Equal(2, check.References);
        Assert.Equal(1, check.ReferencesPassed);
        Assert.Equal(4, check.SentencesChecked);
        Assert.Equal(2, check.SentencesPassed);
        Assert.Equal(3, check.SupportedSentences);
        Assert.Equal(2, check.SupportedPassed);
        Assert.Equal(1, check.SupportedProblems["unsupported number"]);
        Assert.Equal(2, check.Problems.Values.Sum());
        Assert.Equal(2, check.Headlines);
        Assert.Equal(1, check.HeadlinesPassed);
        Assert.Equal(1, check.HeadlineProblems["unsupported number"]);
        Assert.Contains("references whole  1 of 2 pass (50.0%)", check.Text(), StringComparison.Ordinal);
        var sentence = Assert.Single(check.Examples, e => !e.Headline);
        Assert.Equal(("vote", "The city council voted 8 to 2 to extend the library's opening hours."), (sentence.Story, sentence.Text));
        Assert.StartsWith("unsupported number: 8 in sentence 1", sentence.Problem);
        Assert.Single(check.Examples, e => e.Headline && e.Text.StartsWith("City Council Votes 8", StringComparison.Ordinal));
    }
}
