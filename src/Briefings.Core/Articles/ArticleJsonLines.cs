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
        var articles = new List<Article>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                var envelope = JsonSerializer.Deserialize(line, BriefingsJsonContext.Default.ArticleEnvelope)
                    ?? throw new ArticleRejectedException("The line is null.");
                articles.Add(reader.FromDocument(JsonEnvelopeReader.FromEnvelope(envelope), new Dictionary<string, string>(), null));
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or ArticleRejectedException)
            {
                skipped($"{path}:{number}: skipped: {e.Message}");
            }
        }

        return articles;
    }
}
