using Briefings.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Briefings.Functions;

/// <summary>The web page: the latest briefing at the site root, any day, a story's own page, and the archive.</summary>
public sealed class BriefingsPagesHttp(BriefingsPages pages)
{
    [Function(nameof(HomePage))]
    public Task<IResult> HomePage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = FunctionRoutes.Home)] HttpRequest request,
        CancellationToken cancellationToken) =>
        pages.GetLatestAsync(cancellationToken);

    [Function(nameof(ArchivePage))]
    public Task<IResult> ArchivePage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = FunctionRoutes.ArchivePage)] HttpRequest request,
        CancellationToken cancellationToken) =>
        pages.GetArchiveAsync(request.Query["before"], cancellationToken);

    [Function(nameof(DayPage))]
    public Task<IResult> DayPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = FunctionRoutes.DayPage)] HttpRequest request,
        string date,
        CancellationToken cancellationToken) =>
        pages.GetDayAsync(date, cancellationToken);

    [Function(nameof(StoryPage))]
    public Task<IResult> StoryPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = FunctionRoutes.StoryPage)] HttpRequest request,
        string date,
        string storyId,
        CancellationToken cancellationToken) =>
        pages.GetStoryAsync(date, storyId, cancellationToken);
}
