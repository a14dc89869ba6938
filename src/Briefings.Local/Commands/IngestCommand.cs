using System.CommandLine;
using Briefings.Core.Articles;
using Briefings.Core.Storage;

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
            await using var app = CommandHost.Open(parse);
            var output = parse.InvocationConfiguration.Output;
            var store = app.Services.GetRequiredService<IBlobStore>();
            var handler = app.Services.GetRequiredService<IngestHandler>();
            var names = new List<string>();
            var failures = 0;
            var given = parse.GetValue(files) ?? [];
            foreach (var file in given.SelectMany(FilesIn))
            {
                // A file that cannot go in is reported, and the others go on.
                var name = Path.GetFileName(file);
                var problem = !File.Exists(file) ? "there is no such file" : BlobNames.Problem(name) is { } bad ? $"its name cannot be used ({bad}); rename it" : null;
                byte[] content = [];
                try
                {
                    content = problem is null ? await File.ReadAllBytesAsync(file, cancellationToken) : content;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    problem = $"it cannot be read ({e.Message})";
                }

                problem ??= await PutAsync(store, name, content, cancellationToken);
                if (problem is not null)
                {
                    output.WriteLine($"{file}: not ingested: {problem}");
                    failures++;
                    continue;
                }

                names.Add(name);
            }

            if (given.Length == 0)
            {
                await foreach (var entry in store.ListAsync(Containers.Inbox, "", cancellationToken))
                {
                    names.Add(entry.Name);
                }
            }

            if (given.Length == 0 && names.Count == 0)
            {
                output.WriteLine("Nothing is waiting in the inbox.");
            }

            foreach (var name in names)
            {
                var outcome = await handler.IngestAsync(name, cancellationToken);
                failures += outcome.Status is IngestStatus.Poisoned or IngestStatus.Failed ? 1 : 0;
                output.WriteLine($"{name}: {outcome.Status}{(outcome.ArticleId is null ? "" : $" -> {outcome.ArticleId}")}{(outcome.Reason is null ? "" : $" ({outcome.Reason})")}");
            }

            return failures == 0 ? 0 : 2;
        });
        return command;
    }

    /// <summary>A file as given, or each file directly in a folder given, in name order.</summary>
    private static IEnumerable<string> FilesIn(string path) =>
        Directory.Exists(path) ? Directory.EnumerateFiles(path).Order(StringComparer.Ordinal) : [path];

    /// <summary>
    /// Puts a file in the inbox under its name, never over another: the inbox keeps every raw input
    /// as it came. The same bytes again are already there (their ingest says so); other bytes under
    /// a name the inbox holds are refused, with why.
    /// </summary>
    private static async Task<string?> PutAsync(IBlobStore store, string name, byte[] content, CancellationToken cancellationToken)
    {
        try
        {
            await store.PutAsync(Containers.Inbox, name, content, new BlobWrite { CreateOnly = true }, cancellationToken);
            return null;
        }
        catch (BlobConditionFailedException)
        {
            var held = await store.GetAsync(Containers.Inbox, name, cancellationToken);
            return held is not null && held.Content.AsSpan().SequenceEqual(content)
                ? null
                : $"the inbox already holds a different file named {name}; rename this one";
        }
    }
}
