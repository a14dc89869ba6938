using System.Text.Json;
using Briefings.Core.Articles.Parsing;
using Briefings.Core.Json;

namespace Briefings.Core.Articles;

/// <summary>
/// Reads a JSONL file of article envelopes, one a line. Fields an envelope does not know (such
/// as a labelled set's "story") are ignored. A line that is not an article is reported through
/// <c>skipped</c> and left out; the rest goes on.
/// </summary>
public static class ArticleJsonLines
{
    public static List<Article> Read(string path, ArticleReader reader, Action<string> skipped)
    {
        // Lines are read in blocks and parsed on every core; results keep the file's order.
        const int block = 2048;
        var articles = new List<Article>();
        var lines = new List<string>(block);
        var results = new (Article? Article, string? Skipped)[block];
        var number = 0;
        void Flush()
        {
            var first = number - lines.Count + 1;
            Parallel.For(0, lines.Count, k => results[k] = Parse(lines[k], first + k, path, reader));
            for (var k = 0; k < lines.Count; k++)
            {
                if (results[k].Article is { } article)
                {
                    articles.Add(article);
                }
                else if (results[k].Skipped is { } message)
                {
                    skipped(message);
                }

                results[k] = default;
            }

            lines.Clear();
        }

        foreach (var line in File.ReadLines(path))
        {
            number++;
            lines.Add(line);
            if (lines.Count == block)
            {
                Flush();
            }
        }

        Flush();
        return articles;
    }

    private static (Article? Article, string? Skipped) Parse(string line, int number, string path, ArticleReader reader)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return default;
        }

        try
        {
            var envelope = JsonSerializer.Deserialize(line, BriefingsJsonContext.Default.ArticleEnvelope)
                ?? throw new ArticleRejectedException("The line is null.");
            return (reader.FromDocument(JsonEnvelopeReader.FromEnvelope(envelope), new Dictionary<string, string>(), null), null);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArticleRejectedException)
        {
            return (null, $"{path}:{number}: skipped: {e.Message}");
        }
    }
}
