using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Briefings.Core.Articles;
using Xunit.Abstractions;

namespace Briefings.Core.Tests.Articles;

/// <summary>
/// Hostile and broken input: each is rejected with a reason or repaired, never a crash, and
/// within the time and memory bounds docs/reliability.md states (2 s and 64 bytes allocated per
/// input byte plus 32 MB, for inputs up to the 5 MB limit).
/// </summary>
public sealed class BadInputTests(ITestOutputHelper output)
{
    private const string Body =
        "The city council approved a new budget on Tuesday after a long debate about transport spending. "
        + "Council members voted nine to four in favour of the plan, which raises funding for buses and cycle lanes.";

    private const string Second = "Opposition members said the plan would raise local taxes and promised to challenge it at the next meeting of the council in December.";

    /// <summary>Text without a comma, as Chinese and Japanese pages are to a reader that counts ASCII commas.</summary>
    private const string CommaFree =
        "Members voted nine to four in favour of the plan which raises funding for buses and trams and cycle lanes across the city over the next three years. ";

    private static readonly TimeSpan TimeBound = TimeSpan.FromSeconds(2);

    /// <summary>Reads within the bounds; returns the article, or null with the reason when rejected.</summary>
    private (Article? Article, string? Reason) ReadBounded(string name, byte[] content, string? contentType = null,
        Dictionary<string, string>? metadata = null)
    {
        var reader = Fixtures.Reader();
        reader.Read(new RawArticle("warm.txt", Encoding.UTF8.GetBytes("Council approves budget\n\n" + Body))); // JIT and caches out of the measurement

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        Article? article = null;
        string? reason = null;
        try
        {
            article = reader.Read(new RawArticle(name, content, contentType, metadata));
        }
        catch (ArticleRejectedException e)
        {
            reason = e.Reason;
        }

        clock.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        output.WriteLine($"{name}: {content.Length:N0} bytes, {clock.Elapsed.TotalMilliseconds:N1} ms, {allocated / 1024.0 / 1024.0:N1} MB allocated, "
            + (reason is null ? "read" : "rejected: " + reason));
        Assert.True(clock.Elapsed < TimeBound, $"{name} took {clock.Elapsed}");
        Assert.True(allocated < (64L * content.Length) + (32L << 20), $"{name} allocated {allocated:N0} bytes");
        Assert.True(article is not null || !string.IsNullOrWhiteSpace(reason));
        return (article, reason);
    }

    private string Rejected(string name, byte[] content, string? contentType = null)
    {
        var (article, reason) = ReadBounded(name, content, contentType);
        Assert.Null(article);
        return reason!;
    }

    private Article Read(string name, byte[] content, string? contentType = null, Dictionary<string, string>? metadata = null)
    {
        var (article, reason) = ReadBounded(name, content, contentType, metadata);
        Assert.True(article is not null, reason);
        return article;
    }

    [Theory]
    [InlineData("empty.txt")]
    [InlineData("empty.json")]
    [InlineData("empty.html")]
    public void EmptyInputIsRejected(string name) => Assert.Contains("empty", Rejected(name, []));

    [Fact]
    public void WhitespaceOnlyInputIsRejected() => Assert.Contains("No article text", Rejected("blank.txt", Encoding.UTF8.GetBytes(" \r\n\t \n\n   ")));

    [Fact]
    public void MarkdownRefusedWhileRenderingChangesNothingForTheArticlesReadAfterIt()
    {
        // Emphasis nested 3,000 deep in a list item: Markdig gives up while rendering it.
        var hostile = "- " + new string('*', 3000) + "x" + new string('*', 3000);
        const string Normal = "# Council approves transport budget\n\nThe city council approved the transport budget on Tuesday after a long debate.\n\n"
            + "Members voted seven to four in favour of the plan.\n\n## What happens next\n\n- The budget takes effect in January.";

        for (var i = 0; i < 3; i++)
        {
            Assert.Contains("too deeply nested", Rejected("hostile.md", Encoding.UTF8.GetBytes(hostile)));
            var article = Fixtures.Read("normal.md", Normal);
            Assert.Equal("The city council approved the transport budget on Tuesday after a long debate.", article.Paragraphs[0]);
            Assert.Equal("Members voted seven to four in favour of the plan.", article.Paragraphs[1]);
        }
    }

    [Fact]
    public void RandomBinaryIsRejectedAsBinary()
    {
        var content = new byte[256 * 1024];
        new Random(8).NextBytes(content);

        var reason = Rejected("photo.jpg", content);

        Assert.True(reason.Contains("binary", StringComparison.Ordinal) || reason.Contains("UTF-8", StringComparison.Ordinal), reason);
    }

    [Fact]
    public void APngHeaderIsRejectedAsBinary() =>
        Assert.Contains("binary", Rejected("chart.html", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]));

    [Fact]
    public void AGzipBombIsRejectedUnexpanded()
    {
        // 100 MB of zeros compresses to about 100 KB; the reader must treat the archive as the binary it is.
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 100; i++)
            {
                gzip.Write(zeros);
            }
        }

        var bomb = compressed.ToArray();
        Assert.True(bomb.Length < 1 << 20);

        foreach (var (name, type) in new[] { ("news.txt.gz", (string?)null), ("news.html", "text/html"), ("news.json", "application/json") })
        {
            Assert.Contains("binary", Rejected(name, bomb, type));
        }
    }

    [Fact]
    public void InvalidUtf8InTheMiddleOfUtf8TextIsRejected()
    {
        var content = Encoding.UTF8.GetBytes("Council approves budget\n\nLe café " + Body).Concat(new byte[] { 0xC3, 0x28, 0xA0, 0xA1 }).Concat(Encoding.UTF8.GetBytes(Body)).ToArray();

        Assert.Contains("UTF-8", Rejected("mixed.txt", content));
    }

    [Fact]
    public void UnpairedSurrogatesEncodedAsUtf8AreRejected()
    {
        // CESU-style bytes for U+D800 are not UTF-8.
        var content = Encoding.UTF8.GetBytes("Council approves budget\n\n" + Body).Concat(new byte[] { 0xED, 0xA0, 0x80 }).ToArray();

        Assert.Contains("UTF-8", Rejected("surrogate.txt", content));
    }

    [Fact]
    public void NulBytesAnywhereAreRejected()
    {
        var content = Encoding.UTF8.GetBytes("Council approves budget\n\n" + Body + "\0");

        Assert.Contains("binary", Rejected("nul.md", content));
    }

    [Fact]
    public void Windows1252DeclaredByTheContentTypeIsRepaired()
    {
        var text = "Café owners welcome the budget\n\n\u201cIt is a fair deal,\u201d said the owner of the café \u2014 " + Body;
        var content = Encoding.GetEncoding(1252).GetBytes(text);

        var article = Read("cafe.txt", content, "text/plain; charset=windows-1252");

        Assert.Equal("Café owners welcome the budget", article.Title);
        Assert.Contains("\u201cIt is a fair deal,\u201d said the owner of the café \u2014", article.Paragraphs[0]);
    }

    [Fact]
    public void Latin1DeclaredByAMetaCharsetIsRepaired()
    {
        var html = $"""<html><head><meta charset="iso-8859-1"><title>Le café rouvre</title></head><body><article><p>Le café du village a rouvert mardi. {Body}</p></article></body></html>""";
        var content = Encoding.Latin1.GetBytes(html);

        var article = Read("cafe.html", content);

        Assert.Equal("Le café rouvre", article.Title);
        Assert.Contains("Le café du village", article.Paragraphs[0]);
    }

    [Fact]
    public void Utf16WithAByteOrderMarkIsRead()
    {
        var content = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Council approves budget\n\n" + Body)).ToArray();

        Assert.Equal("Council approves budget", Read("utf16.txt", content).Title);
    }

    [Fact]
    public void AnUnknownDeclaredCharsetIsRejected() =>
        Assert.Contains("unknown character set", Rejected("odd.txt", Encoding.Latin1.GetBytes("Caf\u00e9 " + Body), "text/plain; charset=x-made-up"));

    [Fact]
    public void AnOversizedInputIsRejectedBeforeItIsDecoded()
    {
        var content = new byte[100 * 1024 * 1024];
        content.AsSpan().Fill((byte)'a');

        var clock = Stopwatch.StartNew();
        var error = Assert.Throws<ArticleRejectedException>(() => Fixtures.Reader().Read(new RawArticle("huge.txt", content)));

        Assert.Contains("limit", error.Reason);
        Assert.True(clock.ElapsedMilliseconds < 100, $"refusing took {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void AnInputAtTheSizeLimitIsHandledWithinTheBounds()
    {
        var paragraph = Encoding.UTF8.GetBytes(Body + "\n\n");
        var content = new byte[new IngestOptions().MaxBytes];
        for (var i = 0; i + paragraph.Length <= content.Length; i += paragraph.Length)
        {
            paragraph.CopyTo(content, i);
        }

        for (var i = content.Length - (content.Length % paragraph.Length); i < content.Length; i++)
        {
            content[i] = (byte)' ';
        }

        Assert.NotNull(Read("limit.txt", content));
    }

    [Fact]
    public void HundredThousandNestedElementsAreRejectedQuickly()
    {
        const int depth = 100_000;
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", depth)) + "<p>" + Body + "</p></body></html>";

        Assert.Contains("deeper", Rejected("deep.html", Encoding.UTF8.GetBytes(html)));
    }

    [Fact]
    public void UnclosedNestedInlineElementsDoNotBlowUp()
    {
        // Misnested formatting elements are the HTML parser's slowest path (the adoption agency algorithm).
        var html = "<html><body><p>" + string.Concat(Enumerable.Repeat("<b><i><a href=x>", 20_000)) + Body + "</p></body></html>";

        ReadBounded("misnested.html", Encoding.UTF8.GetBytes(html));
    }

    [Fact]
    public void TextHundredsOfElementsDeepIsReadWithoutTakingSeconds()
    {
        // Readability looks at a character once for every pair of blocks above it, and cleans blocks
        // with few commas the slow way: 30 KB of such text under 240 divs took it four seconds.
        var html = "<html><head><title>Council approves budget</title></head><body>" + string.Concat(Enumerable.Repeat("<div>", 240))
            + "<p>" + string.Concat(Enumerable.Repeat(CommaFree, 180)) + "</p></body></html>";

        var article = Read("deep-text.html", Encoding.UTF8.GetBytes(html));

        Assert.StartsWith("Members voted nine to four", Assert.Single(article.Paragraphs), StringComparison.Ordinal);
    }

    [Fact]
    public void NestedNoscriptElementsAreDroppedUnparsed()
    {
        // SmartReader parses the inner markup of every <noscript> again, looking for images: nested
        // ones made that quadratic. What they hold is never the article.
        var html = "<html><head><title>Council approves budget</title></head><body><article><p>" + Body + "</p><p>" + Second + "</p></article>"
            + string.Concat(Enumerable.Repeat("<noscript><p>NOSCRIPT " + CommaFree + CommaFree + "</p>", 250)) + "</body></html>";

        var article = Read("noscripts.html", Encoding.UTF8.GetBytes(html));

        Assert.Equal([Body, Second], article.Paragraphs);
    }

    [Theory]
    [InlineData("lolz.html")]
    [InlineData("lolz.xml")]
    [InlineData("lolz.txt")]
    public void BillionLaughsEntitiesAreNeverExpanded(string name)
    {
        var xml = new StringBuilder("""<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">""");
        for (var i = 1; i <= 9; i++)
        {
            xml.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? "" : (i - 1).ToString(System.Globalization.CultureInfo.InvariantCulture))};", 10))}\">");
        }

        xml.Append("]><html><body><p>&lol9; ").Append(Body).Append("</p></body></html>");

        var (article, _) = ReadBounded(name, Encoding.UTF8.GetBytes(xml.ToString()));

        Assert.True(article is null || string.Join(' ', article.Paragraphs).Length < 10_000);
        Assert.DoesNotContain("lollollol", article is null ? "" : string.Join(' ', article.Paragraphs), StringComparison.Ordinal);
    }

    [Fact]
    public void DeeplyNestedMarkdownIsBounded()
    {
        var markdown = "# Council approves budget\n\n" + new string('>', 50_000) + " " + Body + "\n\n" + string.Concat(Enumerable.Repeat("* ", 20_000)) + Body + "\n\n" + Body;

        ReadBounded("deep.md", Encoding.UTF8.GetBytes(markdown));
    }

    [Fact]
    public void AListNestedOnOneLineIsRejectedBeforeMarkdigTakesSeconds() =>
        Assert.Contains("deeper", Rejected("dashes.md", Encoding.UTF8.GetBytes("# Title\n\n" + string.Concat(Enumerable.Repeat("- ", 10_000)) + Body)));

    [Fact]
    public void LongRulesAndEmphasisAreNotNesting()
    {
        var markdown = "# Council approves budget\n\n" + new string('-', 200) + "\n\n**" + Body + "**\n\n- " + Body + "\n  - nested once\n\n> quoted " + Body;

        Assert.Equal("Council approves budget", Read("rules.md", Encoding.UTF8.GetBytes(markdown)).Title);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("{\"title\": \"Budget\", \"body\": \"unterminated")]
    [InlineData("{\"title\": \"Budget\",, \"body\": \"x\"}")]
    [InlineData("[1, 2, 3]")]
    [InlineData("\"just a string\"")]
    [InlineData("{\"title\": \"Budget\", \"body\": \"text\"} trailing")]
    [InlineData("{'title': 'single quotes'}")]
    [InlineData("{\"title\": \"Budget \\ud800\", \"body\": \"lone surrogate\"}")]
    public void MalformedJsonIsRejected(string json) => Assert.Contains("JSON", Rejected("bad.json", Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void JsonNestedTenThousandDeepIsRejected()
    {
        var json = "{\"title\": \"Budget\", \"body\": \"" + Body + "\", \"extra\": " + new string('[', 10_000) + new string(']', 10_000) + "}";

        Assert.Contains("JSON", Rejected("deep.json", Encoding.UTF8.GetBytes(json)));
    }

    [Theory]
    [InlineData("""{"title": 42, "body": "BODY"}""")]
    [InlineData("""{"title": "Budget", "body": ["BODY"]}""")]
    [InlineData("""{"title": "Budget", "body": {"text": "BODY"}}""")]
    [InlineData("""{"title": "Budget", "source": true, "body": "BODY"}""")]
    [InlineData("""{"title": "Budget", "url": 7, "body": "BODY"}""")]
    [InlineData("""{"title": "Budget", "id": {"x": 1}, "body": "BODY"}""")]
    public void JsonWithWrongTypesIsRejected(string json) =>
        Assert.Contains("JSON", Rejected("types.json", Encoding.UTF8.GetBytes(json.Replace("BODY", Body, StringComparison.Ordinal))));

    [Theory]
    [InlineData("""{"title": "Budget", "published": {"y": 2026}, "body": "BODY"}""")]
    [InlineData("""{"title": "Budget", "published": [2026, 11, 21], "body": "BODY"}""")]
    [InlineData("""{"title": "Budget", "published": true, "body": "BODY"}""")]
    [InlineData("""{"title": "Budget", "published": -5, "body": "BODY"}""")]
    [InlineData("""{"title": "Budget", "published": 1e300, "body": "BODY"}""")]
    [InlineData("""{"title": "Budget", "published": "the thirty-second of Brumaire", "body": "BODY"}""")]
    [InlineData("""{"title": "Budget", "published": "2026-02-30T10:00:00Z", "body": "BODY"}""")]
    [InlineData("""{"title": "Budget", "published": "2026-11-21\ud800", "body": "BODY"}""")]
    public void AnUnreadablePublicationDateIsDroppedNotFatal(string json)
    {
        var article = Read("date.json", Encoding.UTF8.GetBytes(json.Replace("BODY", Body, StringComparison.Ordinal)));

        Assert.Null(article.Published);
        Assert.Equal(article.IngestedAt, article.EffectiveTime);
    }

    [Theory]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("2999-01-01")]
    public void APublicationDateInTheFarFutureDoesNotChooseTheDay(string published)
    {
        var json = $$"""{"title": "Budget", "published": "{{published}}", "body": "{{Body}}"}""";

        var article = Read("future.json", Encoding.UTF8.GetBytes(json));

        Assert.NotNull(article.Published);
        Assert.Equal(article.IngestedAt, article.EffectiveTime);
        Assert.Equal(DateOnly.FromDateTime(article.IngestedAt.UtcDateTime), article.DayIn(TimeZoneInfo.Utc));
    }

    [Theory]
    [InlineData("not a date")]
    [InlineData("9999-12-31T23:59:59Z")]
    public void AnOddPublicationDateInMetadataNeverChoosesAFutureDay(string published)
    {
        var article = Read("meta.txt", Encoding.UTF8.GetBytes("Council approves budget\n\n" + Body), metadata: new() { ["published"] = published });

        Assert.Equal(article.IngestedAt, article.EffectiveTime);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("file:///etc/passwd")]
    [InlineData("//evil.example/x")]
    [InlineData("not a url")]
    public void OnlyHttpUrlsAreKept(string url)
    {
        var json = $$"""{"title": "Budget", "url": {{System.Text.Json.JsonSerializer.Serialize(url)}}, "body": "{{Body}}"}""";

        Assert.Null(Read("url.json", Encoding.UTF8.GetBytes(json)).Url);
    }
}
