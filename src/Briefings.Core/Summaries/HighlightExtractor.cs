using System.Text.RegularExpressions;
using Briefings.Core.Articles;
using Briefings.Core.Digests;
using Briefings.Core.Text;

namespace Briefings.Core.Summaries;

/// <summary>Quotes with their speakers, and figures with their context, from a story's articles.</summary>
public static partial class HighlightExtractor
{
    public static (List<Quote> Quotes, List<Figure> Figures) Extract(IEnumerable<Article> articles, int maxQuotes = 3, int maxFigures = 3)
    {
        var quotes = new List<Quote>();
        var figures = new List<Figure>();
        var seenQuotes = new HashSet<string>(StringComparer.Ordinal);
        var seenFigures = new HashSet<string>(StringComparer.Ordinal);
        foreach (var article in articles)
        {
            string? previousSpeaker = null;
            foreach (var paragraph in article.Paragraphs)
            {
                foreach (var sentence in Sentences.Split(paragraph))
                {
                    var speaker = Attribution.SpeakerIn(QuotePattern().Replace(sentence, "\"…\""));
                    foreach (Match match in QuotePattern().Matches(sentence))
                    {
                        var text = match.Groups["text"].Value.Trim().TrimEnd(',');
                        var who = speaker ?? (sentence.Trim().Length - match.Length < 4 ? previousSpeaker : null);
                        if (who is not null && Words.Count(text) >= 6 && seenQuotes.Add(Words.Key(text)) && quotes.Count < maxQuotes)
                        {
                            quotes.Add(new Quote(text, who, article.Id));
                        }
                    }

                    foreach (Match match in FigurePattern().Matches(sentence))
                    {
                        var value = match.Value.Trim();
                        if (IsYearOrDay(value, sentence, match.Index) || !seenFigures.Add(value.ToLowerInvariant()) || figures.Count >= maxFigures)
                        {
                            continue;
                        }

                        figures.Add(new Figure(value, sentence, speaker, article.Id));
                    }

                    previousSpeaker = speaker ?? previousSpeaker;
                }
            }
        }

        return (quotes, figures);
    }

    private static bool IsYearOrDay(string value, string sentence, int index)
    {
        if (Regex.IsMatch(value, @"^(1[89]|20)\d\d$"))
        {
            return true;
        }

        var before = sentence[..index].TrimEnd();
        return Regex.IsMatch(value, @"^\d{1,2}$") && Regex.IsMatch(before, @"(January|February|March|April|May|June|July|August|September|October|November|December|on)$", RegexOptions.IgnoreCase);
    }

    [GeneratedRegex(@"[“""](?<text>[^”""]{12,400})[”""]")]
    private static partial Regex QuotePattern();

    [GeneratedRegex(@"(?:[$€£]\s?)?\b\d[\d,]*(?:\.\d+)?(?:\s?(?:%|percent|per cent|million|billion|trillion|thousand))?(?:\s+(?!and\b|or\b|of\b|in\b|to\b|the\b|a\b)[a-z][a-z-]+){1,2}|\b(?:hundreds|thousands|millions|billions) of [a-z]+(?: [a-z]+)?")]
    private static partial Regex FigurePattern();
}
