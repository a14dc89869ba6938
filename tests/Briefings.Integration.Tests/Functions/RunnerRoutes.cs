using System.Text;
using Briefings.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Integration.Tests.Functions;

/// <summary>A route and method the runner serves, and whether it asks for the admin key.</summary>
public sealed record RunnerRoute(string Method, string Template, bool RequiresKey, int StatusWithoutKey, int? StatusWithKey)
{
    public override string ToString() => $"{Method} {Template}";
}

/// <summary>
/// The runner's routes as its endpoint data sources list them, each probed over HTTP to learn whether it
/// is an admin route: one the runner refuses (401/403) without the <c>x-functions-key</c> header, which is
/// what Azure's function keys ask for. Knowing nothing of how the runner checks the key keeps the
/// agreement test true for whatever routes exist.
/// </summary>
public static class RunnerRoutes
{
    public const string KeyHeader = "x-functions-key";

    /// <summary>The setting that holds the runner's admin key (environment variable <c>Briefings__AdminKey</c>).</summary>
    public const string KeySetting = "Briefings:AdminKey";

    /// <summary>Any method: an endpoint mapped without method metadata.</summary>
    public const string AnyMethod = "*";

    private static readonly string[] SampleValues = ["2001-01-01", "1", "sample", "a"];

    public static IEnumerable<(RouteEndpoint Endpoint, string Method)> Endpoints(WebApplication app) =>
        ((IEndpointRouteBuilder)app).DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [AnyMethod])
                .Select(method => (endpoint, method.ToUpperInvariant())));

    public static async Task<List<RunnerRoute>> ProbeAsync(Runner runner, string key, Func<RoutePattern, bool> include)
    {
        var constraints = runner.Services.GetRequiredService<IInlineConstraintResolver>();
        var routes = new List<RunnerRoute>();
        foreach (var (endpoint, method) in Endpoints(runner.App).Where(e => include(e.Endpoint.RoutePattern)))
        {
            var path = SamplePath(endpoint.RoutePattern, constraints);
            var without = await SendAsync(runner.Client, method, path, key: null);
            var requiresKey = without is 401 or 403;
            var with = requiresKey ? await SendAsync(runner.Client, method, path, key) : (int?)null;
            routes.Add(new RunnerRoute(method, endpoint.RoutePattern.RawText ?? path, requiresKey, without, with));
        }

        return routes;
    }

    /// <summary>Whether a parameter's inline constraints accept a value.</summary>
    public static bool Accepts(RoutePatternParameterPart parameter, string value, IInlineConstraintResolver constraints) =>
        parameter.ParameterPolicies.All(policy =>
            policy.Content is null
            || constraints.ResolveConstraint(policy.Content) is not { } constraint
            || constraint.Match(null, null, parameter.Name, new RouteValueDictionary { [parameter.Name] = value }, RouteDirection.IncomingRequest));

    private static string SamplePath(RoutePattern pattern, IInlineConstraintResolver constraints)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => SampleValues.FirstOrDefault(v => Accepts(parameter, v, constraints)) ?? "sample",
            _ => "",
        })));
        return "/" + string.Join('/', segments);
    }

    private static async Task<int> SendAsync(HttpClient client, string method, string path, string? key)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method == AnyMethod ? "GET" : method), path);
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        if (key is not null)
        {
            request.Headers.Add(KeyHeader, key);
        }

        using var response = await client.SendAsync(request);
        return (int)response.StatusCode;
    }
}
