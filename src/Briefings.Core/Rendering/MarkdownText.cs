using System.Buffers;
using System.Text;

namespace Briefings.Core.Rendering;

/// <summary>Text taken from an article, made safe to place in Markdown as plain text.</summary>
public static class MarkdownText
{
    private static readonly SearchValues<char> Special = SearchValues.Create("\\*_[]`<");

    /// <summary>
    /// Escapes the characters that would start emphasis, a link, code or raw HTML: backslash,
    /// <c>*</c>, <c>_</c>, <c>[</c>, <c>]</c> and backtick get a backslash, <c>&lt;</c> becomes
    /// <c>&amp;lt;</c>. Text without any of them is returned as it is.
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var next = text.AsSpan().IndexOfAny(Special);
        if (next < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        var start = 0;
        while (next >= 0)
        {
            var at = start + next;
            escaped.Append(text, start, at - start);
            if (text[at] == '<')
            {
                escaped.Append("&lt;");
            }
            else
            {
                escaped.Append('\\').Append(text[at]);
            }

            start = at + 1;
            next = text.AsSpan(start).IndexOfAny(Special);
        }

        return escaped.Append(text, start, text.Length - start).ToString();
    }
}
