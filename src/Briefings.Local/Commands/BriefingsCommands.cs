using System.CommandLine;

namespace Briefings.Local.Commands;

/// <summary>The command line: one subcommand per job, options shared where they mean the same.</summary>
public static class BriefingsCommands
{
    public static readonly Option<string?> Data = new("--data") { Description = "Folder of the embedded store (default .data)." };

    public static readonly Option<string?> Storage = new("--storage")
    {
        Description = "Azure Storage connection string instead of the folder (UseDevelopmentStorage=true for Azurite).",
    };

    public static RootCommand Create()
    {
        var root = new RootCommand("Briefings: a daily news briefing from a stream of articles.");
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(IngestCommand.Create());
        root.Subcommands.Add(DigestCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(SendCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(SubscribersCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        return root;
    }
}
