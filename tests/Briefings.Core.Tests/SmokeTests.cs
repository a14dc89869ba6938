namespace Briefings.Core.Tests;

public class SmokeTests
{
    [Fact]
    public void SeedsAreCopiedBesideTheTests() => Assert.Equal(5, Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds")).Length);
}
