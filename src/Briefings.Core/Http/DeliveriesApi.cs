using System.Globalization;
using Briefings.Core.Delivery;
using Briefings.Core.Json;
using Microsoft.AspNetCore.Http;

namespace Briefings.Core.Http;

/// <summary>
/// The admin side: a day's delivery report. The hosts guard it like every admin route (Azure's
/// function keys; the runner's <c>Briefings:AdminKey</c>).
/// </summary>
public static class DeliveriesApi
{
    public static class Routes
    {
        public const string Day = "deliveries/{date}";
    }

    /// <summary><c>GET /api/deliveries/{yyyy-MM-dd}</c>.</summary>
    public static async Task<IResult> GetReportAsync(string date, DeliveryReports reports, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The date must be written yyyy-MM-dd.", detail: $"'{date}' is not such a date.");
        }

        var report = await reports.BuildAsync(day, cancellationToken);
        return TypedResults.Json(report, BriefingsJsonContext.Default.DeliveryDayReport);
    }
}
