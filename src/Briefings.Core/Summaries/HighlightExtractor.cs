using System.Text.RegularExpressions;
using Briefings.Core.Articles;
using Briefings.Core.Digests;
using Briefings.Core.Text;

namespace Briefings.Core.Summaries;

/// <summary>
/// Quotes with their speakers, and figures with their context, from a story's articles (most
/// central first). A quote is kept only when the text says who said it; the same quote carried by
/// several articles is kept once, and counts as carried by each of their reports. Where articles
/// give different numbers for the same thing, both stay.
/// </summary>
public static partial class HighlightExtractor
{
    /// <param name="articles">The story's articles, most central first.</param>
    /// <param name="reportOf">
    /// The report each article carries (its own id, or the id of the article it copies), so that a
    /// quote repeated by copies of one report counts once; without it every article is a report.
    /// </param>
    /// <param name="maxQuotes">How many quotes to keep.</param>
    /// <param name="maxFigures">How many figures to keep.</param>
    /// <param name="told">The story's summary, whose quotations are shown as quotes only when others are too few.</param>
    /// <param name="toldBefore">What earlier briefings told of a developing story (its summaries, quotes and figures' sentences): quoted and given again only after the rest.</param>
    public static (List<Quote> Quotes, List<Figure> Figures) Extract(
        IEnumerable<Article> articles, IReadOnlyDictionary<string, string>? reportOf = null, int maxQuotes = 3, int maxFigures = 5,
        IReadOnlyList<string>? told = null, IReadOnlyList<string>? toldBefore = null)
    {
        var quotes = new List<QuoteCandidate>();
        var figures = new List<FigureCandidate>();
        var speakers = new List<string>(); // each speaker named in more than a word, in the order met: for a surname in full
        var speakersMet = new HashSet<string>(StringComparer.Ordinal);
        var runBuffer = new long[MaxRuns];
        var runOwners = new Dictionary<long, QuoteCandidate>(); // each candidate's runs of words, to know it again in another cut
        var central = new List<Article>(NamesFrom); // where a surname is looked for in full
        var sources = new Dictionary<string, Article>(StringComparer.Ordinal); // the articles candidates come from
        foreach (var article in articles)
        {
            if (central.Count < NamesFrom)
            {
                central.Add(article);
            }

            var report = reportOf?.GetValueOrDefault(article.Id) ?? article.Id;
            string? previousSpeaker = null;
            foreach (var paragraph in article.Paragraphs)
            {
                var matches = QuotePattern().Matches(paragraph);
                var outside = QuotePattern().Replace(paragraph, "\"…\"");
                var speaker = Attribution.SpeakerIn(outside);
                var sentences = new List<Range>(); // where the paragraph's sentences lie: for quotes' speakers and for figures
                Sentences.Ranges(paragraph, sentences);
                var lastNamed = speaker; // who the paragraph last names as speaking, for a "he said" after it

                foreach (Match match in matches)
                {
                    var text = match.Groups["text"].Value.Trim().TrimEnd(',');

                    // The speaker named in the quotation's own sentence, else anywhere in the
                    // paragraph, else (for a paragraph that is only a quotation, or gives it to
                    // "he" or "she") the last one named.
                    var beside = SpeakerBeside(paragraph, sentences, match.Index);
                    lastNamed = beside ?? lastNamed;
                    var who = beside ?? speaker
                        ?? (outside.Trim().Length < 8 || Attribution.ByPronoun(outside) ? previousSpeaker : null);
                    if (who is null || Words.Count(text) < 6)
                    {
                        continue;
                    }

                    if (who.Contains(' ') && speakersMet.Add(who))
                    {
                        speakers.Add(who);
                    }

                    // The same quotation again, or cut another way: most of its words, or a run of
                    // words long enough to be no coincidence ("…determining the appropriate
                    // sentence in any case and in this case is a legal analysis…" in two cuts).
                    var words = ExtractiveSummarizer.ContentWords(text);
                    var runs = RunsOf(text, runBuffer);
                    if (SameQuotation(quotes, words, runBuffer.AsSpan(0, runs), runOwners) is { } same)
                    {
                        same.Reports.Add(report);
                        continue;
                    }

                    // The candidates come from the most central articles; the rest of a large
                    // story only adds support to them, so each quotation is compared with a
                    // bounded list however many articles the story has.
                    if (quotes.Count >= CandidatesPerQuote * maxQuotes)
                    {
                        continue;
                    }

                    var after = paragraph.AsSpan(match.Index + match.Length);
                    var reported = after[..Math.Min(after.Length, 50)].IndexOf(" reported", StringComparison.Ordinal) >= 0;
                    sources.TryAdd(article.Id, article);
                    var candidate = new QuoteCandidate(new Quote(text, who, article.Id), words, [report], reported);
                    quotes.Add(candidate);
                    foreach (var run in runBuffer.AsSpan(0, runs))
                    {
                        runOwners.TryAdd(run, candidate);
                    }
                }

                foreach (var range in sentences)
                {
                    var sentence = paragraph[range];
                    if (Words.Count(sentence) < 6)
                    {
                        continue; // "Almost 6 million...": a line cut off, which says nothing of what the number counts
                    }

                    foreach (Match match in FigurePhrases.Pattern().Matches(sentence))
                    {
                        if (FigurePhrases.Phrase(match, sentence) is not { } phrase || FigurePhrases.NotACount(match.Groups["number"].Value, match.Groups["w1"].Value, phrase.Thing, sentence, match.Index))
                        {
                            continue;
                        }

                        // One figure per thing and amount: the same amount again is one more report
                        // giving it, a different amount for the thing a second figure (outlets disagree).
                        var amount = FigurePhrases.Amount(match.Groups["number"].Value, FigurePhrases.ScaleOf(match));
                        var unit = FigurePhrases.Unit(match);
                        var isNamed = char.IsUpper(match.Groups["w1"].Value[0]);
                        var same = figures.FindAll(f => f.Thing == phrase.Thing);
                        if (same.Find(f => f.Amount == amount) is { } agreed)
                        {
                            agreed.Reports.Add(report);
                            continue;
                        }

                        // The same amount told of another thing is most often the same fact in other
                        // words ("more than 250 rockets", "more than 250 missiles"; "$6 trillion
                        // budget", "$6 trillion"): one more report giving it. Not a small number, which
                        // counts many things, nor words ("hundreds of lives", "hundreds of airstrikes"),
                        // nor two groups each named ("50 Democrats", "50 Republicans").
                        if (amount >= SameFactFrom && char.IsDigit(match.Groups["number"].Value[0]) && figures.Find(f => f.Amount == amount && f.Unit == unit && !(f.Named && isNamed)) is { } sameFact)
                        {
                            sameFact.Reports.Add(report);
                            if (FigurePhrases.IsScale(sameFact.Thing) && !FigurePhrases.IsScale(phrase.Thing))
                            {
                                // "160 million" is shown as "160 million Americans" where another report says what it counts.
                                figures[figures.IndexOf(sameFact)] = sameFact with { Figure = new Figure(phrase.Value, sentence, GivenBy(sentence, phrase.Value), article.Id), Thing = phrase.Thing };
                                sources.TryAdd(article.Id, article);
                            }

                            continue;
                        }

                        if (same.Count >= 2 || figures.Count >= CandidatesPerFigure * maxFigures)
                        {
                            continue;
                        }

                        sources.TryAdd(article.Id, article);
                        figures.Add(new FigureCandidate(new Figure(phrase.Value, sentence, GivenBy(sentence, phrase.Value), article.Id), phrase.Thing, amount, unit, isNamed, [report]));
                    }
                }

                previousSpeaker = lastNamed ?? previousSpeaker;
            }
        }

        var keyQuotes = KeyQuotes(quotes, maxQuotes, Told(told), Told(toldBefore));
        var keyFigures = KeyFigures(figures, maxFigures, Told(toldBefore));
        // Every quotation's speaker, not only the kept ones': a quotation left out as another cut of
        // a kept one may be the one that names its speaker in full.
        var namedInFull = speakers.Concat(keyFigures.Select(f => f.Speaker)).OfType<string>().Where(n => n.Contains(' ')).ToList();
        return (
            keyQuotes.ConvertAll(q => q with { Speaker = InFull(q.Speaker, q.ArticleId) }),
            keyFigures.ConvertAll(f => f.Speaker is { } speaker ? f with { Speaker = InFull(speaker, f.ArticleId) } : f));

        // A surname alone, in full as the words' own article names the person, else the most
        // central; and a name in full as another quotation or figure of the story names them,
        // title and all, when that ends with the same name ("Diaz" and "Ana Diaz" beside "Minister
        // Ana Diaz", "Levine Cava" beside "Miami-Dade Mayor Daniella Levine Cava").
        string InFull(string speaker, string articleId)
        {
            var full = FullNames.Of(speaker, central.Prepend(sources[articleId]).Distinct()); // the own article read once, first
            // A surname alone that no article names in full stays as it is: "Biden" could be either of two.
            return full.Contains(' ') ? namedInFull.Find(n => n.EndsWith(" " + full, StringComparison.Ordinal)) ?? full : full;
        }
    }

    /// <summary>Who gave the number, unless the speaker is what it counts ("said the 18 scientists").</summary>
    private static string? GivenBy(string sentence, string value) =>
        Attribution.SpeakerIn(sentence) is { } named && !named.Contains(value, StringComparison.OrdinalIgnoreCase) ? named : null;

    /// <summary>How many of the most central articles a surname is looked for in full.</summary>
    private const int NamesFrom = 10;

    /// <summary>
    /// The figures a reader most needs: the things the most reports give an amount for first (the
    /// numbers every outlet chose to report), then the earliest in the most central articles; a
    /// thing an earlier briefing of a developing story gave comes after the new ones. A
    /// thing's two amounts stay together, so where outlets disagree both are shown or neither.
    /// </summary>
    private static List<Figure> KeyFigures(List<FigureCandidate> candidates, int max, string toldBefore)
    {
        var chosen = new List<Figure>(max);
        var things = candidates.GroupBy(c => c.Thing, StringComparer.Ordinal) // in the order first met
            .OrderBy(thing => thing.Any(c => IsTold(c.Figure.Value, toldBefore)))
            .ThenByDescending(thing => thing.Max(c => c.Reports.Count)); // stable: ties keep that order
        foreach (var thing in things)
        {
            if (chosen.Count + thing.Count() <= max)
            {
                chosen.AddRange(thing.Select(c => c.Figure));
            }
        }

        return chosen;
    }

    /// <summary>
    /// The quotes a reader most needs, none the summary already quotes (a reader has just read
    /// those words, with who said them): those an earlier briefing of the story quoted last (a
    /// reader of it read them a day ago), then those carried by the most reports (the words every
    /// outlet chose to repeat), what people said before what another outlet reported, whole
    /// statements before fragments of a sentence ("put our troops at risk", which reads poorly on
    /// its own), then the earliest in the most central articles;
    /// one a speaker while other voices remain, so that a story with several sides shows them.
    /// </summary>
    private static List<Quote> KeyQuotes(List<QuoteCandidate> candidates, int max, string told, string toldBefore)
    {
        var ranked = candidates // stable: ties keep the articles' order
            .Where(c => !IsTold(c.Quote.Text, told))
            .OrderBy(c => IsTold(c.Quote.Text, toldBefore))
            .ThenByDescending(c => c.Reports.Count)
            .ThenBy(c => c.Reported)
            .ThenBy(c => char.IsLower(c.Quote.Text[0]))
            .ToList();
        var chosen = new List<QuoteCandidate>(max);
        var voices = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var candidate in ranked)
        {
            if (chosen.Count < max && voices.Add(Voice(candidate.Quote.Speaker)))
            {
                chosen.Add(candidate);
            }
        }

        foreach (var candidate in ranked)
        {
            if (chosen.Count < max && !chosen.Contains(candidate))
            {
                chosen.Add(candidate);
            }
        }

        return chosen.OrderBy(ranked.IndexOf).Select(c => c.Quote).ToList();
    }

    /// <summary>Whether <paramref name="told"/> (as <see cref="Told"/> joins it) holds the words of <paramref name="text"/>, in order.</summary>
    private static bool IsTold(string text, string told) => told.Length > 0 && told.Contains(Normalised(text), StringComparison.Ordinal);

    /// <summary>Sentences told (a summary, or what earlier briefings told) as one run of lower-cased words, each sentence set off, to find a quotation or an amount in.</summary>
    private static string Told(IReadOnlyList<string>? sentences) =>
        sentences is null or { Count: 0 } ? "" : string.Join("|", sentences.Select(Normalised));

    /// <summary>A text's words, lower-cased, one space apart and one at each end: " they are the words ".</summary>
    private static string Normalised(string text) => " " + string.Join(' ', Words.Tokens(text)) + " ";

    /// <summary>Who speaks, as one key for the ways a text names them: "Josep Borrell", "EU's Borrell" and "Borrell" are one voice.</summary>
    private static string Voice(string speaker) => speaker[(speaker.LastIndexOf(' ') + 1)..];

    private const int CandidatesPerQuote = 8;

    private const int CandidatesPerFigure = 4;

    /// <summary>A number and what it counts, and the reports that give that amount for that thing.</summary>
    /// <param name="Figure">The figure as the most central article that gives it writes it.</param>
    /// <param name="Thing">What it counts, one word in lower case ("rockets", "package").</param>
    /// <param name="Amount">Its value, scale applied; null when the number is not one ("dozens").</param>
    /// <param name="Unit">"$", "€" or "£" for money, "%" for a share, empty for a count.</param>
    /// <param name="Named">Whether what it counts is named with a capital ("50 Democrats", "$1.8 trillion American Families Plan").</param>
    /// <param name="Reports">The reports that give it (copies of one report count once).</param>
    private sealed record FigureCandidate(Figure Figure, string Thing, decimal? Amount, string Unit, bool Named, HashSet<string> Reports);

    /// <summary>The smallest amount that, told of two things in one story, is taken for one fact.</summary>
    private const decimal SameFactFrom = 20;

    /// <summary>A quotation with a speaker, what it says, and the reports that carry it.</summary>
    /// <param name="Quote">The quotation as the most central article that carries it gives it.</param>
    /// <param name="Words">Its content words, to know it again in another article.</param>
    /// <param name="Reports">The reports that carry it (copies of one report count once).</param>
    /// <param name="Reported">Whether the text gives the words to whoever reported them ("…,” CNBC reported Sunday"): another outlet's reporting, not a newsmaker's voice.</param>
    private sealed record QuoteCandidate(Quote Quote, HashSet<string> Words, HashSet<string> Reports, bool Reported);

    /// <summary>How many words in a row two quotations must share to be one quotation cut two ways.</summary>
    private const int RunLength = 8;

    /// <summary>The most runs a quotation's words are looked at in (a quotation is at most 600 characters).</summary>
    private const int MaxRuns = 160;

    /// <summary>
    /// A hash of each run of <see cref="RunLength"/> words (lower-cased), made from the words' own
    /// hashes without a string per run, written to <paramref name="runs"/>; returns how many.
    /// </summary>
    private static int RunsOf(string text, long[] runs)
    {
        Span<int> words = stackalloc int[MaxRuns + RunLength];
        var count = 0;
        Span<char> buffer = stackalloc char[Math.Min(text.Length, 1024)];
        foreach (var token in Words.Spans(text.Length <= 1024 ? text : text[..1024], buffer))
        {
            if (count == words.Length)
            {
                break;
            }

            words[count++] = string.GetHashCode(token);
        }

        var made = 0;
        for (var i = 0; i + RunLength <= count && made < runs.Length; i++)
        {
            var hash = 17L;
            for (var k = i; k < i + RunLength; k++)
            {
                hash = hash * 1_000_003 + words[k];
            }

            runs[made++] = hash;
        }

        return made;
    }

    /// <summary>The candidate a quotation repeats: most of its content words, else a run of <see cref="RunLength"/> words in a row.</summary>
    private static QuoteCandidate? SameQuotation(List<QuoteCandidate> candidates, HashSet<string> words, ReadOnlySpan<long> runs, Dictionary<long, QuoteCandidate> runOwners)
    {
        if (candidates.Find(c => Overlap(c.Words, words) >= 0.6) is { } same)
        {
            return same;
        }

        foreach (var run in runs)
        {
            if (runOwners.TryGetValue(run, out var owner))
            {
                return owner;
            }
        }

        return null;
    }

    /// <summary>Who the sentence holding a quotation says said it: "Officials said it was too soon. “…,” said the mayor." gives the mayor.</summary>
    private static string? SpeakerBeside(string paragraph, List<Range> sentences, int at)
    {
        foreach (var range in sentences)
        {
            var (start, length) = range.GetOffsetAndLength(paragraph.Length);
            if (at >= start && at < start + length)
            {
                // A one-sentence paragraph has already been read whole by the caller.
                return length == paragraph.Length ? null : Attribution.SpeakerIn(QuotePattern().Replace(paragraph.Substring(start, length), "\"…\""));
            }
        }

        return null;
    }

    private static double Overlap(HashSet<string> a, HashSet<string> b) =>
        Math.Min(a.Count, b.Count) == 0 ? 0 : (double)a.Count(b.Contains) / Math.Min(a.Count, b.Count);

    // A quotation opens on a word and closes after one, so that the words between two
    // straight-quoted terms ("a "discrepancy" in 135,000 "test" votes") are not taken for one.
    [GeneratedRegex(@"(?:“|(?<![\w""])"")(?<text>[^\s”""][^”""]{10,598}[^\s”""])[”""]")]
    private static partial Regex QuotePattern();

}
