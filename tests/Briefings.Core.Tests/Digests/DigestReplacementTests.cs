using System.Text;
using Briefings.Core.Digests;
using Briefings.Core.Rendering;
using Briefings.Core.Storage;
using Xunit.Abstractions;

namespace Briefings.Core.Tests.Digests;

/// <summary>
/// Readers of a day while it is rebuilt over and over: every read of the JSON or of a rendering is
/// one whole version, never a torn or empty one, and once the day exists it never disappears.
/// </summary>
public sealed class DigestReplacementTests(ITestOutputHelper output)
{
    private static readonly DateOnly Day = new(2026, 11, 21);

    [Fact]
    public async Task AReaderNeverSeesAHalfWrittenDigestWhileItIsReplaced()
    {
        using var temp = new TempFolder();
        var digests = new DigestStore(new FileBlobStore(temp.Path));
        var templates = new TemplateOptions { Path = Fixtures.TemplateFolder };
        var renderer = new DigestRenderer(new TemplateLibrary(templates), templates);
        var versions = new[] { Fixtures.FootballReports(), Fixtures.RateDecisionReports() }
            .Select((articles, i) =>
            {
                var digest = new DigestBuilder().Build(articles, Day, Fixtures.Noon.AddMinutes(i));
                var html = renderer.Render(digest, RenderFormat.Html) + new string(' ', 512 * 1024) + "<!-- v" + i + " -->"; // large, so a write takes a while
                return (Digest: digest, Html: html);
            })
            .ToArray();
        await digests.SaveAsync(versions[0].Digest, new Dictionary<RenderFormat, string> { [RenderFormat.Html] = versions[0].Html });
        var jsons = versions.Select(v => v.Digest.GeneratedAt).ToHashSet();
        var htmls = versions.Select(v => v.Html).ToHashSet(StringComparer.Ordinal);

        // Runs until both sides have done enough (at least 2 s), or 60 s on a machine too loaded for that.
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var started = System.Diagnostics.Stopwatch.StartNew();
        var writes = 0;
        var allReads = 0;
        var writer = Task.Run(async () =>
        {
            for (var i = 1; !stop.IsCancellationRequested; i++)
            {
                var version = versions[i % 2];
                await digests.SaveAsync(version.Digest, new Dictionary<RenderFormat, string> { [RenderFormat.Html] = version.Html });
                if (Interlocked.Increment(ref writes) > 20 && Volatile.Read(ref allReads) > 20 && started.Elapsed > TimeSpan.FromSeconds(2))
                {
                    await stop.CancelAsync();
                }
            }
        });
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            var reads = 0;
            while (!stop.IsCancellationRequested)
            {
                var stored = await digests.GetAsync(Day);
                Assert.NotNull(stored); // parses, whole
                Assert.Contains(stored.Digest.GeneratedAt, jsons);
                var rendering = await digests.GetRenderingAsync(Day, RenderFormat.Html);
                Assert.NotNull(rendering);
                Assert.Contains(Encoding.UTF8.GetString(rendering.Content), htmls);
                reads++;
                Interlocked.Increment(ref allReads);
            }

            return reads;
        })).ToList();

        var total = (await Task.WhenAll(readers)).Sum();
        await writer;
        output.WriteLine($"{writes} replacements, {total} reads of the JSON and the page, none torn");
        Assert.True(writes > 5 && total > 5);
    }
}
