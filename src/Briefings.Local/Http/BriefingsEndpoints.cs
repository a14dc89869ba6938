using Briefings.Core.Digests;
using Briefings.Core.Http;
using Microsoft.AspNetCore.Mvc;

namespace Briefings.Local.Http;

public static class BriefingsEndpoints
{
    private const string Json = "application/json";

    /// <summary>The API under <c>/api</c>: the same handlers the Functions HTTP triggers call.</summary>
    public static IEndpointRouteBuilder MapBriefingsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup($"/{BriefingsApi.Routes.Prefix}").WithTags("Briefings");
        api.MapSubscriptionsApi();

        api.MapRead(BriefingsApi.Routes.Archive, (string? before, string? limit, BriefingsApi handlers, CancellationToken ct) => handlers.GetArchiveAsync(before, limit, ct))
            .WithName("GetArchive")
            .WithSummary("The archive: days newest first with their headline stories, paged by `before` and `limit` (1–100, default 10).")
            .Produces<ArchiveResponse>(StatusCodes.Status200OK, Json)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapRead(BriefingsApi.Routes.Latest, (string? format, [FromHeader(Name = "Accept")] string? accept, BriefingsApi handlers, CancellationToken ct) => handlers.GetLatestAsync(format, accept, ct))
            .WithName("GetLatestBriefing")
            .WithSummary("The latest briefing: JSON, or `format=html|md|txt`, or as the Accept header asks.")
            .Produces<Digest>(StatusCodes.Status200OK, Json, "text/html", "text/markdown", "text/plain")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status406NotAcceptable);

        api.MapRead(BriefingsApi.Routes.Feed, (BriefingsFeed feed, CancellationToken ct) => feed.GetFeedAsync(ct))
            .WithName("GetFeed")
            .WithSummary("An Atom feed: one entry per day, the day's stories as HTML content.")
            .Produces<string>(StatusCodes.Status200OK, "application/atom+xml")
            .Produces(StatusCodes.Status304NotModified);

        api.MapRead(BriefingsApi.Routes.Day, (string date, string? format, [FromHeader(Name = "Accept")] string? accept, BriefingsApi handlers, CancellationToken ct) => handlers.GetDayAsync(date, format, accept, ct))
            .WithName("GetBriefing")
            .WithSummary("One day's briefing (`yyyy-MM-dd`): JSON, or `format=html|md|txt`, or as the Accept header asks.")
            .Produces<Digest>(StatusCodes.Status200OK, Json, "text/html", "text/markdown", "text/plain")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status406NotAcceptable);

        api.MapRead(BriefingsApi.Routes.Story, (string date, string storyId, BriefingsApi handlers, CancellationToken ct) => handlers.GetStoryAsync(date, storyId, ct))
            .WithName("GetStory")
            .WithSummary("One story of a day's briefing with all its articles, quotes, figures and sources.")
            .Produces<Story>(StatusCodes.Status200OK, Json)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        var admin = app.MapGroup($"/{BriefingsApi.Routes.Prefix}").WithTags("Admin").RequireAdminKey();
        admin.MapDeliveriesApi();

        admin.MapPost(BriefingsApi.Routes.Build, (string date, BriefingsAdmin handlers, CancellationToken ct) => handlers.BuildAsync(date, ct))
            .WithName("BuildBriefing")
            .WithSummary("Builds (or rebuilds) a day's briefing now, without sending it.")
            .Produces<BuildResponse>(StatusCodes.Status200OK, Json)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        admin.MapPost(BriefingsApi.Routes.Articles, (string? name, HttpRequest request, BriefingsAdmin handlers, CancellationToken ct) =>
                handlers.UploadArticleAsync(name, request.ContentType, request.Body, ct))
            .WithName("UploadArticle")
            .WithSummary("Puts an article (text, Markdown, HTML or a JSON envelope) in the inbox under `name` or a generated name; it is ingested from there.")
            .WithMetadata(UploadBody.Instance)
            .Produces<UploadResponse>(StatusCodes.Status202Accepted, Json)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        return app;
    }

    /// <summary>
    /// What an upload's body may be, for the OpenAPI document only: routing would refuse other
    /// types with 415 before the admin key is checked (<c>Accepts</c> metadata is enforced), where
    /// the inbox takes any body and its reader says what it cannot read.
    /// </summary>
    internal sealed class UploadBody
    {
        public static readonly UploadBody Instance = new();

        public IReadOnlyList<string> ContentTypes { get; } = ["text/plain", "text/markdown", "text/html", "application/xhtml+xml", Json];
    }

    /// <summary>
    /// GET, and HEAD with it (RFC 9110: a server that serves GET serves HEAD; link checkers and feed
    /// readers ask with it): the same handler, headers and status, and Kestrel sends no body. Only
    /// GET is described in the OpenAPI document, whose operation ids are one per route.
    /// </summary>
    internal static RouteHandlerBuilder MapRead(this IEndpointRouteBuilder group, string pattern, Delegate handler)
    {
        group.MapMethods(pattern, [HttpMethods.Head], handler).ExcludeFromDescription();
        return group.MapGet(pattern, handler);
    }

    /// <summary>The web page: the latest briefing at <c>/</c>, any day, a story's own page, and the archive.</summary>
    public static IEndpointRouteBuilder MapBriefingsPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/").ExcludeFromDescription();
        pages.MapRead(BriefingsPages.Routes.Home, (BriefingsPages handlers, CancellationToken ct) => handlers.GetLatestAsync(ct));
        pages.MapRead(BriefingsPages.Routes.Archive, (string? before, BriefingsPages handlers, CancellationToken ct) => handlers.GetArchiveAsync(before, ct));
        pages.MapRead(BriefingsPages.Routes.Day, (string date, BriefingsPages handlers, CancellationToken ct) => handlers.GetDayAsync(date, ct));
        pages.MapRead(BriefingsPages.Routes.Story, (string date, string storyId, BriefingsPages handlers, CancellationToken ct) => handlers.GetStoryAsync(date, storyId, ct));
        return app;
    }
}
