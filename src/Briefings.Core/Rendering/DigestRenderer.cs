using Briefings.Core.Digests;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Briefings.Core.Rendering;

/// <summary>Renders a digest through the Scriban templates, with Scriban's safety limits set explicitly.</summary>
public sealed class DigestRenderer(TemplateLibrary templates, TemplateOptions options)
{
    public string Render(Digest digest, RenderFormat format, LinksView? links = null)
    {
        links ??= DefaultLinks(digest.Date);
        var model = new ScriptObject();
        model.Import(new { digest = DigestView.From(digest, links), site = new { name = "Briefings", base_url = options.PublicBaseUrl.TrimEnd('/') } });
        return RenderTemplate(RenderFormats.TemplateName(format), model);
    }

    public LinksView DefaultLinks(DateOnly date)
    {
        var site = options.PublicBaseUrl.TrimEnd('/');
        return new LinksView(site + "/", $"{site}/briefings/{date:yyyy-MM-dd}", $"{site}/api/briefings", null);
    }

    private string RenderTemplate(string name, ScriptObject model)
    {
        var template = templates.Get(name);
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
        templates.ShareIncludes(context);
        context.PushGlobal(model);
        try
        {
            return template.Render(context);
        }
        catch (ScriptRuntimeException e)
        {
            throw new TemplateException($"Rendering {name} failed: {e.OriginalMessage}", e);
        }
    }
}
