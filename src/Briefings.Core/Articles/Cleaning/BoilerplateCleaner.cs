using System.Text.RegularExpressions;
using Briefings.Core.Articles.Parsing;
using Briefings.Core.Text;

namespace Briefings.Core.Articles.Cleaning;

/// <summary>What cleaning kept, and what the removed page furniture said about the outlet.</summary>
public sealed record CleanedText(IReadOnlyList<string> Paragraphs, string? SourceHint);

/// <summary>
/// Removes what is not the article with rules about shape, not about particular sites: menus of
/// short tokens, repeated titles and captions, teasers repeated by the body, hashtag lines,
/// "see also" links, and the trailing run of short calls to action (subscribe, comment, share,
/// donate) that sites append after the last paragraph.
/// </summary>
public static partial class BoilerplateCleaner
{
    /// <summary>Trailing paragraphs longer than this are taken to be article text.</summary>
    private const int FooterMaxWords = 20;

    public static CleanedText Clean(IReadOnlyList<string> paragraphs, string? title)
    {
        var titleKey = title is null ? "" : Words.Key(title);
        var keys = new ParagraphKeys(paragraphs);
        try
        {
            var kept = new List<string>(paragraphs.Count);
            for (var i = 0; i < paragraphs.Count; i++)
            {
                var key = keys[i];
                if (key.Length == 0 || keys.RepeatsAnEarlierOne(i))
                {
                    continue;
                }

                var text = Words.Squash(BulletPrefix.Strip(paragraphs[i]));
                if (IsMenu(text) || IsHashtagLine(text) || IsCaption(text) || IsLinkLine(text))
                {
                    continue;
                }

                if (titleKey.Length > 0 && IsTitleRepeat(text, key, titleKey))
                {
                    continue; // the title again, often with a photo caption glued on
                }

                if (keys.IsTeaser(i))
                {
                    continue;
                }

                kept.Add(text);
            }

            string? sourceHint = null;
            while (kept.Count > 0 && IsFooter(kept[^1]))
            {
                sourceHint = SourceFrom(kept[^1]) ?? sourceHint;
                kept.RemoveAt(kept.Count - 1);
            }

            return new CleanedText(kept, sourceHint);
        }
        finally
        {
            keys.Dispose();
        }
    }

    /// <summary>A short run of tokens of at most three letters: a language switcher or a menu.</summary>
    private static bool IsMenu(string text)
    {
        // Counts tokens as Words.Tokens makes them, stopping at the first that rules a menu out.
        int tokens = 0, length = 0;
        foreach (var ch in text)
        {
            if (char.IsLetterOrDigit(ch))
            {
                if (length++ == 0 && ++tokens > 8)
                {
                    return false;
                }

                if (length > 3)
                {
                    return false;
                }
            }
            else if (!(ch is '\'' or '’' && length > 0))
            {
                length = 0;
            }
        }

        return tokens > 0 && !EndsSentence(text);
    }

    private static bool IsHashtagLine(string text)
    {
        // Words split on spaces, counted without splitting: cleaning runs on every paragraph.
        if (!text.Contains('#'))
        {
            return false;
        }

        int words = 0, hashtags = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != ' ' && (i == 0 || text[i - 1] == ' '))
            {
                words++;
                hashtags += text[i] == '#' ? 1 : 0;
            }
        }

        return words >= 2 && hashtags * 10 >= words * 6;
    }

    private static bool IsCaption(string text) => CaptionPattern().IsMatch(text) && Words.Count(text) <= 40;

    private static bool IsLinkLine(string text) => LinkPattern().IsMatch(text) && Words.Count(text) <= 30;

    /// <summary>
    /// The title alone, or with a caption or other non-sentence glued on. A lead sentence that
    /// merely opens with the title's words ("Storm hits coast as thousands flee…") is article text.
    /// </summary>
    private static bool IsTitleRepeat(string text, ReadOnlySpan<char> key, string titleKey)
    {
        if (!key.StartsWith(titleKey))
        {
            return false;
        }

        if (key.Length == titleKey.Length)
        {
            return true;
        }

        if (key[titleKey.Length] != ' ')
        {
            return false; // the title's last word is only the start of a longer word
        }

        var rest = AfterTokens(text, titleKey.AsSpan().Count(' ') + 1);
        return IsCaption(rest) || !EndsSentence(text);
    }

    /// <summary>The text after its first <paramref name="count"/> word tokens, as <see cref="Words.Tokens"/> counts them.</summary>
    private static string AfterTokens(string text, int count)
    {
        var inToken = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (char.IsLetterOrDigit(ch) || (ch is '\'' or '’' && inToken))
            {
                inToken = true;
                continue;
            }

            if (inToken && --count == 0)
            {
                return text[i..].Trim();
            }

            inToken = false;
        }

        return "";
    }

    /// <summary>
    /// Short, and either not a sentence at all ("Leave a Reply", "коментуйте:") or a sentence
    /// that asks the reader to subscribe, donate, follow or comment.
    /// </summary>
    private static bool IsFooter(string text) =>
        Words.Count(text) <= FooterMaxWords && (!EndsSentence(text) || FooterPattern().IsMatch(text));

    private static bool EndsSentence(string text) =>
        text.Length > 0 && text[^1] is '.' or '!' or '?' or '"' or '”' or '»' or '’' or ')' or '…';

    private static string? SourceFrom(string footer)
    {
        var match = SiteNamePattern().Match(footer);
        if (!match.Success)
        {
            return null;
        }

        var name = match.Groups["name"].Value.Trim().TrimEnd('.', ',');
        return name.Length is >= 2 and <= 60 ? name : null;
    }

    [GeneratedRegex(@"\b(subscri\w*|newsletter|sign(ed)? up|follow us|share this|leave a (reply|comment)|email address will|required fields|discover more|more from|patrons?|donat\w*|support (us|our|\p{Lu}+\b)|all rights reserved|copyright|download (our|the) app|коментуйте|підписуйтес\w*|подписывайтес\w*|поділіться|поделитесь)\b|©", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FooterPattern();

    [GeneratedRegex(@"^\(?\s*(photo|image|picture|video|credit|illustration|фото|світлина)\b[^:]{0,20}[:：]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CaptionPattern();

    [GeneratedRegex(@"^(see also|read also|also read|read more|related( stories| articles| coverage)?|more on this|recommended|watch|listen|читайте також|читайте также|дивіться також|см\. также)\b\s*[:\-–—]?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"(?:more from|©|copyright)\s+(?:\d{4}\s+)?(?<name>[^|•·–—]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SiteNamePattern();
}
