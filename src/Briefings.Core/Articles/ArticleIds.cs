using System.Security.Cryptography;
using System.Text;

namespace Briefings.Core.Articles;

/// <summary>Article ids: a hash of the normalised content, so one article uploaded twice is stored once.</summary>
public static class ArticleIds
{
    public static string FromContent(string title, IEnumerable<string> paragraphs)
    {
        var text = new StringBuilder();
        foreach (var part in paragraphs.Prepend(title))
        {
            foreach (var ch in part)
            {
                if (char.IsLetterOrDigit(ch))
                {
                    text.Append(char.ToLowerInvariant(ch));
                }
                else if (text.Length > 0 && text[^1] != ' ')
                {
                    text.Append(' ');
                }
            }

            text.Append(' ');
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString().Trim()));
        return Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }

    /// <summary>Keeps a supplied id usable as a blob name and a URL segment.</summary>
    public static string? Sanitize(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        var clean = new string(id.Trim().Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.').ToArray()).Trim('.');
        return clean.Length is > 0 and <= 128 ? clean : null;
    }
}
