using System.Text;
using System.Text.Json;
using Briefings.Core.Articles;
using Briefings.Core.Delivery;
using Briefings.Core.Digests;
using Briefings.Core.Rendering;
using Briefings.Core.Subscribers;
using Xunit.Abstractions;

namespace Briefings.Core.Tests.Abuse;

/// <summary>
/// A thousand hostile payloads in titles, bodies, sources, quotes and URLs go through the real
/// reader, digest builder and templates: no page, archive, feed entry or email may carry a script,
/// an event handler, a script URL or a link that is not http(s).
/// </summary>
public sealed class XssTests(ITestOutputHelper output)
{
    private static readonly DateOnly Day = new(2026, 11, 21);

    private static readonly TemplateOptions Templates = new() { Path = Fixtures.TemplateFolder, PublicBaseUrl = "https://briefings.example" };

    private static byte[] Envelope(int i, string payload)
    {
        var url = (i % 3) switch
        {
            0 => payload,
            1 => "https://news.example/story?q=" + payload,
            _ => "https://news.example/" + payload.Replace(" ", "", StringComparison.Ordinal),
        };
        var body = $"Council members voted on budget item {i} after a long debate about transport spending and the new bus lanes. {payload}\n\n"
            + $"\u201c{payload} is what we heard from residents,\u201d said Jane Roe, the council leader, on Tuesday.\n\n"
            + $"The transport budget grew by {i % 9 + 1}.5 percent to {100 + i} million after the vote, officials said.";
        return JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
        {
            ["title"] = $"Council budget vote {i} {payload}",
            ["source"] = payload,
            ["url"] = url,
            ["published"] = "2026-11-21T09:00:00Z",
            ["body"] = body,
        });
    }

    private static byte[] Page(int i, string payload)
    {
        var raw = payload.Replace("\0", "&#0;", StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes($"""
            <html><head><title>Harbour works {i} {raw}</title><meta property="og:site_name" content="{raw}">
            <meta property="og:url" content="{raw}"></head><body><nav><a href="{raw}">{raw}</a></nav><article><h1>Harbour works {i} {raw}</h1>
            <p>The harbour authority began dredging the northern channel on Monday so that larger ferries can dock from next spring. {raw}</p>
            <p>"{raw} was never the plan," said Tom Hale, the harbour master, adding that work would cost {i + 10} million.</p>
            <p>Residents near the quay were told to expect noise at night for about six weeks while the work goes on.</p></article></body></html>
            """);
    }

    [Fact]
    public void AThousandPayloadsYieldNoScriptHandlerOrScriptUrlInAnyPageOrEmail()
    {
        var payloads = XssPayloads.Generate(1000);
        Assert.Equal(1000, payloads.Count);
        var reader = Fixtures.Reader();
        var articles = new List<Article>();
        var rejected = 0;
        for (var i = 0; i < payloads.Count; i++)
        {
            foreach (var (name, content) in new[] { ($"a{i}.json", Envelope(i, payloads[i])), ($"p{i}.html", Page(i, payloads[i])) })
            {
                try
                {
                    articles.Add(reader.Read(new RawArticle(name, content)));
                }
                catch (ArticleRejectedException)
                {
                    rejected++;
                }
            }
        }

        Assert.True(articles.Count >= 1900, $"only {articles.Count} of 2,000 articles were read");

        var renderer = new DigestRenderer(new TemplateLibrary(Templates), Templates);
        var composer = new EmailComposer(renderer, new EmailOptions { From = "Briefings <briefings@news.example>", ListId = "daily.news.example" });
        var subscriber = Subscriber.FromEmail("ada@example.com");
        int pages = 0, stories = 0, quotes = 0, elements = 0;
        var problems = new List<string>();
        foreach (var batch in articles.Chunk(100))
        {
            var digest = new DigestBuilder().Build(batch, Day, Fixtures.Noon);
            stories += digest.Stories.Count;
            quotes += digest.Stories.Sum(s => s.Quotes.Count);
            var pageLinks = new LinksView("/", "/briefings/2026-11-21", "/briefings", null, "/briefings/2026-11-20", null, "Friday", null);
            var archive = new ArchiveView("Archive", null, [ArchiveDayView.From(digest, "/briefings/2026-11-21", 3)], null, new LinksView("/", null, "/briefings", null));
            var renderings = new Dictionary<string, string>
            {
                ["page"] = renderer.Render(digest, RenderFormat.Html, pageLinks),
                ["stored page"] = renderer.Render(digest, RenderFormat.Html),
                ["feed entry"] = renderer.Render(digest, DigestRenderer.FeedEntryTemplate),
                ["archive"] = renderer.RenderArchive(archive),
                ["email"] = composer.Compose(digest, subscriber, "https://briefings.example/api/subscriptions/unsubscribe?token=t").HtmlBody ?? "",
            };

            foreach (var (kind, html) in renderings)
            {
                pages++;
                var findings = HtmlSafety.Inspect(html);
                elements += findings.Elements;
                problems.AddRange(findings.Problems.Select(p => $"{kind}: {p}"));
                Assert.DoesNotContain(XssPayloads.InjectionMarker, html, StringComparison.Ordinal);
            }

            var markdown = renderer.Render(digest, RenderFormat.Markdown);
            Assert.DoesNotContain("](javascript:", markdown, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(XssPayloads.InjectionMarker, markdown, StringComparison.Ordinal);
        }

        output.WriteLine($"{payloads.Count} payloads, {articles.Count} articles read, {rejected} rejected, {stories} stories, {quotes} quotes, "
            + $"{pages} HTML documents, {elements:N0} elements inspected, {problems.Count} problems");
        Assert.True(quotes > 0, "no quote carried a payload");
        Assert.Empty(problems.Distinct().Take(20));
    }

    [Fact]
    public void TheInspectionFindsWhatItLooksFor()
    {
        var findings = HtmlSafety.Inspect("""<p><script>x</script><img src=x onerror=y><a href=" java&#x09;script:alert(1)">a</a><a href="/ok">b</a><a href="https://x.example">c</a></p>""");

        Assert.Equal(1, findings.Scripts);
        Assert.Equal(1, findings.Handlers);
        Assert.Equal(1, findings.ScriptUrls);
        Assert.Equal(1, findings.NonHttpLinks);
    }

    [Fact]
    public void OnlyThePagesOwnInlineIconMayBeADataUrl()
    {
        var findings = HtmlSafety.Inspect("""
            <head><link rel="icon" type="image/png" href="data:image/png;base64,iVBORw0KGgo="></head>
            <body><a href="data:image/png;base64,iVBORw0KGgo=">a</a><link rel="icon" href="data:text/html,<b>x</b>"><link rel="stylesheet" href="data:image/png;base64,AA=="></body>
            """);

        Assert.Equal(3, findings.NonHttpLinks);
    }
}
