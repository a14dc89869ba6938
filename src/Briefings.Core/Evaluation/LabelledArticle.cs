namespace Briefings.Core.Evaluation;

/// <summary>
/// An article of a labelled set as the scorer sees it: its id, the story it truly belongs to,
/// and the text a summary sentence citing it must be found in. The digest is built from the
/// same lines without the story.
/// </summary>
public sealed record LabelledArticle(string Id, string Story, string? Title, string? Body);
