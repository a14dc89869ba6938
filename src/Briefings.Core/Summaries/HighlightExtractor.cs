using System.Text.RegularExpressions;
using Briefings.Core.Articles;
using Briefings.Core.Digests;
using Briefings.Core.Text;

namespace Briefings.Core.Summaries;

/// <summary>
/// Quotes with their speakers, and figures with their context, from a story's articles (most
/// central first). A quote is kept only when the text says who said it; the same quote carried
/// by a copy is kept once. Where articles give different numbers for the same thing, both stay.
/// </summary>
public static partial class HighlightExtractor
{
    public static (List<Quote> Quotes, List<Figure> Figures) Extract(IEnumerable<Article> articles, int maxQuotes = 3, int maxFigures = 5)
    {
        var quotes = new List<(Quote Quote, HashSet<string> Words)>();
        var figures = new List<(Figure Figure, string Thing, decimal? Amount)>();
        foreach (var article in articles)
        {
            string? previousSpeaker = null;
            foreach (var paragraph in article.Paragraphs)
            {
                var matches = QuotePattern().Matches(paragraph);
                var outside = QuotePattern().Replace(paragraph, "\"…\"");
                var speaker = Attribution.SpeakerIn(outside);
                foreach (Match match in matches)
                {
                    var text = match.Groups["text"].Value.Trim().TrimEnd(',');
                    var who = speaker ?? (outside.Trim().Length < 8 ? previousSpeaker : null);
                    var words = ExtractiveSummarizer.ContentWords(text);
                    if (who is null || Words.Count(text) < 6 || quotes.Count >= maxQuotes || quotes.Any(q => Overlap(q.Words, words) >= 0.6))
                    {
                        continue;
                    }

                    quotes.Add((new Quote(text, who, article.Id), words));
                }

                foreach (var sentence in Sentences.Split(paragraph))
                {
                    foreach (Match match in FigurePattern().Matches(sentence))
                    {
                        if (Phrase(match) is not { } phrase || IsDate(match.Groups["number"].Value, phrase.Thing, sentence, match.Index))
                        {
                            continue;
                        }

                        // One figure per thing, unless another article gives a different amount for it.
                        var amount = Amount(match.Groups["number"].Value, match.Groups["scale"].Value);
                        var same = figures.Where(f => f.Thing == phrase.Thing).ToList();
                        if (same.Any(f => f.Amount == amount) || same.Count >= 2 || figures.Count >= maxFigures)
                        {
                            continue;
                        }

                        figures.Add((new Figure(phrase.Value, sentence, Attribution.SpeakerIn(sentence), article.Id), phrase.Thing, amount));
                    }
                }

                previousSpeaker = speaker ?? previousSpeaker;
            }
        }

        return (quotes.Select(q => q.Quote).ToList(), figures.Select(f => f.Figure).ToList());
    }

    /// <summary>The figure as written ("more than a million artillery shells") and the thing it counts.</summary>
    private static (string Value, string Thing)? Phrase(Match match)
    {
        var number = match.Groups["number"].Value;
        var scale = match.Groups["scale"].Value;
        if (!char.IsDigit(number[0]) && scale.Length == 0 && number is not ("hundreds" or "dozens" or "tens"))
        {
            return null; // "a joint statement", "two countries": words, not figures
        }

        var first = match.Groups["w1"];
        var second = match.Groups["w2"];
        if (StopWords.Contains(first.Value.ToLowerInvariant()))
        {
            return null;
        }

        var useSecond = second.Success && !StopWords.Contains(second.Value.ToLowerInvariant())
            && !second.Value.EndsWith("ing", StringComparison.Ordinal) && !second.Value.EndsWith("ly", StringComparison.Ordinal);
        var end = useSecond ? second.Index + second.Length : first.Index + first.Length;
        var value = Words.Squash(match.Value[..(end - match.Index)]);
        return (value, (useSecond ? second.Value : first.Value).ToLowerInvariant());
    }

    private static double Overlap(HashSet<string> a, HashSet<string> b) =>
        Math.Min(a.Count, b.Count) == 0 ? 0 : (double)a.Count(b.Contains) / Math.Min(a.Count, b.Count);

    private static bool IsDate(string number, string thing, string sentence, int index)
    {
        if (Regex.IsMatch(number, @"^(1[89]|20)\d\d$") && !thing.EndsWith('s'))
        {
            return true; // a year, not "2021 cases"
        }

        var before = sentence[..index].TrimEnd();
        return Regex.IsMatch(number, @"^\d{1,2}$")
            && (Months().IsMatch(thing) || Regex.IsMatch(before, @"(January|February|March|April|May|June|July|August|September|October|November|December|on)$", RegexOptions.IgnoreCase));
    }

    /// <summary>The amount a figure names, to tell different figures for one thing apart.</summary>
    private static decimal? Amount(string number, string scale)
    {
        var words = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase)
        {
            ["a"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
            ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["fifteen"] = 15, ["twenty"] = 20, ["thirty"] = 30,
            ["forty"] = 40, ["fifty"] = 50, ["hundred"] = 100, ["hundreds"] = 100, ["dozens"] = 12,
        };
        decimal value;
        if (!decimal.TryParse(number.Replace(",", "", StringComparison.Ordinal), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out value)
            && !words.TryGetValue(number.Trim(), out value))
        {
            return null;
        }

        return scale.ToLowerInvariant() switch
        {
            "thousand" or "thousands" => value * 1_000,
            "million" or "millions" => value * 1_000_000,
            "billion" or "billions" => value * 1_000_000_000,
            "trillion" => value * 1_000_000_000_000,
            _ => value,
        };
    }

    [GeneratedRegex(@"^(january|february|march|april|may|june|july|august|september|october|november|december)$")]
    private static partial Regex Months();

    [GeneratedRegex(@"[“""](?<text>[^”""]{12,600})[”""]")]
    private static partial Regex QuotePattern();

    // "more than a million artillery shells", "about twelve thousand troops", "$1.2 trillion in spending", "15 areas", "30% of voters".
    [GeneratedRegex(@"(?<![\w.,$€£])(?:(?:about|around|almost|nearly|over|more than|less than|fewer than|at least|up to|some|roughly|approximately)\s+)?(?:[$€£]\s?)?(?<number>\d[\d,]*(?:\.\d+)?|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundreds|dozens|tens)(?:(?:\s+of)?\s*(?<scale>%|percent|per cent|hundred|thousands?|millions?|billions?|trillion)\b)?(?:\s+of)?\s+(?<w1>[a-z][a-z-]+)(?:\s+(?<w2>[a-z][a-z-]+))?", RegexOptions.IgnoreCase)]
    private static partial Regex FigurePattern();
}
