using Briefings.Core.Delivery;
using Briefings.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Briefings.Functions;

/// <summary>
/// <c>GET /api/deliveries/{yyyy-MM-dd}</c>: the day's delivery report. Anonymous to the host on
/// purpose: Core checks <c>x-functions-key</c> against <c>Briefings:AdminKey</c>, exactly as the runner does.
/// </summary>
public sealed class DeliveriesHttp(AdminOptions admin, DeliveryReports reports)
{
    [Function(nameof(DeliveryReport))]
    public async Task<IActionResult> DeliveryReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = DeliveriesApi.Routes.Day)] HttpRequest request,
        string date,
        CancellationToken cancellationToken) =>
        new HttpResultAction(await DeliveriesApi.GetReportAsync(date, request, admin, reports, cancellationToken));
}
