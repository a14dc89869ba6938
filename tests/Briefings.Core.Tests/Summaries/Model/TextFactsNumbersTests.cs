using Briefings.Core.Summaries.Model;

namespace Briefings.Core.Tests.Summaries.Model;

public sealed class TextFactsNumbersTests
{
    [Fact]
    public void AnArticlesNumbersAreItsDigitRunsAndItsNumberWords()
    {
        var numbers = TextFacts.NumbersOf(
        [
            "Jobless claims fell to 1,736 thousand, and 37.3% of adults were vaccinated.",
            "The $1.2 trillion bill passed on Friday. Two senators, twelve aides and COVID-19 rules. 1.",
        ]);

        Assert.Equal(["1", "1.2", "12", "1736", "19", "2", "37.3"], numbers.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void WhatASentenceClaimsIsFoundOnlyInAnArticleThatGivesIt()
    {
        var claimed = TextFacts.ClaimedNumbers("At least 150 people were killed in more than 400 shootings.").Select(n => n.Value).ToHashSet();

        Assert.True(claimed.IsSubsetOf(TextFacts.NumbersOf(["Officials counted 150 dead after 400 shootings over the weekend."])));
        Assert.False(claimed.IsSubsetOf(TextFacts.NumbersOf(["More than 180 people were killed in 540 shootings."])));
    }
}
