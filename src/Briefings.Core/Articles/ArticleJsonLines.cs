using System.Text;
using System.Text.Json;
using System.Text.Unicode;
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
    /// <summary>Lines parsed together, on every core.</summary>
    private const int Block = 2048;

    private static readonly Dictionary<string, string> NoMetadata = [];

    public static List<Article> Read(string path, ArticleReader reader, Action<string> skipped)
    {
        // The file is read as UTF-8 bytes and each line parsed straight from them: a day of
        // 100,000 articles is half a gigabyte of text, which as .NET strings would be twice that
        // and then be turned back into UTF-8 by the JSON reader. Results keep the file's order.
        var articles = new List<Article>();
        var buffer = new byte[1 << 22];
        var filled = 0;
        var lines = new List<(int Start, int Length)>(Block);
        var results = new (Article? Article, string? Skipped)[Block];
        var number = 0; // lines handed out so far
        void Flush(byte[] bytes)
        {
            var first = number + 1;
            Parallel.For(0, lines.Count, k => results[k] = Parse(bytes.AsSpan(lines[k].Start, lines[k].Length), first + k, path, reader));
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

            number += lines.Count;
            lines.Clear();
        }

        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var atStart = true;
        while (true)
        {
            var read = file.Read(buffer, filled, buffer.Length - filled);
            filled += read;
            var start = 0;
            if (atStart && filled >= 3 && buffer.AsSpan(0, 3).SequenceEqual(Encoding.UTF8.Preamble))
            {
                start = 3;
            }

            atStart = atStart && filled < 3;
            while (true)
            {
                var end = read == 0 ? filled : Array.IndexOf(buffer, (byte)'\n', start, filled - start);
                if (end < 0 || (read == 0 && start >= filled))
                {
                    break;
                }

                lines.Add((start, end - start));
                start = Math.Min(end + 1, filled);
                if (lines.Count == Block)
                {
                    Flush(buffer);
                }
            }

            Flush(buffer);
            if (read == 0)
            {
                return articles;
            }

            // The unfinished last line moves to the front; a line longer than the buffer doubles it.
            var rest = filled - start;
            var next = rest == buffer.Length ? new byte[buffer.Length * 2] : buffer;
            Buffer.BlockCopy(buffer, start, next, 0, rest);
            buffer = next;
            filled = rest;
        }
    }

    private static (Article? Article, string? Skipped) Parse(ReadOnlySpan<byte> line, int number, string path, ArticleReader reader)
    {
        line = line.TrimEnd((byte)'\r');
        if (line.Trim(" \t"u8).IsEmpty)
        {
            return default;
        }

        try
        {
            if (!Utf8EnvelopeReader.TryRead(line, out var document))
            {
                ArticleEnvelope? envelope;
                try
                {
                    envelope = JsonSerializer.Deserialize(line, BriefingsJsonContext.Default.ArticleEnvelope);
                }
                catch (Exception e) when (e is JsonException or InvalidOperationException && !Utf8.IsValid(line))
                {
                    // Bytes that are not UTF-8 are read as replacement characters, as a text reader would.
                    envelope = JsonSerializer.Deserialize(Encoding.UTF8.GetString(line), BriefingsJsonContext.Default.ArticleEnvelope);
                }

                envelope = envelope ?? throw new ArticleRejectedException("The line is null.");
                document = JsonEnvelopeReader.FromEnvelope(envelope);
            }

            return (reader.FromDocument(document, NoMetadata, null), null);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArticleRejectedException)
        {
            return (null, $"{path}:{number}: skipped: {e.Message}");
        }
    }
}
