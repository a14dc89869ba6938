using System.Globalization;
using Briefings.Core.Digests;
using Briefings.Core.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Briefings.Core.Http;

/// <summary>
/// The read side of the HTTP API. Each handler returns an <see cref="IResult"/>, so the runner's
/// minimal-API routes and the Functions HTTP triggers return exactly the same responses.
/// </summary>
public static class BriefingsApi
{
    /// <summary>Routes, shared by the runner and the Functions adapter.</summary>
    public static class Routes
    {
        public const string Latest = "briefings/latest";
        public const string Day = "briefings/{date}";
    }

    /// <summary><c>GET /api/briefings/latest[?format=html|md|txt]</c>.</summary>
    public static async Task<IResult> GetLatestAsync(string? format, DigestStore digests, CancellationToken cancellationToken)
    {
        var latest = await digests.LatestDayAsync(cancellationToken);
        return latest is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No briefing has been built yet.")
            : await GetAsync(latest.Value, format, digests, cancellationToken);
    }

    /// <summary><c>GET /api/briefings/{yyyy-MM-dd}[?format=html|md|txt]</c>.</summary>
    public static async Task<IResult> GetDayAsync(string date, string? format, DigestStore digests, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The date must be written yyyy-MM-dd.", detail: $"'{date}' is not such a date.");
        }

        return await GetAsync(day, format, digests, cancellationToken);
    }

    private static async Task<IResult> GetAsync(DateOnly day, string? format, DigestStore digests, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(format) || format.Equals("json", StringComparison.OrdinalIgnoreCase))
        {
            var stored = await digests.GetJsonAsync(day, cancellationToken);
            return stored is null
                ? NotFound(day)
                : TypedResults.Bytes(stored.Content, stored.ContentType, entityTag: EntityTagHeaderValue.Parse(stored.ETag));
        }

        var parsed = RenderFormats.Parse(format);
        if (parsed is null or RenderFormat.Email)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown format.", detail: "Use json, html, md or txt.");
        }

        var rendering = await digests.GetRenderingAsync(day, parsed.Value, cancellationToken);
        return rendering is null
            ? NotFound(day)
            : TypedResults.Bytes(rendering.Content, rendering.ContentType, entityTag: EntityTagHeaderValue.Parse(rendering.ETag));
    }

    private static ProblemHttpResult NotFound(DateOnly day) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"There is no briefing for {day:yyyy-MM-dd}.");
}
