namespace Briefings.Core.Articles.Parsing;

/// <summary>List markers that plain text and Markdown put in front of a paragraph.</summary>
public static class BulletPrefix
{
    public static string Strip(string paragraph)
    {
        var text = paragraph.TrimStart();
        if (text.Length > 1 && text[0] is '-' or '•' or '*' or '·' or '–' or '▪' && char.IsWhiteSpace(text[1]))
        {
            return text[2..].TrimStart();
        }

        return text;
    }
}
