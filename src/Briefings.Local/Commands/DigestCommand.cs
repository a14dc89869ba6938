using System.CommandLine;
using System.Text.Json;
using Briefings.Core;
using Briefings.Core.Articles;
using Briefings.Core.Digests;
using Briefings.Core.Json;
using Briefings.Core.Rendering;
using Briefings.Core.Summaries.Model;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Briefings.Local.Commands;

/// <summary>
/// <c>briefings digest --from PATH</c>: builds one digest from a JSONL file of article envelopes
/// or a folder of article files, with no storage and no email. Lines or files that are not
/// articles are reported and left out; the rest goes on.
/// </summary>
public static class DigestCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "A JSONL file (one article envelope a line) or a folder of article files.", Required = true };
        var format = new Option<string>("--format") { Description = "json, html, md or txt.", DefaultValueFactory = _ => "json" };
        var output = new Option<string?>("--out") { Description = "Write here instead of standard output." };
        var date = new Option<string?>("--date") { Description = "The digest's date (default: the latest article's day)." };
        var command = new Command("digest", "Build a digest from a JSONL file or a folder, without storage or email.") { from, format, output, date };
        command.SetAction(async (parse, cancellationToken) =>
        {
            // What was asked for is checked before any article is read.
            DateOnly? asked = null;
            if (parse.GetValue(date) is { } text)
            {
                if (!CommandHost.TryParseDate(parse, text, out var parsed))
                {
                    return 1;
                }

                asked = parsed;
            }

            var requested = parse.GetValue(format)!;
            var asJson = requested.Equals("json", StringComparison.OrdinalIgnoreCase);
            var renderFormat = RenderFormats.Parse(requested);
            if (!asJson && renderFormat is null)
            {
                parse.InvocationConfiguration.Error.WriteLine($"Unknown format '{requested}': use json, html, md or txt.");
                return 1;
            }

            using var services = Services();
            var reader = services.GetRequiredService<ArticleReader>();
            var builder = services.GetRequiredService<DigestBuilder>();
            var renderer = services.GetRequiredService<DigestRenderer>();
            var warming = BuildWarming.Start(builder, renderer);
            var path = parse.GetValue(from)!;
            var articles = Directory.Exists(path) ? ReadFolder(path, reader) : ArticleJsonLines.Read(path, reader, Console.Error.WriteLine);
            if (articles.Count == 0)
            {
                Console.Error.WriteLine($"No articles could be read from {path}.");
                return 1;
            }

            var day = asked ?? articles.Max(a => DateOnly.FromDateTime(a.EffectiveTime.UtcDateTime));
            var digest = builder.Build(articles, day, DateTimeOffset.UtcNow);
            digest = await services.GetRequiredService<IStoryWriter>().ImproveAsync(digest, articles, cancellationToken: cancellationToken);

            await warming;
            var rendered = renderFormat is { } chosen ? renderer.Render(digest, chosen) : JsonSerializer.Serialize(digest, BriefingsJsonContext.Default.Digest);

            if (parse.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(file, rendered, cancellationToken);
                Console.Error.WriteLine($"{Counts.Tally(digest.Stories.Count, digest.ArticleCount)} -> {file}");
            }
            else
            {
                Console.Out.Write(rendered);
            }

            return 0;
        });
        return command;
    }

    /// <summary>The services of a run with no storage and no email, configured from the environment.</summary>
    internal static ServiceProvider Services()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddEnvironmentVariables().Build());
        services.AddLogging();
        services.AddBriefings();
        services.RemoveAll<ModelAnswerStore>(); // nothing is stored: every story's request goes to the model
        return services.BuildServiceProvider();
    }

    private static List<Article> ReadFolder(string path, ArticleReader reader)
    {
        var articles = new List<Article>();
        foreach (var file in Directory.EnumerateFiles(path).Order(StringComparer.Ordinal))
        {
            try
            {
                articles.Add(reader.Read(new RawArticle(Path.GetFileName(file), File.ReadAllBytes(file))));
            }
            catch (ArticleRejectedException e)
            {
                Console.Error.WriteLine($"{file}: skipped: {e.Reason}");
            }
        }

        return articles;
    }
}
