using Briefings.Core.Digests;
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

    /// <summary>
    /// Renders a digest in a format; with <c>coverageLimit</c> above 0, at most that many articles
    /// are listed under each story (each story's <c>coverage</c> and <c>more_reports</c>, and the
    /// templates' <c>coverage_limit</c>; the email sets it).
    /// </summary>
    public string Render(Digest digest, RenderFormat format, LinksView? links = null, int coverageLimit = 0) =>
        Render(digest, RenderFormats.TemplateName(format), links, coverageLimit);

    public string Render(Digest digest, string templateName, LinksView? links = null, int coverageLimit = 0)
    {
        links ??= DefaultLinks(digest.Date);
        var model = new ScriptObject
        {
            ["digest"] = DigestView.From(digest, links, coverageLimit),
            ["site"] = _site,
            ["coverage_limit"] = coverageLimit > 0 ? coverageLimit : null,
        };
        return RenderTemplate(templateName, model);
    }

    public string RenderArchive(ArchiveView archive)
    {
        var model = new ScriptObject { ["archive"] = archive, ["site"] = _site };
        return RenderTemplate(ArchiveTemplate, model);
    }

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
