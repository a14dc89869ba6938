using Briefings.Core.Delivery;
using Briefings.Core.Digests;
using Briefings.Core.Rendering;
using Briefings.Core.Subscribers;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Briefings.Core.Tests.Delivery;

public sealed class EmailComposerTests
{
    private const string Unsubscribe = "https://briefings.example/api/subscriptions/unsubscribe?token=abc_DEF-123";
    private static readonly Subscriber Ada = Subscriber.FromEmail("ada@example.com");

    private static MimeMessage Compose(EmailOptions? options = null)
    {
        var templates = new TemplateOptions { Path = Fixtures.TemplateFolder, PublicBaseUrl = "https://briefings.example" };
        var composer = new EmailComposer(new DigestRenderer(new TemplateLibrary(templates), templates), options ?? new EmailOptions
        {
            From = "Briefings <briefings@news.example>",
            ReplyTo = "editors@news.example",
            ListId = "daily.news.example",
        });
        var digest = new DigestBuilder().Build(Fixtures.RateDecisionReports(), new DateOnly(2026, 11, 21), Fixtures.Noon);
        return composer.Compose(digest, Ada, Unsubscribe);
    }

    [Fact]
    public void EachSubscribersBodiesAreWhatRenderingTheDigestForThemGives()
    {
        var templates = new TemplateOptions { Path = Fixtures.TemplateFolder, PublicBaseUrl = "https://briefings.example" };
        var renderer = new DigestRenderer(new TemplateLibrary(templates), templates);
        var composer = new EmailComposer(renderer, new EmailOptions { From = "Briefings <briefings@news.example>", ListId = "daily.news.example" });
        var digest = new DigestBuilder().Build(Fixtures.RateDecisionReports(), new DateOnly(2026, 11, 21), Fixtures.Noon);
        string[] urls =
        [
            Unsubscribe,
            "https://briefings.example/u?token=a&b=<c>&q=\"d\"&s='e'",
            "https://briefings.example/u?name=Zoë%20&x=—",
        ];

        foreach (var (url, i) in urls.Select((u, i) => (u, i)))
        {
            var subscriber = Subscriber.FromEmail($"reader{i}@example.com");
            var message = composer.Compose(digest, subscriber, url);
            var links = renderer.DefaultLinks(digest.Date) with { Unsubscribe = url };

            Assert.Equal(renderer.Render(digest, RenderFormat.Email, links, coverageLimit: 5), message.HtmlBody);
            Assert.Equal(renderer.Render(digest, RenderFormat.Text, links, coverageLimit: 5), message.TextBody);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void TheEmailListsTheFirstArticlesOfAStorysCoverageAndLinksToTheRest(int limit)
    {
        var templates = new TemplateOptions { Path = Fixtures.TemplateFolder, PublicBaseUrl = "https://briefings.example" };
        var renderer = new DigestRenderer(new TemplateLibrary(templates), templates);
        var composer = new EmailComposer(renderer, new EmailOptions { From = "Briefings <briefings@news.example>", CoverageLimit = limit });
        var digest = new DigestBuilder().Build(Fixtures.RateDecisionReports(), new DateOnly(2026, 11, 21), Fixtures.Noon);
        var story = digest.Stories[0];
        Assert.True(story.Articles.Count > limit, $"the fixture's first story has {story.Articles.Count} articles");

        var message = composer.Compose(digest, Ada, Unsubscribe);
        var page = renderer.Render(digest, RenderFormat.Html);
        var more = story.Articles.Count - limit;

        Assert.Equal(limit, System.Text.RegularExpressions.Regex.Matches(message.HtmlBody!, $"<li id=\"a-{story.Id}-").Count);
        Assert.Equal(story.Articles.Count, System.Text.RegularExpressions.Regex.Matches(page, $"<li id=\"a-{story.Id}-").Count);
        var storyPage = $"https://briefings.example/briefings/2026-11-21/stories/{story.Id}";
        Assert.Contains($"<a href=\"{storyPage}\">{more} more article{(more == 1 ? "" : "s")}: all {story.Articles.Count} on the story’s page</a>", message.HtmlBody);
        Assert.Contains($"{more} more article{(more == 1 ? "" : "s")}: all {story.Articles.Count} at {storyPage}", message.TextBody);
        Assert.DoesNotContain("more article", renderer.Render(digest, RenderFormat.Text)); // the stored text lists up to 10
    }

    [Fact]
    public void ThePlainTextEmailNamesEveryArticleItCitesThoughItListsFewer()
    {
        var text = Compose(new EmailOptions { From = "Briefings <briefings@news.example>", CoverageLimit = 1 }).TextBody!;

        var cited = System.Text.RegularExpressions.Regex.Matches(text, @"(?<=\S )\[(\d+)\]").Select(m => m.Groups[1].Value).ToHashSet();
        var named = System.Text.RegularExpressions.Regex.Matches(text, @"(?m)^  \[(\d+)\] ").Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Contains(cited, n => n != "1"); // the summary cites beyond the one article listed
        Assert.Contains("Also cited:", text);
        Assert.Subset(named, cited);
    }

    [Fact]
    public void TheListHeadersOfferOneClickHttpsAndMailtoUnsubscribe()
    {
        var message = Compose();

        Assert.Equal($"<{Unsubscribe}>, <mailto:editors@news.example?subject=unsubscribe%20{Ada.Id}>", message.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.Equal("Briefings <daily.news.example>", message.Headers["List-Id"]);
    }

    [Fact]
    public void TheEmailIsDatedWhenItIsSentAndMarkedAsSentByNoPerson()
    {
        var templates = new TemplateOptions { Path = Fixtures.TemplateFolder, PublicBaseUrl = "https://briefings.example" };
        var sending = new DateTimeOffset(2026, 11, 24, 20, 24, 0, TimeSpan.Zero);
        var composer = new EmailComposer(new DigestRenderer(new TemplateLibrary(templates), templates),
            new EmailOptions { From = "Briefings <briefings@news.example>" }, new FakeTimeProvider(sending));
        var digest = new DigestBuilder().Build(Fixtures.RateDecisionReports(), new DateOnly(2026, 11, 21), Fixtures.Noon);

        var message = composer.Compose(digest, Ada, Unsubscribe);

        Assert.Equal(sending, message.Date);
        Assert.NotEqual(digest.GeneratedAt, message.Date);
        Assert.Equal("auto-generated", message.Headers["Auto-Submitted"]);
        Assert.Equal("bulk", message.Headers["Precedence"]);
    }

    [Fact]
    public void BothPartsShowTheUnsubscribeLink()
    {
        var message = Compose();

        Assert.Contains($"href=\"{Unsubscribe}\"", message.HtmlBody);
        Assert.Contains(Unsubscribe, message.TextBody);
    }

    [Fact]
    public void TheMessageIdIsTheSameOnEveryAttempt()
    {
        Assert.Equal(Compose().MessageId, Compose().MessageId);
        Assert.Equal($"briefing.20261121.{Ada.Id}@news.example", Compose().MessageId);
    }

    [Fact]
    public void AHeaderLongerThanALineSurvivesAWriteAndARead()
    {
        using var stream = new MemoryStream();
        Compose().WriteTo(stream);
        stream.Position = 0;

        var read = MimeMessage.Load(stream);

        Assert.Equal($"<{Unsubscribe}>, <mailto:editors@news.example?subject=unsubscribe%20{Ada.Id}>", read.Headers["List-Unsubscribe"]);
    }
}
