using System.Text;
using Briefings.Core.Articles;
using Briefings.Core.Articles.Parsing;

namespace Briefings.Core.Tests.Articles;

public sealed class RejectionTests
{
    private const string Body =
        "The city council approved a new budget on Tuesday after a long debate about transport spending. "
        + "Council members voted nine to four in favour of the plan, which raises funding for buses and cycle lanes.";

    private static string Rejected(string name, byte[] content, IngestOptions? options = null)
    {
        var error = Assert.Throws<ArticleRejectedException>(() => Fixtures.Reader(options).Read(new RawArticle(name, content)));
        Assert.False(string.IsNullOrWhiteSpace(error.Reason));
        Assert.Equal(error.Message, error.Reason);
        return error.Reason;
    }

    private static string Rejected(string name, string content) => Rejected(name, Encoding.UTF8.GetBytes(content));

    [Fact]
    public void EmptyBlobIsRejected() => Assert.Contains("empty", Rejected("empty.txt", []));

    [Fact]
    public void BlobOverTheSizeLimitIsRejected()
    {
        var options = new IngestOptions { MaxBytes = 2048 };
        var content = Encoding.UTF8.GetBytes(string.Join("\n\n", Enumerable.Repeat(Body, 12)));
        Assert.True(content.Length > options.MaxBytes);

        var reason = Rejected("big.txt", content, options);

        Assert.Contains("limit", reason);
        Assert.Contains("2,048", reason);
    }

    [Fact]
    public void BlobAtTheSizeLimitIsRead()
    {
        var content = Encoding.UTF8.GetBytes("Council approves budget\n\n" + Body);
        var article = Fixtures.Reader(new IngestOptions { MaxBytes = content.Length }).Read(new RawArticle("fits.txt", content));

        Assert.Equal(Body, article.Paragraphs.Single());
    }

    [Fact]
    public void BinaryContentWithNulBytesIsRejected()
    {
        var content = Encoding.UTF8.GetBytes(Body);
        content[10] = 0;

        Assert.Contains("binary", Rejected("photo.txt", content));
    }

    [Fact]
    public void InvalidUtf8WithoutADeclaredCharsetIsRejected()
    {
        var content = Encoding.Latin1.GetBytes("Le café du village a rouvert ses portes mardi après des mois de travaux et les habitants sont venus nombreux.");

        Assert.Contains("UTF-8", Rejected("cafe.txt", content));
    }

    [Fact]
    public void MalformedJsonIsRejected() => Assert.Contains("JSON", Rejected("bad.json", $$"""{"title": "Budget", "body": "{{Body}}" """));

    [Fact]
    public void JsonWithABodyOfTheWrongTypeIsRejected() => Assert.Contains("JSON", Rejected("number.json", """{"title": "Budget", "body": 42}"""));

    [Fact]
    public void JsonWithoutABodyIsRejected() => Assert.Contains("body", Rejected("nobody.json", """{"title": "Budget", "source": "Wire"}"""));

    [Fact]
    public void JsonNullIsRejected() => Assert.Contains("null", Rejected("null.json", "null"));

    [Fact]
    public void HtmlWithoutArticleTextIsRejected()
    {
        var reason = Rejected("menu.html", """
            <html><head><title>Example Gazette</title></head>
            <body><nav><a href="/">Home</a> <a href="/world">World</a></nav><p>Cookies help us.</p><footer>© Example Gazette</footer></body></html>
            """);

        Assert.Contains("No article text", reason);
    }

    [Fact]
    public void TextShorterThanTheMinimumIsRejected()
    {
        var options = new IngestOptions { MinWords = 100 };

        Assert.Contains("100 words", Rejected("short.txt", Encoding.UTF8.GetBytes("Council approves budget\n\n" + Body), options));
    }

    [Fact]
    public void DeeplyNestedHtmlIsRejected()
    {
        var depth = HtmlReader.MaxDepth + 20;
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", depth)) + "<p>" + Body + "</p>"
            + string.Concat(Enumerable.Repeat("</div>", depth)) + "</body></html>";

        Assert.Contains("deeper", Rejected("deep.html", html));
    }

    [Fact]
    public void ModeratelyNestedHtmlIsRead()
    {
        const int depth = 40;
        var html = "<html><head><title>Council approves budget</title></head><body>" + string.Concat(Enumerable.Repeat("<div>", depth)) + "<p>" + Body + "</p>"
            + string.Concat(Enumerable.Repeat("</div>", depth)) + "</body></html>";

        Assert.Equal(Body, Fixtures.Read("nested.html", html).Paragraphs.Single());
    }
}
