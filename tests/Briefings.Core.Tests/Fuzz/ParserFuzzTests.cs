using System.Diagnostics;
using System.Globalization;
using System.Text;
using Briefings.Core.Articles;
using CsCheck;
using Xunit.Abstractions;

namespace Briefings.Core.Tests.Fuzz;

/// <summary>
/// A long property-based fuzz of the article reader, one run per format: random and mutated
/// text, Markdown, HTML and JSON (seed articles with bytes flipped, cut, repeated and spliced with
/// each format's syntax). Any exception other than <see cref="ArticleRejectedException"/> is a
/// crash; any input slower than <c>FUZZ_SLOW_MS</c> (timed twice) fails too. <c>FUZZ_SECONDS</c> sets the time per
/// format (default 5 in CI; 600 for the full run, see docs/reliability.md).
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class ParserFuzzTests(ITestOutputHelper output)
{
    /// <summary>
    /// An input slower than this, timed twice, fails the run: <c>FUZZ_SLOW_MS</c>, 2,000 ms by default
    /// because CI shares two cores with other work; the full run asks for 1,000 ms.
    /// </summary>
    private static readonly TimeSpan Slow = TimeSpan.FromMilliseconds(
        int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SLOW_MS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) && ms > 0 ? ms : 2000);

    private static readonly string[] Seeds = [.. Fixtures.SeedNumbers.Select(Fixtures.SeedText)];

    private static readonly Dictionary<string, string[]> Syntax = new()
    {
        [".txt"] = ["\n\n", "\r\n", "\t", "    ", "—", "\u201c", "\u201d", "said", "1,234", "4.5%", "© Gazette", "Share this", "#tag", "• ", "\u00a0", "\u200b", "\ufeff", "\u202e"],
        [".md"] = ["# ", "## ", "\n\n", "> ", "* ", "- ", "1. ", "```\n", "`", "**", "_", "[x](javascript:alert(1))", "![i](x)", "<div>", "|a|b|\n|-|-|\n", "---\n", "\\", "[^1]: ", "    ", "<!--"],
        [".html"] = ["<div>", "</div>", "<p>", "</p>", "<b><i>", "</b>", "<table><tr><td>", "<script>", "</script>", "<style>", "<!--", "-->", "<![CDATA[", "<svg><foreignObject>",
            "<math><mtext>", "<template>", "<meta charset=\"latin1\">", "<meta property=\"og:title\" content=\"", "&amp;", "&#x", "&#0;", "<br/>", "<article>", "<nav>", "<select><option>",
            "<frameset>", "<plaintext>", "<noscript>", "<a href=\"", "\">", "<h1>", "<time datetime=\"", "<!DOCTYPE html>", "<html lang=\"", "<iframe srcdoc=\""],
        [".json"] = ["{", "}", "[", "]", "\"", ":", ",", "\"title\":", "\"body\":", "\"published\":", "\"id\":", "\"url\":", "\"source\":", "null", "true", "1e999", "-0", "\\u0000", "\\ud800",
            "\\\"", "\\n", "12345678901234567890", "\"2026-11-21T09:00:00Z\"", "/*", "//"],
    };

    private static int Seconds => int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SECONDS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 5;

    private static string Envelope(string seed) => System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["title"] = seed.Split('\n')[0], ["source"] = "Wire", ["published"] = "2026-11-21T09:00:00Z", ["body"] = seed,
    });

    private static string Page(string seed) =>
        "<!DOCTYPE html><html lang=\"en\"><head><title>" + System.Net.WebUtility.HtmlEncode(seed.Split('\n')[0]) + "</title></head><body><nav><a href=\"/\">Home</a></nav><article>"
        + string.Concat(seed.Split("\n\n").Select(p => "<p>" + System.Net.WebUtility.HtmlEncode(p) + "</p>")) + "</article><footer>© Gazette</footer></body></html>";

    private static string Markdown(string seed) => "# " + seed.Replace("\n\n", "\n\n> ", StringComparison.Ordinal);

    private static string Base(string extension, string seed) => extension switch
    {
        ".json" => Envelope(seed),
        ".html" => Page(seed),
        ".md" => Markdown(seed),
        _ => seed,
    };

    /// <summary>Inputs: a seed in the format, mutated by a list of edits, or pure noise.</summary>
    private static Gen<byte[]> Input(string extension)
    {
        var syntax = Syntax[extension];
        var edit = Gen.Select(Gen.Int[0, 6], Gen.Double[0.0, 1.0], Gen.Int[1, 2000], Gen.OneOf(syntax), Gen.String[0, 40]);
        var mutated =
            from seed in Gen.Int[0, Seeds.Length - 1]
            from edits in edit.Array[0, 30]
            select Mutate(Encoding.UTF8.GetBytes(Base(extension, Seeds[seed])), edits);
        var noise =
            from tokens in Gen.Frequency((3, Gen.OneOf(syntax)), (1, Gen.String[0, 20])).Array[0, 400]
            select Encoding.UTF8.GetBytes(string.Concat(tokens));
        var bytes = Gen.Byte.Array[0, 4000];
        return Gen.Frequency((6, mutated), (3, noise), (1, bytes));
    }

    private static byte[] Mutate(byte[] input, (int Op, double At, int Size, string Token, string Text)[] edits)
    {
        var data = new List<byte>(input);
        foreach (var (op, at, size, token, text) in edits)
        {
            var i = Math.Clamp((int)(at * data.Count), 0, data.Count);
            switch (op)
            {
                case 0: // flip a byte
                    if (data.Count > 0)
                    {
                        data[Math.Min(i, data.Count - 1)] ^= (byte)(size & 0xFF | 1);
                    }

                    break;
                case 1: // insert the format's syntax
                    data.InsertRange(i, Encoding.UTF8.GetBytes(token));
                    break;
                case 2: // insert arbitrary text
                    data.InsertRange(i, Encoding.UTF8.GetBytes(text));
                    break;
                case 3: // cut
                    data.RemoveRange(i, Math.Min(size, data.Count - i));
                    break;
                case 4: // repeat a slice
                    var slice = data.Skip(i).Take(Math.Min(size, 200)).ToArray();
                    for (var r = 0; r < size % 50 && data.Count < 2_000_000; r++)
                    {
                        data.InsertRange(i, slice);
                    }

                    break;
                case 5: // nest the syntax
                    for (var r = 0; r < size % 300; r++)
                    {
                        data.InsertRange(i, Encoding.UTF8.GetBytes(token));
                    }

                    break;
                default: // truncate
                    data.RemoveRange(i, data.Count - i);
                    break;
            }
        }

        return [.. data];
    }

    /// <summary>Times a slow input once more, so a pause of the machine (GC, another process) is not blamed on the input.</summary>
    private static TimeSpan Retime(ArticleReader reader, string extension, byte[] content)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            reader.Read(new RawArticle("fuzz" + extension, content));
        }
        catch (ArticleRejectedException)
        {
        }

        return clock.Elapsed;
    }

    /// <summary>Keeps a failing input beside the test results, so it can be replayed and added to the tests.</summary>
    private static void Keep(string extension, byte[] content)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "fuzz-failures");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content))[..16] + extension), content);
    }

    [Theory]
    [InlineData(".txt")]
    [InlineData(".md")]
    [InlineData(".html")]
    [InlineData(".json")]
    public void TheReaderNeverCrashesNorStallsOnAnyInput(string extension)
    {
        var reader = Fixtures.Reader();
        foreach (var seed in Seeds)
        {
            reader.Read(new RawArticle("warm" + extension, Encoding.UTF8.GetBytes(Base(extension, seed)))); // JIT out of the timings
        }

        long inputs = 0, read = 0, slowestTicks = 0, bytes = 0;
        var slowestLength = 0;
        var lockObject = new object();

        Input(extension).Sample(content =>
        {
            var clock = Stopwatch.StartNew();
            try
            {
                reader.Read(new RawArticle("fuzz" + extension, content));
                Interlocked.Increment(ref read);
            }
            catch (ArticleRejectedException)
            {
                // a clear refusal is a correct answer
            }
            catch (Exception)
            {
                Keep(extension, content);
                throw;
            }

            clock.Stop();
            Interlocked.Increment(ref inputs);
            Interlocked.Add(ref bytes, content.Length);
            lock (lockObject)
            {
                if (clock.Elapsed.Ticks > slowestTicks)
                {
                    slowestTicks = clock.Elapsed.Ticks;
                    slowestLength = content.Length;
                }
            }

            if (clock.Elapsed > Slow && Retime(reader, extension, content) is var again && again > Slow)
            {
                Keep(extension, content);
                throw new TimeoutException($"{content.Length:N0} bytes took {clock.Elapsed.TotalMilliseconds:N0} ms, then {again.TotalMilliseconds:N0} ms");
            }
        }, time: Seconds, iter: 1, threads: 1);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fuzz {extension}: {Seconds} s, {inputs:N0} inputs ({bytes / 1024.0 / 1024.0:N1} MB), {read:N0} read, {inputs - read:N0} refused, 0 crashes, slowest {TimeSpan.FromTicks(slowestTicks).TotalMilliseconds:N1} ms ({slowestLength:N0} bytes)"));
    }
}
