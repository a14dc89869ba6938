using System.Text.Json.Serialization;
using Briefings.Core.Digests;

namespace Briefings.Core.Http;

/// <summary>A page of the archive: days newest first, and the address of the next (older) page, null on the last.</summary>
public sealed record ArchiveResponse(
    IReadOnlyList<ArchiveDay> Days,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Next);

/// <summary>One day in the archive with its headline stories.</summary>
public sealed record ArchiveDay(
    DateOnly Date,
    DateTimeOffset GeneratedAt,
    int ArticleCount,
    int StoryCount,
    IReadOnlyList<ArchiveStory> Stories,
    string Href,
    string Page)
{
    public static ArchiveDay From(Digest digest, int headlines) => new(
        digest.Date,
        digest.GeneratedAt,
        digest.ArticleCount,
        digest.Stories.Count,
        [.. digest.Stories.Take(headlines).Select(s => new ArchiveStory(s.Id, s.Headline, s.Reports, s.Sources, BriefingsApi.Routes.StoryPath(digest.Date, s.Id)))],
        BriefingsApi.Routes.DayPath(digest.Date),
        BriefingsPages.Routes.DayPath(digest.Date));
}

/// <summary>A headline story as the archive lists it; <see cref="Href"/> leads to all of it.</summary>
public sealed record ArchiveStory(string Id, string Headline, int Reports, IReadOnlyList<string> Sources, string Href);
