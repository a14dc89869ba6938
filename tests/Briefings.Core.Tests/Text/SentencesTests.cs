using Briefings.Core.Text;

namespace Briefings.Core.Tests.Text;

public sealed class SentencesTests
{
    [Fact]
    public void AbbreviationsDoNotEndASentence() => Assert.Equal(
        ["The U.S. Army and Gov. Newsom met Mr. Smith and Dr. Jones on Monday.", "They talked for an hour."],
        Sentences.Split("The U.S. Army and Gov. Newsom met Mr. Smith and Dr. Jones on Monday. They talked for an hour."));

    [Fact]
    public void CaseNamesAndWashingtonDcDoNotEndASentence() => Assert.Equal(
        ["The court granted review in Dobbs v. Jackson Women's Health Organization.", "Arguments are set for the fall.", "A D.C. Circuit judge disagreed."],
        Sentences.Split("The court granted review in Dobbs v. Jackson Women's Health Organization. Arguments are set for the fall. A D.C. Circuit judge disagreed."));

    [Fact]
    public void PluralTitlesDoNotEndASentence() => Assert.Equal(
        ["The letter was written by Sens. Ron Wyden and Reps. Jamie Raskin and Ro Khanna.", "It asked for an answer by Friday."],
        Sentences.Split("The letter was written by Sens. Ron Wyden and Reps. Jamie Raskin and Ro Khanna. It asked for an answer by Friday."));

    [Fact]
    public void InitialsDoNotEndASentence() => Assert.Equal(
        ["John F. Kennedy spoke in Berlin.", "J. R. Smith answered."],
        Sentences.Split("John F. Kennedy spoke in Berlin. J. R. Smith answered."));

    [Fact]
    public void DecimalsStayWhole() => Assert.Equal(
        ["Growth was 3.5 percent in the third quarter.", "Prices rose 0.2 points."],
        Sentences.Split("Growth was 3.5 percent in the third quarter. Prices rose 0.2 points."));

    [Fact]
    public void ClosingQuotesStayWithTheirSentence() => Assert.Equal(
        ["\"We are ready.\"", "She left the room.", "“It is done,” he said.", "“Is it?” she asked.", "Nobody answered."],
        Sentences.Split("\"We are ready.\" She left the room. “It is done,” he said. “Is it?” she asked. Nobody answered."));

    [Fact]
    public void QuestionsAndExclamationsEndSentences() => Assert.Equal(
        ["Why did the talks fail?", "Nobody knows!", "The ministry is silent."],
        Sentences.Split("Why did the talks fail? Nobody knows! The ministry is silent."));

    [Fact]
    public void ALowercaseContinuationDoesNotStartASentence() =>
        Assert.Single(Sentences.Split("The deal covers cars, trucks, etc. and other vehicles sold in the region."));

    [Fact]
    public void NoBeforeANumberIsAnAbbreviation() =>
        Assert.Single(Sentences.Split("The prime minister returned to No. 10 Downing Street after the summit."));

    [Fact]
    public void NoAtTheEndOfASentenceEndsIt() => Assert.Equal(
        ["The committee voted no.", "The bill now goes back to the house."],
        Sentences.Split("The committee voted no. The bill now goes back to the house."));

    [Fact]
    public void TrailingTextWithoutPunctuationIsTheLastSentence() => Assert.Equal(
        ["The vote was held.", "Results follow"],
        Sentences.Split("  The vote was held. Results follow  "));
}
