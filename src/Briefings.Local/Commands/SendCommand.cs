using System.CommandLine;
using System.Globalization;
using Briefings.Core.Delivery;
using Briefings.Core.Digests;
using Briefings.Local.Hosting;

namespace Briefings.Local.Commands;

/// <summary><c>briefings send [--date yyyy-MM-dd]</c>: send or resume sending a day's briefing.</summary>
public static class SendCommand
{
    public static Command Create()
    {
        var date = new Option<string?>("--date") { Description = "The digest day (default: the latest digest)." };
        var command = new Command("send", "Send, or resume sending, a day's briefing to every subscriber.") { BriefingsCommands.Data, BriefingsCommands.Storage, date };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var app = RunnerHost.Build(new RunnerSettings
            {
                DataPath = parse.GetValue(BriefingsCommands.Data),
                ConnectionString = parse.GetValue(BriefingsCommands.Storage),
                Background = false,
            });
            DateOnly? day = parse.GetValue(date) is { } text
                ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture)
                : await app.Services.GetRequiredService<DigestStore>().LatestDayAsync(cancellationToken);
            if (day is null)
            {
                Console.Error.WriteLine("There is no digest to send yet.");
                return 1;
            }

            var report = await app.Services.GetRequiredService<DeliveryHandler>().SendAsync(day.Value, cancellationToken);
            Console.WriteLine($"{report.Date:yyyy-MM-dd}: {report.Sent} sent, {report.Skipped} skipped, {report.Failed} failed");
            foreach (var error in report.Errors)
            {
                Console.WriteLine($"  {error}");
            }

            return report.Failed == 0 && report.Errors.Count == 0 ? 0 : 2;
        });
        return command;
    }
}
