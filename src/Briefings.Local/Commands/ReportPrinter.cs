using Briefings.Core.Delivery;

namespace Briefings.Local.Commands;

/// <summary>The day's delivery report as lines a person reads.</summary>
internal static class ReportPrinter
{
    public static void Print(TextWriter output, DeliveryDayReport report)
    {
        output.WriteLine($"{report.Date:yyyy-MM-dd}: {report.Sent} sent, {report.Failed} failed, {report.InProgress} in progress, {report.NotSent} not sent yet, {report.Skipped} skipped"
            + (report.DigestExists ? "" : " (there is no digest for this day)"));
        foreach (var line in report.Subscribers)
        {
            var outcome = line.Outcome switch
            {
                DeliveryOutcome.InProgress => "in progress",
                DeliveryOutcome.NotSent => "not sent",
                _ => line.Outcome.ToString().ToLowerInvariant(),
            };
            output.WriteLine($"  {outcome,-12} {line.Email ?? line.SubscriberId}{(line.Reason is null ? "" : $"  {line.Reason}")}");
        }
    }

    public static void Print(TextWriter output, DeliveryReport run)
    {
        output.WriteLine($"this run: {run.Sent} sent ({run.Retried} after a retry), {run.Skipped} already sent, in progress or out of attempts, {run.Failed} failed"
            + (run.Withheld is null ? "" : $" ({run.Withheld})"));
        foreach (var error in run.Errors)
        {
            output.WriteLine($"  failed       {error}");
        }

        if (run.Stopped is not null)
        {
            output.WriteLine($"  stopped      {run.Stopped}");
        }

        foreach (var address in run.Suppressed)
        {
            output.WriteLine($"  suppressed   {address} (refused for good; no more briefings go to it)");
        }
    }
}
