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
/// An include that is a statement of its own, unindented, writes straight into the output instead:
/// its text would be written there unchanged, so the copy and the string are saved.
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
        if (WritesStraightThrough(context, callerContext))
        {
            context.PushOutput(new ForwardedOutput(context.Output));
            try
            {
                context.EnterRecursive(callerContext);
                template.Render(context);
                context.ExitRecursive(callerContext);
                return "";
            }
            finally
            {
                context.PopOutput();
            }
        }

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

    /// <summary>
    /// True when the call is a statement by itself (<c>{{ include 'x' }}</c>, not part of an
    /// expression, an assignment or a pipe) with no indentation to add to its lines: then the block
    /// around it writes the included text as it is to the current output, which the included
    /// template's own writes can reach directly.
    /// </summary>
    private static bool WritesStraightThrough(TemplateContext context, ScriptNode? callerContext) =>
        callerContext?.Parent is ScriptExpressionStatement { CanOutput: true } statement
        && statement.Expression == callerContext
        && statement.Parent?.Parent is ScriptBlockStatement
        && context.EnableOutput
        && string.IsNullOrEmpty(context.CurrentIndent);

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

/// <summary>Passes what is written on to another output; its text as a whole is empty, as it was written there.</summary>
internal sealed class ForwardedOutput(IScriptOutput target) : IScriptOutput
{
    public void Write(string text, int offset, int count) => target.Write(text, offset, count);

    public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken) =>
        target.WriteAsync(text, offset, count, cancellationToken);

    public override string ToString() => "";
}
