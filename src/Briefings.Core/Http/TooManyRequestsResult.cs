using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Briefings.Core.Http;

/// <summary>429 with <c>Retry-After</c> in whole seconds, around any body.</summary>
public sealed class TooManyRequestsResult(TimeSpan retryAfter, IResult body) : IResult
{
    public TimeSpan RetryAfter { get; } = retryAfter;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return body.ExecuteAsync(httpContext);
    }
}
