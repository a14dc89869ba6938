using Briefings.Core.Summaries.Model;

namespace Briefings.Core.Tests.Summaries.Model;

public sealed class ModelSummaryVerifierTests
{
    private static readonly Dictionary<int, string> Passages = new()
    {
        [1] = """
            EU and South Korea urge North Korea to pull its troops out of Russia
            Reuters, 4 November 2024
            South Korea and the European Union on Monday condemned the deployment of 12,000 North Korean troops to Russia and called for their withdrawal.
            EU foreign policy chief Josep Borrell called the deployment an existential threat to Europe's security during the first strategic dialogue in Seoul.
            """,
        [2] = """
            Seoul says Pyongyang sent a million shells
            Yonhap
            Foreign Minister Cho Tae-yul said North Korea had sent more than a million artillery shells to Moscow since 2023. Two ministers met in Seoul.
            """,
    };

    private const string Headline = "EU and South Korea urge North Korea to withdraw troops from Russia";

    private static readonly ModelSentence Deployment = new("South Korea and the European Union condemned the deployment of 12,000 North Korean troops to Russia and called for their withdrawal.", [1]);

    private static readonly ModelSentence Threat = new("Josep Borrell called the deployment an existential threat to Europe's security.", [1]);

    private static readonly ModelSentence Shells = new("Foreign Minister Cho Tae-yul said North Korea had sent more than a million artillery shells to Moscow since 2023.", [2]);

    private static Verdict Check(string headline, params ModelSentence[] sentences) =>
        ModelSummaryVerifier.Check(new ModelAnswer(headline, sentences), Passages);

    [Fact]
    public void AnAnswerThatSaysOnlyWhatItsCitedPassagesSayPasses()
    {
        var verdict = Check(Headline, Deployment, Threat, Shells);

        Assert.True(verdict.Passed, verdict.Problem);
    }

    [Fact]
    public void CitingAPassageTheStoryDoesNotHaveIsAnInventedCitation()
    {
        var verdict = Check(Headline, Deployment with { Sources = [1, 7] }, Threat, Shells);

        Assert.Equal("invented citation: sentence 1 cites passage 7, which is not one of the story's articles", verdict.Problem);
    }

    [Fact]
    public void ASentenceThatCitesNothingFails()
    {
        var verdict = Check(Headline, Deployment, Threat with { Sources = [] }, Shells);

        Assert.StartsWith("uncited sentence: sentence 2", verdict.Problem);
    }

    [Fact]
    public void ANumberNoPassageHoldsFails()
    {
        var verdict = Check(Headline, Deployment with { Text = Deployment.Text!.Replace("12,000", "13,000", StringComparison.Ordinal) }, Threat, Shells);

        Assert.StartsWith("unsupported number: 13,000 in sentence 1", verdict.Problem);
    }

    [Fact]
    public void ANumberOnlyAnUncitedPassageHoldsFails()
    {
        var verdict = Check(Headline, Deployment, Threat, Shells with { Sources = [1] });

        Assert.StartsWith("unsupported number: 2023 in sentence 3 is not in passage 1", verdict.Problem);
    }

    [Fact]
    public void NumbersMatchWithoutThousandsSeparatorsAndSmallNumberWordsCount()
    {
        var verdict = Check(Headline, Deployment with { Text = Deployment.Text!.Replace("12,000", "12000", StringComparison.Ordinal) }, Threat, Shells,
            new ModelSentence("2 ministers met in Seoul.", [2]));

        Assert.True(verdict.Passed, verdict.Problem);
    }

    [Theory]
    [InlineData("Emmanuel Macron called the deployment an existential threat to Europe's security.", "emmanuel")]
    [InlineData("Josep Borrell and Macron called the deployment an existential threat to Europe's security.", "macron")]
    [InlineData("Borrell called the deployment an existential threat to NATO security.", "nato")]
    public void ANameNoCitedPassageHoldsFailsWhereverItStands(string text, string name)
    {
        var verdict = Check(Headline, Deployment, new ModelSentence(text, [1]), Shells);

        Assert.StartsWith($"unsupported name: '{name}' in sentence 2", verdict.Problem);
    }

    [Fact]
    public void ANameInAnUncitedPassageOnlyFails()
    {
        var verdict = Check(Headline, Deployment, Threat, Shells with { Text = "Cho Tae-yul said North Korea had sent more than a million artillery shells to Moscow since 2023.", Sources = [1, 2] },
            new ModelSentence("Cho Tae-yul called the deployment an existential threat.", [1]));

        Assert.StartsWith("unsupported name: 'cho' in sentence 4 is not in passage 1", verdict.Problem);
    }

    [Fact]
    public void PossessivesAndSentenceAdverbsAreNotTakenForNewNames()
    {
        var verdict = Check(Headline, Deployment, Threat with { Text = "Meanwhile, Borrell called the deployment an existential threat to Europe's security." },
            new ModelSentence("Russia's ally had sent more than a million artillery shells to Moscow since 2023, Cho said.", [2, 1]));

        Assert.True(verdict.Passed, verdict.Problem);
    }

    [Fact]
    public void ASentenceWhoseWordsAreMostlyNotInItsSourcesFails()
    {
        var verdict = Check(Headline, Deployment, Threat, new ModelSentence("They also agreed new fishing quotas, farm subsidies and rail links with Korea.", [1]));

        Assert.StartsWith("unsupported wording:", verdict.Problem);
        Assert.Contains("sentence 3", verdict.Problem);
    }

    [Fact]
    public void AHeadlineWithAnInventedFigureFails()
    {
        var verdict = Check("North Korea sent 15,000 troops to Russia", Deployment, Threat, Shells);

        Assert.StartsWith("unsupported number: 15,000 in the headline", verdict.Problem);
    }

    [Fact]
    public void AHeadlineNamingSomeoneNoPassageNamesFails()
    {
        var verdict = Check("Zelensky welcomes EU and South Korea call on troops", Deployment, Threat, Shells);

        Assert.StartsWith("unsupported name: 'zelensky' in the headline", verdict.Problem);
    }

    [Fact]
    public void AnAnswerFarShorterThanASummaryFails()
    {
        var verdict = Check(Headline, Threat);

        Assert.StartsWith("wrong length:", verdict.Problem);
    }

    [Fact]
    public void AnAnswerWithoutHeadlineOrSentencesIsMalformed()
    {
        Assert.Equal("malformed answer: no headline", ModelSummaryVerifier.Check(new ModelAnswer(null, [Deployment, Threat, Shells]), Passages).Problem);
        Assert.Equal("malformed answer: no sentences", ModelSummaryVerifier.Check(new ModelAnswer(Headline, null), Passages).Problem);
        Assert.Equal("malformed answer: an empty sentence", Check(Headline, Deployment, Threat, Shells, new ModelSentence(" ", [1])).Problem);
    }

    [Fact]
    public void EveryProblemIsListedInTheOrderTheChecksMeetThem()
    {
        var answer = new ModelAnswer("Zelensky welcomes the call", [Deployment with { Sources = [1, 7] }, Threat, Shells with { Text = Shells.Text!.Replace("2023", "2022", StringComparison.Ordinal) }]);

        var problems = ModelSummaryVerifier.Problems(answer, Passages).Select(v => v.Problem).ToList();

        Assert.Equal(3, problems.Count);
        Assert.StartsWith("invented citation: sentence 1", problems[0]);
        Assert.StartsWith("unsupported number: 2022 in sentence 3", problems[1]);
        Assert.StartsWith("unsupported name: 'zelensky' in the headline", problems[2]);
        Assert.Equal(problems[0], ModelSummaryVerifier.Check(answer, Passages).Problem);
    }

    private static readonly Dictionary<int, string> Agencies = new()
    {
        [1] = "The U.S. Food and Drug Administration approved the vaccine for children on Monday, Centers for Disease Control and Prevention officials said.",
        [2] = "US regulators cleared the shot for children aged 12 to 15, the agency said on Monday.",
    };

    [Theory]
    [InlineData("The FDA approved the vaccine for children on Monday, CDC officials said.", 1)]
    [InlineData("The US Food and Drug Administration approved the vaccine for children on Monday.", 1)]
    [InlineData("U.S. regulators cleared the shot for children aged 12 to 15 on Monday.", 2)]
    public void AnInitialismStandsForTheNameItsPassageSpellsOutOrDots(string text, int passage)
    {
        var verdict = ModelSummaryVerifier.CheckSentence(new ModelSentence(text, [passage]), 1, Agencies);

        Assert.True(verdict.Passed, verdict.Problem);
    }

    [Theory]
    [InlineData("The EMA approved the vaccine for children on Monday.", 1, "ema")]
    [InlineData("The FDA cleared the shot for children aged 12 to 15 on Monday.", 2, "fda")]
    [InlineData("The UK approved the vaccine for children on Monday.", 1, "uk")]
    public void AnInitialismNoCitedPassageSpellsOutFails(string text, int passage, string name)
    {
        var verdict = ModelSummaryVerifier.CheckSentence(new ModelSentence(text, [passage]), 1, Agencies);

        Assert.StartsWith($"unsupported name: '{name}' in sentence 1", verdict.Problem);
    }

    private static readonly Dictionary<int, string> Summit = new()
    {
        [1] = "G-7 leaders met in Cornwall as Covid-19 cases fell, and Q2 growth beat forecasts.",
    };

    [Theory]
    [InlineData("G-7 leaders met in Cornwall as COVID-19 cases fell.")]
    [InlineData("The G-7's leaders met in Cornwall as Q2 growth beat forecasts.")]
    public void ACodeNameMatchesItselfWhole(string text)
    {
        var verdict = ModelSummaryVerifier.CheckSentence(new ModelSentence(text, [1]), 1, Summit);

        Assert.True(verdict.Passed, verdict.Problem);
    }

    [Fact]
    public void ACodeNameIsHeldByItsWordOfFourLettersOrMore()
    {
        Dictionary<int, string> covid = new() { [1] = "Covid cases fell in Cornwall, where G-7 leaders met." };

        Assert.True(ModelSummaryVerifier.CheckSentence(new("COVID-19 cases fell in Cornwall, where leaders met.", [1]), 1, covid).Passed);
        Assert.StartsWith("unsupported name: 'g20'", ModelSummaryVerifier.CheckSentence(new("Covid cases fell in Cornwall, where G-20 leaders met.", [1]), 1, covid).Problem);
    }

    [Theory]
    [InlineData("G-20 leaders met in Cornwall as cases fell.", "unsupported name: 'g20'")]
    [InlineData("Leaders met in Cornwall as 19 cases fell.", "unsupported number: 19")]
    [InlineData("Leaders met in Cornwall as growth beat forecasts by 2 points.", "unsupported number: 2")]
    public void ACodeNamesDigitsVouchForNoOtherNumberOrName(string text, string problem)
    {
        var verdict = ModelSummaryVerifier.CheckSentence(new ModelSentence(text, [1]), 1, Summit);

        Assert.StartsWith(problem, verdict.Problem);
    }

    [Fact]
    public void AnOrdinaryWordOpeningASentenceIsNotTakenForAName()
    {
        var sentence = new ModelSentence("Roughly 12,000 North Korean troops were deployed to Russia, South Korea and the European Union said.", [1]);
        var ordinary = TextFacts.LowerCaseWords(["They were roughly counted; the troops, said emmanuel."]);

        Assert.StartsWith("unsupported name: 'roughly'", ModelSummaryVerifier.CheckSentence(sentence, 1, Passages).Problem);
        Assert.True(ModelSummaryVerifier.CheckSentence(sentence, 1, Passages, ordinary).Passed);
        Assert.StartsWith("unsupported name: 'macron'", ModelSummaryVerifier.CheckSentence(new("Emmanuel Macron called the deployment an existential threat to Europe's security.", [1]), 1, Passages, ordinary).Problem);
    }

    [Theory]
    [InlineData("Three ministers met in Seoul.", "unsupported number: Three")]
    [InlineData("Foreign Minister Cho Tae-yul said three ministers met in Seoul.", "unsupported number: three")]
    public void ANumberWordIsACountTheCitedPassageMustGive(string text, string problem)
    {
        Assert.StartsWith(problem, ModelSummaryVerifier.CheckSentence(new(text, [2]), 1, Passages).Problem);
        Assert.True(ModelSummaryVerifier.CheckSentence(new(text.Replace("hree", "wo", StringComparison.Ordinal), [2]), 1, Passages).Passed);
    }

    [Fact]
    public void ATitleCaseHeadlinesOrdinaryWordsAreNotNamesButItsNamesAre()
    {
        var ordinary = TextFacts.LowerCaseWords(Passages.Values);
        const string TitleCase = "EU and South Korea Urge North Korea to Withdraw Its Troops From Russia";

        Assert.StartsWith("unsupported name: 'withdraw'", ModelSummaryVerifier.CheckHeadline(TitleCase, Passages).Problem);
        Assert.True(ModelSummaryVerifier.CheckHeadline(TitleCase, Passages, ordinary).Passed);
        Assert.StartsWith("unsupported name: 'zelensky'", ModelSummaryVerifier.CheckHeadline("Zelensky Welcomes EU and South Korea Call to Withdraw Troops", Passages, ordinary).Problem);
    }

    [Fact]
    public void AnAmountWithItsUnitIsANumberNotACodeName()
    {
        Dictionary<int, string> court = new() { [1] = "The court will weigh the state's 15-week abortion ban and a $3.2 billion fund." };
        var ordinary = TextFacts.LowerCaseWords(court.Values);

        Assert.True(ModelSummaryVerifier.CheckHeadline("Court to Weigh 15-Week Abortion Ban and $3.2B Fund", court, ordinary).Passed);
        Assert.StartsWith("unsupported number: 16", ModelSummaryVerifier.CheckHeadline("Court to Weigh 16-Week Abortion Ban", court, ordinary).Problem);
    }

    [Fact]
    public void APassageOfNothingButCapitalisedWordsIsReadInLinearTime()
    {
        var names = string.Join(' ', Enumerable.Range(0, 20_000).Select(k => "Name" + (char)('A' + (k % 26))));
        Dictionary<int, string> roll = new() { [1] = names };

        var verdict = ModelSummaryVerifier.CheckSentence(new("NameA NameB NameC met, as the NNN said.", [1]), 1, roll);

        Assert.True(verdict.Passed, verdict.Problem); // the names, and the initialism NNN, are held
    }

    /// <summary>The story's passages on a later day: the first two, and a report that tells what happened next.</summary>
    private static readonly Dictionary<int, string> NextDay = new(Passages)
    {
        [3] = """
            Pyongyang rejects the joint statement
            KCNA, 5 November 2024
            North Korea's foreign ministry called the joint statement a provocation by hostile forces. The ministry said its cooperation with Moscow was lawful and would continue. It warned the government in Seoul against any part in the conflict.
            """,
    };

    private static readonly ModelSentence Provocation = new("North Korea's foreign ministry called the joint statement a provocation by hostile forces.", [3]);

    private static readonly ModelSentence Lawful = new("The ministry said its cooperation with Moscow was lawful and would continue.", [3]);

    /// <summary>What the briefing of the day before told of the story.</summary>
    private static readonly string[] Told = [Deployment.Text!, Threat.Text!];

    private static List<Verdict> Problems(Dictionary<int, string> passages, IReadOnlyList<string>? told, params ModelSentence[] sentences) =>
        [.. ModelSummaryVerifier.Problems(new ModelAnswer(Headline, sentences), passages, told: told)];

    [Fact]
    public void ADevelopingStorysAnswerRetellingMoreThanOneToldFactWhileThePassagesHaveNewsFails()
    {
        var problems = Problems(NextDay, Told, Deployment, Threat, Provocation, Lawful);

        var problem = Assert.Single(problems);
        Assert.Equal("retold: sentence 2 tells again what an earlier briefing told, while the passages have new things to tell", problem.Problem);
    }

    [Fact]
    public void OneToldFactMayStayForContext()
    {
        Assert.Empty(Problems(NextDay, Told, Deployment, Provocation, Lawful, Shells));
    }

    [Fact]
    public void RetellingIsNoProblemWhenThePassagesHaveLittleElseToTellOrNothingWasTold()
    {
        // The first day's passages: besides the two told facts, only the shells are news.
        Assert.Empty(Problems(Passages, Told, Deployment, Threat, Shells));
        Assert.Empty(Problems(NextDay, null, Deployment, Threat, Provocation, Lawful));
        Assert.Empty(Problems(NextDay, [], Deployment, Threat, Provocation, Lawful));
    }
}
