using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Briefings.Core.Rendering;

/// <summary>
/// Renders any template in the library (pages and emails beyond the digest) under the same
/// limits as the digest; the model is imported beside <c>site</c>.
/// </summary>
public sealed class TemplateRenderer(TemplateLibrary templates, TemplateOptions options)
{
    private readonly object _site = Site(options);

    public string Render(string name, object model)
    {
        var globals = new ScriptObject { ["site"] = _site };
        globals.Import(model);
        return templates.Render(name, globals);
    }

    /// <summary>What every template sees as <c>site</c>: its name and public address.</summary>
    internal static object Site(TemplateOptions options) => new { name = "Briefings", base_url = options.PublicBaseUrl.TrimEnd('/') };
}
