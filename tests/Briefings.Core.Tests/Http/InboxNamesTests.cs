using Briefings.Core.Http;
using Briefings.Core.Storage;

namespace Briefings.Core.Tests.Http;

public sealed class InboxNamesTests
{
    [Theory]
    [InlineData("report.txt")]
    [InlineData("2026-11-21_wire-copy.md")]
    [InlineData("A1")]
    public void PlainFlatNamesAreSafe(string name) => Assert.True(InboxNames.IsSafe(name));

    [Theory]
    [InlineData("../x.txt")]
    [InlineData("a/b.txt")]
    [InlineData("a\\b.txt")]
    [InlineData(".hidden")]
    [InlineData("-flag")]
    [InlineData("with space.txt")]
    [InlineData("naïve.txt")]
    [InlineData("a\u200bb")]
    public void PathsHiddenNamesAndOddCharactersAreNot(string name) => Assert.False(InboxNames.IsSafe(name));

    [Fact]
    public void NamesLongerThanTheLimitAreNotSafe() => Assert.False(InboxNames.IsSafe(new string('a', InboxNames.MaxLength + 1)));

    [Theory]
    [InlineData("text/plain; charset=utf-8", ".txt")]
    [InlineData("text/markdown", ".md")]
    [InlineData("text/html", ".html")]
    [InlineData("application/json", ".json")]
    [InlineData(null, "")]
    [InlineData("application/octet-stream", "")]
    public void GeneratedNamesAreUniqueSafeAndCarryTheTypesExtension(string? contentType, string extension)
    {
        var now = new DateTimeOffset(2026, 11, 21, 6, 30, 0, TimeSpan.Zero);

        var first = InboxNames.Generate(now, contentType);
        var second = InboxNames.Generate(now, contentType);

        Assert.NotEqual(first, second);
        Assert.StartsWith("upload-20261121T063000Z-", first);
        Assert.EndsWith(extension, first);
        Assert.True(InboxNames.IsSafe(first));
        Assert.Null(BlobNames.Problem(first));
    }
}
