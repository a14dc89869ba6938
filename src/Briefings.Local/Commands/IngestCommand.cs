using System.CommandLine;
using Briefings.Core.Articles;
using Briefings.Core.Storage;
using Briefings.Local.Hosting;

namespace Briefings.Local.Commands;

/// <summary><c>briefings ingest [FILE...]</c>: upload files to the inbox and ingest, or ingest what waits there.</summary>
public static class IngestCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Files to put in the inbox first.", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("ingest", "Ingest the given files, or everything waiting in the inbox.") { BriefingsCommands.Data, BriefingsCommands.Storage, files };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var app = RunnerHost.Build(new RunnerSettings
            {
                DataPath = parse.GetValue(BriefingsCommands.Data),
                ConnectionString = parse.GetValue(BriefingsCommands.Storage),
                Background = false,
            });
            var store = app.Services.GetRequiredService<IBlobStore>();
            var handler = app.Services.GetRequiredService<IngestHandler>();
            var names = new List<string>();
            foreach (var file in parse.GetValue(files) ?? [])
            {
                var name = Path.GetFileName(file);
                await store.PutAsync(Containers.Inbox, name, await File.ReadAllBytesAsync(file, cancellationToken), cancellationToken: cancellationToken);
                names.Add(name);
            }

            if (names.Count == 0)
            {
                await foreach (var entry in store.ListAsync(Containers.Inbox, "", cancellationToken))
                {
                    names.Add(entry.Name);
                }
            }

            var failures = 0;
            foreach (var name in names)
            {
                var outcome = await handler.IngestAsync(name, cancellationToken);
                failures += outcome.Status is IngestStatus.Poisoned or IngestStatus.Failed ? 1 : 0;
                Console.WriteLine($"{name}: {outcome.Status}{(outcome.ArticleId is null ? "" : $" -> {outcome.ArticleId}")}{(outcome.Reason is null ? "" : $" ({outcome.Reason})")}");
            }

            return failures == 0 ? 0 : 2;
        });
        return command;
    }
}
