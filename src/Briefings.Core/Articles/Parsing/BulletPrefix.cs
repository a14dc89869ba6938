namespace Briefings.Core.Articles.Parsing;

/// <summary>List markers that plain text and Markdown put in front of a paragraph.</summary>
public static class BulletPrefix
{
    public static string Strip(string paragraph)
    {
        var text = paragraph.TrimStart();
        if (HasMarker(text))
        {
            return text[2..].TrimStart();
        }

        return text;
    }

    /// <summary><see cref="Strip(string)"/> as a part of the paragraph, for callers that only read it.</summary>
    public static ReadOnlySpan<char> Strip(ReadOnlySpan<char> paragraph)
    {
        var text = paragraph.TrimStart();
        return HasMarker(text) ? text[2..].TrimStart() : text;
    }

    private static bool HasMarker(ReadOnlySpan<char> text) =>
        text.Length > 1 && text[0] is '-' or '•' or '*' or '·' or '–' or '▪' && char.IsWhiteSpace(text[1]);
}
