using Briefings.Core.Articles.Cleaning;
using Briefings.Core.Articles.Parsing;
using Briefings.Core.Text;

namespace Briefings.Core.Articles;

/// <summary>
/// Reads one raw article in any accepted format into a clean <see cref="Article"/>, or throws
/// <see cref="ArticleRejectedException"/> with a reason a person can act on.
/// </summary>
public sealed class ArticleReader(IngestOptions options, TimeProvider clock)
{
    public Article Read(RawArticle raw)
    {
        if (raw.Content.Length == 0)
        {
            throw new ArticleRejectedException("The blob is empty.");
        }

        if (raw.Content.Length > options.MaxBytes)
        {
            throw new ArticleRejectedException($"The blob is {raw.Content.Length:N0} bytes, over the {options.MaxBytes:N0}-byte limit for one article.");
        }

        var text = TextDecoder.Decode(raw.Content.Span, raw.ContentType);
        var metadata = raw.Metadata ?? new Dictionary<string, string>();
        var url = Value(metadata, "url");
        var document = ArticleFormats.Detect(raw.Name, raw.ContentType, text) switch
        {
            ArticleFormat.Json => JsonEnvelopeReader.Read(text),
            ArticleFormat.Html => HtmlReader.Read(text, url),
            ArticleFormat.Markdown => MarkdownReader.Read(text),
            _ => PlainTextReader.Read(text),
        };

        return FromDocument(document, metadata, raw.Name);
    }

    /// <summary>Builds the article from an already parsed document (the JSONL path uses this).</summary>
    public Article FromDocument(ParsedDocument document, IReadOnlyDictionary<string, string> metadata, string? inboxName)
    {
        var title = Value(metadata, "title") ?? document.Title;
        var cleaned = BoilerplateCleaner.Clean(document.Paragraphs, title ?? document.Title);
        var paragraphs = cleaned.Paragraphs;
        if (paragraphs.Count == 0 || WordCount(paragraphs) < options.MinWords)
        {
            throw new ArticleRejectedException($"No article text was found: fewer than {options.MinWords} words remain after removing page furniture.");
        }

        title ??= LeadHeadline(paragraphs[0]);
        var published = HtmlReader.ParseDate(Value(metadata, "published")) ?? document.Published;
        return new Article
        {
            Id = document.Id ?? ArticleIds.FromContent(title, paragraphs),
            Title = title,
            Source = Value(metadata, "source") ?? document.Source ?? cleaned.SourceHint,
            Url = SafeUrl(Value(metadata, "url") ?? document.Url),
            Published = published,
            Paragraphs = paragraphs,
            Language = document.Language,
            IngestedAt = clock.GetUtcNow(),
            InboxName = inboxName,
        };
    }

    private static int WordCount(IReadOnlyList<string> paragraphs)
    {
        var words = 0;
        for (var i = 0; i < paragraphs.Count; i++)
        {
            words += Words.Count(paragraphs[i]);
        }

        return words;
    }

    /// <summary>A headline from the lead sentence when the document has no title of its own.</summary>
    private static string LeadHeadline(string lead)
    {
        var sentence = Sentences.Split(lead).FirstOrDefault() ?? lead;
        var dash = sentence.IndexOf(" — ", StringComparison.Ordinal);
        if (dash is > 0 and < 60)
        {
            sentence = sentence[(dash + 3)..]; // drop a dateline such as "Seoul, South Korea — "
        }

        sentence = sentence.TrimEnd('.');
        if (sentence.Length <= 110)
        {
            return sentence;
        }

        var cut = sentence.LastIndexOf(' ', 105);
        return sentence[..(cut > 40 ? cut : 105)] + "…";
    }

    private static string? SafeUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.ToString() : null;

    private static string? Value(IReadOnlyDictionary<string, string> metadata, string key)
    {
        if (metadata.Count == 0)
        {
            return null; // the JSONL path has none: no enumerator to make
        }

        foreach (var (k, v) in metadata)
        {
            if (string.Equals(k, key, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(v))
            {
                return v.Trim();
            }
        }

        return null;
    }
}
