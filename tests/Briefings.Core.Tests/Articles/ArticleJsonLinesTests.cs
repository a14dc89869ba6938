using System.Text;
using Briefings.Core.Articles;

namespace Briefings.Core.Tests.Articles;

public sealed class ArticleJsonLinesTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string Line(int i, string body) =>
        $"{{\"id\":\"a{i}\",\"title\":\"Report {i} on the harbour ferries\",\"source\":\"Wire\",\"published\":\"2026-11-22T08:00:00Z\",\"body\":\"{body}\"}}";

    private static string Body(int i) =>
        $"The harbour board agreed timetable change {i} on Monday, adding {i + 3} crossings a week and moving the first sailing earlier after a long debate.";

    [Fact]
    public void ReadsEveryArticleInOrderAndSkipsWhatIsNotOneWithItsLineNumber()
    {
        // A byte-order mark, CRLF line ends, a blank line, a malformed line, bytes that are not
        // UTF-8, a line longer than the reader's 4 MB buffer, and no newline at the end.
        var path = Path.Combine(_temp.Path, "day.jsonl");
        var longBody = string.Join(" ", Enumerable.Repeat(Body(4), 40_000));
        using (var file = File.Create(path))
        {
            void Write(string text) => file.Write(Encoding.UTF8.GetBytes(text));
            file.Write(Encoding.UTF8.Preamble);
            Write(Line(1, Body(1)) + "\r\n");
            Write("\r\n");
            Write("{\"id\": \"broken\"\n");
            var second = Line(2, "Caf");
            Write(second[..^2]); // up to the end of "Caf", before its closing quote and brace
            file.Write([0xE9]); // Latin-1 é
            Write(" " + Body(2) + "\"}\n");
            Write(Line(3, Body(3)) + "\n");
            Write(Line(4, longBody) + "\n");
            Write(Line(5, Body(5)));
        }

        var skipped = new List<string>();
        var articles = ArticleJsonLines.Read(path, Fixtures.Reader(), skipped.Add);

        Assert.True(skipped.Count == 1, string.Join("\n", skipped));
        Assert.Equal(["a1", "a2", "a3", "a4", "a5"], articles.Select(a => a.Id));
        Assert.StartsWith("Caf\uFFFD ", articles[1].Paragraphs[0]);
        Assert.True(string.Join(" ", articles[3].Paragraphs).Length > 4_000_000);
        var message = skipped[0];
        Assert.StartsWith($"{path}:3: skipped:", message);
    }

    [Fact]
    public void ReadsAFileOfManyBlocksWhole()
    {
        var path = Path.Combine(_temp.Path, "many.jsonl");
        File.WriteAllLines(path, Enumerable.Range(0, 5000).Select(i => Line(i, Body(i))));

        var articles = ArticleJsonLines.Read(path, Fixtures.Reader(), _ => Assert.Fail("nothing to skip"));

        Assert.Equal(Enumerable.Range(0, 5000).Select(i => $"a{i}"), articles.Select(a => a.Id));
    }
}
