using Briefings.Core.Rendering;
using Scriban;
using Scriban.Runtime;

namespace Briefings.Core.Tests.Rendering;

/// <summary>The library's <c>include</c> (which reuses its buffers) renders what Scriban's own include renders.</summary>
public sealed class IncludeTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>main.sbn rendered by the library (twice) and by Scriban's own include.</summary>
    private (string Ours, string Scribans, string Again) RenderMainBothWays()
    {
        var library = new TemplateLibrary(new TemplateOptions { Path = _temp.Path });
        var ours = library.Render("main.sbn", new ScriptObject { ["name"] = "n" });
        var context = new TemplateContext { TemplateLoader = library };
        context.PushGlobal(new ScriptObject { ["name"] = "n" });
        var scribans = library.Get("main.sbn").Render(context);
        return (ours, scribans, library.Render("main.sbn", new ScriptObject { ["name"] = "n" }));
    }

    [Fact]
    public void IncludesInLoopsNestedWithArgumentsAndAsValuesRenderAsScribansOwn()
    {
        File.WriteAllText(Path.Combine(_temp.Path, "main.sbn"),
            "{{ for i in 1..3 }}[{{ include 'part.sbn' i 'x' }}]{{ end }}|{{ shout = include 'part.sbn' 9 'y' | string.upcase }}{{ shout }}|{{ include 'leaf.sbn' }}|{{ name }}");
        File.WriteAllText(Path.Combine(_temp.Path, "part.sbn"), "{{ $[0] }}{{ $[1] }}<{{ include 'leaf.sbn' }}>{{ name }}");
        File.WriteAllText(Path.Combine(_temp.Path, "leaf.sbn"), "{{ for j in 1..2 }}{{ j }}{{ end }}");
        var (ours, scribans, again) = RenderMainBothWays();

        Assert.Equal(scribans, ours);
        Assert.Contains("<12>", ours);
        Assert.Equal(ours, again); // the kept buffers start empty
    }

    [Fact]
    public void IncludesAsStatementsCapturedAndInFunctionsRenderAsScribansOwn()
    {
        File.WriteAllText(Path.Combine(_temp.Path, "main.sbn"),
            "a\n{{ include 'multi.sbn' }}\n{{ include 'multi.sbn' }}\n{{ capture c }}{{ include 'multi.sbn' }}{{ end }}[{{ c }}]\n"
            + "{{ func f }}{{ include 'multi.sbn' }}{{ end }}{{ f }}|{{ x = f }}{{ x }}\n{{ if true }}\n{{- include 'multi.sbn' -}}\n{{ end }}\n"
            + "{{ for i in 1..2 }}\n{{ include 'multi.sbn' }}{{ include 'empty.sbn' }}\n{{ end }}z");
        File.WriteAllText(Path.Combine(_temp.Path, "multi.sbn"), "line1\n  {{ name }}\n  {{ include 'empty.sbn' }}line3\n");
        File.WriteAllText(Path.Combine(_temp.Path, "empty.sbn"), "");
        var (ours, scribans, again) = RenderMainBothWays();

        Assert.Equal(scribans, ours);
        Assert.Equal(ours, again);
    }
}
