using System.Text;
using System.Text.RegularExpressions;

namespace Briefings.Core.Articles.Parsing;

/// <summary>
/// Turns raw bytes into text: a byte-order mark wins, then strict UTF-8, then a charset the
/// document declares (HTML meta). Binary content and undecodable bytes are rejected.
/// </summary>
public static partial class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(ReadOnlySpan<byte> bytes, string? contentType)
    {
        if (bytes.IndexOf((byte)0) >= 0 && !HasUtf16Bom(bytes))
        {
            throw new ArticleRejectedException("The content is binary (it contains NUL bytes), not an article.");
        }

        string text;
        var declared = CharsetOf(contentType);
        if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            text = Strict(bytes[3..], StrictUtf8, "UTF-8");
        }
        else if (HasUtf16Bom(bytes))
        {
            var encoding = bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            text = Strict(bytes[2..], (Encoding)encoding.Clone(), "UTF-16");
        }
        else
        {
            try
            {
                text = StrictUtf8.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                var charset = declared ?? SniffMetaCharset(bytes);
                if (charset is null || IsUtf8(charset))
                {
                    throw new ArticleRejectedException("The content is not valid UTF-8 and declares no other character set.");
                }

                Encoding encoding;
                try
                {
                    encoding = Encoding.GetEncoding(charset);
                }
                catch (ArgumentException)
                {
                    throw new ArticleRejectedException($"The content declares the unknown character set '{charset}'.");
                }

                text = encoding.GetString(bytes);
            }
        }

        var control = 0;
        foreach (var ch in text)
        {
            if (char.IsControl(ch) && ch is not ('\n' or '\r' or '\t' or '\f'))
            {
                control++;
            }
        }

        if (control > 0 && control * 100 > text.Length)
        {
            throw new ArticleRejectedException("The content is binary (too many control characters), not an article.");
        }

        return text;
    }

    private static bool HasUtf16Bom(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF));

    private static bool IsUtf8(string charset) => charset.Replace("-", "").Equals("utf8", StringComparison.OrdinalIgnoreCase);

    private static string Strict(ReadOnlySpan<byte> bytes, Encoding encoding, string label)
    {
        try
        {
            var strict = Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            return strict.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new ArticleRejectedException($"The content starts with a {label} byte-order mark but is not valid {label}.");
        }
    }

    private static string? CharsetOf(string? contentType)
    {
        var match = contentType is null ? null : CharsetPattern().Match(contentType);
        return match is { Success: true } ? match.Groups[1].Value : null;
    }

    private static string? SniffMetaCharset(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 4096)]);
        var match = MetaCharsetPattern().Match(head);
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex(@"charset\s*=\s*[""']?([A-Za-z0-9._:-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetPattern();

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?([A-Za-z0-9._:-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharsetPattern();
}
