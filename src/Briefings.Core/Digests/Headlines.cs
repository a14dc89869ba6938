using Briefings.Core.Articles;
using Briefings.Core.Text;

namespace Briefings.Core.Digests;

/// <summary>
/// A story's headline, taken from its articles: the title of its most central report that tells
/// what happened. A title that asks ("Is Unemployment Bonus Keeping Workers on Sideline?"),
/// explains ("Why the Wuhan lab-leak theory is being taken seriously") or runs to several
/// sentences ("Inflation is up. The stock market is down. Here's why you shouldn't panic.") is
/// used only when no report's title tells, and an opinion piece's only when the story has no report.
/// A title written as a sentence loses its full stop.
/// </summary>
public static class Headlines
{
    /// <summary>The words an explainer opens on; a question is told by its question mark ("Will Smith…" is no question).</summary>
    private static readonly HashSet<string> AsksOrExplains = new(StringComparer.OrdinalIgnoreCase)
    {
        "why", "what", "what's", "what’s", "how", "here's", "here’s",
    };

    /// <param name="members">The story's articles, most central first.</param>
    public static string Of(IReadOnlyList<Article> members)
    {
        // Read in order and only as far as needed: a story may have thousands of articles, and
        // telling an opinion piece reads its URL.
        Article? firstReport = null, firstPieceThatTells = null;
        foreach (var article in members)
        {
            if (OpinionPieces.Is(article))
            {
                firstPieceThatTells ??= Tells(article.Title) ? article : null;
            }
            else if (Tells(article.Title))
            {
                return WithoutFullStop(article.Title.Trim());
            }
            else
            {
                firstReport ??= article;
            }
        }

        return WithoutFullStop((firstReport ?? firstPieceThatTells ?? members[0]).Title.Trim());
    }

    /// <summary>One sentence that states something: not a question, not an explainer, not several sentences.</summary>
    public static bool Tells(string title)
    {
        var text = title.Trim();
        if (text.Length == 0 || text.EndsWith('?') || SeveralSentences(text))
        {
            return false;
        }

        var space = text.IndexOf(' ');
        return !AsksOrExplains.Contains(space < 0 ? text : text[..space]);
    }

    /// <summary>
    /// A sentence ends inside the title: a full stop after a word ("…Weapons Ban. Here's What
    /// Happens Next"), or a question or exclamation mark, before a capital. Titles shorten freely
    /// ("L.A. County", "Former Va. Sen. John Warner"), so a stop after an abbreviation, an initial or
    /// a capitalised word of two letters is not one ("Rates are up. Here's why" has one).
    /// </summary>
    private static bool SeveralSentences(string title)
    {
        for (var i = 1; i + 2 < title.Length; i++)
        {
            if (title[i] is not ('.' or '?' or '!') || title[i + 1] != ' ' || !char.IsUpper(title[i + 2]))
            {
                continue;
            }

            if (title[i] != '.')
            {
                return true;
            }

            var word = title[(title.LastIndexOf(' ', i - 1) + 1)..i];
            if ((word.Length >= 3 || word.All(char.IsLower)) && word.Any(char.IsLower) && !word.Contains('.') && !Sentences.IsAbbreviation(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"A cease-fire took effect between Israel and Hamas." without its full stop; "…in the U.S." and "…Inc." keep theirs.</summary>
    public static string WithoutFullStop(string title)
    {
        if (!title.EndsWith('.') || title.EndsWith("..", StringComparison.Ordinal))
        {
            return title;
        }

        var lastWord = title[(title.LastIndexOf(' ') + 1)..^1];
        return lastWord.Length >= 3 && !lastWord.Contains('.') && lastWord.Any(char.IsLower) && !Sentences.IsAbbreviation(lastWord)
            ? title[..^1]
            : title;
    }
}
