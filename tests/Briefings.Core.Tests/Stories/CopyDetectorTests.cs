using Briefings.Core.Articles;
using Briefings.Core.Stories;
using CsCheck;

namespace Briefings.Core.Tests.Stories;

public sealed class CopyDetectorTests
{
    private static readonly string[] Syllables = ["ka", "lo", "mi", "ru", "te", "no", "sa", "vi", "pe", "du"];

    /// <summary>A made-up word of its own for each line and place in it.</summary>
    private static string Word(int line, int place) =>
        Syllables[line % 10] + Syllables[line / 10 % 10] + Syllables[line / 100 % 10] + Syllables[place] + "n";

    /// <summary>A sentence whose five content words no other line has.</summary>
    private static string Line(int n) =>
        $"The {Word(n, 0)} and the {Word(n, 1)} met {Word(n, 2)} near {Word(n, 3)} before {Word(n, 4)}.";

    private static Article Article(string id, IEnumerable<int> lines) =>
        Fixtures.Article(id, "Council works", string.Join("\n\n", lines.Select(Line)));

    [Fact]
    public void SentencesPastTheSixtyFourthAreComparedToo()
    {
        // A long report of 80 paragraphs, and a short one that repeats its last twelve: every
        // counterpart lies past the 64 sentences a word's entry says it occurs in.
        var detector = new CopyDetector();
        var longReport = Article("long", Enumerable.Range(0, 80));

        Assert.True(detector.AreCopies(longReport, Article("tail", Enumerable.Range(68, 12))));
        Assert.True(detector.AreCopies(Article("head", Enumerable.Range(0, 12)), longReport));
        Assert.False(detector.AreCopies(longReport, Article("other", Enumerable.Range(100, 12))));
    }

    [Fact]
    public void MostSentencesMustHaveACounterpart()
    {
        var detector = new CopyDetector();
        var report = Article("report", Enumerable.Range(0, 10));

        Assert.True(detector.AreCopies(report, Article("six", Enumerable.Range(0, 6).Concat(Enumerable.Range(200, 4)))));
        Assert.False(detector.AreCopies(report, Article("five", Enumerable.Range(0, 5).Concat(Enumerable.Range(300, 5)))));
    }

    [Fact]
    public void ADetectorGoingFromPairToPairAndStoryToStoryAnswersAsAFreshOneWould()
    {
        // A detector keeps what it has worked out (each report's words, and the table of the last
        // longer report it compared with) from one comparison to the next and across stories; none
        // of it may leak into an answer. Reports are drawn from a few shared lines, so that pairs
        // are copies, near copies and strangers, some of more than 64 sentences.
        var report = Gen.Int[0, 24].Array[1, 12]
            .Select(Gen.Bool, (lines, longer) => longer ? lines.Concat(Enumerable.Range(500, 70)).ToArray() : lines);
        var step = Gen.Select(Gen.Int[0, 5], Gen.Int[0, 5], Gen.Int[0, 9], (a, b, story) => (A: a, B: b, NewStory: story == 0));
        Gen.Select(report.Array[6], step.Array[1, 40]).Sample((reports, steps) =>
        {
            var detector = new CopyDetector();
            var story = 0;
            foreach (var (a, b, newStory) in steps)
            {
                if (newStory)
                {
                    detector.Forget();
                    story++;
                }

                // Each story has articles of its own, as a day's stories do.
                var first = Article($"{story}-{a}", reports[a]);
                var second = Article($"{story}-{b}", reports[b]);
                Assert.Equal(new CopyDetector().AreCopies(first, second), detector.AreCopies(first, second));
            }
        }, iter: 200, threads: 1);
    }
}
