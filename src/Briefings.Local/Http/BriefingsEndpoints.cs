using Briefings.Core.Digests;
using Briefings.Core.Http;

namespace Briefings.Local.Http;

public static class BriefingsEndpoints
{
    /// <summary>The public routes: the same handlers the Functions HTTP triggers call.</summary>
    public static IEndpointRouteBuilder MapBriefingsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapSubscriptionsApi();
        api.MapGet(BriefingsApi.Routes.Latest, (string? format, DigestStore digests, CancellationToken ct) => BriefingsApi.GetLatestAsync(format, digests, ct));
        api.MapGet(BriefingsApi.Routes.Day, (string date, string? format, DigestStore digests, CancellationToken ct) => BriefingsApi.GetDayAsync(date, format, digests, ct));

        app.MapGet("/", (DigestStore digests, CancellationToken ct) => BriefingsApi.GetLatestAsync("html", digests, ct));
        app.MapGet("/briefings/{date}", (string date, DigestStore digests, CancellationToken ct) => BriefingsApi.GetDayAsync(date, "html", digests, ct));
        return app;
    }
}
