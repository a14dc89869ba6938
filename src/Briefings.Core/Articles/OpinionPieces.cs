using System.Text.RegularExpressions;

namespace Briefings.Core.Articles;

/// <summary>
/// Tells an opinion piece from a news report by what its outlet says of it: a URL filed under
/// opinion, commentary, editorials or columnists, a title labelled "Opinion:", or a source named
/// for its opinion section ("New York Times (Opinion)", "Fox News Opinion"). A story's headline is
/// the title of its most central report that is not one, and its summary is told from the reports
/// while they have sentences enough: a reader expects to learn what happened, not what a columnist
/// thinks of it.
/// </summary>
public static partial class OpinionPieces
{
    private static readonly HashSet<string> Sections = new(StringComparer.OrdinalIgnoreCase)
    {
        "opinion", "opinions", "commentary", "editorial", "editorials", "op-ed", "op-eds", "oped", "column", "columns",
        "columnist", "columnists",
    };

    private static readonly string[] Labels = ["Opinion:", "Opinion |", "OPINION:", "Op-Ed:", "Editorial:", "Column:", "Commentary:"];

    public static bool Is(Article article) =>
        Labels.Any(label => article.Title.StartsWith(label, StringComparison.OrdinalIgnoreCase))
        || article.Source is { } source && SourceWords().IsMatch(source)
        || Uri.TryCreate(article.Url, UriKind.Absolute, out var url)
            && url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).SkipLast(1).Any(Sections.Contains);

    [GeneratedRegex(@"\b(?:Opinions?|Commentary|Editorials?|Op-Eds?|Columns?|Columnists?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SourceWords();
}
