using Briefings.Core.Rendering;

namespace Briefings.Core.Tests.Rendering;

public sealed class MarkdownTextTests
{
    [Theory]
    [InlineData("Plain words, 12,000 troops.", "Plain words, 12,000 troops.")]
    [InlineData("*bold* and _under_", "\\*bold\\* and \\_under\\_")]
    [InlineData("[link](javascript:alert(1))", "\\[link\\](javascript:alert(1))")]
    [InlineData("a `code` span", "a \\`code\\` span")]
    [InlineData("<script>x</script>", "&lt;script>x&lt;/script>")]
    [InlineData("back\\slash", "back\\\\slash")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void EscapesWhatWouldBecomeMarkup(string? text, string expected) =>
        Assert.Equal(expected, MarkdownText.Escape(text));

    [Fact]
    public void TextWithNothingToEscapeIsReturnedAsItIs()
    {
        var text = "Ministers met on Tuesday.";
        Assert.Same(text, MarkdownText.Escape(text));
    }
}
