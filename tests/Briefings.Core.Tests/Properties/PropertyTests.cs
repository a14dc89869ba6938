using System.Text.Json;
using AngleSharp.Html.Parser;
using Briefings.Core.Articles;
using Briefings.Core.Digests;
using Briefings.Core.Json;
using Briefings.Core.Rendering;
using Briefings.Core.Storage;
using CsCheck;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Briefings.Core.Tests.Properties;

/// <summary>Properties that hold for any article and any day, sampled with CsCheck (failures shrink to a small case).</summary>
public sealed class PropertyTests
{
    private static readonly DateOnly Day = new(2026, 11, 21);

    private static readonly TemplateOptions Templates = new() { Path = Fixtures.TemplateFolder };

    private static readonly DigestRenderer Renderer = new(new TemplateLibrary(Templates), Templates);

    private static string Json(Digest digest) => JsonSerializer.Serialize(digest, BriefingsJsonContext.Default.Digest);

    [Fact]
    public void IngestingAnyArticleTwiceStoresItOnce()
    {
        ArticleGen.File().Sample(file =>
        {
            using var temp = new TempFolder();
            var store = new FileBlobStore(temp.Path);
            var options = new IngestOptions { MinWords = 1 };
            var clock = new DigestClock(Options.Create(new DigestOptions()), TimeProvider.System);
            var handler = new IngestHandler(store, Fixtures.Reader(options), new ArticleStore(store, clock), options, TimeProvider.System, NullLogger<IngestHandler>.Instance);
            var extension = Path.GetExtension(file.Name);
            store.PutAsync(Containers.Inbox, "first" + extension, file.Content).GetAwaiter().GetResult();
            store.PutAsync(Containers.Inbox, "second" + extension, file.Content).GetAwaiter().GetResult();

            var first = handler.IngestAsync("first" + extension).GetAwaiter().GetResult();
            var again = handler.IngestAsync("first" + extension).GetAwaiter().GetResult();
            var second = handler.IngestAsync("second" + extension).GetAwaiter().GetResult();

            var stored = store.ListAsync(Containers.Articles).ToListAsync().AsTask().GetAwaiter().GetResult();
            if (first.Status == IngestStatus.Poisoned)
            {
                Assert.Equal(IngestStatus.Poisoned, second.Status);
                Assert.Empty(stored);
                return;
            }

            Assert.Equal(IngestStatus.Ingested, first.Status);
            Assert.Equal(IngestStatus.AlreadyDone, again.Status);
            Assert.Equal(IngestStatus.Duplicate, second.Status);
            Assert.Equal(first.ArticleId, second.ArticleId);
            Assert.Single(stored);
        }, iter: 60, threads: 1);
    }

    [Fact]
    public void TheDigestDoesNotDependOnIngestOrder()
    {
        var gen = from articles in ArticleGen.Day(Fixtures.Noon.AddHours(-12), 24)
                  from shuffled in Gen.Shuffle(articles.ToArray())
                  select (articles, shuffled);

        gen.Sample((articles, shuffled) =>
        {
            var builder = new DigestBuilder();
            Assert.Equal(Json(builder.Build(articles, Day, Fixtures.Noon)), Json(builder.Build(shuffled, Day, Fixtures.Noon)));
        }, iter: 100);
    }

    [Fact]
    public void EverySummarySentenceCitesOnlyArticlesOfItsOwnStory()
    {
        ArticleGen.Day(Fixtures.Noon.AddHours(-12), 30).Sample(articles =>
        {
            var digest = new DigestBuilder().Build(articles, Day, Fixtures.Noon);
            Assert.Equal(articles.Length, digest.Stories.Sum(s => s.Articles.Count));
            foreach (var story in digest.Stories)
            {
                var ids = story.Articles.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
                foreach (var sentence in story.Summary)
                {
                    Assert.NotEmpty(sentence.Sources);
                    Assert.All(sentence.Sources, id => Assert.Contains(id, ids));
                }

                Assert.All(story.Quotes, q => Assert.Contains(q.ArticleId, ids));
                Assert.All(story.Figures, f => Assert.Contains(f.ArticleId, ids));
            }
        }, iter: 100);
    }

    [Fact]
    public void RenderingAnyDigestYieldsWellFormedHtml()
    {
        var strict = new HtmlParser(new HtmlParserOptions { IsStrictMode = true });
        ArticleGen.Day(Fixtures.Noon.AddHours(-12), 20).Sample(articles =>
        {
            var digest = new DigestBuilder().Build(articles, Day, Fixtures.Noon);
            foreach (var format in new[] { RenderFormat.Html, RenderFormat.Email })
            {
                var html = Renderer.Render(digest, format);

                // Strict mode throws on the first parse error: unclosed or misnested elements, stray end tags, bad attributes.
                var document = strict.ParseDocument(html);
                Assert.Equal(digest.Stories.Count, document.QuerySelectorAll("article").Length);
                Assert.Empty(document.QuerySelectorAll("script"));
            }

            strict.ParseDocument("<!DOCTYPE html><html><head><title>x</title></head><body>" + Renderer.Render(digest, DigestRenderer.FeedEntryTemplate) + "</body></html>");
        }, iter: 60);
    }
}
