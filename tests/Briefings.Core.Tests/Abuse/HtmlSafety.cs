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

                    if (scheme is not (null or "http" or "https") && !IsSiteIcon(element, name, attribute.Value))
                    {
                        nonHttp++;
                        problems.Add($"<{tag} {name}=\"{attribute.Value}\">");
                    }
                }
            }
        }

        return new Findings(document.All.Length, scripts, handlers, scriptUrls, nonHttp, problems);
    }

    /// <summary>The pages' own icon, inline as a PNG: an image no browser runs, in the one element the templates write it in.</summary>
    private static bool IsSiteIcon(AngleSharp.Dom.IElement element, string attribute, string value) =>
        element.LocalName == "link" && element.GetAttribute("rel") == "icon" && attribute == "href"
        && value.StartsWith("data:image/png;base64,", StringComparison.Ordinal) && value.AsSpan(22).IndexOfAnyExcept(Base64) < 0;

    private static readonly System.Buffers.SearchValues<char> Base64 =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=");

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
