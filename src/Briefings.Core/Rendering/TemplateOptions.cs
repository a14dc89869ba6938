using System.ComponentModel.DataAnnotations;

namespace Briefings.Core.Rendering;

/// <summary>Where the Scriban templates live and the limits they render under (section <c>Briefings:Templates</c>).</summary>
public sealed class TemplateOptions : IValidatableObject
{
    /// <summary>The folder of templates; by default <c>templates/</c> beside the app.</summary>
    public string Path { get; set; } = System.IO.Path.Combine(AppContext.BaseDirectory, "templates");

    /// <summary>
    /// Iterations a loop may run, counting the steps of the loops inside it (Scriban counts
    /// them together until the outermost loop ends): the page's loop over stories runs every
    /// story's coverage list, and a day's largest stories list hundreds of reports each. A guard
    /// against a template that never ends, not a limit on a day's news.
    /// </summary>
    public int LoopLimit { get; set; } = 1_000_000;

    /// <summary>Depth of nested includes and function calls.</summary>
    public int RecursiveLimit { get; set; } = 32;

    /// <summary>
    /// Characters one rendering may produce (16 M): a guard against a template that never stops
    /// writing. A story's own page lists every report of it, and a day's largest stories run to
    /// hundreds of reports.
    /// </summary>
    public int OutputLimit { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// How many of a story's articles the page, its feed entry, the text and the Markdown list:
    /// the most central first, among them every article its summary, quotes and figures cite
    /// (<c>SummaryOptions.ArticlesRead</c>, also 10). The rest are counted, with a link to the
    /// story's own page, which lists them all. A day's largest stories have hundreds of articles.
    /// 0 lists every article.
    /// </summary>
    public int CoverageLimit { get; set; } = 10;

    /// <summary>The public address of the web page, used for links in emails and feeds.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>Checked when the app starts: a wrong value here would break every email's links, or every page, hours later.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var site) || site.Scheme is not ("http" or "https") || site.Query.Length > 0 || site.Fragment.Length > 0)
        {
            yield return new ValidationResult(
                $"Briefings:Templates:PublicBaseUrl must be the site's absolute http or https address, such as https://briefings.example; it is \"{PublicBaseUrl}\".",
                [nameof(PublicBaseUrl)]);
        }

        if (!Directory.Exists(Path))
        {
            yield return new ValidationResult($"Briefings:Templates:Path names no folder: \"{Path}\".", [nameof(Path)]);
        }
    }
}
