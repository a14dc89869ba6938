using Briefings.Core.Delivery;
using Briefings.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Briefings.Functions;

/// <summary><c>GET /api/deliveries/{yyyy-MM-dd}</c>: the day's delivery report, behind a function key like every admin route.</summary>
public sealed class DeliveriesHttp(DeliveryReports reports)
{
    [Function(nameof(DeliveryReport))]
    public Task<IResult> DeliveryReport(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = FunctionRoutes.Deliveries)] HttpRequest request,
        string date,
        CancellationToken cancellationToken) =>
        DeliveriesApi.GetReportAsync(date, reports, cancellationToken);
}
