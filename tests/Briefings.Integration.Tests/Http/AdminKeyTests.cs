using Briefings.Local.Http;

namespace Briefings.Integration.Tests.Http;

public sealed class AdminKeyTests
{
    [Theory]
    [InlineData("s3cret", "s3cret", true)]
    [InlineData("s3cret", "s3cret ", false)]
    [InlineData("s3cret", "S3CRET", false)]
    [InlineData("s3cret", "s3cre", false)]
    [InlineData("s3cret", "", false)]
    [InlineData("s3cret", null, false)]
    [InlineData(null, null, false)]
    [InlineData("", "", false)]
    [InlineData(null, "anything", false)]
    public void OnlyTheConfiguredKeyMatchesAndNoKeyMatchesNothing(string? configured, string? presented, bool matches) =>
        Assert.Equal(matches, AdminKey.Matches(configured, presented));
}
