using Briefings.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Briefings.Functions;

/// <summary>
/// The admin operations, behind a function key (header <c>x-functions-key</c>): the host checks
/// it before the worker is called, so the handlers only do the work.
/// </summary>
public sealed class BriefingsAdminHttp(BriefingsAdmin admin)
{
    [Function(nameof(BuildBriefing))]
    public Task<IResult> BuildBriefing(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = FunctionRoutes.Build)] HttpRequest request,
        string date,
        CancellationToken cancellationToken) =>
        admin.BuildAsync(date, cancellationToken);

    [Function(nameof(UploadArticle))]
    public Task<IResult> UploadArticle(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = FunctionRoutes.Articles)] HttpRequest request,
        CancellationToken cancellationToken) =>
        admin.UploadArticleAsync(request.Query["name"], request.ContentType, request.Body, cancellationToken);
}
