using System.Diagnostics;
using System.Text.Json;
using Briefings.Core.Digests;
using Briefings.Core.Evaluation;
using Briefings.Core.Json;

namespace Briefings.Core.Tests.Evaluation;

/// <summary>
/// The scorer and the evaluation's reference scorer (<c>../shared/eval/score.py</c> beside the
/// repository, as CI has it) give the same figures on the same fixture and digest: on the
/// digests the builder makes, and on digests damaged on purpose so that every measure moves.
/// </summary>
public sealed class ReferenceScorerAgreementTests
{
    private const double Tolerance = 1e-6;

    public static TheoryData<string> Digests => ["dated", "one day", "three stories only", "damaged"];

    [Theory]
    [MemberData(nameof(Digests))]
    public void ScoresMatchTheReferenceScorerOnTheSameDigest(string name)
    {
        var digest = Digest(name);
        using var folder = new TempFolder();
        var digestPath = Path.Combine(folder.Path, "digest.json");
        File.WriteAllText(digestPath, JsonSerializer.Serialize(digest, BriefingsJsonContext.Default.Digest));

        var scores = LabelledFixture.Score(digest);

        using var expected = JsonDocument.Parse(RunScorePy(digestPath, "--json"));
        using var actual = JsonDocument.Parse(JsonSerializer.Serialize(scores, BriefingsJsonContext.Default.Scores));
        Assert.Equal(
            expected.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal),
            actual.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        foreach (var measure in expected.RootElement.EnumerateObject())
        {
            var mine = actual.RootElement.GetProperty(measure.Name).GetDouble();
            Assert.True(Math.Abs(measure.Value.GetDouble() - mine) <= Tolerance, $"{name}: {measure.Name} is {mine} here and {measure.Value.GetDouble()} in score.py.");
        }

        Assert.Equal(RunScorePy(digestPath), ScoreReport.Text(scores));
    }

    [Fact]
    public void TheDamagedDigestMovesEveryMeasure()
    {
        var scores = LabelledFixture.Score(Digest("damaged"));

        Assert.True(scores.ArticlesMissing > 0);
        Assert.All([scores.BCubedPrecision, scores.BCubedRecall, scores.PairwisePrecision, scores.PairwiseRecall], v => Assert.InRange(v, 0.01, 0.99));
        Assert.All([scores.SentencesCited, scores.CitationsInStory, scores.SentencesSupported], v => Assert.InRange(v, 0.01, 0.99));
    }

    private static Digest Digest(string name) => name switch
    {
        "dated" => LabelledFixture.Build(EvaluationSetting.PublicationDates),
        "one day" => LabelledFixture.Build(EvaluationSetting.OneDay),
        "three stories only" => Limited(LabelledFixture.Build(EvaluationSetting.PublicationDates), 3),
        "damaged" => Damaged(LabelledFixture.Build(EvaluationSetting.PublicationDates)),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static Digest Limited(Digest digest, int stories) => digest with { Stories = digest.Stories.Take(stories).ToList() };

    /// <summary>
    /// One article moved to another story, one story split evenly in two (a tie for which stands
    /// in for it), one left out, an unlabelled article, and sentences that cite nothing, cite
    /// outside their story, cite an unknown or empty id, or say what no article says.
    /// </summary>
    private static Digest Damaged(Digest digest)
    {
        var stories = digest.Stories.ToList();
        var moved = stories[0].Articles[^1];
        var pair = stories.FindIndex(s => s.Articles.Count == 2);
        var halves = stories[pair].Articles;
        stories[0] = stories[0] with { Articles = stories[0].Articles.SkipLast(1).ToList() };
        stories[1] = stories[1] with
        {
            Articles = [.. stories[1].Articles, moved, new StoryArticle("unlabelled", "Not in the set", null, null, null)],
            Summary =
            [
                .. stories[1].Summary,
                new SummarySentence("Officials said nothing about any of this today.", []),
                new SummarySentence(stories[0].Summary[0].Text, [moved.Id, stories[0].Articles[0].Id, "unknown", ""]),
            ],
        };
        stories[pair] = stories[pair] with { Articles = [halves[1]] };
        stories.Add(stories[pair] with { Id = "split", Articles = [halves[0]], Summary = [new SummarySentence("A different text for the other half.", [halves[0].Id])] });
        var last = stories.FindLastIndex(s => s.Articles.Count == 2);
        stories[last] = stories[last] with { Articles = [stories[last].Articles[0]] };
        return digest with { Stories = stories };
    }

    private static string RunScorePy(string digestPath, params string[] options)
    {
        var scorer = Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "eval", "score.py"));
        Assert.True(File.Exists(scorer), $"The reference scorer is not at {scorer}: this test needs the evaluation folder beside the repository (../shared/eval/score.py), as CI has it.");

        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { scorer, LabelledFixture.ArticlesPath, LabelledFixture.SummariesPath, digestPath }.Concat(options))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "score.py did not finish within a minute.");
        Assert.True(process.ExitCode == 0, $"score.py failed ({process.ExitCode}): {stderr.Result}");
        return stdout;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Briefings.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Briefings.sln) was not found above the test folder.");
    }
}
