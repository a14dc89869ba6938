using System.CommandLine;
using System.Text.Json;
using Briefings.Core.Delivery;
using Briefings.Core.Digests;
using Briefings.Core.Json;

namespace Briefings.Local.Commands;

/// <summary><c>briefings report [--date yyyy-MM-dd] [--json]</c>: who got a day's briefing, who did not, and why.</summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var date = CommandHost.DateOption("The digest day (default: the latest digest).");
        var json = new Option<bool>("--json") { Description = "Print the report as JSON, as GET /api/deliveries/{date} returns it." };
        var command = new Command("report", "Show a day's delivery report: sent, failed, skipped, and why.") { BriefingsCommands.Data, BriefingsCommands.Storage, date, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var app = CommandHost.Open(parse);
            DateOnly day;
            if (parse.GetValue(date) is { } text)
            {
                if (!CommandHost.TryParseDate(parse, text, out day))
                {
                    return 1;
                }
            }
            else
            {
                day = await app.Services.GetRequiredService<DigestStore>().LatestDayAsync(cancellationToken)
                    ?? app.Services.GetRequiredService<DigestClock>().Today;
            }

            var report = await app.Services.GetRequiredService<DeliveryReports>().BuildAsync(day, cancellationToken);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(report, BriefingsJsonContext.Default.DeliveryDayReport));
            }
            else
            {
                ReportPrinter.Print(output, report);
            }

            return 0;
        });
        return command;
    }
}
