using Briefings.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Briefings.Functions;

/// <summary>The public read API: the same Core handlers as the runner's routes, anonymous.</summary>
public sealed class BriefingsHttp(BriefingsApi api, BriefingsFeed feed)
{
    [Function(nameof(BriefingsArchive))]
    public async Task<IActionResult> BriefingsArchive(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FunctionRoutes.Archive)] HttpRequest request,
        CancellationToken cancellationToken) =>
        new HttpResultAction(await api.GetArchiveAsync(request.Query["before"], request.Query["limit"], cancellationToken));

    [Function(nameof(LatestBriefing))]
    public async Task<IActionResult> LatestBriefing(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FunctionRoutes.Latest)] HttpRequest request,
        CancellationToken cancellationToken) =>
        new HttpResultAction(await api.GetLatestAsync(request.Query["format"], request.Headers.Accept, cancellationToken));

    [Function(nameof(AtomFeed))]
    public async Task<IActionResult> AtomFeed(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FunctionRoutes.Feed)] HttpRequest request,
        CancellationToken cancellationToken) =>
        new HttpResultAction(await feed.GetFeedAsync(cancellationToken));

    [Function(nameof(DayBriefing))]
    public async Task<IActionResult> DayBriefing(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FunctionRoutes.Day)] HttpRequest request,
        string date,
        CancellationToken cancellationToken) =>
        new HttpResultAction(await api.GetDayAsync(date, request.Query["format"], request.Headers.Accept, cancellationToken));

    [Function(nameof(BriefingStory))]
    public async Task<IActionResult> BriefingStory(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FunctionRoutes.Story)] HttpRequest request,
        string date,
        string storyId,
        CancellationToken cancellationToken) =>
        new HttpResultAction(await api.GetStoryAsync(date, storyId, cancellationToken));
}
