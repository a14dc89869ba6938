using Briefings.Core.Articles;
using Briefings.Core.Digests;
using Briefings.Core.Stories;

namespace Briefings.Core.Tests.Stories;

/// <summary>
/// A day's biggest stories are told by dozens of outlets: more reports than an article has
/// nearest neighbours, which grouping must still see as one story each.
/// </summary>
public sealed class LargeStoryTests
{
    private static readonly DateOnly Day = new(2026, 11, 21);

    private static readonly string[] QuakeFacts =
    [
        "A magnitude 7.1 earthquake struck the coastal province of Valdera early on Saturday, collapsing buildings in the port city of Marisol.",
        "Rescue teams pulled survivors from the rubble of a collapsed apartment block in Marisol through the night.",
        "The national seismology institute said the quake's epicentre lay 40 kilometres off the Valdera coast at a depth of 12 kilometres.",
        "At least 212 people were killed and more than 1,400 injured, the civil protection agency said.",
        "Hospitals in Marisol treated the injured in car parks after aftershocks cracked their walls.",
        "Governor Lucia Ferrante declared a state of emergency across Valdera province and asked the army for help.",
        "A tsunami warning for the Valdera coast was lifted two hours after the earthquake.",
        "Power and water were cut to about 300,000 homes in Marisol and the surrounding villages.",
        "Aftershocks of magnitude 5 and above shook the province throughout Saturday, hampering the rescue.",
        "Neighbouring countries sent search dogs and field hospitals to Marisol.",
        "The old harbour district of Marisol, built of stone two centuries ago, suffered the worst damage.",
        "Engineers will inspect every school in Valdera before classes resume, the education ministry said.",
        "Thousands of residents slept in parks and stadiums, afraid to return to cracked buildings.",
        "The earthquake was the strongest to hit Valdera since 1957, according to the seismology institute.",
        "Ferrante said rebuilding the harbour district would take years and cost billions.",
        "Roads into Marisol were blocked by landslides, and rescuers reached some villages only by helicopter.",
    ];

    private static readonly string[] QuakeTitles =
    [
        "Earthquake kills hundreds in Valdera province",
        "Magnitude 7.1 quake devastates Marisol",
        "Rescuers dig through rubble after Valdera earthquake",
        "Valdera declares emergency after deadly earthquake",
        "Marisol harbour district in ruins after quake",
        "Death toll rises after earthquake strikes Valdera coast",
    ];

    private static readonly string[] VoteFacts =
    [
        "Counting continued on Saturday in the Ostrava regional election, where turnout reached a record 71 percent.",
        "The Green League led with 34 percent of the ballots counted, ahead of the Farmers' Union on 29 percent.",
        "Green League leader Tomas Berger told supporters the result showed voters wanted cleaner transport.",
        "The Farmers' Union said it would not concede until postal ballots from the mountain districts were counted.",
        "Electoral commission chair Irena Novak said the final result would be announced on Tuesday.",
        "Postal ballots made up almost a fifth of all votes cast in Ostrava this year.",
        "The Green League promised to extend the regional tram network to every town in Ostrava.",
        "Farmers' Union candidate Pavel Kroll campaigned against new limits on fertiliser use.",
        "Observers from the electoral commission reported no serious irregularities at polling stations.",
        "Analysts said a coalition between the Green League and the small Liberal Party was the likeliest outcome.",
        "The Liberal Party won 9 percent, enough to hold the balance in the regional assembly.",
        "Turnout was highest among voters under 30, according to exit polls.",
    ];

    private static readonly string[] VoteTitles =
    [
        "Green League leads Ostrava regional election count",
        "Ostrava election: record turnout as counting continues",
        "Farmers' Union refuses to concede in Ostrava vote",
        "Postal ballots to decide Ostrava regional election",
    ];

    /// <summary>Lines any outlet adds to any story.</summary>
    private static readonly string[] OwnLines =
    [
        "This story will be updated as more information becomes available.",
        "Our correspondent contributed reporting from the capital.",
        "Officials were expected to give further details at a news conference later in the day.",
        "Readers can follow the latest developments on our live page.",
        "Local media reported the news first, citing people familiar with the matter.",
        "The government's spokesperson did not immediately respond to a request for comment.",
    ];

    /// <summary>
    /// <paramref name="count"/> reports of one event: each tells six of its facts in an order of
    /// its own under one of its headlines, and adds a line of its own.
    /// </summary>
    private static List<Article> Reports(string story, int count, string[] facts, string[] titles, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(i =>
        {
            var told = facts.OrderBy(_ => random.Next()).Take(6).ToList();
            var body = string.Join("\n\n", told[..3].Append(OwnLines[random.Next(OwnLines.Length)]).Append(string.Join(" ", told[3..])));
            return Fixtures.Article($"{story}-{i:00}", titles[random.Next(titles.Length)], body,
                Fixtures.Noon.AddMinutes(random.Next(-300, 300)), source: $"Outlet {story} {i}");
        }).ToList();
    }

    private static string Ids(IEnumerable<Article> articles) => string.Join(",", articles.Select(a => a.Id).Order(StringComparer.Ordinal));

    [Fact]
    public void AStoryOfSixtyReportsIsOneStory()
    {
        var quake = Reports("quake", 60, QuakeFacts, QuakeTitles, seed: 1);
        var vote = Reports("vote", 30, VoteFacts, VoteTitles, seed: 2);
        List<Article> day = [.. quake, .. vote, .. Fixtures.FootballReports(), .. Fixtures.RateDecisionReports()];

        var digest = new DigestBuilder().Build(day, Day, Fixtures.Noon);

        Assert.Equal(
            new[] { Ids(Fixtures.FootballReports()), Ids(quake), Ids(Fixtures.RateDecisionReports()), Ids(vote) }.Order(StringComparer.Ordinal),
            GroupingTests.Grouping(digest));
        Assert.Equal(60, digest.Stories[0].Articles.Count); // the largest story leads
    }

    [Fact]
    public void EmbeddingsThatFindAllNewsAlikeDoNotMakeEveryStoryLarge()
    {
        // A model for which any two reports score about 0.8, whatever they tell: blended with the
        // words, every article's nearest would look as close as one story's reports.
        var quake = Reports("quake", 30, QuakeFacts, QuakeTitles, seed: 7);
        var vote = Reports("vote", 30, VoteFacts, VoteTitles, seed: 8);
        List<Article> day = [.. quake, .. vote, .. Fixtures.FootballReports(), .. Fixtures.RateDecisionReports()];
        var random = new Random(9);
        var vectors = day.ToDictionary(a => a.Id, _ =>
        {
            var v = new[] { 2f, (float)random.NextDouble(), (float)random.NextDouble(), (float)random.NextDouble() };
            var norm = MathF.Sqrt(v.Sum(x => x * x));
            return v.Select(x => x / norm).ToArray();
        });

        var digest = new DigestBuilder().Build(day, Day, Fixtures.Noon, embeddings: new ArticleEmbeddings(vectors, null));

        Assert.Equal(
            new[] { Ids(Fixtures.FootballReports()), Ids(quake), Ids(Fixtures.RateDecisionReports()), Ids(vote) }.Order(StringComparer.Ordinal),
            GroupingTests.Grouping(digest));
    }

    [Fact]
    public void ALargeStoryIsSummarisedFromItsMostCentralReports()
    {
        var builder = new DigestBuilder();

        var story = Assert.Single(builder.Build(Reports("quake", 50, QuakeFacts, QuakeTitles, seed: 6), Day, Fixtures.Noon).Stories);

        var read = story.Articles.Take(10).Select(a => a.Id).ToHashSet();
        Assert.Equal(50, story.Articles.Count);
        Assert.InRange(story.Summary.Count, 2, 5);
        Assert.All(story.Summary.SelectMany(s => s.Sources), id => Assert.Contains(id, read));
        Assert.All(story.Quotes.Select(q => q.ArticleId).Concat(story.Figures.Select(f => f.ArticleId)), id => Assert.Contains(id, read));
    }

    [Fact]
    public void ACopyOfAReportFarFromTheStorysCentreIsFound()
    {
        // The story's least central report, reprinted by another outlet: both are far down its 41
        // articles, where an article is compared for copies with its nearest only.
        var quake = Reports("quake", 40, QuakeFacts, QuakeTitles, seed: 10);
        var builder = new DigestBuilder();
        var last = Assert.Single(builder.Build(quake, Day, Fixtures.Noon).Stories).Articles[^1];
        var original = quake.Single(a => a.Id == last.Id);
        var copy = original with { Id = "quake-reprint", Source = "Coastal Syndicate" };

        var story = Assert.Single(builder.Build([.. quake, copy], Day, Fixtures.Noon).Stories);

        var ids = story.Articles.Select(a => a.Id).ToList();
        Assert.True(ids.IndexOf(original.Id) >= new Core.Summaries.SummaryOptions().ArticlesRead, "the report is not among those compared with every article");
        // The reprint repeats the report, or the report its copy set's original repeats.
        var report = story.Articles.Single(a => a.Id == original.Id).CopyOf ?? original.Id;
        Assert.Equal(report, story.Articles.Single(a => a.Id == copy.Id).CopyOf);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ReprintsOfAReportStayInItsStory(int reprints)
    {
        // Reprints of the story's least central report are each other's closest neighbours by
        // far, closer than any other report of the story is to them.
        var quake = Reports("quake", 40, QuakeFacts, QuakeTitles, seed: 11);
        var builder = new DigestBuilder();
        var last = quake.Single(a => a.Id == Assert.Single(builder.Build(quake, Day, Fixtures.Noon).Stories).Articles[^1].Id);
        var copies = Enumerable.Range(1, reprints).Select(k => last with { Id = $"quake-reprint-{k}", Source = $"Syndicate {k}" });

        var story = Assert.Single(builder.Build([.. quake, .. copies], Day, Fixtures.Noon).Stories);

        Assert.Equal(40 + reprints, story.Articles.Count);
    }

    [Fact]
    public void KeepingTheLargestStoriesGivesTheSameStoriesAsKeepingAll()
    {
        List<Article> day =
        [
            .. Reports("quake", 45, QuakeFacts, QuakeTitles, seed: 3),
            .. Reports("vote", 12, VoteFacts, VoteTitles, seed: 4),
            .. Fixtures.FootballReports(), .. Fixtures.RateDecisionReports(), .. Fixtures.AllSeeds(),
        ];
        var builder = new DigestBuilder();

        var all = builder.Build(day, Day, Fixtures.Noon);
        var two = builder.Build(day, Day, Fixtures.Noon, maxStories: 2);

        Assert.True(all.Stories.Count > 2);
        Assert.Equal(all.Stories.Take(2).Select(s => (s.Id, s.Reports, s.Headline)), two.Stories.Select(s => (s.Id, s.Reports, s.Headline)));
    }

    [Fact]
    public void ASearchReadsTheTermsThatWeighMostFirst()
    {
        // Eight reports share the story's three words (in all eight) and each uses six words once
        // in passing, every one of which one other article also uses. With a budget of 12
        // postings, reading the rarest words first would spend it on those passing words and
        // never meet the story; per posting, the story's words weigh more.
        var inputs = new List<GroupingInput>();
        for (var a = 0; a < 8; a++)
        {
            var passing = Enumerable.Range(10 + a * 6, 6).ToArray();
            inputs.Add(new(SparseVector.FromSorted([0, 1, 2, .. passing], [1f, 1f, 1f, .. passing.Select(_ => 0.2f)]), null, null));
        }

        for (var term = 10; term < 58; term++)
        {
            inputs.Add(new(SparseVector.FromSorted([term, 100 + term], [0.2f, 1f]), null, null));
        }

        var grouped = StoryGrouper.Group(inputs, new GroupingOptions { CandidateBudget = 12 });

        Assert.Contains(Enumerable.Range(0, 8).ToList(), grouped);
    }

    [Fact]
    public void AverageLinkageCountsThePairsANeighbourGraphCouldHold()
    {
        // Two hundred articles of one story, each linked to ten others of it at random: every pair the
        // graph holds is close, but most pairs of the story are not in it.
        var random = new Random(5);
        var edges = new Dictionary<(int, int), double>();
        for (var i = 0; i < 200; i++)
        {
            foreach (var j in Enumerable.Range(0, 200).Where(j => j != i).OrderBy(_ => random.Next()).Take(10))
            {
                edges[(Math.Min(i, j), Math.Max(i, j))] = 0.2;
            }
        }

        Assert.Single(StoryGrouper.AverageLinkage(200, edges, threshold: 0.03, neighbours: 10));
        // Averaged over every pair instead, the story falls apart into pieces.
        Assert.True(StoryGrouper.AverageLinkage(200, edges, threshold: 0.03, neighbours: 1_000).Count > 1);
    }
}
