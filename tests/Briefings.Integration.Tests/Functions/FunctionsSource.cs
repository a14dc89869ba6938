using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Briefings.Core.Http;
using Briefings.Local.Hosting;

namespace Briefings.Integration.Tests.Functions;

/// <summary>An HTTP trigger as written in the Functions sources.</summary>
public sealed record FunctionsHttpTrigger(string Function, string File, string? AuthLevel, IReadOnlyList<string> Methods, string Route);

/// <summary>A blob trigger as written in the Functions sources.</summary>
public sealed record FunctionsBlobTrigger(string Function, string File, string Path, string? Source, string? Connection);

/// <summary>A timer trigger as written in the Functions sources, with the retry attribute on its function (its arguments as written), if any.</summary>
public sealed record FunctionsTimerTrigger(string Function, string File, string Schedule, string? Retry);

/// <summary>
/// The triggers of src/Briefings.Functions, read from its C# sources as text: that project cannot be
/// built where the tests run, so its attributes are parsed instead of reflected. Attribute arguments may be
/// string literals, interpolated strings, <c>nameof</c>, <c>+</c> concatenations and constants, declared
/// in the Functions sources or in Core or the runner (resolved by reflection).
/// </summary>
public sealed partial class FunctionsSource
{
    private readonly Dictionary<string, string> _constants = new(StringComparer.Ordinal);

    private FunctionsSource(string folder)
    {
        Folder = folder;
        var files = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{System.IO.Path.DirectorySeparatorChar}obj{System.IO.Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{System.IO.Path.DirectorySeparatorChar}bin{System.IO.Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Name: System.IO.Path.GetRelativePath(folder, f), Code: CSharpText.StripComments(File.ReadAllText(f))))
            .ToList();

        foreach (var (_, code) in files)
        {
            foreach (Match m in ConstantPattern().Matches(code))
            {
                _constants[m.Groups["name"].Value] = m.Groups["value"].Value;
            }
        }

        foreach (var (name, code) in files)
        {
            Read(name, code);
        }
    }

    public string Folder { get; }

    public List<FunctionsHttpTrigger> HttpTriggers { get; } = [];

    public List<FunctionsBlobTrigger> BlobTriggers { get; } = [];

    public List<FunctionsTimerTrigger> TimerTriggers { get; } = [];

    public static FunctionsSource Load(string folder) => new(folder);

    private void Read(string file, string code)
    {
        var functions = FunctionPattern().Matches(code).Select(m => (m.Index, Name: Evaluate(CSharpText.Arguments(code, m.Index + m.Length - 1)[0]))).ToList();
        string FunctionAt(int index) =>
            functions.LastOrDefault(f => f.Index < index).Name
            ?? throw new InvalidOperationException($"{file}: a trigger at offset {index} has no [Function(...)] before it.");

        foreach (Match m in TriggerPattern().Matches(code))
        {
            var args = m.Groups["paren"].Success ? CSharpText.Arguments(code, m.Index + m.Length - 1) : [];
            var positional = args.Where(a => !NamedArgument().IsMatch(a)).ToList();
            var named = args.Select(a => NamedArgument().Match(a)).Where(n => n.Success)
                .ToDictionary(n => n.Groups["name"].Value, n => n.Groups["value"].Value.Trim(), StringComparer.Ordinal);
            var function = FunctionAt(m.Index);
            switch (m.Groups["kind"].Value)
            {
                case "Http":
                    var level = positional.Select(a => AuthLevelPattern().Match(a)).FirstOrDefault(l => l.Success)?.Groups["level"].Value;
                    var methods = positional.Where(a => !AuthLevelPattern().IsMatch(a)).Select(a => Evaluate(a).ToUpperInvariant()).ToList();
                    var route = named.TryGetValue("Route", out var r) ? Evaluate(r) : function;
                    HttpTriggers.Add(new FunctionsHttpTrigger(function, file, level, methods, route));
                    break;
                case "Blob":
                    BlobTriggers.Add(new FunctionsBlobTrigger(function, file, Evaluate(positional.Single()),
                        named.GetValueOrDefault("Source"), named.TryGetValue("Connection", out var c) ? Evaluate(c) : null));
                    break;
                case "Timer":
                    var declared = functions.Last(f => f.Index < m.Index).Index;
                    var retry = RetryPattern().Match(code[declared..m.Index]);
                    TimerTriggers.Add(new FunctionsTimerTrigger(function, file, Evaluate(positional.Single()), retry.Success ? retry.Value : null));
                    break;
            }
        }
    }

    /// <summary>The value of a constant C# string expression.</summary>
    public string Evaluate(string expression)
    {
        var e = expression.Trim();
        var parts = CSharpText.SplitTopLevel(e, '+');
        if (parts.Count > 1)
        {
            return string.Concat(parts.Select(Evaluate));
        }

        if (e.StartsWith("$@\"", StringComparison.Ordinal) || e.StartsWith("@$\"", StringComparison.Ordinal))
        {
            return Interpolate(e[3..^1].Replace("\"\"", "\"", StringComparison.Ordinal));
        }

        if (e.StartsWith("$\"", StringComparison.Ordinal))
        {
            return Interpolate(Regex.Unescape(e[2..^1]));
        }

        if (e.StartsWith("@\"", StringComparison.Ordinal))
        {
            return e[2..^1].Replace("\"\"", "\"", StringComparison.Ordinal);
        }

        if (e.StartsWith('"'))
        {
            return Regex.Unescape(e[1..^1]);
        }

        if (NameOfPattern().Match(e) is { Success: true } nameOf)
        {
            return nameOf.Groups["name"].Value.Split('.')[^1];
        }

        if (IdentifierPattern().IsMatch(e))
        {
            return Resolve(e);
        }

        throw new InvalidOperationException($"The expression '{e}' in {Folder} is not a constant string this test can read.");
    }

    private string Interpolate(string template)
    {
        var text = new StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] == '{' && i + 1 < template.Length && template[i + 1] == '{')
            {
                text.Append('{');
                i++;
            }
            else if (template[i] == '}' && i + 1 < template.Length && template[i + 1] == '}')
            {
                text.Append('}');
                i++;
            }
            else if (template[i] == '{')
            {
                var end = template.IndexOf('}', i);
                text.Append(Evaluate(template[(i + 1)..end]));
                i = end;
            }
            else
            {
                text.Append(template[i]);
            }
        }

        return text.ToString();
    }

    private string Resolve(string identifier)
    {
        var segments = identifier.Split('.');
        var name = segments[^1];
        var qualifier = string.Join('.', segments[..^1]);
        if (_constants.TryGetValue(name, out var local) && (qualifier.Length == 0 || !IsDeclaredOutside(qualifier, name)))
        {
            return Evaluate(local);
        }

        var matches = new[] { typeof(BriefingsApi).Assembly, typeof(RunnerHost).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => qualifier.Length == 0 || $".{t.FullName!.Replace('+', '.')}".EndsWith($".{qualifier}", StringComparison.Ordinal))
            .Select(t => t.GetField(name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
            .Select(f => (string)f!.GetRawConstantValue()!)
            .Distinct()
            .ToList();
        return matches.Count == 1
            ? matches[0]
            : throw new InvalidOperationException($"The constant '{identifier}' used in {Folder} was not found (or is ambiguous) in the Functions sources, Core or the runner.");
    }

    private bool IsDeclaredOutside(string qualifier, string name) =>
        new[] { typeof(BriefingsApi).Assembly, typeof(RunnerHost).Assembly }
            .SelectMany(a => a.GetTypes())
            .Any(t => $".{t.FullName!.Replace('+', '.')}".EndsWith($".{qualifier}", StringComparison.Ordinal)
                && t.GetField(name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static) is { IsLiteral: true });

    [GeneratedRegex(@"\bconst\s+string\s+(?<name>\w+)\s*=\s*(?<value>[^;]+);")]
    private static partial Regex ConstantPattern();

    [GeneratedRegex(@"\[\s*Function(?:Attribute)?\s*\(")]
    private static partial Regex FunctionPattern();

    [GeneratedRegex(@"(?<=[\[,]\s*)(?<kind>Http|Blob|Timer)Trigger(?:Attribute)?\b(?<paren>\s*\()?")]
    private static partial Regex TriggerPattern();

    // A function-level retry policy: [ExponentialBackoffRetry(3, "00:00:10", "00:05:00")] or [FixedDelayRetry(3, "00:00:30")].
    [GeneratedRegex(@"(?<kind>ExponentialBackoff|FixedDelay)Retry(?:Attribute)?\s*\(\s*(?<count>-?\d+)\s*,(?<intervals>[^)]*)\)")]
    public static partial Regex RetryPattern();

    [GeneratedRegex(@"^(?<name>[A-Za-z_]\w*)\s*=(?!=)(?<value>.+)$", RegexOptions.Singleline)]
    private static partial Regex NamedArgument();

    [GeneratedRegex(@"^\s*AuthorizationLevel\.(?<level>\w+)\s*$")]
    private static partial Regex AuthLevelPattern();

    [GeneratedRegex(@"^nameof\s*\(\s*(?<name>[\w.]+)\s*\)$")]
    private static partial Regex NameOfPattern();

    [GeneratedRegex(@"^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$")]
    private static partial Regex IdentifierPattern();
}
