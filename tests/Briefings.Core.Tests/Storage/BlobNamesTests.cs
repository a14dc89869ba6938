using Briefings.Core.Storage;

namespace Briefings.Core.Tests.Storage;

public sealed class BlobNamesTests
{
    [Theory]
    [InlineData("../x")]
    [InlineData("a/../b")]
    [InlineData("a/./b")]
    [InlineData("2026/11/..")]
    [InlineData("a\u0001b")]
    [InlineData("a\nb")]
    [InlineData("a\u200bb")]
    [InlineData("/x")]
    [InlineData("x/")]
    [InlineData("a//b")]
    [InlineData("a\\b")]
    [InlineData("..\\x")]
    [InlineData("")]
    public void UnsafeNamesHaveAProblem(string name) => Assert.False(string.IsNullOrWhiteSpace(BlobNames.Problem(name)));

    [Fact]
    public void NamesLongerThan1024CharactersHaveAProblem()
    {
        Assert.Contains("longer", BlobNames.Problem(new string('a', 1025)));
        Assert.Null(BlobNames.Problem(new string('a', 1024)));
    }

    [Theory]
    [InlineData("2026/11/22/abc.json")]
    [InlineData("inbox-item.txt")]
    [InlineData("wire/reuters_2026-11-22.v2.html")]
    [InlineData("статті/новина.txt")]
    public void OrdinaryNamesAreAccepted(string name) => Assert.Null(BlobNames.Problem(name));

    [Fact]
    public void ValidateThrowsForAProblemName() => Assert.Throws<ArgumentException>(() => BlobNames.Validate("../x"));
}
