using Briefings.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Briefings.Functions;

/// <summary>The web page: the latest briefing at the site root, any day, and the archive.</summary>
public sealed class BriefingsPagesHttp(BriefingsPages pages)
{
    [Function(nameof(HomePage))]
    public async Task<IActionResult> HomePage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FunctionRoutes.Home)] HttpRequest request,
        CancellationToken cancellationToken) =>
        new HttpResultAction(await pages.GetLatestAsync(cancellationToken));

    [Function(nameof(ArchivePage))]
    public async Task<IActionResult> ArchivePage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FunctionRoutes.ArchivePage)] HttpRequest request,
        CancellationToken cancellationToken) =>
        new HttpResultAction(await pages.GetArchiveAsync(request.Query["before"], cancellationToken));

    [Function(nameof(DayPage))]
    public async Task<IActionResult> DayPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FunctionRoutes.DayPage)] HttpRequest request,
        string date,
        CancellationToken cancellationToken) =>
        new HttpResultAction(await pages.GetDayAsync(date, cancellationToken));
}
