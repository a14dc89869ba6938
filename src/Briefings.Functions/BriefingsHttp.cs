using Briefings.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Briefings.Functions;

/// <summary>The public read API: the same Core handlers as the runner's routes, anonymous.</summary>
public sealed class BriefingsHttp(BriefingsApi api, BriefingsFeed feed)
{
    [Function(nameof(BriefingsArchive))]
    public Task<IResult> BriefingsArchive(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = FunctionRoutes.Archive)] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.GetArchiveAsync(request.Query["before"], request.Query["limit"], cancellationToken);

    [Function(nameof(LatestBriefing))]
    public Task<IResult> LatestBriefing(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = FunctionRoutes.Latest)] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.GetLatestAsync(request.Query["format"], request.Headers.Accept, cancellationToken);

    [Function(nameof(AtomFeed))]
    public Task<IResult> AtomFeed(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = FunctionRoutes.Feed)] HttpRequest request,
        CancellationToken cancellationToken) =>
        feed.GetFeedAsync(cancellationToken);

    [Function(nameof(DayBriefing))]
    public Task<IResult> DayBriefing(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = FunctionRoutes.Day)] HttpRequest request,
        string date,
        CancellationToken cancellationToken) =>
        api.GetDayAsync(date, request.Query["format"], request.Headers.Accept, cancellationToken);

    [Function(nameof(BriefingStory))]
    public Task<IResult> BriefingStory(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = FunctionRoutes.Story)] HttpRequest request,
        string date,
        string storyId,
        CancellationToken cancellationToken) =>
        api.GetStoryAsync(date, storyId, cancellationToken);
}
