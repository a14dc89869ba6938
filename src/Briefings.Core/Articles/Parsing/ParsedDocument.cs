namespace Briefings.Core.Articles.Parsing;

/// <summary>What a format reader found in a document, before metadata and cleaning apply.</summary>
public sealed record ParsedDocument
{
    public string? Id { get; init; }

    public string? Title { get; init; }

    public string? Source { get; init; }

    public string? Url { get; init; }

    public DateTimeOffset? Published { get; init; }

    public string? Language { get; init; }

    /// <summary>True when the title was taken from the text itself, so a repeat of it is noise.</summary>
    public bool TitleFromText { get; init; }

    public required IReadOnlyList<string> Paragraphs { get; init; }
}
