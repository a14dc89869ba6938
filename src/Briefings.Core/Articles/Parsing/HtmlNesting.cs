namespace Briefings.Core.Articles.Parsing;

/// <summary>
/// How deep markup nests, estimated in one pass over its tags without building a tree: start tags
/// open, end tags close; void elements, self-closing tags and elements whose end tag may be left
/// out (p, li, td…) do not count, and comments, scripts and styles are skipped. Unclosed tags count
/// as open, which is what makes misnested markup expensive for a parser too.
/// </summary>
internal static class HtmlNesting
{
    private static readonly HashSet<string> Uncounted = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "keygen",
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot", "colgroup", "rb", "rt", "rp", "rtc",
        "html", "head", "body", "!doctype",
    };

    /// <summary>The estimated depth; stops counting once past <paramref name="limit"/>.</summary>
    public static int Estimate(string html, int limit)
    {
        var depth = 0;
        var deepest = 0;
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0 && i + 1 < html.Length)
        {
            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                var end = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = end < 0 ? html.Length : end + 3;
                continue;
            }

            var closing = html[i + 1] == '/';
            var start = i + (closing ? 2 : 1);
            var nameEnd = start;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is '-' or ':' or '!'))
            {
                nameEnd++;
            }

            if (nameEnd == start || !(char.IsAsciiLetter(html[start]) || html[start] == '!'))
            {
                i++;
                continue;
            }

            var name = html[start..nameEnd];
            var close = html.IndexOf('>', nameEnd);
            if (close < 0)
            {
                break;
            }

            i = close + 1;
            if (Uncounted.Contains(name))
            {
                continue;
            }

            if (closing)
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (html[close - 1] != '/')
            {
                if (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase))
                {
                    var end = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                    i = end < 0 ? html.Length : end;
                    depth++;
                    continue;
                }

                deepest = Math.Max(deepest, ++depth);
                if (deepest > limit)
                {
                    return deepest;
                }
            }
        }

        return deepest;
    }
}
