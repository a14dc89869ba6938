using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Scriban;
using Scriban.Functions;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Briefings.Core.Rendering;

/// <summary>
/// Parses each template once and keeps it; also the loader for <c>include</c>, which only
/// reaches files inside the template folder.
/// </summary>
public sealed class TemplateLibrary(TemplateOptions options) : ITemplateLoader
{
    private readonly ConcurrentDictionary<string, Lazy<Template>> _templates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Template>> _included = new(StringComparer.Ordinal);
    private readonly string _root = Path.GetFullPath(options.Path);

    private const int MaxKeptOutput = 1024 * 1024;

    [ThreadStatic]
    private static StringBuilder? t_output;

    /// <summary>
    /// Functions the templates may call beside Scriban's own: <c>markdown.escape</c>, and <c>include</c>
    /// reusing its buffers; <c>html.escape</c> is Scriban's, called without its reflection-based binding.
    /// </summary>
    private static readonly ScriptObject Functions = CreateFunctions();

    /// <summary>
    /// Scriban's built-in functions, made once for every rendering: a context made without them
    /// builds its own set, dozens of function objects, each time. Read-only, as renderings write
    /// their variables to their own globals.
    /// </summary>
    private static readonly ScriptObject Builtins = CreateBuiltins();

    public string Root => _root;

    public Template Get(string name) => _templates.GetOrAdd(name, n => new Lazy<Template>(() => Parse(n))).Value;

    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        var path = Resolve(templateName);
        _included.GetOrAdd(path, p => new Lazy<Template>(() => ParseFile(p)));
        return path;
    }

    /// <summary>
    /// Renders a template with the globals given, under the configured limits (loops, recursion,
    /// output size, regex time): the one place every rendering gets its context.
    /// </summary>
    public string Render(string name, ScriptObject globals)
    {
        var template = Get(name);
        var context = new RenderContext(Builtins)
        {
            TemplateLoader = this,
            LoopLimit = options.LoopLimit,
            RecursiveLimit = options.RecursiveLimit,
            OutputLimit = options.OutputLimit,
            OnOutputLimit = ScriptLimitBehavior.Throw,
            LimitToString = 64 * 1024,
            RegexTimeOut = TimeSpan.FromSeconds(1),
            StrictVariables = false,
            EnableRelaxedMemberAccess = true,
        };
        ShareIncludes(context);
        context.PushGlobal(Functions);
        context.PushGlobal(globals);
        var output = t_output ?? new StringBuilder(16 * 1024);
        t_output = null;
        output.Clear();
        context.PushOutput(new StringBuilderOutput(output));
        try
        {
            return template.Render(context);
        }
        catch (ScriptRuntimeException e)
        {
            throw new TemplateException($"Rendering {name} failed: {e.OriginalMessage}", e);
        }
        finally
        {
            // The next rendering on this thread writes into the same buffer, grown to the size of
            // the last page, instead of growing a new one block by block.
            if (output.Capacity <= MaxKeptOutput)
            {
                t_output = output;
            }
        }
    }

    /// <summary>
    /// Hands a rendering the partials earlier renderings included, already parsed, so an
    /// <c>include</c> inside a loop costs a lookup rather than a read and a parse per rendering.
    /// </summary>
    public void ShareIncludes(TemplateContext context)
    {
        foreach (var (path, template) in _included)
        {
            context.CachedTemplates[path] = template.Value;
        }
    }

    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) => File.ReadAllText(templatePath);

    public async ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        await File.ReadAllTextAsync(templatePath);

    private static ScriptObject CreateBuiltins()
    {
        var builtins = TemplateContext.GetDefaultBuiltinObject();
        builtins.IsReadOnly = true;
        return builtins;
    }

    private static ScriptObject CreateFunctions()
    {
        var markdown = new ScriptObject { ["escape"] = new TextFunction("text", MarkdownText.Escape) };
        // Scriban's html functions, with escape (the same WebUtility.HtmlEncode) called directly.
        var html = new HtmlFunctions { ["escape"] = new TextFunction("text", WebUtility.HtmlEncode) };
        var functions = new ScriptObject { ["markdown"] = markdown, ["html"] = html, ["include"] = new ReusedOutputInclude() };
        markdown.IsReadOnly = true;
        html.IsReadOnly = true;
        functions.IsReadOnly = true;
        return functions;
    }

    private Template Parse(string name) => ParseFile(Resolve(name));

    private Template ParseFile(string path)
    {
        var template = Template.Parse(File.ReadAllText(path), path);
        if (template.HasErrors)
        {
            throw new TemplateException($"The template {Path.GetRelativePath(_root, path)} has errors: {string.Join("; ", template.Messages)}");
        }

        return template;
    }

    private string Resolve(string name)
    {
        var path = Path.GetFullPath(Path.Combine(_root, name));
        if (!path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new TemplateException($"The template name '{name}' points outside the template folder.");
        }

        if (!File.Exists(path))
        {
            throw new TemplateException($"The template '{name}' was not found in {_root}.");
        }

        return path;
    }
}

/// <summary>A template is missing, broken, or broke a limit while rendering.</summary>
public sealed class TemplateException(string message, Exception? inner = null) : Exception(message, inner);
