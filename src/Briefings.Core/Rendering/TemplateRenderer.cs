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
    public string Render(string name, object model)
    {
        var globals = new ScriptObject();
        globals.Import(new { site = new { name = "Briefings", base_url = options.PublicBaseUrl.TrimEnd('/') } });
        globals.Import(model);
        var context = new TemplateContext
        {
            TemplateLoader = templates,
            LoopLimit = options.LoopLimit,
            RecursiveLimit = options.RecursiveLimit,
            OutputLimit = options.OutputLimit,
            OnOutputLimit = ScriptLimitBehavior.Throw,
            LimitToString = 64 * 1024,
            RegexTimeOut = TimeSpan.FromSeconds(1),
            StrictVariables = false,
            EnableRelaxedMemberAccess = true,
        };
        context.PushGlobal(globals);
        try
        {
            return templates.Get(name).Render(context);
        }
        catch (ScriptRuntimeException e)
        {
            throw new TemplateException($"Rendering {name} failed: {e.OriginalMessage}", e);
        }
    }
}
