using Briefings.Core.Articles;
using Briefings.Core.Summaries;

namespace Briefings.Core.Tests.Summaries;

/// <summary>Who a sentence says gave its words or numbers, and which numbers count something.</summary>
public class HighlightTests
{
    [Theory]
    [InlineData("The Treasury Department said Monday that 39 million families will receive payments.", "Treasury Department")]
    [InlineData("The Court on Monday announced that it would take the case.", "Court")]
    [InlineData("The Biden administration said Tuesday it will root out discrimination.", "Biden administration")]
    [InlineData("South Korea’s military intelligence said that the North has sent a million shells.", "South Korea’s military intelligence")]
    [InlineData("In October, the White House reported that the North had sent a thousand containers.", "White House")]
    [InlineData("“We will not stop,” said Psaki.", "Psaki")]
    [InlineData("The senator spoke to reporters, according to the Associated Press.", "Associated Press")]
    [InlineData("Republican Sen. Shelley Moore Capito of West Virginia said the talks had ended.", "Republican Sen. Shelley Moore Capito of West Virginia")]
    [InlineData("In Chicago, 100 people were struck by gunfire, according to Chicago police.", "Chicago police")]
    [InlineData("According to the Census Bureau, the population topped 331 million.", "Census Bureau")]
    [InlineData("Sources close to Biden said the talks had stalled, Senator Jones said.", "Senator Jones")]
    [InlineData("Senator Jones told Reuters the vote would be close.", "Senator Jones")]
    [InlineData("“Demand is surging,” said Indeed Hiring Lab director of research Nick Bunker.", "Nick Bunker")]
    [InlineData("“It works,” said the company's chief executive Tim Cook.", "Tim Cook")]
    [InlineData("“We will win,” said Biden in Ohio on Tuesday.", "Biden")]
    [InlineData("“Russia is invested in friction,” warns Fiona Hill of the Brookings Institution.", "Fiona Hill of the Brookings Institution")]
    [InlineData("“They were FBI operatives,” Carlson asserted.", "Carlson")]
    [InlineData("“We need to reverse this trend,” tweeted Mark Levine.", "Mark Levine")]
    [InlineData("Axios adds that forecasters had floated gains close to a million.", "Axios")]
    [InlineData("Gasoline costs 16 cents more than a month ago, according to AAA.", "AAA")]
    [InlineData("The deal was approved, said Smith Jr.", "Smith Jr.")]
    [InlineData("“We have agreed on a framework,” Sen. Mitt Romney (R-Utah) told reporters.", "Sen. Mitt Romney")]
    [InlineData("About 100 cases were found, the Centers for Disease Control and Prevention told the Post.", "Centers for Disease Control and Prevention")]
    [InlineData("“People who are vaccinated are protected,” the FDA and CDC said.", "FDA and CDC")]
    [InlineData("“There are ground troops attacking,” an Israeli military spokesman added.", "an Israeli military spokesman")]
    [InlineData("“More investigation is needed,” said the 18 scientists.", "the 18 scientists")]
    [InlineData("A senior administration official said the flights would start in July.", "a senior administration official")]
    [InlineData("“No more money will be diverted,” a Biden administration official said Friday....", "a Biden administration official")] // a cut-off line: "Friday...." is a day
    [InlineData("“We will meet again in Seoul,” said South Korea's vice-foreign minister.", "South Korea's vice-foreign minister")]
    [InlineData("The New York Democrat said the Senate would vote on both bills.", "the New York Democrat")]
    [InlineData("“I will vote against it,” the moderate West Virginia Democrat wrote.", "the West Virginia Democrat")]
    public void TheSpeakerIsWhoTheSentenceSays(string sentence, string speaker) =>
        Assert.Equal(speaker, Attribution.SpeakerIn(sentence));

    [Theory]
    [InlineData("The US added 559,000 jobs in May as the pandemic receded.")] // a rise, not a statement
    [InlineData("The agency said Monday that it had finished.")] // no name: a day is not a speaker
    [InlineData("It said the report was wrong.")]
    [InlineData("Sources close to Joe Biden said the talks had stalled.")]
    [InlineData("President Biden formally announced his American Families Plan on Wednesday, a $1.8 trillion proposal.")]
    [InlineData("Israel carried out hundreds of airstrikes against what it said were militant targets across Gaza, the army said.")]
    [InlineData("The mayor told Reuters that the bridge would reopen.")] // Reuters is who heard it
    [InlineData("The new rule adds 40,000 inspectors to the border.")] // a rise, not a statement
    [InlineData("Yields on 10-year Treasury notes rose after the report.")] // notes, the bonds
    [InlineData("The former acting director of the Centers for Disease Control and Prevention said doses were missed.")]
    [InlineData("The opinion said the chairman had invoked sufficient reasons.")] // a document, not a person
    public void NoSpeakerIsMadeUp(string sentence) =>
        Assert.Null(Attribution.SpeakerIn(sentence));

    [Theory]
    [InlineData( // the speaker of the quotation's own sentence, not of the paragraph's first
        "Officials said it was too soon to determine the cause of the collapse. “Buildings just don’t fall down in America, they just don’t,” said Surfside Mayor Charles Burkett in an interview.",
        "Surfside Mayor Charles Burkett")]
    [InlineData( // "he said": the last one named as speaking
        "Judge Peter Cahill said a memorandum would explain his reasoning.\n\n“Most of it is going to be in writing, to explain the sentence,” he said.",
        "Judge Peter Cahill")]
    [InlineData( // "he said" in the next paragraph: the last one the paragraph before named, not its first
        "Officials said it was too soon to know. “The tower just fell down in the night,” said Mayor Charles Burkett.\n\n“We will find out what happened to these families,” he said.",
        "Mayor Charles Burkett")]
    public void AQuotationIsGivenToWhomTheTextGivesIt(string body, string speaker)
    {
        var (quotes, _) = HighlightExtractor.Extract([Fixtures.Article("a", "A story", body)]);

        Assert.All(quotes, q => Assert.Equal(speaker, q.Speaker));
        Assert.NotEmpty(quotes);
    }

    [Theory]
    [InlineData("“We have a deal,” he said.", true)]
    [InlineData("She told reporters the vote would be close.", true)]
    [InlineData("“It is over,” she, who led the talks for a year, said.", true)]
    [InlineData("“It is over,” the chairman said.", false)] // "the", not "he"
    [InlineData("He added 12 points in the second half.", false)] // a rise, not a statement
    [InlineData("She saw the results on Monday.", false)]
    public void AQuotationIsGivenToHeOrSheOnlyWithASpeechVerb(string text, bool byPronoun) =>
        Assert.Equal(byPronoun, Attribution.ByPronoun(text));

    [Fact]
    public void WordsBetweenTwoStraightQuotedTermsAreNotAQuotation()
    {
        var article = Fixtures.Article("a", "Recount",
            "The Board of Elections said there was a \"discrepancy\" in the count of ranked choice votes, showing 135,000 \"test\" votes had been added.");

        var (quotes, _) = HighlightExtractor.Extract([article]);

        Assert.Empty(quotes);
    }

    [Fact]
    public void TheQuotesMostReportsCarryComeFirstAndEachVoiceOnceWhileOthersRemain()
    {
        // Two central articles quote the minister twice each; the mayor's words are carried by
        // three reports, one of them in two copies that count as one report.
        Article[] articles =
        [
            Fixtures.Article("a", "Bridge", "“The bridge will be rebuilt within the year, whatever it costs,” said Minister Ana Diaz.\n\n“We have the engineers and the money ready to start,” Diaz added."),
            Fixtures.Article("b", "Bridge", "“We have asked the engineers to report by Friday on the damage,” said Minister Ana Diaz.\n\n“Nobody will cross that river until it is safe again,” said Mayor Tom Berg."),
            Fixtures.Article("c", "Bridge", "“Nobody will cross that river until it is safe again,” Mayor Tom Berg said on Monday."),
            Fixtures.Article("c-copy", "Bridge", "“Nobody will cross that river until it is safe again,” Mayor Tom Berg said on Monday."),
        ];
        var reportOf = new Dictionary<string, string> { ["a"] = "a", ["b"] = "b", ["c"] = "c", ["c-copy"] = "c" };

        var (quotes, _) = HighlightExtractor.Extract(articles, reportOf, maxQuotes: 2);

        Assert.Collection(quotes,
            q => Assert.Equal(("Mayor Tom Berg", "b"), (q.Speaker, q.ArticleId)),
            q => Assert.Equal(("Minister Ana Diaz", "a"), (q.Speaker, q.ArticleId)));
        Assert.StartsWith("The bridge will be rebuilt", quotes[1].Text, StringComparison.Ordinal);

        // With room for three, the minister's second quotation fills the last place.
        var (three, _) = HighlightExtractor.Extract(articles, reportOf, maxQuotes: 3);
        Assert.Equal(["Mayor Tom Berg", "Minister Ana Diaz", "Minister Ana Diaz"], three.Select(q => q.Speaker)); // "Diaz added", as the quote beside names her
    }

    [Theory]
    [InlineData( // a whole statement before a fragment of a sentence
        "Sen. Marsha Blackburn said the remarks “put our men and women in uniform at risk.”\n\n“This is something that deserves a Senate investigation,” said Sen. Marsha Blackburn.",
        "This is something that deserves a Senate investigation")]
    [InlineData( // what people said before what another outlet reported
        "“President Joe Biden will host George Floyd’s family at the White House on Tuesday,” CNBC reported Sunday.\n\n“It is a day for the family and for the country to remember him,” said Mayor Jacob Frey.",
        "It is a day for the family and for the country to remember him")]
    public void TheKeyQuoteIsAPersonsWholeStatement(string body, string quote)
    {
        var (quotes, _) = HighlightExtractor.Extract([Fixtures.Article("a", "A story", body)], maxQuotes: 1);

        Assert.Equal(quote, Assert.Single(quotes).Text);
    }

    [Fact]
    public void OneQuotationCutTwoWaysIsOneQuote()
    {
        // The second cut shares fewer than 60% of its content words with the first, but a run of
        // eight words in a row: one statement, not two.
        var (quotes, _) = HighlightExtractor.Extract(
        [
            Fixtures.Article("a", "Sentence handed down", "“Determining the appropriate sentence in any case and in this case is a legal analysis. It's applying the rule of law to the facts of an individual and specific case,” Judge Peter Cahill said."),
            Fixtures.Article("b", "Judge explains sentence", "“Most of it's going to be in writing, 22-page memorandum – to emphasize the fact that determining the appropriate sentence in any case and in this case is a legal analysis,” Judge Peter Cahill said."),
            Fixtures.Article("c", "Family speaks", "“We are grateful for the verdict and for everyone who stood with us,” said family lawyer Ben Crump."),
        ]);

        Assert.Equal(["a", "c"], quotes.Select(q => q.ArticleId));
    }

    [Fact]
    public void ASpeakerIsNamedAsAQuotationLeftOutNamesThem()
    {
        // The second article's cut of the statement is left out as the same quotation, but it is the
        // one that names the judge in full.
        var (quotes, _) = HighlightExtractor.Extract(
        [
            Fixtures.Article("a", "Sentence handed down", "“Determining the appropriate sentence in any case and in this case is a legal analysis,” Cahill said."),
            Fixtures.Article("b", "Judge explains sentence", "“To emphasize the fact that determining the appropriate sentence in any case and in this case is a legal analysis,” said Minnesota District Court Judge Peter Cahill."),
        ]);

        var quote = Assert.Single(quotes);
        Assert.Equal("a", quote.ArticleId);
        Assert.Equal("Minnesota District Court Judge Peter Cahill", quote.Speaker);
    }

    [Fact]
    public void AQuotationTheSummaryTellsIsNoKeyQuote()
    {
        Article[] story =
        [
            Fixtures.Article("a", "Bridge to reopen", "“The bridge will reopen to traffic on Monday morning,” Mayor Ana Ruiz said."),
            Fixtures.Article("b", "Bridge repairs end", "“The bridge will reopen to traffic on Monday morning,” Mayor Ana Ruiz said. “We found the cracks early and fixed them,” said engineer Tom Hale."),
        ];
        const string Told = "“The bridge will reopen to traffic on Monday morning,” Mayor Ana Ruiz said.";

        // Carried by both reports, the mayor's words come first; once the summary tells them (and
        // names who said them), a reader has read them, and only the engineer's are shown.
        Assert.Equal(["Ruiz", "Hale"], HighlightExtractor.Extract(story).Quotes.Select(q => q.Speaker.Split(' ')[^1]));
        Assert.Equal(["Hale"], HighlightExtractor.Extract(story, told: [Told]).Quotes.Select(q => q.Speaker.Split(' ')[^1]));
        Assert.Empty(HighlightExtractor.Extract([story[0]], told: [Told]).Quotes);
    }

    [Fact]
    public void ASpeakerNamedInTwoWordsIsNamedAsFullyAsTheStoryNamesThem()
    {
        var (quotes, _) = HighlightExtractor.Extract(
        [
            Fixtures.Article("a", "Search goes on", "“It is officially two weeks since this unthinkable tragedy shook our community,” said Miami-Dade Mayor Daniella Levine Cava."),
            Fixtures.Article("b", "Search goes on", "“We are working around the clock to recover the victims and bring closure,” Levine Cava said."),
        ]);

        Assert.All(quotes, q => Assert.Equal("Miami-Dade Mayor Daniella Levine Cava", q.Speaker));
        Assert.Equal(2, quotes.Count);
    }

    [Fact]
    public void QuotesAreDrawnFromABoundedListOfTheMostCentralArticles()
    {
        // 30 central articles each with a quotation of its own, then 10 more repeating the 30th.
        // Only the first 24 quotations (8 for each of the 3 kept) are candidates, so a story of any
        // size compares each quotation with 24 others at most; the late repeats add no support to
        // a quotation met after the list is full.
        static string Quote(int n)
        {
            var stem = $"{(char)('b' + n / 20)}{(char)('a' + n % 20)}"; // words of its own for each quotation
            return $"“The {stem}tor {stem}mels will {stem}vash the {stem}quin {stem}drops and {stem}sels,” said Councillor {char.ToUpperInvariant(stem[0])}{stem[1]}son.";
        }

        var articles = Enumerable.Range(0, 30).Select(n => Fixtures.Article($"a{n}", "Bridge", Quote(n)))
            .Concat(Enumerable.Range(0, 10).Select(k => Fixtures.Article($"copy{k}", "Bridge", Quote(29))))
            .ToList();

        var (quotes, _) = HighlightExtractor.Extract(articles);

        Assert.Equal(["a0", "a1", "a2"], quotes.Select(q => q.ArticleId));
    }

    [Theory]
    [InlineData("Health officials said 26 people died in the floods.", "26 people")]
    [InlineData("The Senate approved a $1.2 trillion infrastructure package on Tuesday.", "$1.2 trillion infrastructure package")]
    [InlineData("Researchers said 18 scientists stated their doubts in a letter.", "18 scientists")]
    [InlineData("The fire has burned over 768,000 acres across 12 states.", "over 768,000 acres")]
    [InlineData("There were nearly 190,000 migrant encounters at the border in June.", "nearly 190,000 migrant encounters")]
    [InlineData("Militants fired more than 250 rockets toward Israel overnight.", "more than 250 rockets")]
    [InlineData("The blueprint ties together the $1.8 trillion American Families Plan and the budget.", "$1.8 trillion American Families Plan")]
    [InlineData("Death Valley reached 124 degrees Fahrenheit on Tuesday.", "124 degrees Fahrenheit")]
    [InlineData("Republicans want most of their nearly $1 trillion offer go to roads and bridges.", "nearly $1 trillion offer")] // "go" is the verb
    [InlineData("They propose that $506 billion of their nearly $1 trillion offer go to roads.", "nearly $1 trillion offer")] // "of their" is not what $506 billion counts, and keeps nothing
    [InlineData("Democrats labored to cut a nearly $600 billion deal with Republicans.", "nearly $600 billion deal")] // "a nearly" is no figure
    [InlineData("The rocket lifted off from Launch Site One facility about 20 miles outside Van Horn.", "about 20 miles")] // nor is "One facility about"
    [InlineData("The couple leads the $50 billion Bill and Melinda Gates Foundation, which they founded.", "$50 billion Bill and Melinda Gates Foundation")]
    [InlineData("In May, 35 House Republicans and Democrats joined to back a commission.", "35 House Republicans")] // two names, not one
    [InlineData("A hacking campaign compromised tens of thousands of small and midsize firms last year.", "tens of thousands of small and midsize firms")]
    [InlineData("Politico reported it, citing interviews with 22 current and former aides.", "22 current and former aides")]
    [InlineData("The order lists 72 actions and recommendations, the agency said.", "72 actions")] // two things
    [InlineData("Schumer is barreling toward a vote on the $1.2 trillion bipartisan infrastructure package.", "$1.2 trillion bipartisan infrastructure package")]
    [InlineData("The decision was taken by ambassadors from the 27 EU member countries on Wednesday.", "27 EU member countries")]
    [InlineData("The governor is sending up to 50 National Guard troops to the border.", "up to 50 National Guard troops")]
    [InlineData("Payrolls grew by 266,000, well below the nearly 1 million jobs economists expected.", "nearly 1 million jobs")] // a plural is the thing
    [InlineData("Her lead grew by 23 percentage points last year.", "23 percentage points")]
    [InlineData("The law bans most abortions after 15 weeks of pregnancy.", "15 weeks")] // a stretch of time that is the news
    [InlineData("The president ordered the agencies to report on the virus's origin within 12 weeks.", "12 weeks")] // a deadline ahead
    [InlineData("The report on the virus's origin is due in 12 weeks, officials said.", "12 weeks")]
    [InlineData("Temperatures rose 10 to 30 degrees above average across the West.", "10 to 30 degrees")] // a range whole
    [InlineData("Encounters in fiscal year 2021 rose from 2020 to 180,034 migrants, officials said.", "180,034 migrants")] // a year is no range's start
    [InlineData("The total in fiscal year 2021 rose to more than 1 million people, the agency said.", "more than 1 million people")]
    [InlineData("The $2 billion plan includes new roads.", "$2 billion plan")]
    public void AFigureIsTheNumberAndWhatItCounts(string sentence, string value)
    {
        var (_, figures) = HighlightExtractor.Extract([Fixtures.Article("a", "A story", sentence)]);

        Assert.Contains(figures, f => f.Value == value);
    }

    [Fact]
    public void AFigureIsNotGivenToTheSpeakersItCounts()
    {
        var (_, figures) = HighlightExtractor.Extract([Fixtures.Article("a", "Origins", "“More investigation is still needed,” said the 18 scientists in a letter to the journal.")]);

        var figure = Assert.Single(figures);
        Assert.Equal("18 scientists", figure.Value);
        Assert.Null(figure.Speaker);
    }

    [Theory]
    [InlineData("Hospitals were full at the height of the COVID-19 pandemic last winter.")]
    [InlineData("The committee will study the Jan. 6 riot at the Capitol.")]
    [InlineData("The 2017 tax cuts were mostly permanent for companies.")]
    [InlineData("The market opened at 1330 GMT after the holiday.")]
    [InlineData("Stocks rose as S&P 500 futures and Nasdaq 100 futures edged up after the report.")]
    [InlineData("Leaders of the Group of 7 nations met in Cornwall.")]
    [InlineData("The bill passed the Senate in a 68-32 vote.")]
    [InlineData("The law took effect in 2011, setting the stage for the dispute.")]
    [InlineData("The deadline is 11 September and cannot move.")]
    [InlineData("The No. 3 Republican in the House called the vote a mistake.")]
    [InlineData("Protesters gathered in their hundreds across the city.")]
    [InlineData("The attack, in which hundreds of former President Trump's supporters stormed the Capitol, is under review.")]
    [InlineData("The budget would spend $1.3 trillion throughout the decade.")]
    [InlineData("As of 4 pm ET Tuesday, many stations had no fuel.")]
    [InlineData("Almost 6 million...")] // a line cut off
    [InlineData("The general fertility rate was 55.8 per 1,000 women ages 15 to 44.")]
    [InlineData("The House fell two short of the 70 needed to overturn the veto.")] // what the 70 count is not said
    [InlineData("Organizers collected more than the roughly 1.5 million required to hold a vote.")]
    [InlineData("Critics of the 1619 Project say it gets history wrong.")] // a name
    [InlineData("For the first time in 11 months, the daily average of new infections fell below 20,000.")]
    [InlineData("Prices have risen over the 12 months that ended in June, the department said.")]
    [InlineData("New cases have tumbled to rates not seen in more than 11 months across the country.")]
    [InlineData("The shooting was reported in a 911 call at 2 a.m.")]
    [InlineData("Republicans have slammed proposals for $400 billion to boost caregiving for the elderly and disabled, $174 billion...")] // cut off before saying what
    public void NumbersThatCountNothingAreNotFigures(string sentence)
    {
        var (_, figures) = HighlightExtractor.Extract([Fixtures.Article("a", "A story", sentence)]);

        Assert.Empty(figures);
    }
}
