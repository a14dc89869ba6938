namespace Briefings.Core.Articles.Parsing;

public enum ArticleFormat
{
    Text,
    Markdown,
    Html,
    Json,
}

public static class ArticleFormats
{
    /// <summary>Decides the format from the name, then the declared content type, then the content.</summary>
    public static ArticleFormat Detect(string name, string? contentType, string text)
    {
        var extension = Path.GetExtension(name).ToLowerInvariant();
        switch (extension)
        {
            case ".json":
                return ArticleFormat.Json;
            case ".html" or ".htm" or ".xhtml":
                return ArticleFormat.Html;
            case ".md" or ".markdown":
                return ArticleFormat.Markdown;
            case ".txt" or ".text":
                return ArticleFormat.Text;
        }

        var type = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        switch (type)
        {
            case "application/json":
                return ArticleFormat.Json;
            case "text/html" or "application/xhtml+xml":
                return ArticleFormat.Html;
            case "text/markdown":
                return ArticleFormat.Markdown;
        }

        var start = text.AsSpan().TrimStart();
        if (start.StartsWith("{"))
        {
            return ArticleFormat.Json;
        }

        if (start.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || (start.StartsWith("<") && text.Contains("</p>", StringComparison.OrdinalIgnoreCase)))
        {
            return ArticleFormat.Html;
        }

        return ArticleFormat.Text;
    }
}
