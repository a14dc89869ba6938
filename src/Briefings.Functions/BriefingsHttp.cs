using Briefings.Core.Digests;
using Briefings.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Briefings.Functions;

/// <summary>The read API: <c>GET /api/briefings/latest</c> and <c>GET /api/briefings/{yyyy-MM-dd}</c>.</summary>
public sealed class BriefingsHttp(DigestStore digests)
{
    /// <summary>
    /// <see cref="BriefingsApi.Routes.Day"/> with a length guard: the host tries routes in the order of
    /// function names, not by precedence, so "latest" would otherwise be taken for a date (azure-functions-host #9876).
    /// </summary>
    private const string DayRoute = "briefings/{date:length(10)}";

    [Function(nameof(LatestBriefing))]
    public async Task<IActionResult> LatestBriefing(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = BriefingsApi.Routes.Latest)] HttpRequest request,
        CancellationToken cancellationToken) =>
        new HttpResultAction(await BriefingsApi.GetLatestAsync(request.Query["format"], digests, cancellationToken));

    [Function(nameof(DayBriefing))]
    public async Task<IActionResult> DayBriefing(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = DayRoute)] HttpRequest request,
        string date,
        CancellationToken cancellationToken) =>
        new HttpResultAction(await BriefingsApi.GetDayAsync(date, request.Query["format"], digests, cancellationToken));
}
