using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Briefings.Core.Articles;

/// <summary>Article ids: a hash of the normalised content, so one article uploaded twice is stored once.</summary>
public static class ArticleIds
{
    public static string FromContent(string title, IReadOnlyList<string> paragraphs)
    {
        // Lower-cased letters and digits, other runs as one space, each part ended by a space, all
        // trimmed; built in one pooled buffer (a part adds at most one character to its length).
        var capacity = title.Length + 1;
        for (var i = 0; i < paragraphs.Count; i++)
        {
            capacity += paragraphs[i].Length + 1;
        }

        var text = ArrayPool<char>.Shared.Rent(capacity);
        var length = Normalise(title, text, 0);
        for (var i = 0; i < paragraphs.Count; i++)
        {
            length = Normalise(paragraphs[i], text, length);
        }

        var normalised = text.AsSpan(0, length).Trim();
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(normalised.Length));
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes.AsSpan(0, Encoding.UTF8.GetBytes(normalised, bytes)), hash);
        ArrayPool<byte>.Shared.Return(bytes);
        ArrayPool<char>.Shared.Return(text);
        return Convert.ToHexStringLower(hash[..8]);
    }

    private static int Normalise(string part, char[] text, int length)
    {
        foreach (var ch in part)
        {
            if (char.IsLetterOrDigit(ch))
            {
                text[length++] = char.ToLowerInvariant(ch);
            }
            else if (length > 0 && text[length - 1] != ' ')
            {
                text[length++] = ' ';
            }
        }

        text[length++] = ' ';
        return length;
    }

    /// <summary>Keeps a supplied id usable as a blob name and a URL segment.</summary>
    public static string? Sanitize(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        var trimmed = id.AsSpan().Trim();
        char[]? rented = null;
        var buffer = trimmed.Length <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(trimmed.Length));
        var length = 0;
        foreach (var c in trimmed)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            {
                buffer[length++] = c;
            }
        }

        var clean = buffer[..length].Trim('.');
        var result = clean.Length is > 0 and <= 128 ? new string(clean) : null;
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return result;
    }
}
