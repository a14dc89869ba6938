using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Briefings.Core.Articles;
using Briefings.Core.Summaries;

namespace Briefings.Local.Benchmarks;

/// <summary>
/// Quotes and figures of one story of N articles, each with five quotations and a figure of its
/// own: milliseconds per story (medians of the runs, after one untimed extraction) and the ratio
/// to the first size. A day's largest story can hold thousands of articles that quote different
/// people; this is the shape the synthetic corpus, whose large stories repeat a few syndicated
/// quotations, does not exercise. Growth with N shows whether each quotation is still compared
/// with a bounded list of candidates.
/// </summary>
public static class HighlightsBenchmark
{
    private const int QuotationsPerArticle = 5;

    public static JsonArray Run(BenchSettings settings)
    {
        var results = new JsonArray();
        double? baseline = null;
        foreach (var size in settings.Sizes)
        {
            var story = Story(settings.Seed, size);
            var (quotes, figures) = HighlightExtractor.Extract(story);
            var runs = new List<double>();
            for (var run = 0; run < settings.Runs; run++)
            {
                var clock = Stopwatch.StartNew();
                HighlightExtractor.Extract(story);
                runs.Add(clock.Elapsed.TotalMilliseconds);
            }

            var median = Measure.Median(runs);
            baseline ??= median;
            var result = new JsonObject
            {
                ["size"] = size,
                ["quotations"] = size * QuotationsPerArticle,
                ["runs"] = runs.Count,
                ["medianMilliseconds"] = median,
                ["minMilliseconds"] = runs.Min(),
                ["maxMilliseconds"] = runs.Max(),
                ["quotes"] = quotes.Count,
                ["figures"] = figures.Count,
                ["ratioToBaseline"] = median / baseline.Value,
                ["baselineSize"] = settings.Sizes[0],
            };
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"highlights {size,7:N0} articles  {size * QuotationsPerArticle,7:N0} quotations  median {median,9:0.0} ms  (min {runs.Min():0.0}, max {runs.Max():0.0}, {runs.Count} runs)"
                + $"  {quotes.Count} quotes, {figures.Count} figures  x{median / baseline.Value:0.00} vs {settings.Sizes[0]:N0}"));
            results.Add(result);
        }

        return results;
    }

    /// <summary>One story: every article quotes five people of its own in words of its own, and gives a count.</summary>
    private static List<Article> Story(int seed, int size)
    {
        var random = new Random(seed);
        var words = new SyntheticWords(random, commonWords: 20_000, topics: 1, names: 5_000);
        string Clause(int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => words.Common(random)));
        var published = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
        return Enumerable.Range(0, size).Select(i => new Article
        {
            Id = $"h{i}",
            Title = $"The {Clause(4)}",
            Published = published,
            IngestedAt = published,
            Paragraphs =
            [
                $"The council said {random.Next(2, 900)} {words.Common(random)} {words.Common(random)} would {Clause(6)} by the end of the year.",
                .. Enumerable.Range(0, QuotationsPerArticle).Select(_ =>
                    $"“{char.ToUpperInvariant(words.Common(random)[0])}{Clause(11)[1..]},” said {words.Name(random)} {words.Name(random)} on Monday."),
            ],
        }).ToList();
    }
}
