using Briefings.Core.Http;

namespace Briefings.Functions;

/// <summary>
/// The HTTP routes as the Functions host sees them. host.json sets an empty route prefix so the
/// page can answer at the site root; the API routes carry <c>api/</c> themselves.
/// </summary>
/// <remarks>
/// The host tries routes in the order of function names, not by ASP.NET Core's precedence
/// (azure-functions-host #9876), so a <c>{date}</c> segment is held to ten characters: "latest"
/// and "feed" can never be taken for a date. A malformed date of another length therefore gets
/// the host's 404 in Azure where the runner answers 400.
/// </remarks>
internal static class FunctionRoutes
{
    private const string Api = BriefingsApi.Routes.Prefix + "/";
    private const string Date = "{date:length(10)}";

    public const string Archive = Api + BriefingsApi.Routes.Archive;
    public const string Latest = Api + BriefingsApi.Routes.Latest;
    public const string Feed = Api + BriefingsApi.Routes.Feed;
    public const string Day = Api + "briefings/" + Date;
    public const string Story = Api + "briefings/" + Date + "/stories/{storyId}";
    public const string Build = Api + "briefings/" + Date + "/build";
    public const string Articles = Api + BriefingsApi.Routes.Articles;
    public const string Deliveries = Api + "deliveries/" + Date;
    public const string Subscribe = Api + SubscriptionsApi.Routes.Subscribe;
    public const string Confirm = Api + SubscriptionsApi.Routes.Confirm;
    public const string Unsubscribe = Api + SubscriptionsApi.Routes.Unsubscribe;

    /// <summary>The site root: an optional segment that must be empty (an empty route is not accepted).</summary>
    public const string Home = "{ignored:maxlength(0)?}";
    public const string ArchivePage = BriefingsPages.Routes.Archive;
    public const string DayPage = "briefings/" + Date;
    public const string StoryPage = "briefings/" + Date + "/stories/{storyId}";
}
