using System.Security.Cryptography;
using System.Text;
using Briefings.Core.Articles;
using Briefings.Core.Stories;
using Briefings.Core.Summaries;
using Briefings.Core.Text;

namespace Briefings.Core.Digests;

/// <summary>
/// Turns a day's articles into a digest: vectors, story grouping, copies of one report
/// recognised, a cited summary, quotes and figures, and stories ranked by how widely they were covered.
/// </summary>
public sealed class DigestBuilder(GroupingOptions grouping, SummaryOptions summaries)
{
    public DigestBuilder()
        : this(new GroupingOptions(), new SummaryOptions())
    {
    }

    /// <param name="input">The day's articles.</param>
    /// <param name="date">The digest day.</param>
    /// <param name="generatedAt">When the digest is built.</param>
    /// <param name="maxStories">At most this many stories, the most widely covered first.</param>
    /// <param name="earlier">Articles of the days before, so a story that runs on is recognised as developing.</param>
    /// <param name="dayOf">The digest day of an article (by default its UTC date).</param>
    /// <param name="embeddings">Articles' embeddings, which join their words' similarity (<see cref="GroupingOptions.EmbeddingWeight"/>).</param>
    /// <param name="told">By story id, what earlier digests told (summary sentences, quotes and figures' sentences): a developing story's summary tells what is new, and its key quotes and figures put new ones first.</param>
    public Digest Build(IEnumerable<Article> input, DateOnly date, DateTimeOffset generatedAt, int? maxStories = null,
        IEnumerable<Article>? earlier = null, Func<Article, DateOnly>? dayOf = null, ArticleEmbeddings? embeddings = null,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? told = null)
    {
        var today = input.DistinctBy(a => a.Id).ToList();
        var fresh = today.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        Func<Article, DateOnly> dayFor = dayOf ?? (a => DateOnly.FromDateTime(a.EffectiveTime.UtcDateTime));
        var articles = today.Concat((earlier ?? []).Where(a => !fresh.Contains(a.Id)).DistinctBy(a => a.Id))
            .OrderBy(a => a.EffectiveTime).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
        List<SparseVector> vectors;
        using (DigestTelemetry.Phase("vectors"))
        {
            vectors = ArticleVectors.Build(articles, grouping);
        }

        var vectorOf = embeddings?.Vectors;
        var clusters = StoryGrouper.Group(articles.Select((a, i) => new GroupingInput(vectors[i], a.Published, vectorOf?.GetValueOrDefault(a.Id))).ToList(), grouping, out var nearest);
        var summarizer = new ExtractiveSummarizer(summaries);

        // Ranking needs only the articles, copies and sources of each story, so summaries and
        // highlights are written for the stories the digest keeps, not for every story of the day.
        // Stories are independent of each other, so they are assembled on every core, in cluster order.
        var assembled = new StoryDraft?[clusters.Count];
        using (DigestTelemetry.Phase("stories"))
        {
            // One copy detector per worker: its table of words is then made once, not once per story.
            var detectors = new CopyDetector?[EveryCore.Workers];
            void AssembleEach(IEnumerable<int> which)
            {
                // The largest stories first: looking for copies grows with a story's size, and a
                // large one taken last would leave the other cores idle.
                var order = which.OrderByDescending(c => clusters[c].Count).ToArray();
                EveryCore.For(order.Length, (k, worker) =>
                {
                    var c = order[k];
                    assembled[c] = Assemble(clusters[c], articles, vectors, nearest, fresh, date, dayFor, detectors[worker] ??= new CopyDetector(), summaries.ArticlesRead);
                });
            }

            if (maxStories is > 0 and var keep && clusters.Count > keep)
            {
                // A story counts at most as many reports as it has new articles, so once the
                // stories with the most new articles are assembled, one with fewer new articles
                // than the last kept story's reports cannot be kept, and most of a day's stories
                // need not be assembled at all. (Ties on reports are assembled, so the order
                // below decides them as it would with every story.)
                var newArticles = clusters.Select(c => c.Count(i => fresh.Contains(articles[i].Id))).ToArray();
                var byNew = Enumerable.Range(0, clusters.Count).OrderByDescending(c => newArticles[c]).ThenBy(c => c).ToArray();
                AssembleEach(byNew.Take(keep));
                var reports = assembled.OfType<StoryDraft>().Select(s => s.Story.Reports).OrderDescending().ToList();
                var floor = reports.Count >= keep ? reports[keep - 1] : 1;
                AssembleEach(byNew.Skip(keep).TakeWhile(c => newArticles[c] >= floor));
            }
            else
            {
                AssembleEach(Enumerable.Range(0, clusters.Count));
            }
        }

        var stories = assembled.OfType<StoryDraft>().ToList();
        var ordered = stories
            .OrderByDescending(s => s.Story.Reports)
            .ThenByDescending(s => s.Story.Sources.Count)
            .ThenByDescending(s => s.Latest)
            .ThenBy(s => s.Story.Id, StringComparer.Ordinal);
        var drafts = (maxStories is { } max ? ordered.Take(max) : ordered).ToList();

        // Each kept story's summary and highlights depend on its own articles only, so they are
        // written on every core too; the most widely covered (and largest) stories come first.
        // The summary comes first: a quotation it already tells is shown as a key quote only when
        // the story has too few others.
        var summariesOf = new List<SummarySentence>[drafts.Count];
        using (DigestTelemetry.Phase("summaries"))
        {
            EveryCore.For(drafts.Count, (k, _) => summariesOf[k] = summarizer.Summarize(Read(drafts[k].Members), drafts[k].ReportOf, told?.GetValueOrDefault(drafts[k].Story.Id)));
        }

        var kept = new Story[drafts.Count];
        using (DigestTelemetry.Phase("highlights"))
        {
            EveryCore.For(drafts.Count, (k, _) =>
            {
                var (story, _, members, reportOf) = drafts[k];
                var (quotes, figures) = HighlightExtractor.Extract(Read(members), reportOf, told: summariesOf[k].ConvertAll(s => s.Text), toldBefore: told?.GetValueOrDefault(story.Id));
                kept[k] = story with { Summary = summariesOf[k], Quotes = quotes, Figures = figures };
            });
        }

        List<Article> Read(List<Article> members) => members.Count <= summaries.ArticlesRead ? members : members[..summaries.ArticlesRead];

        return new Digest(date, generatedAt, today.Count, kept)
        {
            GroupingMethod = vectorOf is { Count: > 0 } ? GroupingMethods.WordsAndEmbeddings : GroupingMethods.Words,
            GroupingNote = embeddings?.Problem,
        };
    }

    /// <summary>
    /// Writes the quotes, figures and summary of a small built-in story and drops them, so their
    /// code is compiled before a build needs it (<see cref="BuildWarming"/>). Safe at any time.
    /// </summary>
    public void Warm()
    {
        HighlightExtractor.Extract(WarmingStory);
        new ExtractiveSummarizer(summaries).Summarize(WarmingStory, WarmingStory.ToDictionary(a => a.Id, a => a.Id));
    }

    // Two reports with what highlights and summaries look for: quotations and their speakers,
    // amounts, shares, counts, dates, and a sentence both tell.
    internal static readonly Article[] WarmingStory =
    [
        WarmingArticle("warm-a", "Council approves the river bridge",
            "The city council approved the river bridge on Tuesday, March 3, at a cost of more than $12 million, officials said.",
            "“We have waited for this bridge for twenty years,” said Mayor Ana Diaz, who voted for it.",
            "About 40 percent of residents cross the river every day, according to the council.",
            "Work on the bridge is due to start in 2027 and to last two years."), // told by both: a citation checks its numbers
        WarmingArticle("warm-b", "River bridge approved by the council",
            "The council voted 7 to 2 on Tuesday to build the bridge, which will cost $11.5 million.",
            "Diaz said the vote was “a promise kept to the people of the east side of the river.”",
            "Work is due to start in 2027 and to last two years."),
    ];

    private static Article WarmingArticle(string id, string title, params string[] paragraphs) => new()
    {
        Id = id,
        Title = title,
        Source = id,
        Published = DateTimeOffset.UnixEpoch,
        IngestedAt = DateTimeOffset.UnixEpoch,
        Paragraphs = paragraphs,
    };

    /// <summary>A story before its summary and highlights: what ranking needs, and what summarising will.</summary>
    private sealed record StoryDraft(Story Story, DateTimeOffset Latest, List<Article> Members, Dictionary<string, string> ReportOf);

    /// <summary>A story from one cluster: its articles ranked by centrality, copies marked, sources, continuity; null when nothing new joined it.</summary>
    private static StoryDraft? Assemble(List<int> whole, List<Article> articles, List<SparseVector> vectors, int[][] nearest, HashSet<string> fresh, DateOnly date, Func<Article, DateOnly> dayOf, CopyDetector detector, int originals)
    {
        var cluster = whole.Where(i => fresh.Contains(articles[i].Id)).ToList();
        if (cluster.Count == 0)
        {
            return null; // a story of earlier days that nothing new joined
        }

        // Most stories of a day are one article: its own vector ranks it as well as a centroid would.
        var centroid = whole.Count == 1 ? vectors[whole[0]] : SparseVector.Centroid(cluster.Select(i => vectors[i]));
        var ranked = cluster.OrderByDescending(i => vectors[i].Dot(centroid)).ThenBy(i => articles[i].Id, StringComparer.Ordinal).ToList();
        var before = whole.Where(i => !fresh.Contains(articles[i].Id)).OrderByDescending(i => vectors[i].Dot(centroid)).Select(i => articles[i]).ToList();
        var copyOf = Copies(ranked, articles, nearest, detector, originals);
        var members = ranked.Select(i => articles[i]).ToList();
        var reportOf = ranked.ToDictionary(i => articles[i].Id, i => articles[copyOf.GetValueOrDefault(i, i)].Id);
        var story = new Story(
            Id: StoryId(whole.Select(i => articles[i])),
            Headline: Headlines.Of(members),
            Summary: [],
            Articles: ranked.Select(i => Listing(articles[i], copyOf.TryGetValue(i, out var original) ? articles[original].Id : null)).ToList(),
            Sources: members.Select(a => a.Source).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            Reports: ranked.Count - copyOf.Count,
            Quotes: [],
            Figures: [])
        {
            Developing = before.Count == 0 ? null : Continuity(before, date, dayOf),
        };
        return new StoryDraft(story, members.Max(a => a.EffectiveTime), members, reportOf);
    }

    /// <summary>
    /// Maps each copy to the article it repeats; the most central article of a copy set is the
    /// original. Each article is compared with those after it that are among its nearest or have
    /// it among theirs (a copy is closer to its report than other reports are), and the story's
    /// <paramref name="originals"/> most central (the articles its summary reads) with every
    /// article after them: a story of up to that many is compared pair by pair, and in one of
    /// hundreds the comparisons grow with its size rather than its square.
    /// </summary>
    private static Dictionary<int, int> Copies(List<int> ranked, List<Article> articles, int[][] nearest, CopyDetector detector, int originals)
    {
        detector.Forget(); // each article is in one story only
        var copyOf = new Dictionary<int, int>();
        for (var a = 0; a < ranked.Count; a++)
        {
            if (copyOf.ContainsKey(ranked[a]))
            {
                continue;
            }

            for (var b = a + 1; b < ranked.Count; b++)
            {
                var (x, y) = (ranked[a], ranked[b]);
                if ((a < originals || Array.BinarySearch(nearest[x], y) >= 0 || Array.BinarySearch(nearest[y], x) >= 0)
                    && !copyOf.ContainsKey(y) && detector.AreCopies(articles[x], articles[y]))
                {
                    copyOf[y] = x;
                }
            }
        }

        return copyOf;
    }

    private static Continuity Continuity(List<Article> before, DateOnly date, Func<Article, DateOnly> dayOf)
    {
        var first = before.Min(dayOf);
        return new Continuity(first, date.DayNumber - first.DayNumber + 1, before.Count, before[0].Title);
    }

    private static StoryArticle Listing(Article article, string? copyOf) =>
        new(article.Id, article.Title, article.Source, article.Url, article.Published, copyOf);

    /// <summary>Named after its earliest article, so the id holds while later articles join the story.</summary>
    private static string StoryId(IEnumerable<Article> members)
    {
        var first = members.OrderBy(a => a.EffectiveTime).ThenBy(a => a.Id, StringComparer.Ordinal).First();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(first.Id)).AsSpan(0, 6));
    }
}
