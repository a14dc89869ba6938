using Briefings.Core.Http;

namespace Briefings.Core.Tests.Http;

public sealed class RepresentationTests
{
    [Theory]
    [InlineData(null, Representation.Json)]
    [InlineData("", Representation.Json)]
    [InlineData("*/*", Representation.Json)]
    [InlineData("application/json", Representation.Json)]
    [InlineData("text/html", Representation.Html)]
    [InlineData("TEXT/HTML; charset=utf-8", Representation.Html)]
    [InlineData("text/markdown", Representation.Markdown)]
    [InlineData("text/plain", Representation.Text)]
    [InlineData("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", Representation.Html)]
    [InlineData("application/json;q=0.2, text/plain;q=0.9", Representation.Text)]
    [InlineData("image/png, text/markdown;q=0.1", Representation.Markdown)]
    [InlineData("text/html;q=0, */*", Representation.Json)]
    [InlineData("text/html;q=0, text/*", Representation.Markdown)]
    [InlineData("application/json;q=0, */*", Representation.Html)]
    [InlineData("text/*", Representation.Html)]
    [InlineData("application/*", Representation.Json)]
    [InlineData("text/*;q=0.5, text/plain", Representation.Text)]
    [InlineData("*/*;q=0.1, text/markdown;q=0.5", Representation.Markdown)]
    public void AcceptPicksTheMostPreferredRepresentation(string? accept, Representation expected) =>
        Assert.Equal(expected, Representations.FromAccept(accept));

    [Theory]
    [InlineData("image/png")]
    [InlineData("application/pdf, image/*")]
    [InlineData("text/html;q=0")]
    [InlineData("application/json;q=0, text/*;q=0, application/xhtml+xml;q=0, */*")]
    public void AcceptWithNothingServableAcceptsNothing(string accept) =>
        Assert.Null(Representations.FromAccept(accept));

    [Theory]
    [InlineData("json", Representation.Json)]
    [InlineData("HTML", Representation.Html)]
    [InlineData("md", Representation.Markdown)]
    [InlineData("markdown", Representation.Markdown)]
    [InlineData("txt", Representation.Text)]
    public void FormatNamesARepresentation(string format, Representation expected)
    {
        Assert.True(Representations.TryParseFormat(format, out var representation));
        Assert.Equal(expected, representation);
    }

    [Theory]
    [InlineData("pdf")]
    [InlineData("email")]
    [InlineData("")]
    public void UnknownFormatsAreRefused(string format) =>
        Assert.False(Representations.TryParseFormat(format, out _));
}
