using System.CommandLine;
using Briefings.Core.Delivery;
using Briefings.Core.Digests;

namespace Briefings.Local.Commands;

/// <summary>
/// <c>briefings send [--date yyyy-MM-dd]</c>: send or resume sending a day's briefing, then print
/// what this run did and the day's report. Ctrl+C stops new sends; run it again to resume.
/// </summary>
public static class SendCommand
{
    public static Command Create()
    {
        var date = CommandHost.DateOption("The digest day (default: the latest digest).");
        var command = new Command("send", "Send, or resume sending, a day's briefing to every confirmed subscriber.") { BriefingsCommands.Data, BriefingsCommands.Storage, date };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var app = CommandHost.Open(parse);
            var output = parse.InvocationConfiguration.Output;
            DateOnly day;
            if (parse.GetValue(date) is { } text)
            {
                if (!CommandHost.TryParseDate(parse, text, out day))
                {
                    return 1;
                }
            }
            else if (await app.Services.GetRequiredService<DigestStore>().LatestDayAsync(cancellationToken) is { } latest)
            {
                day = latest;
            }
            else
            {
                parse.InvocationConfiguration.Error.WriteLine("There is no digest to send yet.");
                return 1;
            }

            if (!await app.Services.GetRequiredService<DigestStore>().ExistsAsync(day, cancellationToken))
            {
                parse.InvocationConfiguration.Error.WriteLine($"There is no digest for {day:yyyy-MM-dd} to send.");
                return 1;
            }

            var run = await app.Services.GetRequiredService<DeliveryHandler>().SendAsync(day, cancellationToken);
            ReportPrinter.Print(output, run);
            ReportPrinter.Print(output, await app.Services.GetRequiredService<DeliveryReports>().BuildAsync(day, cancellationToken));
            return run.Failed == 0 && run.Errors.Count == 0 && run.Stopped is null ? 0 : 2;
        });
        return command;
    }
}
