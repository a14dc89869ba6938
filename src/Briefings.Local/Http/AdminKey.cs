using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Briefings.Local.Http;

/// <summary>The runner's stand-in for Azure's function keys (setting <c>Briefings:AdminKey</c>).</summary>
public sealed class AdminOptions
{
    /// <summary>The key admin requests send in <see cref="AdminKey.Header"/>. Without one, admin routes refuse everyone.</summary>
    public string? AdminKey { get; set; }
}

/// <summary>Admin routes need the configured key in the header Azure uses for function keys.</summary>
public static partial class AdminKey
{
    public const string Header = "x-functions-key";

    /// <summary>Marks the endpoints as needing the key, for the filter and the OpenAPI document.</summary>
    public static RouteGroupBuilder RequireAdminKey(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter<AdminKeyFilter>().WithMetadata(new AdminKeyRequired());
        return group;
    }

    /// <summary>
    /// True only when a key is configured and the presented one equals it. Comparing hashes in
    /// constant time reveals neither the key's length nor how much of it a guess got right.
    /// </summary>
    public static bool Matches(string? configured, string? presented)
    {
        if (string.IsNullOrEmpty(configured) || string.IsNullOrEmpty(presented))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(configured)),
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
    }

    [LoggerMessage(5001, LogLevel.Warning, "Refused an admin request to {Path}: the admin key is missing or wrong")]
    internal static partial void Refused(ILogger logger, string path);

    [LoggerMessage(5002, LogLevel.Warning, "Refused an admin request to {Path}: no admin key is configured (Briefings:AdminKey)")]
    internal static partial void NotConfigured(ILogger logger, string path);
}

/// <summary>Metadata on endpoints that need the admin key.</summary>
public sealed record AdminKeyRequired;

internal sealed class AdminKeyFilter(IOptionsMonitor<AdminOptions> options, ILogger<AdminKeyFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var configured = options.CurrentValue.AdminKey;
        var presented = http.Request.Headers[AdminKey.Header];
        if (presented.Count == 1 && AdminKey.Matches(configured, presented[0]))
        {
            return await next(context);
        }

        if (string.IsNullOrEmpty(configured))
        {
            AdminKey.NotConfigured(logger, http.Request.Path);
        }
        else
        {
            AdminKey.Refused(logger, http.Request.Path);
        }

        // The same answer whether no key is configured, none was sent, or it was wrong.
        http.Response.Headers[HeaderNames.WWWAuthenticate] = $"ApiKey header=\"{AdminKey.Header}\"";
        return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "A valid admin key is required.");
    }
}
