using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Briefings.Core.Tests.Abuse;

/// <summary>What a rendered page or email may not contain, checked on the parsed document, not the text.</summary>
internal static class HtmlSafety
{
    private static readonly string[] UrlAttributes =
        ["href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcset", "cite", "longdesc", "manifest", "ping", "dynsrc", "lowsrc"];

    private static readonly string[] ForbiddenElements =
        ["script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "svg", "math", "form", "button", "input", "textarea", "noscript", "template"];

    public sealed record Findings(int Elements, int Scripts, int Handlers, int ScriptUrls, int NonHttpLinks, IReadOnlyList<string> Problems);

    public static Findings Inspect(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var problems = new List<string>();
        int scripts = 0, handlers = 0, scriptUrls = 0, nonHttp = 0;
        foreach (var element in document.All)
        {
            var tag = element.LocalName;
            if (tag == "script")
            {
                scripts++;
            }

            if (ForbiddenElements.Contains(tag))
            {
                problems.Add($"<{tag}> element");
            }

            if (tag == "meta" && element.GetAttribute("http-equiv") is { } equiv && equiv.Trim().Equals("refresh", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add("meta refresh");
            }

            foreach (var attribute in element.Attributes)
            {
                var name = attribute.Name.ToLowerInvariant();
                if (name.StartsWith("on", StringComparison.Ordinal))
                {
                    handlers++;
                    problems.Add($"<{tag} {name}>");
                }

                if (name == "style" && (attribute.Value.Contains("expression", StringComparison.OrdinalIgnoreCase) || attribute.Value.Contains("url(", StringComparison.OrdinalIgnoreCase)))
                {
                    problems.Add($"<{tag} style={attribute.Value}>");
                }

                if (UrlAttributes.Contains(name) || name.EndsWith(":href", StringComparison.Ordinal))
                {
                    var scheme = SchemeOf(attribute.Value);
                    if (scheme is not null && scheme.Contains("script", StringComparison.Ordinal))
                    {
                        scriptUrls++;
                    }

                    if (scheme is not (null or "http" or "https"))
                    {
                        nonHttp++;
                        problems.Add($"<{tag} {name}=\"{attribute.Value}\">");
                    }
                }
            }
        }

        return new Findings(document.All.Length, scripts, handlers, scriptUrls, nonHttp, problems);
    }

    /// <summary>
    /// The scheme a browser would see: control characters and whitespace removed, as URL parsing
    /// does; null for a relative reference (a path, a query or a fragment).
    /// </summary>
    private static string? SchemeOf(string value)
    {
        var cleaned = new string([.. value.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c))]);
        var colon = cleaned.IndexOf(':', StringComparison.Ordinal);
        var end = cleaned.IndexOfAny(['/', '?', '#']);
        return colon > 0 && (end < 0 || colon < end) ? cleaned[..colon].ToLowerInvariant() : null;
    }
}
