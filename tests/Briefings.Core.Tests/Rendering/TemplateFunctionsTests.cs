using Briefings.Core.Rendering;
using Scriban;
using Scriban.Runtime;

namespace Briefings.Core.Tests.Rendering;

/// <summary>The library's escaping functions, called directly, render what Scriban's own render.</summary>
public sealed class TemplateFunctionsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void HtmlFunctionsRenderAsScribansOwnForTextNumbersAndNothing()
    {
        const string Text = "{{ x | html.escape }}|{{ html.escape x }}|{{ 42 | html.escape }}|{{ nothing | html.escape }}|"
            + "{{ (nothing | html.escape) == null }}|{{ x | html.url_encode }}|{{ x | html.strip }}|{{ x | html.newline_to_br }}";
        File.WriteAllText(Path.Combine(_temp.Path, "t.sbn"), Text);
        const string Hostile = "<script>alert('x')</script> & \"quotes\" é \u00a0 “curly” \n line";
        var library = new TemplateLibrary(new TemplateOptions { Path = _temp.Path });

        var ours = library.Render("t.sbn", new ScriptObject { ["x"] = Hostile });
        var context = new TemplateContext();
        context.PushGlobal(new ScriptObject { ["x"] = Hostile });
        var scribans = Template.Parse(Text).Render(context);

        Assert.Equal(scribans, ours);
        Assert.Contains("&lt;script&gt;", ours);
    }

    [Fact]
    public void MarkdownEscapeTakesAnyValueAsText() =>
        Assert.Equal(@"a\*b|42|", Render("{{ 'a*b' | markdown.escape }}|{{ 42 | markdown.escape }}|{{ nothing | markdown.escape }}"));

    [Fact]
    public void ARenderingThatNamesItsVariablesAfterBuiltInsLeavesThemToTheNext()
    {
        // The built-in functions are one set for every rendering: a rendering that assigns to their
        // names (at the top, and inside an object of theirs) sets variables of its own.
        Assert.Equal("1|true", Render("{{ string = 1; math = {} }}{{ string }}|{{ math.round == null }}"));
        Assert.Equal("ABC|3", Render("{{ 'abc' | string.upcase }}|{{ math.round 2.5 + 0.1 }}"));
    }

    private string Render(string template)
    {
        File.WriteAllText(Path.Combine(_temp.Path, "m.sbn"), template);
        return new TemplateLibrary(new TemplateOptions { Path = _temp.Path }).Render("m.sbn", new ScriptObject());
    }
}
