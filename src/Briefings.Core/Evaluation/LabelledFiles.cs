using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Briefings.Core.Json;

namespace Briefings.Core.Evaluation;

/// <summary>
/// Reads a labelled set: articles <c>{"id","story","title",...,"body"}</c> and reference summaries
/// <c>{"story","headline","summary"}</c>, one a line. Unlike the digest's input, a bad line is
/// an error: a score over part of the labels would look better or worse than it is.
/// </summary>
public static class LabelledFiles
{
    public static IReadOnlyList<LabelledArticle> ReadArticles(string path) =>
        Read(path, BriefingsJsonContext.Default.LabelledArticle, a => a.Id is null || a.Story is null ? "an article needs string \"id\" and \"story\" fields" : null);

    public static IReadOnlyList<ReferenceSummary> ReadSummaries(string path) =>
        Read(path, BriefingsJsonContext.Default.ReferenceSummary, r => r.Story is null || r.Summary is null ? "a reference needs string \"story\" and \"summary\" fields" : null);

    private static List<T> Read<T>(string path, JsonTypeInfo<T> type, Func<T, string?> problem)
    {
        var items = new List<T>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            T? item;
            try
            {
                item = JsonSerializer.Deserialize(line, type);
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{path}:{number}: {e.Message}", e);
            }

            if (item is null)
            {
                throw new InvalidDataException($"{path}:{number}: the line is null.");
            }

            if (problem(item) is { } reason)
            {
                throw new InvalidDataException($"{path}:{number}: {reason}.");
            }

            items.Add(item);
        }

        return items;
    }
}
