using System.Text.Json;
using Briefings.Core.Digests;
using Briefings.Core.Json;
using Briefings.Core.Rendering;
using Briefings.Core.Summaries;

namespace Briefings.Core.Tests.Digests;

public sealed class BuildWarmingTests
{
    private static readonly DateOnly Day = new(2026, 11, 21);

    private static string Json(Digest digest) => JsonSerializer.Serialize(digest, BriefingsJsonContext.Default.Digest);

    [Fact]
    public async Task ABuildBesideTheWarmingOrAfterItIsTheBuildWithout()
    {
        var expected = Json(new DigestBuilder().Build(Fixtures.AllSeeds(), Day, Fixtures.Noon));
        var options = new TemplateOptions { Path = Fixtures.TemplateFolder };
        var builder = new DigestBuilder();

        var warming = BuildWarming.Start(builder, new DigestRenderer(new TemplateLibrary(options), options));
        var during = Json(builder.Build(Fixtures.AllSeeds(), Day, Fixtures.Noon));
        await warming;
        builder.Warm();

        Assert.Equal(expected, during);
        Assert.Equal(expected, Json(builder.Build(Fixtures.AllSeeds(), Day, Fixtures.Noon)));
    }

    [Fact]
    public void TheWarmingStoryTakesTheStepsItIsThereToCompile()
    {
        // A story with no quote or figure would leave the highlights' patterns to the build.
        var (quotes, figures) = HighlightExtractor.Extract(DigestBuilder.WarmingStory);
        var summary = new ExtractiveSummarizer(new SummaryOptions())
            .Summarize(DigestBuilder.WarmingStory, DigestBuilder.WarmingStory.ToDictionary(a => a.Id, a => a.Id));

        Assert.NotEmpty(quotes);
        Assert.Contains(quotes, q => q.Speaker.Contains("Diaz"));
        Assert.True(figures.Count >= 2);
        Assert.NotEmpty(summary);
    }
}
