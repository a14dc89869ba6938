using System.Text.Json;
using Briefings.Core.Digests;
using Briefings.Core.Json;
using Briefings.Core.Summaries.Model;
using Briefings.Core.Text;

namespace Briefings.Core.Tests.Summaries.Model;

public sealed class StoryPassagesTests
{
    [Fact]
    public void EveryArticleOfTheSeedStoryIsANumberedPassageWithOriginalReportsBeforeCopies()
    {
        var seeds = Fixtures.AllSeeds();
        var story = Assert.Single(new DigestBuilder().Build(seeds, new DateOnly(2026, 11, 21), Fixtures.Noon).Stories);

        var passages = StoryPassages.For(story, seeds.ToDictionary(a => a.Id));

        Assert.Equal([1, 2, 3, 4, 5], passages.Texts.Keys.Order());
        Assert.Equal(story.Articles.Select(a => a.Id).Order(), passages.ArticleIds.Values.Order());
        var isCopy = passages.ArticleIds.OrderBy(p => p.Key).Select(p => story.Articles.Single(a => a.Id == p.Value).CopyOf is not null).ToList();
        Assert.Contains(true, isCopy);
        Assert.Equal(isCopy.Order(), isCopy);
        foreach (var (number, id) in passages.ArticleIds)
        {
            Assert.StartsWith(seeds.Single(a => a.Id == id).Title, passages.Texts[number]);
            Assert.Contains($"[{number}] {seeds.Single(a => a.Id == id).Title}", passages.Render());
        }
    }

    [Fact]
    public void APassageIsCutToItsWordLimit()
    {
        var longBody = string.Join(' ', Enumerable.Repeat("The council met again to discuss the harbour.", 100));
        var article = Fixtures.Article("long", "Harbour council meets", longBody + "\n\nA second paragraph that should not fit.");
        var story = new Story("s", article.Title, [], [new StoryArticle(article.Id, article.Title, null, null, null)], [], 1, [], []);

        var text = StoryPassages.For(story, new Dictionary<string, Briefings.Core.Articles.Article> { [article.Id] = article }).Texts[1];

        Assert.DoesNotContain("second paragraph", text);
        Assert.InRange(Words.Count(text), StoryPassages.MaxPassageWords, StoryPassages.MaxPassageWords + 12);
    }

    [Fact]
    public void PassageNumbersWrittenAsStringsAreStillRead()
    {
        var answer = JsonSerializer.Deserialize("""{"headline":"h","sentences":[{"text":"t","sources":["1",2]}]}""", BriefingsJsonContext.Default.ModelAnswer)!;

        Assert.Equal([1, 2], Assert.Single(answer.Sentences!).Sources!);
    }
}
