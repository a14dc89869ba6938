using System.CommandLine;
using Briefings.Local.Hosting;

namespace Briefings.Local.Commands;

/// <summary><c>briefings serve</c>: the long-running runner.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Loopback port to serve on.", DefaultValueFactory = _ => 5080 };
        var command = new Command("serve", "Watch the inbox, run the daily schedule and serve HTTP.") { BriefingsCommands.Data, BriefingsCommands.Storage, port };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var app = RunnerHost.Build(new RunnerSettings
            {
                DataPath = parse.GetValue(BriefingsCommands.Data),
                ConnectionString = parse.GetValue(BriefingsCommands.Storage),
                Port = parse.GetValue(port),
            });
            await app.StartAsync(cancellationToken);
            Console.WriteLine($"serving {RunnerHost.Address(app)}/");
            await app.WaitForShutdownAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
