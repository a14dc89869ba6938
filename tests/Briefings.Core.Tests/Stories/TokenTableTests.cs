using Briefings.Core.Stories;

namespace Briefings.Core.Tests.Stories;

public sealed class TokenTableTests
{
    [Fact]
    public void ATokenIsAddedOnceAndKeepsTheValueSetThroughItsReference()
    {
        var table = new TokenTable<int>();

        ref var first = ref table.GetOrAdd("court".AsSpan(), out var added);
        Assert.Equal("court", added);
        Assert.Equal(0, first);
        first = 7;

        ref var again = ref table.GetOrAdd("courts".AsSpan(0, 5), out var addedAgain);
        Assert.Null(addedAgain);
        Assert.Equal(7, again);
        Assert.Equal(1, table.Count);
    }

    [Fact]
    public void ManyTokensGrowTheTableAndEachKeepsItsOwnValue()
    {
        // Far past the starting capacity, with tokens that differ in one character, an empty token
        // and tokens that are prefixes of others.
        var tokens = Enumerable.Range(0, 50_000).Select(n => n % 3 == 0 ? $"w{n}" : $"word{n:x}").Append("").Append("w").ToList();
        var table = new TokenTable<(int Id, string Text)>(capacity: 4);
        foreach (var token in tokens)
        {
            ref var value = ref table.GetOrAdd(token, out var added);
            Assert.Equal(token, added);
            value = (table.Count, token);
        }

        Assert.Equal(tokens.Count, table.Count);
        for (var n = 0; n < tokens.Count; n++)
        {
            var value = table.GetOrAdd(tokens[n], out var added);
            Assert.Null(added);
            Assert.Equal((n + 1, tokens[n]), value);
        }
    }

    [Fact]
    public void TokensLongerThanAnEntryHoldsAreComparedWhole()
    {
        // Long tokens that share their first characters (all that an entry holds) and differ after,
        // beside a short token equal to their common start, at the length an entry holds and one past it.
        var stem = new string('x', TokenTable<int>.InlineLength);
        var tokens = new[] { stem, stem + "a", stem + "b", stem + "ab", stem[..^1], stem + new string('y', 40) };
        var table = new TokenTable<int>(capacity: 2);
        for (var n = 0; n < tokens.Length; n++)
        {
            table.GetOrAdd(tokens[n], out var added) = n + 1;
            Assert.Equal(tokens[n], added);
        }

        for (var n = 0; n < tokens.Length; n++)
        {
            Assert.Equal(n + 1, table.GetOrAdd(tokens[n], out var added));
            Assert.Null(added);
        }

        Assert.Equal(0, table.GetOrAdd(stem + "c", out var unseen));
        Assert.Equal(stem + "c", unseen);
        Assert.Equal(tokens.Length + 1, table.Count);
    }
}
