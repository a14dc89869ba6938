using System.Globalization;
using Briefings.Core.Evaluation;
using Xunit.Abstractions;

namespace Briefings.Core.Tests.Evaluation;

/// <summary>
/// The measurement of the dev set, on the labelled fixture, so a change that makes grouping,
/// summaries or attribution worse fails here. The floors sit a little below what was measured,
/// to leave room for changes that trade a little of one figure for another.
/// </summary>
public sealed class EvaluationTests(ITestOutputHelper output)
{
    // Measured in both settings (the fixture's articles are all of one day, so the two agree):
    // B-cubed F1 1.000, pairwise F1 1.000, ROUGE-1 57.97, ROUGE-2 30.50, ROUGE-L 33.86.
    // (59.55 / 33.77 / 37.07 until a quotation given only to "she" left the coastal storm's
    // candidates: the search then found a closer match to the consensus, further from the editor;
    // 58.41 / 31.90 / 34.25 until a summary told each fact once: the swimmer's record had been told
    // twice, "set a world record of 2:00.98" and "broke the world record … in 2 minutes 0.98
    // seconds", the second in the editor's words. On the dev set the same change raised ROUGE.)
    // Merging the two storms or splitting a three-article story takes pairwise F1 below its floor.
    private static readonly (string Name, Func<Scores, double> Value, double Floor)[] Floors =
    [
        ("B-cubed F1", s => s.BCubedF1, 0.95),
        ("pairwise F1", s => s.PairwiseF1, 0.95),
        ("ROUGE-1", s => s.Rouge1, 57.5),
        ("ROUGE-2", s => s.Rouge2, 30.0),
        ("ROUGE-L", s => s.RougeL, 33.5),
    ];

    [Theory]
    [InlineData(EvaluationSetting.PublicationDates)]
    [InlineData(EvaluationSetting.OneDay)]
    public void GroupingAndSummariesOfTheFixtureStayAboveTheirFloors(EvaluationSetting setting)
    {
        var scores = Measure(setting);

        var below = Floors.Where(f => f.Value(scores) < f.Floor)
            .Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Name} {f.Value(scores):0.####} < {f.Floor}"))
            .ToList();
        Assert.True(below.Count == 0, $"Below the floor in {setting}: {string.Join("; ", below)}.\nMeasured:\n{ScoreReport.Text(scores)}");
        Assert.True(scores.SummaryWordsMean is >= 60 and <= 100, $"Summaries average {scores.SummaryWordsMean:0.#} words, not 60-100.\nMeasured:\n{ScoreReport.Text(scores)}");
    }

    [Theory]
    [InlineData(EvaluationSetting.PublicationDates)]
    [InlineData(EvaluationSetting.OneDay)]
    public void EverySummarySentenceCitesItsOwnStoryAndIsSupportedByACitedArticle(EvaluationSetting setting)
    {
        var scores = Measure(setting);

        var problem = $"Attribution in {setting} is not whole.\nMeasured:\n{ScoreReport.Text(scores)}";
        Assert.True(scores.SentencesCited == 1.0, problem);
        Assert.True(scores.CitationsInStory == 1.0, problem);
        Assert.True(scores.SentencesSupported >= 0.98, problem);
    }

    /// <summary>
    /// The model path's checks on the fixture's references, which are written from its articles:
    /// 20 of the 25 supported sentences and all 8 headlines pass (2026-11-24). Checks grown much
    /// stricter would throw away a faithful model's answers, and fail here.
    /// </summary>
    [Fact]
    public void TheModelChecksPassTheFixturesReferencesAsTheyDid()
    {
        var skipped = new List<string>();
        var articles = Core.Articles.ArticleJsonLines.Read(LabelledFixture.ArticlesPath, Fixtures.Reader(), skipped.Add);

        var check = ReferenceCheck.Run(LabelledFixture.Labelled(), LabelledFixture.References(), articles);

        output.WriteLine(check.Text());
        Assert.Empty(skipped);
        Assert.True(check.SupportedPassed >= 19 && check.SupportedSentences == 25, check.Text());
        Assert.True(check.HeadlinesPassed == 8, check.Text());
    }

    [Fact]
    public void EveryFixtureArticleIsReadAndEveryStoryHasAReference()
    {
        var labelled = LabelledFixture.Labelled();
        var references = LabelledFixture.References();

        var digest = LabelledFixture.Build(EvaluationSetting.PublicationDates);

        Assert.Equal(labelled.Count, digest.ArticleCount);
        Assert.Equal(labelled.Select(a => a.Story).Distinct().Order(), references.Select(r => r.Story).Order());
        Assert.Equal(0, LabelledFixture.Score(digest).ArticlesMissing);
    }

    private Scores Measure(EvaluationSetting setting)
    {
        var scores = LabelledFixture.Score(LabelledFixture.Build(setting));
        output.WriteLine($"{setting}:\n{ScoreReport.Text(scores)}");
        return scores;
    }
}
