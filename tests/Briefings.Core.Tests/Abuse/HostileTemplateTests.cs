using System.Diagnostics;
using Briefings.Core.Digests;
using Briefings.Core.Rendering;

namespace Briefings.Core.Tests.Abuse;

/// <summary>
/// A template someone edits badly or with intent: endless loops, deep recursion, huge output,
/// regular expressions that backtrack, includes outside the folder. Scriban's limits stop each
/// with a <see cref="TemplateException"/> naming the template, in bounded time, and the next
/// render with a good template still works.
/// </summary>
public sealed class HostileTemplateTests
{
    private static readonly DateOnly Day = new(2026, 11, 21);

    private static Digest SeedDigest() => new DigestBuilder().Build(Fixtures.AllSeeds(), Day, Fixtures.Noon);

    private static async Task<TemplateException> FailsWithin(string template, TimeSpan bound, Action<TemplateOptions>? configure = null)
    {
        using var temp = new TempFolder();
        Fixtures.CopyTemplatesTo(temp.Path);

        File.WriteAllText(Path.Combine(temp.Path, "page.html.sbn"), template);
        var options = new TemplateOptions { Path = temp.Path };
        configure?.Invoke(options);
        var renderer = new DigestRenderer(new TemplateLibrary(options), options);
        var digest = SeedDigest();
        var clock = Stopwatch.StartNew();

        // The render runs on its own thread so a hang fails the test (TimeoutException) instead of stalling it.
        var error = await Assert.ThrowsAsync<TemplateException>(() => Task.Run(() => renderer.Render(digest, RenderFormat.Html)).WaitAsync(bound));

        Assert.Contains("page.html.sbn", error.Message);
        Assert.True(clock.Elapsed < bound);
        Assert.Contains(digest.Stories[0].Headline.Split(' ')[0], renderer.Render(digest, RenderFormat.Text)); // the process and the library still serve
        return error;
    }

    [Theory]
    [InlineData("{{ while true }}x{{ end }}")]
    [InlineData("{{ for i in 1..100000000 }}{{ end }}")]
    [InlineData("{{ for s in digest.stories }}{{ for i in 1..100000000 }}{{ end }}{{ end }}")]
    public async Task AnEndlessLoopIsStoppedByTheLoopLimit(string template) =>
        Assert.Contains("loop", (await FailsWithin(template, TimeSpan.FromSeconds(10))).Message, StringComparison.OrdinalIgnoreCase);

    [Theory]
    [InlineData("{{ func f; f; end; f }}")]
    [InlineData("{{ func f(n); ret f(n + 1); end; f 0 }}")]
    [InlineData("{{ func a; b; end; func b; a; end; a }}")]
    public async Task DeepRecursionIsStoppedByTheRecursionLimit(string template) =>
        Assert.Contains("recursi", (await FailsWithin(template, TimeSpan.FromSeconds(10))).Message, StringComparison.OrdinalIgnoreCase);

    [Fact]
    public async Task AnIncludeOfItselfIsStoppedByTheRecursionLimit() =>
        await FailsWithin("{{ include 'page.html.sbn' }}", TimeSpan.FromSeconds(10));

    [Theory]
    [InlineData("{{ for i in 1..9000 }}xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx{{ end }}")]
    [InlineData("{{ s = 'xxxxxxxxxxxxxxxx'; for i in 1..20; s = s + s; end; for i in 1..9000; s; end }}")]
    public async Task HugeOutputIsStoppedByTheOutputLimit(string template) =>
        Assert.Contains("limit", (await FailsWithin(template, TimeSpan.FromSeconds(10), o => o.OutputLimit = 1024 * 1024)).Message, StringComparison.OrdinalIgnoreCase);

    [Fact]
    public async Task ACatastrophicRegularExpressionTimesOut() =>
        await FailsWithin("{{ 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' | regex.match '^(a+)+$' }}", TimeSpan.FromSeconds(10));

    [Theory]
    [InlineData("{{ include '../../../etc/passwd' }}")]
    [InlineData("{{ include '/etc/passwd' }}")]
    [InlineData("{{ include 'partials/../../secret.sbn' }}")]
    public async Task AnIncludeOutsideTheTemplateFolderIsRefused(string template) =>
        await FailsWithin(template, TimeSpan.FromSeconds(10));
}
