using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Briefings.Core.Rendering;

/// <summary>
/// A template function from text to text, such as <c>html.escape</c>, called directly. Scriban calls
/// a .NET method it imports through a wrapper that converts the argument a second time and, for a
/// delegate, invokes it by reflection; the escaping functions run at nearly every value a page
/// shows. The argument arrives as text: Scriban converts it as for any parameter declared a string.
/// </summary>
internal sealed class TextFunction(string parameterName, Func<string?, string?> function) : IScriptCustomFunction
{
    public int RequiredParameterCount => 1;

    public int ParameterCount => 1;

    public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;

    public Type ReturnType => typeof(string);

    public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(string), parameterName);

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        function(arguments[0] as string ?? context.ObjectToString(arguments[0]));

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
}
