using System.Text.Json;
using System.Text.RegularExpressions;
using Briefings.Integration.Tests.Infrastructure;

namespace Briefings.Integration.Tests.Functions;

/// <summary>The files that configure the Functions app and its Azure resources, read as the host and azd read them.</summary>
public static partial class DeploymentFiles
{
    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static string FunctionsFolder => Path.Combine(Repository.Root, "src", "Briefings.Functions");

    public static JsonElement HostJson => ReadJson("host.json");

    /// <summary>The <c>Values</c> of src/Briefings.Functions/local.settings.json.example.</summary>
    public static IReadOnlyDictionary<string, string> LocalSettings =>
        ReadJson(Path.Combine("src", "Briefings.Functions", "local.settings.json.example")).GetProperty("Values")
            .EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);

    /// <summary>The route prefix the Functions host puts before every HTTP trigger's route ("api" unless host.json says otherwise).</summary>
    public static string RoutePrefix =>
        HostJson.TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("http", out var http)
            && http.TryGetProperty("routePrefix", out var prefix)
            ? prefix.GetString()!.Trim('/')
            : "api";

    public static string Bicep(string relativePath) => File.ReadAllText(Path.Combine(Repository.Root, "infra", relativePath));

    public static JsonElement MainParameters => ReadJson(Path.Combine("infra", "main.parameters.json")).GetProperty("parameters");

    /// <summary>The default value of a Bicep parameter declared <c>param name type = 'value'</c> (or a number).</summary>
    public static string? ParameterDefault(string bicep, string name) =>
        Regex.Match(bicep, $@"^\s*param\s+{Regex.Escape(name)}\s+\w+\s*=\s*(?:'(?<text>[^']*)'|(?<number>\d+))", RegexOptions.Multiline) is { Success: true } m
            ? (m.Groups["text"].Success ? m.Groups["text"].Value : m.Groups["number"].Value)
            : null;

    /// <summary>The expression an object property is set to on one line: <c>Name: expression</c>.</summary>
    public static IReadOnlyList<string> PropertyValues(string bicep, string property) =>
        Regex.Matches(bicep, $@"^\s*'?{Regex.Escape(property)}'?\s*:\s*(?<value>.+?)\s*$", RegexOptions.Multiline)
            .Select(m => m.Groups["value"].Value)
            .ToList();

    /// <summary>The quoted strings of a Bicep array variable: <c>var name = [ 'a' 'b' ]</c>.</summary>
    public static IReadOnlyList<string> ArrayVariable(string bicep, string name) =>
        Regex.Match(bicep, $@"\bvar\s+{Regex.Escape(name)}\s*=\s*\[(?<items>[^\]]*)\]") is { Success: true } m
            ? Quoted().Matches(m.Groups["items"].Value).Select(q => q.Groups[1].Value).ToList()
            : [];

    /// <summary>The default in an azd parameter value such as <c>${NAME=default}</c>.</summary>
    public static string? AzdDefault(string value) =>
        Regex.Match(value, @"^\$\{\w+=(?<default>[^}]*)\}$") is { Success: true } m ? m.Groups["default"].Value : null;

    private static JsonElement ReadJson(string relativePath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, relativePath)), Lenient);
        return document.RootElement.Clone();
    }

    [GeneratedRegex("'([^']*)'")]
    private static partial Regex Quoted();
}
