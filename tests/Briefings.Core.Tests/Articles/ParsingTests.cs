using System.Text;
using Briefings.Core.Articles;

namespace Briefings.Core.Tests.Articles;

public sealed class ParsingTests
{
    private const string First =
        "The city council approved a new budget on Tuesday after a long debate about transport spending. "
        + "Council members voted nine to four in favour of the plan, which raises funding for buses and cycle lanes.";

    private const string Second =
        "Opposition members argued that the plan would raise local taxes and said they would challenge it at the next meeting of the council in December.";

    private const string Page = $"""
        <!doctype html>
        <html lang="en">
        <head>
        <title>Page title | Example Gazette</title>
        <meta property="og:title" content="Council approves transport budget">
        <meta property="og:site_name" content="Example Gazette">
        <meta property="article:published_time" content="2026-11-21T08:30:00Z">
        <style>.headline {"{"} color: red {"}"} /* STYLE-TEXT */</style>
        <script>var tracker = "SCRIPT-TEXT";</script>
        </head>
        <body>
        <nav><ul><li><a href="/">Home</a></li><li><a href="/world">NAV-TEXT World</a></li></ul></nav>
        <article>
        <h1>Council approves transport budget</h1>
        <p>{First}</p>
        <p>{Second}</p>
        <p>The new budget takes effect in January and will be reviewed after six months, officials said in a statement released after the vote.</p>
        </article>
        <footer><p>FOOTER-TEXT Copyright Example Gazette. All rights reserved.</p></footer>
        </body>
        </html>
        """;

    [Fact]
    public void HtmlTitleSourceAndPublicationComeFromMetaTags()
    {
        var article = Fixtures.Read("page.html", Page);

        Assert.Equal("Council approves transport budget", article.Title);
        Assert.Equal("Example Gazette", article.Source);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 8, 30, 0, TimeSpan.Zero), article.Published);
        Assert.Equal("en", article.Language);
    }

    [Fact]
    public void HtmlScriptStyleNavigationAndFooterNeverBecomeParagraphs()
    {
        var article = Fixtures.Read("page.html", Page);

        foreach (var marker in new[] { "STYLE-TEXT", "SCRIPT-TEXT", "NAV-TEXT", "FOOTER-TEXT", "tracker", "color: red" })
        {
            Assert.All(article.Paragraphs, p => Assert.DoesNotContain(marker, p, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void HtmlMainContentParagraphsAreKeptInOrder()
    {
        var article = Fixtures.Read("page.html", Page);

        Assert.Equal(First, article.Paragraphs[0]);
        Assert.Equal(Second, article.Paragraphs[1]);
        Assert.StartsWith("The new budget takes effect in January", article.Paragraphs[2], StringComparison.Ordinal);
        Assert.Equal(3, article.Paragraphs.Count);
    }

    [Fact]
    public void ALongPageTooDeepForReadabilityIsReadByItsBlocksWithoutTheFurniture()
    {
        // 400 paragraphs without commas under 60 layout divs: more than HtmlShape.ExtractionBudget, so
        // the page is read block by block rather than handed to Readability (which took 3 s on it).
        string[] things = ["buses", "trams", "ferries", "bridges", "roads", "stations", "depots", "tunnels", "parks", "harbours"];
        string[] months = ["January", "April", "July", "October"];
        var paragraphs = Enumerable.Range(0, 400)
            .Select(i => $"Spending on {things[i % 10]} and {things[i / 10 % 10]} rises in {months[i / 100]} and the council will review the {things[(i + 3) % 10]} plan after six months.")
            .ToList();
        var html = Page.Replace("<article>", string.Concat(Enumerable.Range(0, 60).Select(i => $"<div class=\"layout-{i}\">")) + "<article>", StringComparison.Ordinal)
            .Replace("</article>", string.Concat(paragraphs.Select(p => $"<p>{p}</p>\n")) + "</article>" + string.Concat(Enumerable.Repeat("</div>", 60)), StringComparison.Ordinal);

        var article = Fixtures.Read("long.html", html);

        Assert.Equal("Council approves transport budget", article.Title);
        Assert.Equal(paragraphs, article.Paragraphs.Skip(3));
        Assert.All(article.Paragraphs, p => Assert.DoesNotContain("TEXT", p, StringComparison.Ordinal));
    }

    [Fact]
    public void HtmlWithoutAnExtensionIsRecognisedByItsContent()
    {
        var article = Fixtures.Read("inbox-item", Page);

        Assert.Equal("Council approves transport budget", article.Title);
        Assert.Equal(First, article.Paragraphs[0]);
    }

    [Fact]
    public void MarkdownFirstHeadingIsTheTitleAndBlocksAreParagraphs()
    {
        var article = Fixtures.Read("note.md", $"""
            # Council approves transport budget

            {First}

            {Second.Replace("local taxes", "**local taxes**")}

            ## What happens next

            - The budget takes effect in January and will be reviewed by the finance committee after six months.
            """);

        Assert.Equal("Council approves transport budget", article.Title);
        Assert.Equal(First, article.Paragraphs[0]);
        Assert.Equal(Second, article.Paragraphs[1]);
        Assert.Contains("The budget takes effect in January and will be reviewed by the finance committee after six months.", article.Paragraphs);
        Assert.All(article.Paragraphs, p => Assert.DoesNotContain("*", p));
        Assert.All(article.Paragraphs, p => Assert.DoesNotContain("#", p));
    }

    [Fact]
    public void JsonEnvelopeGivesIdTitleSourceUrlAndPublication()
    {
        var article = Fixtures.Read("wire.json", $$"""
            {"id": "wire/2026-11-21 #42", "title": "Council approves budget", "source": "Wire Service",
             "url": "https://wire.example/2026/11/21/budget", "published": "2026-11-21T08:30:00+01:00",
             "body": "{{First}}\n\n{{Second}}"}
            """);

        Assert.Equal(ArticleIds.Sanitize("wire/2026-11-21 #42"), article.Id);
        Assert.Equal("wire2026-11-2142", article.Id);
        Assert.Equal("Council approves budget", article.Title);
        Assert.Equal("Wire Service", article.Source);
        Assert.Equal("https://wire.example/2026/11/21/budget", article.Url);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 7, 30, 0, TimeSpan.Zero), article.Published);
        Assert.Equal([First, Second], article.Paragraphs);
    }

    [Fact]
    public void JsonEnvelopeWithUnixSecondsPublicationIsRead()
    {
        var published = new DateTimeOffset(2026, 11, 21, 8, 30, 0, TimeSpan.Zero);
        var article = Fixtures.Read("wire.json", $$"""{"title": "Council approves budget", "published": {{published.ToUnixTimeSeconds()}}, "body": "{{First}}"}""");

        Assert.Equal(published, article.Published);
    }

    [Fact]
    public void JsonEnvelopeWithoutIdGetsAContentId()
    {
        var article = Fixtures.Read("wire.json", $$"""{"title": "Council approves budget", "body": "{{First}}"}""");

        Assert.Equal(ArticleIds.FromContent("Council approves budget", [First]), article.Id);
    }

    [Fact]
    public void BlobMetadataOverridesTheEnvelope()
    {
        var metadata = new Dictionary<string, string>
        {
            ["Title"] = "Budget passes after long debate",
            ["source"] = "Metadata Times",
            ["url"] = "https://meta.example/budget",
            ["published"] = "2026-11-20T10:00:00Z",
        };

        var article = Fixtures.Read("wire.json", $$"""
            {"id": "abc", "title": "Council approves budget", "source": "Wire Service",
             "url": "https://wire.example/budget", "published": "2026-11-21T08:30:00Z", "body": "{{First}}"}
            """, metadata: metadata);

        Assert.Equal("abc", article.Id);
        Assert.Equal("Budget passes after long debate", article.Title);
        Assert.Equal("Metadata Times", article.Source);
        Assert.Equal("https://meta.example/budget", article.Url);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero), article.Published);
    }

    [Fact]
    public void UnsafeUrlsAreNotKept()
    {
        var article = Fixtures.Read("wire.json", $$"""{"title": "Council approves budget", "url": "javascript:alert(1)", "body": "{{First}}"}""");

        Assert.Null(article.Url);
    }

    [Fact]
    public void PlainTextLinesThatEndSentencesAreParagraphs()
    {
        var article = Fixtures.Read("plain.txt", $"Council approves transport budget\n{First}\n{Second}\n");

        Assert.Equal("Council approves transport budget", article.Title);
        Assert.Equal([First, Second], article.Paragraphs);
        Assert.Null(article.Source);
        Assert.Null(article.Published);
    }

    [Fact]
    public void PlainTextHardWrappedLinesAreJoined()
    {
        var wrapped = string.Join('\n', WrapAt(First, 40)) + "\n\n" + string.Join('\n', WrapAt(Second, 40));
        var article = Fixtures.Read("plain.txt", "Council approves transport budget\n\n" + wrapped);

        Assert.Equal([First, Second], article.Paragraphs);
    }

    [Fact]
    public void Windows1252HtmlDeclaredInAMetaTagDecodes()
    {
        const string body = "Le café du village a rouvert ses portes mardi après des mois de travaux, et les habitants "
            + "sont venus nombreux pour le premier crème du matin. Le propriétaire a déclaré que la rénovation avait coûté plus que prévu.";
        var bytes = Encoding.Latin1.GetBytes($"""
            <html><head><meta charset="windows-1252"><title>Réouverture au village</title></head>
            <body><p>{body}</p></body></html>
            """);
        Assert.ThrowsAny<DecoderFallbackException>(() => new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes));

        var article = Fixtures.Reader().Read(new RawArticle("cafe.html", bytes));

        Assert.Equal("Réouverture au village", article.Title);
        Assert.Equal(body, article.Paragraphs.Single());
        Assert.Contains("café", article.Paragraphs[0], StringComparison.Ordinal);
    }

    [Fact]
    public void CharsetDeclaredInTheContentTypeDecodes()
    {
        var text = "Réouverture au village\n\nLe café du village a rouvert ses portes mardi après des mois de travaux, et les habitants sont venus nombreux pour le premier café du matin.";
        var article = Fixtures.Reader().Read(new RawArticle("cafe", Encoding.Latin1.GetBytes(text), "text/plain; charset=iso-8859-1"));

        Assert.Contains("café du village", article.Paragraphs[0], StringComparison.Ordinal);
    }

    private static IEnumerable<string> WrapAt(string text, int width)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + word.Length + 1 > width)
            {
                yield return line.ToString();
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : "").Append(word);
        }

        yield return line.ToString();
    }
}
