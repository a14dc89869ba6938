using System.Text;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Briefings.Core.Rendering;

/// <summary>
/// <c>include</c> as Scriban's own does it (the template loader finds and checks the name, the
/// parsed template is cached in the context, the call's arguments become <c>$</c>, the recursion limit
/// holds, the rendered text is the result), except that it renders into a buffer this thread keeps
/// for its depth of nesting. Scriban's makes a new one per call, grown block by block; a page
/// includes its story partial once per story, and growing those buffers was a third of rendering it.
/// </summary>
internal sealed class ReusedOutputInclude : IScriptCustomFunction
{
    /// <summary>Buffers larger than this are let go after use, so one huge partial does not stay in memory.</summary>
    private const int MaxKeptCapacity = 256 * 1024;

    [ThreadStatic]
    private static List<StringBuilderOutput>? t_outputs;

    [ThreadStatic]
    private static int t_depth;

    public int RequiredParameterCount => 1;

    public int ParameterCount => 1;

    public ScriptVarParamKind VarParamKind => ScriptVarParamKind.Direct;

    public Type ReturnType => typeof(string);

    public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(object), index == 0 ? "name" : "arguments");

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray parameters, ScriptBlockStatement? blockStatement)
    {
        var template = Load(context, callerContext, parameters);
        var outputs = t_outputs ??= [];
        var depth = t_depth;
        if (outputs.Count == depth)
        {
            outputs.Add(new StringBuilderOutput(new StringBuilder(8 * 1024)));
        }

        var output = outputs[depth];
        output.Builder.Clear();
        context.PushOutput(output);
        t_depth = depth + 1;
        try
        {
            context.EnterRecursive(callerContext);
            var text = template.Render(context);
            context.ExitRecursive(callerContext);
            return text;
        }
        finally
        {
            t_depth = depth;
            context.PopOutput();
            if (output.Builder.Capacity > MaxKeptCapacity)
            {
                outputs[depth] = new StringBuilderOutput(new StringBuilder(8 * 1024));
            }
        }
    }

    public async ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray parameters, ScriptBlockStatement? blockStatement)
    {
        // An asynchronous rendering may move between threads, so it gets a buffer of its own.
        var template = Load(context, callerContext, parameters);
        context.PushOutput(new StringBuilderOutput());
        try
        {
            context.EnterRecursive(callerContext);
            var text = await template.RenderAsync(context);
            context.ExitRecursive(callerContext);
            return text;
        }
        finally
        {
            context.PopOutput();
        }
    }

    private static Template Load(TemplateContext context, ScriptNode? callerContext, ScriptArray parameters)
    {
        var span = callerContext?.Span ?? default;
        var name = parameters.Count == 0 ? null : context.ObjectToString(parameters[0], false);
        if (string.IsNullOrEmpty(name))
        {
            throw new ScriptRuntimeException(span, "include needs the name of the template to include.");
        }

        var loader = context.TemplateLoader
            ?? throw new ScriptRuntimeException(span, $"Cannot include '{name}': no template loader.");
        var path = loader.GetPath(context, span, name)
            ?? throw new ScriptRuntimeException(span, $"Cannot include '{name}': the loader found no path.");
        // As Scriban's: $[0] is the name, then the arguments; a copy, as the call's array may be reused.
        var arguments = new ScriptArray(parameters.Count);
        for (var i = 0; i < parameters.Count; i++)
        {
            arguments[i] = parameters[i];
        }

        context.SetValue(ScriptVariable.Arguments, arguments, true, true);
        if (!context.CachedTemplates.TryGetValue(path, out var template))
        {
            template = Template.Parse(loader.Load(context, span, path) ?? "", path);
            if (template.HasErrors)
            {
                throw new ScriptRuntimeException(span, $"The template '{name}' has errors: {string.Join("; ", template.Messages)}");
            }

            context.CachedTemplates[path] = template;
        }

        return template;
    }
}
