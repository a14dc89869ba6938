using System.Text;

namespace Briefings.Integration.Tests.Functions;

/// <summary>Just enough C# lexing to read attribute arguments from source text: literals, comments, nesting.</summary>
public static class CSharpText
{
    /// <summary>The top-level comma-separated arguments of the parenthesis that opens at <paramref name="open"/>.</summary>
    public static List<string> Arguments(string code, int open)
    {
        var depth = 0;
        for (var i = open; i < code.Length; i++)
        {
            i = SkipLiteral(code, i);
            if (code[i] is '(' or '[' or '{')
            {
                depth++;
            }
            else if (code[i] is ')' or ']' or '}' && --depth == 0)
            {
                return SplitTopLevel(code[(open + 1)..i], ',').Where(a => a.Length > 0).ToList();
            }
        }

        throw new InvalidOperationException($"Unbalanced parenthesis at offset {open}.");
    }

    public static List<string> SplitTopLevel(string text, char separator)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            i = SkipLiteral(text, i);
            if (i >= text.Length)
            {
                break;
            }

            if (text[i] is '(' or '[' or '{')
            {
                depth++;
            }
            else if (text[i] is ')' or ']' or '}')
            {
                depth--;
            }
            else if (text[i] == separator && depth == 0)
            {
                parts.Add(text[start..i].Trim());
                start = i + 1;
            }
        }

        parts.Add(text[start..].Trim());
        return parts;
    }

    /// <summary>When a string or char literal starts at <paramref name="i"/>, the index of its closing quote; else <paramref name="i"/>.</summary>
    public static int SkipLiteral(string text, int i)
    {
        var verbatim = false;
        var start = i;
        while (start < text.Length && text[start] is '$' or '@')
        {
            verbatim |= text[start] == '@';
            start++;
        }

        if (start >= text.Length || (start > i && text[start] != '"') || text[start] is not ('"' or '\''))
        {
            return i;
        }

        var quote = text[start];
        for (var j = start + 1; j < text.Length; j++)
        {
            if (!verbatim && text[j] == '\\')
            {
                j++;
            }
            else if (text[j] == quote)
            {
                if (verbatim && j + 1 < text.Length && text[j + 1] == quote)
                {
                    j++;
                    continue;
                }

                return j;
            }
        }

        return text.Length;
    }

    public static string StripComments(string code)
    {
        var text = new StringBuilder(code.Length);
        for (var i = 0; i < code.Length; i++)
        {
            if (code[i] == '/' && i + 1 < code.Length && code[i + 1] == '/')
            {
                i = code.IndexOf('\n', i) is var end and >= 0 ? end - 1 : code.Length;
            }
            else if (code[i] == '/' && i + 1 < code.Length && code[i + 1] == '*')
            {
                i = code.IndexOf("*/", i + 2, StringComparison.Ordinal) + 1;
            }
            else
            {
                var end = SkipLiteral(code, i);
                text.Append(code, i, end - i + 1);
                i = end;
            }
        }

        return text.ToString();
    }
}
