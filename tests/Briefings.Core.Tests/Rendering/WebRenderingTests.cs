using System.Net;
using Briefings.Core.Digests;
using Briefings.Core.Rendering;

namespace Briefings.Core.Tests.Rendering;

/// <summary>The page, archive and feed templates.</summary>
public sealed class WebRenderingTests
{
    private const string Hostile = "<script>alert(1)</script>";

    private static readonly DateOnly Day = new(2026, 11, 21);

    private static readonly TemplateOptions Options = new() { Path = Fixtures.TemplateFolder };

    private static DigestRenderer Renderer() => new(new TemplateLibrary(Options), Options);

    private static Digest SeedDigest() => new DigestBuilder().Build(Fixtures.AllSeeds(), Day, Fixtures.Noon);

    [Fact]
    public void ThePageNamesThePreviousAndNextDaysInItsNavigation()
    {
        var links = new LinksView("/", "/briefings/2026-11-21", "/briefings", null,
            "/briefings/2026-11-20", "/briefings/2026-11-22", "Friday, 20 November 2026", "Sunday, 22 November 2026");

        var html = Renderer().Render(SeedDigest(), RenderFormat.Html, links);

        Assert.Contains("<a href=\"/briefings/2026-11-20\" rel=\"prev\">← Previous day: Friday, 20 November 2026</a>", html);
        Assert.Contains("<a href=\"/briefings/2026-11-22\" rel=\"next\">Next day: Sunday, 22 November 2026 →</a>", html);
        Assert.Contains("<a href=\"/briefings\">Archive of briefings</a>", html);
    }

    [Fact]
    public void WithoutNeighboursThePageOffersNoPreviousOrNextLink()
    {
        var html = Renderer().Render(SeedDigest(), RenderFormat.Html, new LinksView("/", null, "/briefings", null));

        Assert.DoesNotContain("rel=\"prev\"", html);
        Assert.DoesNotContain("rel=\"next\"", html);
    }

    [Fact]
    public void EveryCitationLinkNamesItsSourceAndArticleForScreenReaders()
    {
        var digest = SeedDigest();
        var story = Assert.Single(digest.Stories);

        var html = Renderer().Render(digest, RenderFormat.Html);

        foreach (var sentence in story.Summary)
        {
            foreach (var id in sentence.Sources)
            {
                var number = story.Articles.Select(a => a.Id).ToList().IndexOf(id) + 1;
                var article = story.Articles[number - 1];
                var label = WebUtility.HtmlEncode($"Source {number}: {article.Source ?? "Unknown source"}, “{article.Title}”");
                Assert.Contains($"aria-label=\"{label}\">[{number}]</a>", html);
            }
        }
    }

    [Fact]
    public void TheArchiveListsDaysAndEscapesWhatItShows()
    {
        var articles = Fixtures.RateDecisionReports().Select(a => a with { Title = a.Title + " " + Hostile }).ToList();
        var digest = new DigestBuilder().Build(articles, Day, Fixtures.Noon);
        var view = new ArchiveView("Archive", "A notice " + Hostile, [ArchiveDayView.From(digest, "/briefings/2026-11-21", 3)], "/briefings?before=2026-11-21",
            new LinksView("/", null, "/briefings", null));

        var html = Renderer().RenderArchive(view);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html);
        Assert.Contains("<a href=\"/briefings/2026-11-21\">Saturday, 21 November 2026</a>", html);
        Assert.Contains($"href=\"/briefings/2026-11-21#story-{digest.Stories[0].Id}\"", html);
        Assert.Contains("<a href=\"/briefings?before=2026-11-21\" rel=\"next\">Older briefings →</a>", html);
        Assert.Contains("role=\"status\"", html);
    }

    [Fact]
    public void TheArchiveCountsAStorysCoverageAsItsDaysPageDoes()
    {
        var digest = SeedDigest();
        var view = new ArchiveView("Archive", null, [ArchiveDayView.From(digest, "/briefings/2026-11-21", 3)], null,
            new LinksView("/", null, "/briefings", null));

        var html = Renderer().RenderArchive(view);

        Assert.Contains("· 5 articles, 4 reports", html); // 001 and 003 carry one report
    }

    [Fact]
    public void TheFeedEntryIsAnHtmlFragmentOfTheStories()
    {
        var digest = SeedDigest();

        var html = Renderer().Render(digest, DigestRenderer.FeedEntryTemplate);

        Assert.DoesNotContain("<html", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(WebUtility.HtmlEncode(digest.Stories[0].Headline), html);
        Assert.Contains("href=\"http://localhost:5080/briefings/2026-11-21\"", html);
        Assert.Contains("class=\"cite\"", html);
    }
}
