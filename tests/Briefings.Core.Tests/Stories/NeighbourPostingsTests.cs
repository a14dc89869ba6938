using Briefings.Core.Stories;

namespace Briefings.Core.Tests.Stories;

public sealed class NeighbourPostingsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3_000)]
    [InlineData(9_001)] // a slice a core on up to four cores, split unevenly
    public void EachTermsPostingsAreTheArticlesThatHaveItInArticleOrderHoweverManyCoresIndexThem(int articles)
    {
        var random = new Random(articles);
        var inputs = Enumerable.Range(0, articles).Select(_ =>
        {
            var terms = Enumerable.Range(0, random.Next(0, 40)).Select(_ => random.Next(0, 700)).Distinct().Order().ToArray();
            var weights = terms.Select(_ => (float)random.NextDouble() + 0.01f).ToArray();
            return new GroupingInput(new SparseVector(terms, weights), null);
        }).ToList();

        var postings = new NeighbourPostings(inputs);

        // What the index must hold, built one article at a time.
        var expected = new Dictionary<int, List<(int Article, float Weight)>>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var vector = inputs[i].Vector;
            for (var k = 0; k < vector.Count; k++)
            {
                if (!expected.TryGetValue(vector.Terms[k], out var list))
                {
                    expected[vector.Terms[k]] = list = [];
                }

                list.Add((i, vector.Weights[k]));
            }
        }

        Assert.Equal(expected.Count == 0 ? 0 : expected.Keys.Max() + 1, postings.TermCount);
        for (var term = 0; term < postings.TermCount; term++)
        {
            var held = postings.Entries.AsSpan(postings.Start(term), postings.Count(term)).ToArray().Select(p => (p.Article, p.Weight));
            Assert.Equal(expected.GetValueOrDefault(term) ?? [], held);
        }

        Assert.Equal(expected.Values.Sum(list => list.Count), postings.Entries.Length);
    }
}
