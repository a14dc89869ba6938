using Briefings.Core.Digests;
using Briefings.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Briefings.Functions;

/// <summary>
/// The read API, anonymous like the runner's: <c>GET /api/briefings/latest</c> and <c>GET /api/briefings/{yyyy-MM-dd}</c>.
/// The ASP.NET Core integration executes a returned <see cref="IResult"/> itself
/// (FunctionsHttpProxyingMiddleware.TryHandleHttpResult in Worker.Extensions.Http.AspNetCore), so these
/// are the very responses the runner's routes write.
/// </summary>
public sealed class BriefingsHttp(DigestStore digests)
{
    /// <summary>
    /// <see cref="BriefingsApi.Routes.Day"/> with a length guard: the host tries routes in the order of
    /// function names, not by precedence, so "latest" would otherwise be taken for a date (azure-functions-host #9876).
    /// </summary>
    private const string DayRoute = "briefings/{date:length(10)}";

    [Function(nameof(LatestBriefing))]
    public Task<IResult> LatestBriefing(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = BriefingsApi.Routes.Latest)] HttpRequest request,
        CancellationToken cancellationToken) =>
        BriefingsApi.GetLatestAsync(request.Query["format"], digests, cancellationToken);

    [Function(nameof(DayBriefing))]
    public Task<IResult> DayBriefing(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = DayRoute)] HttpRequest request,
        string date,
        CancellationToken cancellationToken) =>
        BriefingsApi.GetDayAsync(date, request.Query["format"], digests, cancellationToken);
}
