namespace Briefings.Core.Rendering;

/// <summary>The renderings of a digest, each one template in <c>templates/</c>.</summary>
public enum RenderFormat
{
    Html,
    Email,
    Text,
    Markdown,
}

public static class RenderFormats
{
    public static string TemplateName(RenderFormat format) => format switch
    {
        RenderFormat.Html => "page.html.sbn",
        RenderFormat.Email => "email.html.sbn",
        RenderFormat.Text => "digest.txt.sbn",
        RenderFormat.Markdown => "digest.md.sbn",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    public static string ContentType(RenderFormat format) => format switch
    {
        RenderFormat.Html or RenderFormat.Email => "text/html; charset=utf-8",
        RenderFormat.Text => "text/plain; charset=utf-8",
        RenderFormat.Markdown => "text/markdown; charset=utf-8",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    public static string Extension(RenderFormat format) => format switch
    {
        RenderFormat.Html => "html",
        RenderFormat.Email => "email.html",
        RenderFormat.Text => "txt",
        RenderFormat.Markdown => "md",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>Parses the <c>format</c> query value: html, md, txt (and their long names).</summary>
    public static RenderFormat? Parse(string? value) => value?.ToLowerInvariant() switch
    {
        "html" or "htm" => RenderFormat.Html,
        "md" or "markdown" => RenderFormat.Markdown,
        "txt" or "text" => RenderFormat.Text,
        "email" => RenderFormat.Email,
        _ => null,
    };
}
