using System.CommandLine;
using System.Text.Json;
using Briefings.Core.Articles;
using Briefings.Core.Digests;
using Briefings.Core.Evaluation;
using Briefings.Core.Json;
using Briefings.Core.Summaries.Model;

namespace Briefings.Local.Commands;

/// <summary>
/// <c>briefings eval --articles FILE --summaries FILE</c>: builds a digest from a labelled set
/// of articles (their "story" labels withheld), with no storage and with the configured model, if
/// any, writing its summaries, and scores it against the labels and the reference summaries with
/// the measures of the evaluation's score.py. With <c>--check-references</c> it judges the model
/// path's checks instead (<see cref="ReferenceCheck"/>).
/// </summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var articlesFile = new Option<string>("--articles") { Description = "Labelled articles: JSONL, one envelope with a \"story\" field a line.", Required = true };
        var summariesFile = new Option<string>("--summaries") { Description = "Reference summaries: JSONL, {\"story\",\"headline\",\"summary\"} a line.", Required = true };
        var oneDay = new Option<bool>("--one-day") { Description = "Move every article to one moment: a busy day with nothing but content to go on." };
        var json = new Option<bool>("--json") { Description = "Print the scores as JSON." };
        var checkReferences = new Option<bool>("--check-references")
        {
            Description = "Instead of building a digest, run the model path's checks on the reference summaries, against the passages a model would be shown: how strict the checks are with summaries people wrote.",
        };
        var command = new Command("eval", "Build a digest from labelled articles and score its stories and summaries.") { articlesFile, summariesFile, oneDay, json, checkReferences };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var services = DigestCommand.Services();
            var path = parse.GetValue(articlesFile)!;
            IReadOnlyList<LabelledArticle> labelled;
            IReadOnlyList<ReferenceSummary> references;
            try
            {
                labelled = LabelledFiles.ReadArticles(path);
                references = LabelledFiles.ReadSummaries(parse.GetValue(summariesFile)!);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }

            var articles = ArticleJsonLines.Read(path, services.GetRequiredService<ArticleReader>(), Console.Error.WriteLine);
            if (articles.Count == 0)
            {
                Console.Error.WriteLine($"No articles could be read from {path}.");
                return 1;
            }

            if (parse.GetValue(checkReferences))
            {
                var check = ReferenceCheck.Run(labelled, references, articles);
                Console.Out.Write(parse.GetValue(json) ? JsonSerializer.Serialize(check, BriefingsJsonContext.Default.ReferenceCheck) + "\n" : check.Text());
                return 0;
            }

            var setting = parse.GetValue(oneDay) ? EvaluationSetting.OneDay : EvaluationSetting.PublicationDates;
            var shown = EvaluationDigest.InSetting(articles, setting);
            var digest = EvaluationDigest.Build(services.GetRequiredService<DigestBuilder>(), shown, DateTimeOffset.UtcNow);

            // With a model configured, it writes the summaries scored, as it would the day's.
            digest = await services.GetRequiredService<IStoryWriter>().ImproveAsync(digest, shown, cancellationToken: cancellationToken);
            var scores = DigestScorer.Score(labelled, references, digest);
            Console.Out.Write(parse.GetValue(json)
                ? JsonSerializer.Serialize(scores, BriefingsJsonContext.Default.Scores) + "\n"
                : ScoreReport.Text(scores));
            if (ScoreReport.Paths(digest) is { } paths)
            {
                (parse.GetValue(json) ? Console.Error : Console.Out).Write(paths);
            }

            return 0;
        });
        return command;
    }
}
