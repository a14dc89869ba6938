using System.Text.Json;
using Briefings.Core.Digests;
using Briefings.Core.Json;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Briefings.Core.Rendering;

/// <summary>Renders a digest through the Scriban templates, with Scriban's safety limits set explicitly.</summary>
public sealed class DigestRenderer(TemplateLibrary templates, TemplateOptions options)
{
    /// <summary>The archive page (<c>archive.html.sbn</c>).</summary>
    public const string ArchiveTemplate = "archive.html.sbn";

    /// <summary>A digest's stories as an HTML fragment, the content of its feed entry (<c>feed-entry.html.sbn</c>).</summary>
    public const string FeedEntryTemplate = "feed-entry.html.sbn";

    /// <summary>A story's own page, which lists every article of it (<c>story.html.sbn</c>).</summary>
    public const string StoryTemplate = "story.html.sbn";

    /// <summary>
    /// Renders a digest in a format. At most <paramref name="coverageLimit"/> articles are listed
    /// under each story (each story's <c>coverage</c> and <c>more_reports</c>, and the templates'
    /// <c>coverage_limit</c>): by default <see cref="TemplateOptions.CoverageLimit"/>; 0 lists them all.
    /// </summary>
    public string Render(Digest digest, RenderFormat format, LinksView? links = null, int? coverageLimit = null) =>
        Render(digest, RenderFormats.TemplateName(format), links, coverageLimit);

    public string Render(Digest digest, string templateName, LinksView? links = null, int? coverageLimit = null)
    {
        links ??= DefaultLinks(digest.Date);
        var limit = coverageLimit ?? options.CoverageLimit;
        var model = new ScriptObject
        {
            ["digest"] = DigestView.From(digest, links, limit),
            ["site"] = _site,
            ["coverage_limit"] = limit > 0 ? limit : null,
        };
        return RenderTemplate(templateName, model);
    }

    /// <summary>
    /// A story's own page, listing every article of it, with <paramref name="links"/> leading back
    /// to its day; null when the digest has no story of that id.
    /// </summary>
    public string? RenderStory(Digest digest, string storyId, LinksView links)
    {
        var view = DigestView.From(digest, links);
        if (view.Stories.FirstOrDefault(s => s.Id == storyId) is not { } story)
        {
            return null;
        }

        var model = new ScriptObject { ["digest"] = view, ["story"] = story, ["site"] = _site };
        return RenderTemplate(StoryTemplate, model);
    }

    /// <summary>The renderings a build stores beside the digest's JSON: the page, text and Markdown (an email is rendered when it is sent).</summary>
    public static IReadOnlyList<RenderFormat> StoredFormats { get; } = [RenderFormat.Html, RenderFormat.Text, RenderFormat.Markdown];

    /// <summary>Renders a digest in each of <see cref="StoredFormats"/>.</summary>
    public Dictionary<RenderFormat, string> RenderStored(Digest digest) =>
        StoredFormats.ToDictionary(format => format, format => Render(digest, format));

    public string RenderArchive(ArchiveView archive)
    {
        var model = new ScriptObject { ["archive"] = archive, ["site"] = _site };
        return RenderTemplate(ArchiveTemplate, model);
    }

    /// <summary>
    /// Renders a small digest in each format a build saves, and as the JSON saved beside them, and
    /// drops the results, so that the templates are parsed and the code these run through is
    /// compiled before a day's digest needs it: the first rendering of a process costs some 200 ms
    /// of that, on one core. A job starts this in the background (<see cref="BuildWarming"/>)
    /// while it reads the day's articles. Safe to call at any time and more than once.
    /// </summary>
    public void Warm()
    {
        JsonSerializer.SerializeToUtf8Bytes(WarmingDigest, BriefingsJsonContext.Default.Digest);
        RenderStored(WarmingDigest);
    }

    // Everything a story can show, so each template takes its every branch once.
    private static readonly Digest WarmingDigest = new(
        new DateOnly(2000, 1, 1),
        DateTimeOffset.UnixEpoch,
        2,
        [
            new Story(
                "warm",
                "A headline",
                [new SummarySentence("A sentence.", ["a", "b"])],
                [
                    new StoryArticle("a", "A title", "An outlet", "https://example.org/a", DateTimeOffset.UnixEpoch),
                    new StoryArticle("b", "A title", "Another outlet", "https://example.org/b", DateTimeOffset.UnixEpoch, CopyOf: "a"),
                    .. Enumerable.Range(1, 10).Select(i => new StoryArticle($"c{i}", "A title", $"Outlet {i}", null, null)), // more than a list shows
                ],
                ["An outlet", "Another outlet"],
                1,
                [new Quote("Words", "A speaker", "a")],
                [new Figure("12", "12 of them", "A speaker", "a"), new Figure("13", "13 of them", null, "b")])
            {
                Developing = new Continuity(new DateOnly(1999, 12, 31), 2, 1, "An earlier headline"),
            },
        ]);

    /// <summary>Absolute links for renderings read away from the site: email, feeds, stored files.</summary>
    public LinksView DefaultLinks(DateOnly date)
    {
        var site = options.PublicBaseUrl.TrimEnd('/');
        return new LinksView(site + "/", $"{site}/briefings/{date:yyyy-MM-dd}", $"{site}/briefings", null);
    }

    // One object for every rendering, set as it is: importing a new anonymous object read its
    // properties by reflection each time, and the runtime kept compiling fresh invokers for them.
    private readonly object _site = TemplateRenderer.Site(options);

    private string RenderTemplate(string name, ScriptObject model) => templates.Render(name, model);
}
