using System.Net;
using System.Text.RegularExpressions;
using Briefings.Core.Digests;
using Briefings.Core.Rendering;

namespace Briefings.Core.Tests.Rendering;

public sealed class RenderingTests
{
    private const string Hostile = "<script>alert(1)</script>";

    private static readonly DateOnly Day = new(2026, 11, 21);

    private static TemplateOptions Options(string? path = null, int loopLimit = 10_000) =>
        new() { Path = path ?? Fixtures.TemplateFolder, LoopLimit = loopLimit };

    private static DigestRenderer Renderer(TemplateOptions options) => new(new TemplateLibrary(options), options);

    private static string Render(Digest digest, RenderFormat format) => Renderer(Options()).Render(digest, format);

    private static Digest SeedDigest() => new DigestBuilder().Build(Fixtures.AllSeeds(), Day, Fixtures.Noon);

    private static Digest HostileDigest()
    {
        var articles = Fixtures.RateDecisionReports()
            .Select(a => a with { Title = a.Title + " " + Hostile, Source = Hostile + " News", Url = "javascript:alert(1)" })
            .ToList();
        var digest = new DigestBuilder().Build(articles, Day, Fixtures.Noon);
        Assert.Contains(Hostile, Assert.Single(digest.Stories).Headline);
        return digest;
    }

    /// <summary>The text a reader sees: entities decoded in HTML, backslash escapes removed in Markdown.</summary>
    private static string Visible(string rendering, RenderFormat format) => format switch
    {
        RenderFormat.Html or RenderFormat.Email => WebUtility.HtmlDecode(rendering),
        RenderFormat.Markdown => Regex.Replace(rendering, @"\\([\\*_\[\]`])", "$1").Replace("&lt;", "<"),
        _ => rendering,
    };

    [Theory]
    [InlineData(RenderFormat.Html)]
    [InlineData(RenderFormat.Email)]
    public void HtmlRenderingsEscapeScriptsAndDropScriptUrls(RenderFormat format)
    {
        var html = Render(HostileDigest(), format);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html);
    }

    /// <summary>The seeds' day with 40 stories of the seed story's articles and <paramref name="more"/> reports besides each.</summary>
    private static Digest LargeStories(int more)
    {
        var seeds = SeedDigest();
        var story = seeds.Stories[0];
        var stories = Enumerable.Range(0, 40).Select(s => story with
        {
            Id = $"story-{s}",
            Articles = [.. story.Articles, .. Enumerable.Range(0, more).Select(i => new StoryArticle($"s{s}-{i}", $"Report {i}", $"Outlet {i}", $"https://news.example/{s}/{i}", Fixtures.Noon))],
        }).ToList();
        return seeds with { Stories = stories };
    }

    [Fact]
    public void TheEditionTimeIsShownInUtcWhateverOffsetTheScheduleStampedItWith()
    {
        // A schedule in Europe/Paris fires at 06:00 local time, stamped +01:00: 05:00 UTC.
        var paris = new Digest(Day, new DateTimeOffset(2026, 11, 21, 6, 0, 0, TimeSpan.FromHours(1)), 0, []);

        Assert.Contains("Edition of 2026-11-21 05:00 UTC.", Render(paris, RenderFormat.Html));
    }

    [Fact]
    public void ADayBuiltAgainShowsWhenItWasFirstPublishedAndWhenUpdated()
    {
        var first = new DateTimeOffset(2026, 11, 21, 6, 0, 0, TimeSpan.Zero);
        var rebuilt = new Digest(Day, first.AddHours(8).AddMinutes(30), 0, []) { PublishedAt = first };
        var once = new Digest(Day, first, 0, []) { PublishedAt = first };

        Assert.Contains("Edition of 2026-11-21 06:00 UTC, updated 2026-11-21 14:30 UTC.", Render(rebuilt, RenderFormat.Html));
        Assert.Contains("Edition of 2026-11-21 06:00 UTC.", Render(once, RenderFormat.Html));
    }

    [Fact]
    public void ADayWithoutStoriesSaysSoAndItsSkipLinkLeadsToTheBriefingNotToStories()
    {
        var empty = Render(new Digest(Day, Fixtures.Noon, 0, []), RenderFormat.Html);
        var full = Render(SeedDigest(), RenderFormat.Html);

        Assert.Contains("No stories for this day.", empty);
        Assert.Contains(">Skip to the briefing</a>", empty);
        Assert.Contains(">Skip to the stories</a>", full);
    }

    [Fact]
    public void ADayOfLargeStoriesRendersWithEveryReportListed()
    {
        // Forty stories of 300 reports each: the page's loop over stories runs 12,000 steps of
        // its stories' coverage lists, which Scriban counts as the outer loop's.
        var html = Renderer(new TemplateOptions { Path = Fixtures.TemplateFolder }).Render(LargeStories(300), RenderFormat.Html, coverageLimit: 0);

        Assert.Contains("https://news.example/39/299", html);
    }

    [Theory]
    [InlineData(RenderFormat.Html, "<a href=\"http://localhost:5080/briefings/2026-11-21/stories/story-7\">{0} more articles: all {1} on the story’s page</a>")]
    [InlineData(RenderFormat.Text, "{0} more articles: all {1} at http://localhost:5080/briefings/2026-11-21/stories/story-7")]
    [InlineData(RenderFormat.Markdown, "{0} more articles: [all {1} on the story’s page](<http://localhost:5080/briefings/2026-11-21/stories/story-7>)")]
    public void AStoryListsItsFirstTenArticlesAndLinksToItsPageForTheRest(RenderFormat format, string more)
    {
        var digest = LargeStories(300);
        var total = digest.Stories[7].Articles.Count;

        var rendering = Render(digest, format);

        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, more, total - 10, total), rendering);
        Assert.Contains("https://news.example/7/4", rendering); // the tenth of the story's articles
        Assert.DoesNotContain("https://news.example/7/5", rendering);
    }

    [Fact]
    public void AMarkdownCitationOfAnArticleTheListLeavesOutLinksItsEntryOnTheStorysPage()
    {
        var digest = HostileDigest();
        var story = digest.Stories[0];

        var markdown = Renderer(Options()).Render(digest, RenderFormat.Markdown, coverageLimit: 1);

        Assert.Contains($"[\\[1\\]](#{story.Id}-1)", markdown);
        Assert.Matches($@"\[\\\[(?<n>[2-9])\\\]\]\(<http://localhost:5080/briefings/2026-11-21/stories/{story.Id}#a-{story.Id}-\k<n>>\)", markdown);
        Assert.DoesNotMatch($@"\]\(#{story.Id}-[2-9]\)", markdown); // no anchor in this rendering to lead to
    }

    [Fact]
    public void AStorysOwnPageListsEveryArticleAndLeadsBackToItsDay()
    {
        var digest = LargeStories(300);
        var links = new LinksView("/", "/briefings/2026-11-21", "/briefings", null);
        var renderer = Renderer(new TemplateOptions { Path = Fixtures.TemplateFolder });

        var page = renderer.RenderStory(digest, "story-7", links)!;

        Assert.Equal(digest.Stories[7].Articles.Count, Regex.Matches(page, "<li id=\"a-story-7-").Count);
        Assert.DoesNotContain("more articles", page);
        Assert.Single(Regex.Matches(page, "<h1[ >]"));
        Assert.Contains("<h1 class=\"headline\" id=\"h-story-7\">", page); // the page's heading is the story's
        Assert.Contains("<h2 class=\"section\">Coverage</h2>", page);
        Assert.DoesNotContain("<h3", page);
        Assert.Contains("href=\"/briefings/2026-11-21#story-story-7\"", page);
        Assert.Contains("story 8 of 40", page);
        Assert.Null(renderer.RenderStory(digest, "no-such-story", links));
    }

    [Fact]
    public void MarkdownRenderingNeitherLinksNorEmbedsAScript()
    {
        var markdown = Render(HostileDigest(), RenderFormat.Markdown);

        Assert.DoesNotContain("<script", markdown, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", markdown, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(RenderFormat.Html)]
    [InlineData(RenderFormat.Text)]
    [InlineData(RenderFormat.Markdown)]
    public async Task WarmingBesideARenderingLeavesNoTraceInIt(RenderFormat format)
    {
        var digest = SeedDigest();
        var expected = Render(digest, format);
        var renderer = Renderer(Options());

        // The warming digest's own words must not reach a rendering made while or after it runs.
        var warming = BuildWarming.Start(new DigestBuilder(), renderer);
        var during = renderer.Render(digest, format);
        await warming;
        renderer.Warm();

        Assert.Equal(expected, during);
        Assert.Equal(expected, renderer.Render(digest, format));
        Assert.DoesNotContain("An earlier headline", expected);
    }

    [Fact]
    public async Task WarmingReportsATemplateThatCannotRender()
    {
        using var folder = new TempFolder();
        Fixtures.CopyTemplatesTo(folder.Path);

        File.WriteAllText(Path.Combine(folder.Path, RenderFormats.TemplateName(RenderFormat.Text)), "{{ for story in digest.stories }}");

        var error = await Assert.ThrowsAsync<TemplateException>(() => BuildWarming.Start(new DigestBuilder(), Renderer(Options(folder.Path))));
        Assert.Contains(RenderFormats.TemplateName(RenderFormat.Text), error.Message);
    }

    [Theory]
    [InlineData(RenderFormat.Html)]
    [InlineData(RenderFormat.Email)]
    [InlineData(RenderFormat.Text)]
    [InlineData(RenderFormat.Markdown)]
    public void RenderingShowsTheHeadlineAndEverySummarySentence(RenderFormat format)
    {
        var digest = SeedDigest();
        var story = Assert.Single(digest.Stories);
        Assert.NotEmpty(story.Summary);

        var visible = Visible(Render(digest, format), format);

        Assert.Contains(story.Headline, visible);
        Assert.All(story.Summary, s => Assert.Contains(s.Text, visible));
    }

    [Theory]
    [InlineData(RenderFormat.Html)]
    [InlineData(RenderFormat.Email)]
    [InlineData(RenderFormat.Text)]
    [InlineData(RenderFormat.Markdown)]
    public void RenderingShowsTheHostileHeadlineAsText(RenderFormat format)
    {
        var digest = HostileDigest();

        Assert.Contains(digest.Stories[0].Headline, Visible(Render(digest, format), format));
    }

    [Theory]
    [InlineData(RenderFormat.Html)]
    [InlineData(RenderFormat.Email)]
    public void ACitationWithoutAUsableUrlLinksToItsCoverageEntryAndNamesOutletAndTitle(RenderFormat format)
    {
        var digest = HostileDigest();
        var story = digest.Stories[0];
        var first = story.Articles[0];

        var html = Render(digest, format);

        var anchor = WebUtility.HtmlEncode($"a-{story.Id}-1");
        var label = WebUtility.HtmlEncode($"Source 1: {first.Source}, “{first.Title}”");
        Assert.Contains($"<li id=\"{anchor}\">", html);
        Assert.Contains($"<a class=\"cite\" href=\"#{anchor}\" aria-label=\"{label}\">[1]</a>", html);
    }

    [Theory]
    [InlineData(RenderFormat.Html)]
    [InlineData(RenderFormat.Email)]
    public void ACitationOfAnArticleTheListLeavesOutLinksItsEntryOnTheStorysPage(RenderFormat format)
    {
        // The script URLs are dropped, so no article has a URL; the list shows the first one only.
        var digest = HostileDigest();
        var story = digest.Stories[0];
        var cited = story.Summary.SelectMany(s => s.Sources).Select(id => story.Articles.Select(a => a.Id).ToList().IndexOf(id) + 1).Where(n => n > 1).Min();

        var html = Renderer(Options()).Render(digest, format, coverageLimit: 1);

        var storyPage = $"http://localhost:5080/briefings/2026-11-21/stories/{story.Id}";
        Assert.Contains($"<a class=\"cite\" href=\"{storyPage}#a-{story.Id}-{cited}\"", html);
        Assert.DoesNotContain($"href=\"#a-{story.Id}-{cited}\"", html); // no entry on this page to lead to
        Assert.Contains($"<a class=\"cite\" href=\"#a-{story.Id}-1\"", html);
    }

    [Fact]
    public void TextRenderingMarksEachSentenceWithItsCitationNumbers()
    {
        var digest = SeedDigest();
        var story = Assert.Single(digest.Stories);

        var text = Render(digest, RenderFormat.Text);

        foreach (var sentence in story.Summary)
        {
            var numbers = sentence.Sources.Select(id => story.Articles.Select(a => a.Id).ToList().IndexOf(id) + 1).Order();
            var markers = string.Concat(numbers.Select(n => $" [{n}]"));
            Assert.Contains(sentence.Text + markers, text);
        }

        Assert.Contains("[1] " + story.Articles[0].Title, text);
    }

    [Theory]
    [InlineData(RenderFormat.Html)]
    [InlineData(RenderFormat.Email)]
    [InlineData(RenderFormat.Text)]
    [InlineData(RenderFormat.Markdown)]
    public void EveryFormatCountsStoriesAndReportsAsASentenceSaysThem(RenderFormat format)
    {
        var digest = SeedDigest();

        var visible = Visible(Render(digest, format), format);

        Assert.Contains("1 story from 5 articles", visible);
        Assert.Contains("5 articles, 4 reports", visible); // 001 and 003 carry one report
        Assert.DoesNotContain("1 stories", visible);
    }

    [Theory]
    [InlineData(RenderFormat.Html)]
    [InlineData(RenderFormat.Email)]
    [InlineData(RenderFormat.Text)]
    [InlineData(RenderFormat.Markdown)]
    public void ArticlesWithoutAKnownOutletAreCountedBesideTheOutletsNamed(RenderFormat format)
    {
        // Seed 001 names its outlet; the other four name none and have no URL to know a site by.
        var digest = SeedDigest();
        Assert.Equal(["Defence Talks"], Assert.Single(digest.Stories).Sources);

        var visible = Visible(Render(digest, format), format);

        Assert.Contains("covered by Defence Talks and 4 articles from unknown sources", visible);
    }

    [Theory]
    [InlineData(RenderFormat.Html)]
    [InlineData(RenderFormat.Email)]
    [InlineData(RenderFormat.Text)]
    [InlineData(RenderFormat.Markdown)]
    public void AFigureSaysWhoGaveItApartFromWhichOutletCarriedIt(RenderFormat format)
    {
        var digest = SeedDigest();
        var story = Assert.Single(digest.Stories);
        var outlet = story.Articles.First(a => a.Source is not null);
        var renamed = digest with { Stories = [story with { Articles = [.. story.Articles.Select(a => a.Id == outlet.Id ? a with { Source = "Defence Talks (Online News)" } : a)] }] };

        var visible = Regex.Replace(Visible(Render(renamed, format), format), "</?strong>|\\*\\*", "");

        Assert.Contains("more than a million artillery shells (South Korea’s military intelligence):", visible);
        Assert.Contains("15 areas, reported by Defence Talks (Online News):", visible);
        Assert.DoesNotContain("))", visible);
    }

    [Fact]
    public void AnArticlesTimeIsShownInUtcAndSaysSo()
    {
        var article = new StoryArticle("a", "A title", "An outlet", null, new DateTimeOffset(2021, 7, 21, 16, 0, 0, TimeSpan.FromHours(-7)));

        Assert.Equal("2021-07-21 23:00 UTC", ArticleView.From(article, "s", 1).Published);
    }

    [Fact]
    public void CoverageNamesEachOutletOnceAndCountsTheUncredited()
    {
        var story = Assert.Single(SeedDigest().Stories);
        var articles = story.Articles.Select((a, i) => i switch
        {
            1 => a with { Url = "https://www.reuters.com/world/asia/eu-korea" },
            2 => a with { Url = "https://apnews.com/article/eu-korea", Source = null },
            3 => a with { Url = "https://www.reuters.com/world/asia/eu-korea-2" },
            _ => a,
        }).ToList();

        Assert.Equal("Defence Talks, reuters.com, apnews.com and 1 article from an unknown source",
            Counts.CoveredBy(articles.Select(a => ArticleView.OutletOf(a, DigestView.SafeUri(a.Url)))));
        Assert.Equal("", Counts.CoveredBy([null, null]));
    }

    [Fact]
    public void CoverageOfManyOutletsNamesTheFirstAndCountsTheRest()
    {
        string?[] outlets = [.. Enumerable.Range(1, 250).Select(i => $"Outlet {i}"), "outlet 3", null, null];

        Assert.Equal("Outlet 1, Outlet 2, Outlet 3, Outlet 4, Outlet 5, Outlet 6, Outlet 7, Outlet 8, 242 other outlets and 2 articles from unknown sources",
            Counts.CoveredBy(outlets));
        Assert.Equal("Outlet 1, Outlet 2, Outlet 3, Outlet 4, Outlet 5, Outlet 6, Outlet 7, Outlet 8 and 1 other outlet",
            Counts.CoveredBy(outlets[..9]));
        Assert.Equal("Outlet 1, Outlet 2, Outlet 3, Outlet 4, Outlet 5, Outlet 6, Outlet 7, Outlet 8",
            Counts.CoveredBy(outlets[..8]));
    }

    [Theory]
    [InlineData(RenderFormat.Html)]
    [InlineData(RenderFormat.Email)]
    [InlineData(RenderFormat.Text)]
    [InlineData(RenderFormat.Markdown)]
    public void AQuotationTakenFromInsideASentenceOpensWithAnEllipsis(RenderFormat format)
    {
        var story = Assert.Single(SeedDigest().Stories);
        Assert.Contains(story.Quotes, q => q.Text.StartsWith("reflect its increasing isolation", StringComparison.Ordinal));
        Assert.Contains(story.Quotes, q => q.Text.StartsWith("Russia’s aggression", StringComparison.Ordinal));

        var visible = Visible(Render(SeedDigest(), format), format);

        Assert.Contains("“…reflect its increasing isolation", visible);
        Assert.Contains("“Russia’s aggression", visible); // a whole statement as it is
    }

    [Theory]
    [InlineData(RenderFormat.Text, " [{0}]")]
    [InlineData(RenderFormat.Markdown, " [[{0}]](#{1}-{0})")]
    [InlineData(RenderFormat.Html, "[{0}]</a>")]
    public void QuotesAndFiguresCiteTheArticleTheyComeFrom(RenderFormat format, string marker)
    {
        var digest = SeedDigest();
        var story = Assert.Single(digest.Stories);
        var number = story.Articles.Select((a, i) => (a.Id, i)).ToDictionary(x => x.Id, x => x.i + 1);
        Assert.NotEmpty(story.Quotes);
        Assert.NotEmpty(story.Figures);

        var visible = Visible(Render(digest, format), format);

        foreach (var (text, end, articleId) in story.Quotes.Select(q => (q.Text, q.Speaker, q.ArticleId))
            .Concat(story.Figures.Select(f => (f.Value, f.Context, f.ArticleId))))
        {
            var at = visible.IndexOf(text, StringComparison.Ordinal);
            Assert.True(at >= 0, text);
            var after = visible[visible.IndexOf(end, at, StringComparison.Ordinal)..];
            Assert.StartsWith(end, after);
            Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, marker, number[articleId], story.Id), after[..Math.Min(after.Length, end.Length + 300)]);
        }
    }

    [Theory]
    [InlineData(RenderFormat.Html)]
    [InlineData(RenderFormat.Text)]
    [InlineData(RenderFormat.Markdown)]
    public void EveryFormatMarksTheCopyOfAReportAndNamesNoUnknownOutletForAFigure(RenderFormat format)
    {
        var digest = SeedDigest();
        var story = Assert.Single(digest.Stories);
        var copy = Assert.Single(story.Articles, a => a.CopyOf is not null);

        var visible = Visible(Render(digest, format), format);

        var line = visible[visible.LastIndexOf(copy.Title, StringComparison.Ordinal)..]; // the coverage list comes last
        Assert.Contains("(same report)", line[..line.IndexOf('\n', StringComparison.Ordinal)]);
        Assert.DoesNotContain("(Unknown source)", visible);
        Assert.Contains(story.Figures, f => f.Speaker is null && story.Articles.Single(a => a.Id == f.ArticleId).Source is null);
    }

    [Theory]
    [InlineData(RenderFormat.Html)]
    [InlineData(RenderFormat.Text)]
    [InlineData(RenderFormat.Markdown)]
    public void AnArticleWithoutANamedOutletIsKnownByItsSite(RenderFormat format)
    {
        var articles = Fixtures.RateDecisionReports()
            .Select(a => a with { Source = null, Url = $"https://www.{a.Id}.example/markets/rates" })
            .ToList();
        var digest = new DigestBuilder().Build(articles, Day, Fixtures.Noon);

        var visible = Visible(Render(digest, format), format);

        Assert.All(articles, a => Assert.Contains($"— {a.Id}.example", visible));
        Assert.DoesNotContain("Unknown source", visible);
        Assert.Contains("covered by " + string.Join(", ", digest.Stories[0].Articles.Select(a => a.Id + ".example")), visible);
    }

    [Fact]
    public async Task EndlessTemplateLoopFailsInsteadOfHanging()
    {
        using var temp = new TempFolder();
        CopyFolder(Fixtures.TemplateFolder, temp.Path);
        File.WriteAllText(Path.Combine(temp.Path, "page.html.sbn"), "{{ while true }}x{{ end }}");
        var options = Options(temp.Path, loopLimit: 50);

        var render = Task.Run(() => Renderer(options).Render(SeedDigest(), RenderFormat.Html));

        // A hang surfaces as a TimeoutException, which fails the assertion.
        var error = await Assert.ThrowsAsync<TemplateException>(() => render.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("page.html.sbn", error.Message);
    }

    [Theory]
    [InlineData("{{ digest.stories[0].headline = 'CHANGED' }}")]
    [InlineData("{{ digest.stories[0].articles[0].title = 'CHANGED' }}")]
    [InlineData("{{ digest.stories[0].summary[0].citations[0].label = 'CHANGED' }}")]
    public void ATemplateCannotChangeWhatOtherRenderingsOfTheDigestShow(string assignment)
    {
        using var temp = new TempFolder();
        CopyFolder(Fixtures.TemplateFolder, temp.Path);
        File.WriteAllText(Path.Combine(temp.Path, "page.html.sbn"), assignment);
        var digest = SeedDigest();
        var before = Render(digest, RenderFormat.Html);

        Assert.Throws<TemplateException>(() => Renderer(Options(temp.Path)).Render(digest, RenderFormat.Html));

        Assert.Equal(before, Render(digest, RenderFormat.Html));
        Assert.DoesNotContain("CHANGED", before);
    }

    [Fact]
    public void BrokenTemplateFailsWithTemplateException()
    {
        using var temp = new TempFolder();
        CopyFolder(Fixtures.TemplateFolder, temp.Path);
        File.WriteAllText(Path.Combine(temp.Path, "digest.txt.sbn"), "{{ for x in }}");

        Assert.Throws<TemplateException>(() => Renderer(Options(temp.Path)).Render(SeedDigest(), RenderFormat.Text));
    }

    [Fact]
    public void TemplatesAreParsedOnce()
    {
        var library = new TemplateLibrary(Options());

        Assert.Same(library.Get("page.html.sbn"), library.Get("page.html.sbn"));
        Assert.NotSame(library.Get("page.html.sbn"), library.Get("digest.txt.sbn"));
    }

    [Fact]
    public void TemplateNamesOutsideTheFolderAreRefused() =>
        Assert.Throws<TemplateException>(() => new TemplateLibrary(Options()).Get("../seeds/000_32021d3e988fdb95.txt"));

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
