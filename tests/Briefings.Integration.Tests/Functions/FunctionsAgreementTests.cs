using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Briefings.Core.Articles;
using Briefings.Core.Digests;
using Briefings.Core.Storage;
using Briefings.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Briefings.Integration.Tests.Functions;

/// <summary>
/// The Functions app (src/Briefings.Functions, read as text) and the runner (built and probed) must agree on
/// routes, methods, authorization, containers and the schedule, and the deployment files must say the same,
/// so that the app tested here is the app that runs in Azure. Data-driven: it covers whatever routes,
/// triggers and containers exist.
/// </summary>
public sealed class FunctionsAgreementTests : IAsyncLifetime
{
    private const string Anonymous = "Anonymous";
    private const string FunctionLevel = "Function";

    private static readonly FunctionsSource Functions = FunctionsSource.Load(DeploymentFiles.FunctionsFolder);

    private readonly string _key = Guid.NewGuid().ToString("N");
    private Runner _runner = null!;

    public async Task InitializeAsync() =>
        _runner = await Runner.StartAsync(settings: new Dictionary<string, string?> { [RunnerRoutes.KeySetting] = _key });

    public async Task DisposeAsync() => await _runner.DisposeAsync();

    [Fact]
    public async Task EveryRunnerApiRouteHasAFunctionsTriggerWithTheSameMethodAndAuthorization()
    {
        var routes = await RunnerRoutes.ProbeAsync(_runner, _key, UnderRoutePrefix);
        Assert.NotEmpty(routes);

        var problems = new List<string>();
        foreach (var route in routes)
        {
            var level = route.RequiresKey ? FunctionLevel : Anonymous;
            if (route.RequiresKey && route.StatusWithKey is 401 or 403)
            {
                problems.Add($"{route}: the runner refuses it with the {RunnerRoutes.KeyHeader} header set to {RunnerRoutes.KeySetting} too ({route.StatusWithKey}); admin routes must accept that key, as Azure accepts a function key.");
            }

            var triggers = Functions.HttpTriggers.Where(t => SameRoute(t.Route, route.Template) && Serves(t, route.Method)).ToList();
            if (triggers.Count == 0)
            {
                problems.Add($"{route}: the runner serves it, but no HTTP trigger in {DeploymentFiles.FunctionsFolder} does. " +
                    $"Add one with [HttpTrigger(AuthorizationLevel.{level}, \"{route.Method.ToLowerInvariant()}\", Route = \"{FunctionsRoute(route.Template)}\")].");
            }
            else if (triggers.Count > 1)
            {
                problems.Add($"{route}: more than one Functions trigger serves it ({string.Join(", ", triggers.Select(t => t.Function))}).");
            }
            else if (triggers[0].AuthLevel != level)
            {
                problems.Add($"{route}: the runner {(route.RequiresKey ? $"asks for the key (status {route.StatusWithoutKey} without it)" : $"serves it without a key (status {route.StatusWithoutKey})")}, " +
                    $"so {triggers[0].Function} in {triggers[0].File} must use AuthorizationLevel.{level}, not {triggers[0].AuthLevel ?? "the default"}.");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void EveryFunctionsHttpTriggerIsARunnerRouteWithAnExplicitLevel()
    {
        var served = RunnerRoutes.Endpoints(_runner.App).Where(e => UnderRoutePrefix(e.Endpoint.RoutePattern)).ToList();
        Assert.NotEmpty(Functions.HttpTriggers);

        var problems = new List<string>();
        foreach (var trigger in Functions.HttpTriggers)
        {
            if (trigger.AuthLevel is not (Anonymous or FunctionLevel))
            {
                problems.Add($"{trigger.Function} in {trigger.File}: state AuthorizationLevel.Anonymous (public reads) or AuthorizationLevel.Function (admin routes), not {trigger.AuthLevel ?? "nothing"}.");
            }

            var methods = trigger.Methods.Count == 0 ? [RunnerRoutes.AnyMethod] : trigger.Methods;
            foreach (var method in methods.Where(m => !served.Any(e => SameRoute(trigger.Route, e.Endpoint.RoutePattern.RawText!) && e.Method == m)))
            {
                problems.Add($"{method} /{Prefixed(trigger.Route)} ({trigger.Function} in {trigger.File}): the runner has no such route, so it is never tested; map it in src/Briefings.Local/Http.");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void NoFunctionsRouteCapturesAnotherFunctionsLiteralRoute()
    {
        // The Functions host tries routes in the order of function names, not by ASP.NET Core's
        // precedence (azure-functions-host #9876): "briefings/{date}" would answer "briefings/latest".
        var constraints = _runner.Services.GetRequiredService<IInlineConstraintResolver>();
        var problems = (
            from literal in Functions.HttpTriggers
            where RoutePatternFactory.Parse(literal.Route).Parameters.Count == 0
            from other in Functions.HttpTriggers
            where other != literal && SharesAMethod(literal, other) && Captures(other.Route, literal.Route, constraints)
            select $"{other.Function} (route \"{other.Route}\") also matches {literal.Function}'s \"{literal.Route}\"; constrain its parameters so it cannot, e.g. {{date:length(10)}}.").ToList();

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void BlobTriggersWatchCoresContainersThroughEventGrid()
    {
        var trigger = Assert.Single(Functions.BlobTriggers, t => Container(t.Path) == Containers.Inbox);
        var problems = new List<string>();
        var settings = DeploymentFiles.LocalSettings;
        var app = DeploymentFiles.Bicep(Path.Combine("app", "functions.bicep"));
        foreach (var blob in Functions.BlobTriggers)
        {
            if (!CoreContainers.Contains(Container(blob.Path)))
            {
                problems.Add($"{blob.Function}: '{blob.Path}' is not in one of Core's containers ({string.Join(", ", CoreContainers)}).");
            }

            if (blob.Source != "BlobTriggerSource.EventGrid")
            {
                problems.Add($"{blob.Function}: Flex Consumption supports only Source = BlobTriggerSource.EventGrid (found {blob.Source ?? "the polling default"}).");
            }

            var connection = blob.Connection ?? "AzureWebJobsStorage";
            if (!settings.ContainsKey(connection))
            {
                problems.Add($"{blob.Function}: the connection setting '{connection}' is missing from local.settings.json.example.");
            }

            foreach (var suffix in new[] { "blobServiceUri", "queueServiceUri", "credential", "clientId" }.Where(s => DeploymentFiles.PropertyValues(app, $"{connection}__{s}").Count == 0))
            {
                problems.Add($"{blob.Function}: infra/app/functions.bicep does not set the identity-based setting {connection}__{suffix}.");
            }
        }

        var subscription = DeploymentFiles.Bicep(Path.Combine("app", "inbox-subscription.bicep"));
        if (DeploymentFiles.ParameterDefault(subscription, "containerName") != Containers.Inbox)
        {
            problems.Add($"infra/app/inbox-subscription.bicep: containerName must default to '{Containers.Inbox}'.");
        }

        if (DeploymentFiles.ParameterDefault(subscription, "functionName") != trigger.Function)
        {
            problems.Add($"infra/app/inbox-subscription.bicep: functionName must default to '{trigger.Function}', the blob-triggered function.");
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void AzureStorageHoldsEveryContainerCoreUses()
    {
        var declared = DeploymentFiles.ArrayVariable(DeploymentFiles.Bicep(Path.Combine("app", "storage.bicep")), "dataContainers");

        Assert.True(CoreContainers.SetEquals(declared),
            $"infra/app/storage.bicep's dataContainers ({string.Join(", ", declared)}) must be Briefings.Core.Storage.Containers ({string.Join(", ", CoreContainers)}).");
    }

    [Fact]
    public void AzureStorageRemovesOnlyWhatTheAppCanMakeAgainAndOnlyAfterADayStopsReadingIt()
    {
        var storage = DeploymentFiles.Bicep(Path.Combine("app", "storage.bicep"));
        var remade = DeploymentFiles.ArrayVariable(storage, "remadeContainers");
        var continuityDays = _runner.Services.GetRequiredService<IOptions<DigestOptions>>().Value.ContinuityDays;

        Assert.True(Containers.Remade.ToHashSet().SetEquals(remade),
            $"infra/app/storage.bicep's remadeContainers ({string.Join(", ", remade)}) must be Briefings.Core.Storage.Containers.Remade ({string.Join(", ", Containers.Remade)}).");
        Assert.Equal(["[for container in remadeContainers: '${container}/']"], DeploymentFiles.PropertyValues(storage, "prefixMatch"));
        Assert.Equal(["{ daysAfterModificationGreaterThan: keptModelOutputDays }"], DeploymentFiles.PropertyValues(storage, "delete"));
        Assert.True(int.Parse(DeploymentFiles.ParameterDefault(storage, "keptModelOutputDays")!, CultureInfo.InvariantCulture) > continuityDays + 1,
            $"keptModelOutputDays must outlast the days a build reads ({continuityDays} before it, and its own).");
    }

    [Fact]
    public void TheTimerReadsTheRunnersScheduleFromOneAppSetting()
    {
        var schedule = _runner.Services.GetRequiredService<IOptions<DigestOptions>>().Value.Schedule;
        var timer = Assert.Single(Functions.TimerTriggers);
        var setting = Assert.Single(System.Text.RegularExpressions.Regex.Matches(timer.Schedule, "^%(?<name>[^%]+)%$")).Groups["name"].Value;
        var settings = DeploymentFiles.LocalSettings;
        var main = DeploymentFiles.Bicep("main.bicep");

        Assert.True(settings.GetValueOrDefault(setting) == schedule,
            $"local.settings.json.example must set {setting} (read by {timer.Function}) to the runner's schedule '{schedule}'.");
        Assert.True(settings.GetValueOrDefault("Briefings__Digest__Schedule") == schedule,
            $"local.settings.json.example must set Briefings__Digest__Schedule to '{schedule}'.");

        var parameter = Assert.Single(DeploymentFiles.PropertyValues(main, setting));
        Assert.True(DeploymentFiles.PropertyValues(main, "Briefings__Digest__Schedule").SequenceEqual([parameter]),
            $"infra/main.bicep must set {setting} and Briefings__Digest__Schedule from the same parameter ({parameter}).");
        Assert.True(DeploymentFiles.ParameterDefault(main, parameter) == schedule,
            $"infra/main.bicep: param {parameter} must default to the runner's schedule '{schedule}'.");
        Assert.True(DeploymentFiles.AzdDefault(DeploymentFiles.MainParameters.GetProperty(parameter).GetProperty("value").GetString()!) == schedule,
            $"infra/main.parameters.json: {parameter} must default to '{schedule}'.");
    }

    [Fact]
    public void HostJsonLetsTheHandlerPoisonFirstAndTheTimerDeclaresItsRetries()
    {
        var host = DeploymentFiles.HostJson;
        var attempts = _runner.Services.GetRequiredService<IngestOptions>().MaxAttempts;
        var settings = DeploymentFiles.LocalSettings;

        Assert.Equal("2.0", host.GetProperty("version").GetString());
        Assert.True(TimeSpan.TryParse(host.GetProperty("functionTimeout").GetString(), out _));
        Assert.True(host.GetProperty("extensions").GetProperty("blobs").GetProperty("poisonBlobThreshold").GetInt32() > attempts,
            $"host.json's poisonBlobThreshold must exceed Briefings:Ingest:MaxAttempts ({attempts}) so the handler poisons with a reason before the host does.");
        Assert.True(host.GetProperty("extensions").GetProperty("blobs").GetProperty("maxDegreeOfParallelism").GetInt32() >= 1);
        // The timer's run that finds the mail server unreachable throws to be run again: its retry
        // policy is declared on the function, which is where the isolated worker reads one.
        var timer = Assert.Single(Functions.TimerTriggers);
        var retry = FunctionsSource.RetryPattern().Match(timer.Retry ?? "");
        Assert.True(retry.Success, $"{timer.Function} declares no [ExponentialBackoffRetry] or [FixedDelayRetry].");
        Assert.InRange(int.Parse(retry.Groups["count"].Value, CultureInfo.InvariantCulture), 1, 10);
        Assert.All(
            Regex.Matches(retry.Groups["intervals"].Value, "\"(?<interval>[^\"]*)\"").Select(i => i.Groups["interval"].Value),
            interval => Assert.True(TimeSpan.TryParse(interval, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero, $"'{interval}' is no interval"));
        Assert.False(host.TryGetProperty("retry", out _), "host.json's retry section is not read for isolated-worker functions; declare it on the function.");
        Assert.Equal("dotnet-isolated", settings["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.Equal("UseDevelopmentStorage=true", settings["AzureWebJobsStorage"]);
    }

    private static HashSet<string> CoreContainers { get; } = typeof(Containers)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);

    private static string Container(string blobPath) => blobPath.Split('/')[0];

    /// <summary>
    /// Runner routes the Functions app deliberately does not serve: the OpenAPI document is generated
    /// from the runner's endpoint metadata, which the isolated worker does not have.
    /// </summary>
    private static readonly string[] RunnerOnly = ["openapi/{documentName}.json"];

    private static bool UnderRoutePrefix(RoutePattern pattern)
    {
        if (RunnerOnly.Contains((pattern.RawText ?? "").Trim('/'), StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        var prefix = DeploymentFiles.RoutePrefix;
        var raw = "/" + (pattern.RawText ?? "").TrimStart('/');
        return prefix.Length == 0
            || raw.Equals($"/{prefix}", StringComparison.OrdinalIgnoreCase)
            || raw.StartsWith($"/{prefix}/", StringComparison.OrdinalIgnoreCase);
    }

    private static string Prefixed(string functionsRoute) =>
        string.Join('/', new[] { DeploymentFiles.RoutePrefix, functionsRoute.Trim('/') }.Where(s => s.Length > 0));

    /// <summary>The Functions route for a runner template: the template without the host's route prefix.</summary>
    private static string FunctionsRoute(string runnerTemplate)
    {
        var path = runnerTemplate.Trim('/');
        var prefix = DeploymentFiles.RoutePrefix;
        return prefix.Length > 0 && path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? path[prefix.Length..].TrimStart('/') : path;
    }

    /// <summary>Whether a Functions route (under the route prefix) and a runner template name the same path, constraints aside.</summary>
    private static bool SameRoute(string functionsRoute, string runnerTemplate) =>
        Normalize(Prefixed(functionsRoute)) == Normalize(runnerTemplate);

    /// <summary>
    /// A template reduced to its shape. A segment that is only an optional parameter limited to length 0
    /// matches nothing but the empty path (the Functions way of routing the site root), so it drops out.
    /// </summary>
    private static string Normalize(string template) =>
        string.Join('/', RoutePatternFactory.Parse(template.Trim('/')).PathSegments.Where(segment => !MatchesOnlyEmpty(segment)).Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content.ToLowerInvariant(),
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => $"{{{(parameter.IsCatchAll ? "*" : "")}{parameter.Name.ToLowerInvariant()}{(parameter.IsOptional ? "?" : "")}}}",
            _ => "",
        }))));

    private static bool MatchesOnlyEmpty(RoutePatternPathSegment segment) =>
        segment.Parts is [RoutePatternParameterPart { IsOptional: true } parameter]
        && parameter.ParameterPolicies.Any(p => p.Content?.Replace(" ", "", StringComparison.Ordinal) == "maxlength(0)");

    private static bool Serves(FunctionsHttpTrigger trigger, string method) =>
        method == RunnerRoutes.AnyMethod ? trigger.Methods.Count == 0 : trigger.Methods.Count == 0 || trigger.Methods.Contains(method);

    private static bool SharesAMethod(FunctionsHttpTrigger a, FunctionsHttpTrigger b) =>
        a.Methods.Count == 0 || b.Methods.Count == 0 || a.Methods.Intersect(b.Methods).Any();

    /// <summary>Whether the route template, with its inline constraints, matches the literal path.</summary>
    private static bool Captures(string template, string literalPath, IInlineConstraintResolver constraints)
    {
        var values = new RouteValueDictionary();
        if (!new TemplateMatcher(TemplateParser.Parse(template), new RouteValueDictionary()).TryMatch("/" + literalPath.Trim('/'), values))
        {
            return false;
        }

        return RoutePatternFactory.Parse(template).Parameters.All(parameter =>
            !values.TryGetValue(parameter.Name, out var value) || value is null
            || RunnerRoutes.Accepts(parameter, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!, constraints));
    }
}
