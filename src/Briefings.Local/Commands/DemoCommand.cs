using System.CommandLine;
using Briefings.Core.Articles;
using Briefings.Core.Delivery;
using Briefings.Core.Digests;
using Briefings.Core.Storage;
using Briefings.Local.Hosting;

namespace Briefings.Local.Commands;

/// <summary><c>briefings demo</c>: the whole flow on the sample articles, then serve it.</summary>
public static class DemoCommand
{
    public const string DemoSubscriber = "reader@example.com";

    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Loopback port to serve on (0 picks a free one).", DefaultValueFactory = _ => 5080 };
        var seeds = new Option<string?>("--seeds") { Description = "Folder of articles to ingest (default: the bundled seeds)." };
        var noServe = new Option<bool>("--no-serve") { Description = "Stop after writing the briefing and the email." };
        var command = new Command("demo", "Ingest the seeds, build today's briefing, write the demo subscriber's email, serve it.")
        {
            BriefingsCommands.Data, BriefingsCommands.Storage, port, seeds, noServe,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new RunnerSettings
            {
                DataPath = parse.GetValue(BriefingsCommands.Data),
                ConnectionString = parse.GetValue(BriefingsCommands.Storage),
                Port = parse.GetValue(port),
                Overrides = new Dictionary<string, string?>
                {
                    ["Briefings:Email:Subscribers:0"] = DemoSubscriber,
                    ["Logging:LogLevel:Briefings"] = "Warning", // the demo prints its own summary lines
                },
            };

            await using var app = RunnerHost.Build(settings);
            var services = app.Services;
            var store = services.GetRequiredService<IBlobStore>();
            var folder = parse.GetValue(seeds) ?? Path.Combine(AppContext.BaseDirectory, "seeds");
            var ingest = services.GetRequiredService<IngestHandler>();
            foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file);
                try
                {
                    await store.PutAsync(Containers.Inbox, name, await File.ReadAllBytesAsync(file, cancellationToken), new BlobWrite { CreateOnly = true, ContentType = "text/plain; charset=utf-8" }, cancellationToken);
                }
                catch (BlobConditionFailedException)
                {
                    // Already in the inbox from an earlier demo: ingest is idempotent, so go on.
                }

                var outcome = await ingest.IngestAsync(name, cancellationToken);
                Console.WriteLine($"ingest  {name}: {outcome.Status}{(outcome.ArticleId is null ? "" : $" -> article {outcome.ArticleId}")}{(outcome.Reason is null ? "" : $" ({outcome.Reason})")}");
            }

            var today = services.GetRequiredService<DigestClock>().Today;
            var result = await services.GetRequiredService<DigestHandler>().BuildAsync(today, send: true, cancellationToken);
            Console.WriteLine($"digest  {result.Date:yyyy-MM-dd}: {result.Stories} {(result.Stories == 1 ? "story" : "stories")} from {result.Articles} articles");
            Console.WriteLine($"email   {result.Delivery?.Sent ?? 0} sent, {result.Delivery?.Skipped ?? 0} already sent, {result.Delivery?.Failed ?? 0} failed");
            PrintPaths(services, result.Date);

            if (parse.GetValue(noServe))
            {
                return 0;
            }

            await app.StartAsync(cancellationToken);
            var address = RunnerHost.Address(app);
            Console.WriteLine($"serving {address}/  (the page)");
            Console.WriteLine($"        {address}/api/briefings/latest  (JSON; add ?format=html|md|txt)");
            Console.WriteLine("Press Ctrl+C to stop.");
            await app.WaitForShutdownAsync(cancellationToken);
            return 0;
        });

        return command;
    }

    private static void PrintPaths(IServiceProvider services, DateOnly date)
    {
        var day = DigestStore.DayName(date);
        if (services.GetRequiredService<IBlobStore>() is FileBlobStore files)
        {
            Console.WriteLine($"wrote   {Path.Combine(files.ContainerPath(Containers.Digests), day)}{Path.DirectorySeparatorChar} (digest.json, .html, .txt, .md)");
            Console.WriteLine($"        {files.ContainerPath(Containers.Articles)}{Path.DirectorySeparatorChar}");
        }
        else
        {
            Console.WriteLine($"wrote   {Containers.Digests}/{day}/ (digest.json, .html, .txt, .md) in the storage account");
        }

        if (services.GetRequiredService<IMailTransport>() is OutboxMailTransport outbox)
        {
            Console.WriteLine($"        {Path.Combine(outbox.Folder, day)}{Path.DirectorySeparatorChar} (the demo subscriber's email)");
        }
    }
}
