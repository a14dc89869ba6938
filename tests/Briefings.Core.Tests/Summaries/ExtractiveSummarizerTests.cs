using Briefings.Core.Articles;
using Briefings.Core.Summaries;
using Briefings.Core.Text;

namespace Briefings.Core.Tests.Summaries;

public sealed class ExtractiveSummarizerTests
{
    private static readonly ExtractiveSummarizer Summarizer = new(new SummaryOptions());

    private static readonly Dictionary<string, string> NoCopies = [];

    /// <summary>Three outlets on one rate decision; each adds one aside no other outlet mentions.</summary>
    private static readonly IReadOnlyList<Article> RateStory =
    [
        Fixtures.Article("a", "Central bank raises interest rates by half a point",
            "The central bank raised its main interest rate by half a point to 4.5 percent on Tuesday, the largest increase in two decades. "
            + "Governor Ana Ruiz said inflation was still far above the bank's target of 2 percent and further increases could follow. "
            + "Mortgage lenders are expected to pass the higher rate on to home buyers within weeks. "
            + "The bank's new headquarters, designed by a Danish firm, opened to visitors last spring."),
        Fixtures.Article("b", "Interest rates rise by half a point as inflation stays high",
            "The central bank raised interest rates by half a point to 4.5 percent on Tuesday as inflation stayed far above its target. "
            + "Governor Ana Ruiz said further increases could follow if prices kept rising faster than wages. "
            + "Home buyers face higher mortgage payments as lenders pass on the increase. "
            + "A charity football match between bank staff and local journalists raised money for a children's hospital."),
        Fixtures.Article("c", "Half-point rate rise as central bank fights inflation",
            "Borrowing costs rose on Tuesday after the central bank raised its main interest rate by half a point to 4.5 percent. "
            + "Governor Ana Ruiz told reporters that inflation remained far above the 2 percent target and more increases could follow. "
            + "Lenders said mortgage rates for home buyers would rise within weeks. "
            + "The governor's dog, a small terrier called Biscuit, is popular with the staff of the bank."),
    ];

    /// <summary>A budget the story's agreed facts fill on their own, so nothing else is needed to reach it.</summary>
    private static readonly ExtractiveSummarizer Brief = new(new SummaryOptions { MinWords = 40, MaxWords = 60 });

    [Fact]
    public void WhatSeveralOutletsReportIsChosenOverWhatOnlyOneMentions()
    {
        var summary = Brief.Summarize(RateStory, NoCopies);

        Assert.Contains(summary, s => s.Text.Contains("4.5 percent", StringComparison.Ordinal));
        Assert.Contains(summary, s => s.Text.Contains("Ana Ruiz", StringComparison.Ordinal));
        Assert.DoesNotContain(summary, s => s.Text.Contains("headquarters", StringComparison.Ordinal)
            || s.Text.Contains("football", StringComparison.Ordinal)
            || s.Text.Contains("terrier", StringComparison.Ordinal));
    }

    [Fact]
    public void AnotherOutletIsCitedForASentenceOnlyWhenItGivesTheSentencesFigures()
    {
        Article[] story =
        [
            Fixtures.Article("a", "Storm kills at least 150 across the coast",
                "The storm killed at least 150 people across the coastal region on Tuesday, emergency officials said. "
                + "Rescue teams searched collapsed buildings through the night in the port city. "
                + "Power was cut to most homes along the coast and schools stayed closed."),
            Fixtures.Article("b", "Storm death toll passes 180",
                "The storm killed more than 180 people across the coastal region on Tuesday, emergency officials said. "
                + "Rescue teams searched collapsed buildings through the night in the port city. "
                + "Power was cut to most homes along the coast and schools stayed closed."),
            Fixtures.Article("c", "Coastal storm leaves 150 dead",
                "The storm killed at least 150 people across the coastal region on Tuesday, emergency officials said, as rescuers worked on. "
                + "Rescue teams searched collapsed buildings through the night in the port city. "
                + "Power was cut to most homes along the coast and schools stayed closed."),
        ];

        var summary = Brief.Summarize(story, NoCopies);

        var tolls = summary.Where(s => s.Text.Contains("killed", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(tolls);
        Assert.All(tolls, toll => Assert.Equal(
            toll.Text.Contains("150", StringComparison.Ordinal) ? ["a", "c"] : ["b"],
            toll.Sources.Order(StringComparer.Ordinal)));
        var searched = Assert.Single(summary, s => s.Text.Contains("searched", StringComparison.Ordinal));
        Assert.Equal(["a", "b", "c"], searched.Sources.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TwoSentencesGivingOneFigureInOtherWordsAreOneFactToldOnce()
    {
        Article[] story =
        [
            Fixtures.Article("a", "Swimmer sets world record",
                "Swimmer Mara Lindqvist set a world record of 2:00.98 in the 200 metres butterfly on Wednesday at the national championships. "
                + "Coach Erik Sandberg said Lindqvist had changed her training this year to focus on the final length of the race. "
                + "The result secures her place at the world championships in August."),
            Fixtures.Article("b", "Lindqvist breaks butterfly world record",
                "Mara Lindqvist broke the world record in the women's 200 metres butterfly at the national championships on Wednesday, touching in 2:00.98. "
                + "Lindqvist, who won bronze at the last world championships, will go to August's championships as the favourite. "
                + "Her coach said the new training plan had made the difference in the final length."),
        ];

        var summary = Summarizer.Summarize(story, NoCopies);

        Assert.Single(summary, s => s.Text.Contains("2:00.98", StringComparison.Ordinal));
        Assert.True(summary.Count >= 3);
    }

    [Fact]
    public void TheSameFactIsNotToldTwice()
    {
        // Every outlet opens with the rise: one telling covers it, and the words left go to the
        // governor's warning and the mortgage lenders instead.
        var summary = Brief.Summarize(RateStory, NoCopies);

        Assert.Single(summary, s => s.Text.Contains("half a point", StringComparison.Ordinal));
    }

    [Fact]
    public void ADevelopingStorysSummaryLeavesOutWhatAnEarlierDigestToldWhileItHasOtherSentences()
    {
        var yesterday = Brief.Summarize(RateStory, NoCopies);
        var today = Brief.Summarize(RateStory, NoCopies, told: ["The central bank raised its main interest rate by half a point to 4.5 percent on Tuesday, the largest increase in two decades."]);

        Assert.Contains(yesterday, s => s.Text.Contains("half a point", StringComparison.Ordinal));
        Assert.DoesNotContain(today, s => s.Text.Contains("half a point", StringComparison.Ordinal)); // each outlet's telling of it
        Assert.Contains(today, s => s.Text.Contains("Ana Ruiz", StringComparison.Ordinal));
        Assert.True(today.Count >= 2);
    }

    [Fact]
    public void AStoryWithTooLittleNewIsToldAsBefore()
    {
        // Everything its leads say was told: a summary that repeats is better than none.
        var told = RateStory.SelectMany(a => a.Paragraphs).SelectMany(Sentences.Split).ToList();

        Assert.Equal(Brief.Summarize(RateStory, NoCopies).Select(s => s.Text), Brief.Summarize(RateStory, NoCopies, told).Select(s => s.Text));
    }

    [Fact]
    public void SummaryFillsItsWordBudgetWithoutPassingIt()
    {
        var sentences = Enumerable.Range(1, 8).Select(i =>
            $"Flood barrier number {i} on the eastern river held through the storm on Sunday night, the regional water authority said.").ToList();
        var articles = new[]
        {
            Fixtures.Article("x", "Flood barriers hold through the storm", string.Join(' ', sentences.Take(4))),
            Fixtures.Article("y", "Storm tests the eastern river's flood barriers", string.Join(' ', sentences.Skip(4))),
        };

        var words = Summarizer.Summarize(articles, NoCopies).Sum(s => Words.Count(s.Text));

        Assert.InRange(words, new SummaryOptions().MinWords, new SummaryOptions().MaxWords);
    }

    [Fact]
    public void SentencesBeyondTheLeadAreNotChosen()
    {
        // The last paragraph retells the story's core, but only after some 150 words of background.
        var background = string.Join(' ',
            "The bank was founded in 1948 and moved to its present building in the capital in 1979.",
            "For much of the last decade it kept borrowing costs close to zero to support a slow recovery.",
            "Critics in parliament argued at the time that cheap money fuelled a boom in house prices.",
            "The pandemic brought emergency loans to small firms and a programme of bond purchases.",
            "Energy prices then climbed sharply, and food followed within months as harvests failed in the south.",
            "Wage growth lagged behind prices for two years, squeezing household budgets across the country.",
            "Opposition leaders have called for an inquiry into how the bank read the early warning signs.",
            "Economists remain divided over how long the effects of a rate change take to reach prices.");
        var late = "The central bank raised its main interest rate by half a point to 4.5 percent on Tuesday, governor Ana Ruiz said, as inflation stayed far above target.";
        var article = Fixtures.Article("long", "Central bank raises interest rates by half a point",
            "Markets had expected a smaller increase after a month of mixed economic data.\n\n" + background + "\n\n" + late);
        IReadOnlyList<Article> story = [article];

        var withLeads = Summarizer.Summarize(story, NoCopies);
        var withWholeArticles = new ExtractiveSummarizer(new SummaryOptions { LeadWords = 1000 }).Summarize(story, NoCopies);

        Assert.Contains(withWholeArticles, s => s.Text == late);
        Assert.DoesNotContain(withLeads, s => s.Text == late);
    }

    [Fact]
    public void AStoryWhoseLeadsAreTooShortDrawsOnTheSentencesAfterThem()
    {
        // A lead of two short sentences cannot make the shortest summary on its own.
        var sentences = new[]
        {
            "The city council approved the new river bridge on Tuesday evening.",
            "The vote was nine to two after a debate of four hours.",
            "Construction of the bridge is due to start in the spring of next year.",
            "The mayor said the crossing would cut journeys between the two districts by half.",
            "Residents near the old ferry landing had campaigned for a bridge for two decades.",
            "Two councillors who voted against it said the cost had risen too fast.",
            "The regional government will pay for about a third of the work.",
        };
        IReadOnlyList<Article> story = [Fixtures.Article("bridge", "Council approves river bridge", string.Join(' ', sentences))];
        var shortLeads = new ExtractiveSummarizer(new SummaryOptions { LeadWords = 20 });

        var words = shortLeads.Summarize(story, NoCopies).Sum(s => Words.Count(s.Text));

        Assert.InRange(words, new SummaryOptions().MinWords, new SummaryOptions().MaxWords);
    }

    [Fact]
    public void CaptionsAndCutOffSentencesAreNotChosen()
    {
        // The summary is short of its word floor, so only the rule keeps the two fragments out.
        var article = Fixtures.Article("bridge", "River bridge closes for three weeks of repairs",
            "The old river bridge will close for repairs on Monday for three weeks, the city transport department said.\n\n"
            + "Buses will be diverted over the northern bridge, adding about ten minutes to journeys into the centre.\n\n"
            + "Photo: The old river bridge seen from the northern bank of the river during the repairs last year\n\n"
            + "Engineers found cracks in two of the bridge's supports during an inspection in the spring and said the");

        var summary = Summarizer.Summarize([article], NoCopies);

        Assert.Equal(2, summary.Count);
        Assert.All(summary, s => Assert.EndsWith(".", s.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void AQuotationOfSeveralSentencesIsChosenWholeOrNotAtAll()
    {
        // The mayor's words run over three sentences in straight quotes, which the splitter cuts
        // like any text; the last piece alone would read as a broken sentence.
        var article = Fixtures.Article("mayor", "Mayor closes city pools for the summer after heat damage",
            "The mayor closed all six city swimming pools for the summer on Friday after the heat wave cracked their tiles and pumps.\n\n"
            + "\"We did not take this lightly. The pools are where the city's children spend their summer. "
            + "But they are not safe to swim in this year,\" the mayor told reporters at city hall.\n\n"
            + "Repairs to the pools will cost about two million dollars and start in the autumn, officials said.");

        var summary = Summarizer.Summarize([article], NoCopies);

        Assert.All(summary, s => Assert.Equal(0, s.Text.Count(c => c == '"') % 2));
        Assert.DoesNotContain(summary, s => s.Text.StartsWith("But they are not safe", StringComparison.Ordinal));
        Assert.Contains(summary, s => s.Text.StartsWith("\"We did not take this lightly.", StringComparison.Ordinal)
            && s.Text.EndsWith("the mayor told reporters at city hall.", StringComparison.Ordinal));
    }


    [Fact]
    public void QuotationsOfSeveralSentencesInOneParagraphAreEachJoinedAndNothingBetweenThem()
    {
        // One paragraph: a quotation in straight quotes, a plain sentence, a quotation in curly
        // quotes. Each quotation is one sentence of the summary, and the plain one stands alone.
        var article = Fixtures.Article("mayor", "Mayor closes city pools for the summer after heat damage",
            "\"We did not take this lightly. The pools are not safe to swim in this year,\" the mayor told reporters at city hall on Friday. "
            + "Repairs to the six pools will cost about two million dollars and start in the autumn, officials said. "
            + "“The pumps are thirty years old. Every one of them has to be replaced,” the city engineer told the council on Friday.");

        var summary = Summarizer.Summarize([article], NoCopies).Select(s => s.Text).ToList();

        Assert.Contains("Repairs to the six pools will cost about two million dollars and start in the autumn, officials said.", summary);
        Assert.Contains(summary, s => s.StartsWith("\"We did not take this lightly.", StringComparison.Ordinal) && s.EndsWith("city hall on Friday.", StringComparison.Ordinal));
        Assert.Contains(summary, s => s.StartsWith("“The pumps are thirty years old.", StringComparison.Ordinal) && s.EndsWith("council on Friday.", StringComparison.Ordinal));
    }
    [Theory]
    [InlineData("We eat microplastics, breathe pollution and watch other life-forms decline to extinction.")]
    [InlineData("If you are fully vaccinated, you don't need a booster shot, the health agency says.")]
    [InlineData("It has kept my wife and son safe over the last year.")]
    [InlineData("I intended to write about the first hundred days of the new government.")]
    [InlineData("Back in Washington, I asked the senator what we're meant to make of the vote.")]
    [InlineData("Prices are collapsing in front of our eyes, \"and nobody noticed,\" one trader said.")]
    public void SentencesInTheWritersOwnVoiceAreRecognised(string sentence) =>
        Assert.True(ExtractiveSummarizer.InWritersVoice(sentence));

    [Theory]
    [InlineData("The US government said on Tuesday that boosters are not yet needed.")]
    [InlineData("Sens. Sheldon Whitehouse (D-R.I.) and Chris Coons (Del.) wrote to the FBI director.")]
    [InlineData("“We will not back down,” the mayor told reporters on Friday.")]
    [InlineData("\"You have to act now,\" the minister said, and I. M. Pei's museum reopened.")]
    [InlineData("World War I veterans laid wreaths at the memorial.")]
    public void ReportedSpeechAndInitialsAreNotTheWritersVoice(string sentence) =>
        Assert.False(ExtractiveSummarizer.InWritersVoice(sentence));

    [Fact]
    public void CommentaryInTheWritersVoiceIsLeftOutWhenTheStoryHasReportsEnough()
    {
        // The column's opening line shares most of the story's words, so only its voice keeps it out.
        var column = Fixtures.Article("column", "Central bank raises interest rates by half a point again",
            "We should all worry that the central bank raised interest rates by half a point to 4.5 percent on Tuesday. "
            + "Your mortgage payments will rise within weeks as lenders pass on the increase, and you can do little about it.");

        var summary = Summarizer.Summarize([.. RateStory, column], NoCopies);

        Assert.NotEmpty(summary);
        Assert.DoesNotContain(summary, s => ExtractiveSummarizer.InWritersVoice(s.Text));
    }

    [Theory]
    [InlineData("https://news.example/opinion/", null)]
    [InlineData("https://news.example/2021/07/01/", "Daily Example (Opinion)")]
    public void AColumnsClaimsAreLeftOutWhenTheStoryHasReportsEnough(string url, string? source)
    {
        // Two columns open with the same verdict, so it is the story's most shared sentence.
        const string Verdict = "The central bank was wrong to raise rates again while households are already struggling with higher prices.";
        Article[] articles =
        [
            RateStory[0],
            Fixtures.Article("c1", "The central bank was wrong to raise rates again",
                Verdict + " Raising the main interest rate to 4.5 percent will hurt home buyers most.", url: "https://news.example/2021/07/01/c1"),
            Fixtures.Article("c2", "Households will pay for the bank's rate rise",
                Verdict + " Governor Ana Ruiz should have waited for inflation to fall on its own.", url: "https://news.example/2021/07/01/c2"),
        ];
        Assert.Contains(Summarizer.Summarize(articles, NoCopies), s => s.Text == Verdict);

        Article[] columns = [articles[0], .. articles[1..].Select(a => a with { Url = url + a.Id, Source = source })];
        Assert.All(columns[1..], c => Assert.True(OpinionPieces.Is(c)));
        var summary = Summarizer.Summarize(columns, NoCopies);

        Assert.True(summary.Count >= 2);
        Assert.DoesNotContain(summary, s => s.Text == Verdict);
    }

    [Theory]
    [InlineData("He promised that the bank would act again if prices kept rising.", true)]
    [InlineData("It was the largest increase in two decades.", true)]
    [InlineData("Those lenders said mortgage rates would rise within weeks.", true)]
    [InlineData("They, too, voted for the increase.", true)]
    [InlineData("Such a vote would be quickly rejected by the majority.", true)]
    [InlineData("That's according to a report published Wednesday by the bank.", true)]
    [InlineData("It’s the largest increase in two decades.", true)]
    [InlineData("They're expected to vote again in March.", true)]
    [InlineData("Thatcher's government raised rates too.", false)]
    [InlineData("Suchet, the bank's chief economist, expects another rise.", false)]
    [InlineData("Heavy rain fell on Tuesday as the bank met.", false)]
    [InlineData("The governor said it was the largest increase in two decades.", false)]
    [InlineData("“He is right,” the senator said of the governor.", false)]
    [InlineData("Thousands of home buyers face higher payments.", false)]
    public void ASentenceOpeningOnAReferenceToWhatCameBeforeIsRecognised(string sentence, bool reference) =>
        Assert.Equal(reference, ExtractiveSummarizer.OpensOnAReference(sentence));

    /// <summary>The rate story's first report and two follow-ups that both carry <paramref name="second"/>, the story's most shared sentence.</summary>
    private static Article[] FollowedUpWith(string second) =>
    [
        RateStory[0],
        Fixtures.Article("d", "Ruiz defends half-point rise", "The central bank governor defended the half-point rise in the interest rate on Tuesday. " + second),
        Fixtures.Article("e", "Ruiz signals more rises", "The governor of the central bank said the interest rate rise would not be the last. " + second),
    ];

    [Fact]
    public void ASentenceOpeningOnAPronounIsLeftOutWhenTheStoryHasOthersEnough()
    {
        // Both follow-ups carry the same second sentence, so it is the story's most shared one;
        // told with the governor's name it is chosen, opening on "She" it is not.
        const string Named = "Governor Ana Ruiz promised to raise the interest rate again if prices kept rising faster than wages.";
        const string Pronoun = "She promised to raise the interest rate again if prices kept rising faster than wages.";
        Assert.Contains(Summarizer.Summarize(FollowedUpWith(Named), NoCopies), s => s.Text == Named);

        var summary = Summarizer.Summarize(FollowedUpWith(Pronoun), NoCopies);

        Assert.True(summary.Count >= 2);
        Assert.DoesNotContain(summary, s => s.Text == Pronoun);
    }

    [Theory]
    [InlineData("“The United States will continue to enforce our laws and secure our border.”", true)]
    [InlineData("\"We will raise the rate again if prices keep rising.\"", true)]
    [InlineData("“We will raise the rate again if prices keep rising”.", true)]
    [InlineData("“We will raise the rate again,” Governor Ana Ruiz said.", false)]
    [InlineData("“America is failing in running cities,” Adams said, adding he was “the new face of the party.”", false)]
    [InlineData("The governor called the rise “the right step.”", false)]
    [InlineData("“Do not come, do not come,” she said at a news conference.", true)]
    [InlineData("\"Bottom line: did she need to die yesterday?\" he added.", true)]
    [InlineData("“We must not allow it to become one now,” they wrote to the congressional leaders.", true)]
    [InlineData("“We will raise the rate again,” he said, and Governor Ana Ruiz agreed.", true)]
    [InlineData("“We will raise the rate again,” the governor said.", false)]
    [InlineData("“We will raise the rate again,” Ruiz said, and he agreed.", false)]
    [InlineData("“We will raise the rate again,” then the theatre went dark.", false)]
    [InlineData("“What do you do all the time?” he asked.", true)]
    [InlineData("“We will discourage illegal migration,” she commented.", true)]
    [InlineData("“We will raise the rate again,” she Monday.", false)]
    public void ASentenceQuotingSomeoneItDoesNotNameIsRecognised(string sentence, bool unnamed) =>
        Assert.Equal(unnamed, ExtractiveSummarizer.QuotesSomeoneUnnamed(sentence));

    [Fact]
    public void AQuotationWhoseSpeakerTheSentenceDoesNotNameIsLeftOutWhenTheStoryHasOthersEnough()
    {
        // As with a pronoun: told with the governor's name the shared sentence is chosen, as a
        // quotation alone (its article names her elsewhere) it is not.
        const string Named = "Governor Ana Ruiz said the bank would raise the interest rate again if prices kept rising faster than wages.";
        const string Alone = "“The bank will raise the interest rate again if prices keep rising faster than wages.”";
        Assert.Contains(Summarizer.Summarize(FollowedUpWith(Named), NoCopies), s => s.Text == Named);

        var summary = Summarizer.Summarize(FollowedUpWith(Alone), NoCopies);

        Assert.True(summary.Count >= 2);
        Assert.DoesNotContain(summary, s => s.Text == Alone);
    }

    [Fact]
    public void AStoryOfColumnsOnlyIsSummarisedFromThem()
    {
        var columns = RateStory.Select(a => a with { Url = $"https://news.example/opinion/{a.Id}" }).ToList();

        var summary = Summarizer.Summarize(columns, NoCopies);

        Assert.True(summary.Count >= 2);
    }

    [Fact]
    public void AStoryToldOnlyInTheWritersVoiceStillGetsASummary()
    {
        var column = Fixtures.Article("column", "Why we should all plant more trees this spring",
            "We planted forty oak trees along the river path last weekend with our neighbours. "
            + "You can join the next planting on the first Saturday of April at the old mill. "
            + "Our town lost half of its elm trees to disease in the last ten years.");

        var summary = Summarizer.Summarize([column], NoCopies);

        Assert.True(summary.Count >= 2);
    }
}
