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
    public static (List<Quote> Quotes, List<Figure> Figures) Extract(
        IEnumerable<Article> articles, IReadOnlyDictionary<string, string>? reportOf = null, int maxQuotes = 3, int maxFigures = 5,
        IReadOnlyList<string>? told = null)
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

                    foreach (Match match in FigurePattern().Matches(sentence))
                    {
                        if (Phrase(match, sentence) is not { } phrase || NotACount(match.Groups["number"].Value, match.Groups["w1"].Value, phrase.Thing, sentence, match.Index))
                        {
                            continue;
                        }

                        // One figure per thing and amount: the same amount again is one more report
                        // giving it, a different amount for the thing a second figure (outlets disagree).
                        var amount = Amount(match.Groups["number"].Value, ScaleOf(match));
                        var unit = Unit(match);
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
                            if (IsScale(sameFact.Thing) && !IsScale(phrase.Thing))
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

        var keyQuotes = KeyQuotes(quotes, maxQuotes, Told(told));
        var keyFigures = KeyFigures(figures, maxFigures);
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
    /// numbers every outlet chose to report), then the earliest in the most central articles. A
    /// thing's two amounts stay together, so where outlets disagree both are shown or neither.
    /// </summary>
    private static List<Figure> KeyFigures(List<FigureCandidate> candidates, int max)
    {
        var chosen = new List<Figure>(max);
        var things = candidates.GroupBy(c => c.Thing, StringComparer.Ordinal) // in the order first met
            .OrderByDescending(thing => thing.Max(c => c.Reports.Count)); // stable: ties keep that order
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
    /// The quotes a reader most needs: those the summary does not already quote first (a reader
    /// has read those words), then those carried by the most reports (the words every
    /// outlet chose to repeat), what people said before what another outlet reported, whole
    /// statements before fragments of a sentence ("put our troops at risk", which reads poorly on
    /// its own), then the earliest in the most central articles;
    /// one a speaker while other voices remain, so that a story with several sides shows them.
    /// </summary>
    private static List<Quote> KeyQuotes(List<QuoteCandidate> candidates, int max, string told)
    {
        var ranked = candidates // stable: ties keep the articles' order
            .OrderBy(c => told.Length > 0 && told.Contains(Normalised(c.Quote.Text), StringComparison.Ordinal))
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

    /// <summary>The story's summary as one run of lower-cased words, each sentence set off, to find a quotation in.</summary>
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

    private static string Unit(Match match) =>
        match.ValueSpan.IndexOfAny('$', '€', '£') is var at and >= 0 ? match.Value[at].ToString()
        : ScaleOf(match).ToLowerInvariant() is "%" or "percent" or "per cent" ? "%"
        : "";

    /// <summary>
    /// The number's scale: its own group, or the word after it when nothing follows that ("$6
    /// trillion, the largest…" matches with "trillion" as the thing it counts).
    /// </summary>
    private static string ScaleOf(Match match) =>
        match.Groups["scale"].Success ? match.Groups["scale"].Value : IsScale(match.Groups["w1"].Value) ? match.Groups["w1"].Value : "";

    private static bool IsScale(string word) =>
        word.ToLowerInvariant() is "hundred" or "thousand" or "thousands" or "million" or "millions" or "billion" or "billions" or "trillion" or "percent";

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

    /// <summary>The figure as written ("more than a million artillery shells") and the thing it counts.</summary>
    private static (string Value, string Thing)? Phrase(Match match, string sentence)
    {
        var number = match.Groups["number"].Value;
        var scale = match.Groups["scale"].Value;
        if (!char.IsDigit(number[0]) && scale.Length == 0 && number is not ("hundreds" or "dozens" or "tens"))
        {
            return null; // "a joint statement", "two countries": words, not figures
        }

        var first = match.Groups["w1"];
        var second = match.Groups["w2"];
        if (CountsNothing(first.Value))
        {
            return null; // "30,000 amid", "hundreds across": no thing counted
        }

        int end;
        string thing;
        if (char.IsUpper(first.Value[0]) && NameGoesOn().Match(sentence, first.Index + first.Length) is { Success: true } goesOn)
        {
            // A name the number goes with, read to its end: "$1.8 trillion American Families Plan",
            // "$50 billion Bill and Melinda Gates Foundation".
            end = goesOn.Index + goesOn.Length;
            for (var more = 0; more < 3 && NameGoesOn().Match(sentence, end) is { Success: true } next; more++)
            {
                end = next.Index + next.Length;
            }

            thing = sentence[(sentence.LastIndexOf(' ', end - 1) + 1)..end];
        }
        else if (second.Success && IsNoun(second.Value) && !(char.IsLower(first.Value[0]) && char.IsLower(second.Value[0]) && IsPlural(first.Value)))
        {
            // The second word belongs to the figure when it is a noun the first qualifies ("artillery
            // shells"), not the verb, adverb or direction that follows it ("scientists stated",
            // "miles west"); a plural is the thing itself, not a word before another ("1 million jobs economists expected";
            // but "124 degrees Fahrenheit").
            (end, thing) = (second.Index + second.Length, second.Value);
        }
        else
        {
            (end, thing) = (first.Index + first.Length, first.Value);

            // Two words joined before the noun they both qualify: "tens of thousands of small and
            // midsize firms", "22 current and former aides"; not two things ("72 actions and recommendations").
            // ("12 people and closed roads" joins two clauses: a verb is no such word.)
            if (!IsPlural(first.Value) && NextWord(sentence, end) is { } and && and.Word is "and" or "or"
                && NextWord(sentence, and.End) is { } modifier && IsModifier(modifier.Word)
                && NextWord(sentence, modifier.End) is { } noun && IsNoun(noun.Word))
            {
                (end, thing) = (noun.End, noun.Word);
            }

            return Result();
        }

        // The noun that two words before it qualify: "$1.2 trillion bipartisan infrastructure
        // package", "27 EU member countries", "$1.7 trillion White House proposal". A plural ends
        // the figure ("23 percentage points last year").
        if (!IsPlural(thing) && NextWord(sentence, end) is { } third && IsNoun(third.Word))
        {
            (end, thing) = (third.End, third.Word);
        }

        return Result();

        // An amount with no noun where the line is cut off right after it ("…and the disabled, $174
        // billion...") says nothing of what it counts.
        (string, string)? Result() =>
            IsScale(thing) && sentence.AsSpan(end).TrimStart() is var rest && (rest.StartsWith("...") || rest.StartsWith("…"))
                ? null
                : (Words.Squash(sentence[Start()..end]), thing.ToLowerInvariant());

        // A range is given whole: "rose 10 to 30 degrees", not "30 degrees"; not a year the
        // sentence runs from ("in fiscal 2021 to more than 1 million").
        int Start() =>
            (char.IsDigit(match.Value[0]) || match.Value[0] is '$' or '€' or '£') && RangeFrom(sentence, match.Index) is var from and >= 0
                ? from
                : match.Index;
    }

    /// <summary>The lowercase word right after <paramref name="at"/> and one space or more ("[a-z][a-z-]*[a-z]", not before an apostrophe); null when another word or mark comes first.</summary>
    private static (string Word, int End)? NextWord(string sentence, int at)
    {
        var start = at;
        while (start < sentence.Length && char.IsWhiteSpace(sentence[start]))
        {
            start++;
        }

        var end = start;
        while (end < sentence.Length && (char.IsAsciiLetterLower(sentence[end]) || sentence[end] == '-' && end > start))
        {
            end++;
        }

        var followedByWord = end < sentence.Length && (char.IsLetterOrDigit(sentence[end]) || sentence[end] is '_' or '\'' or '’');
        return start == at || end - start < 2 || sentence[end - 1] == '-' || followedByWord ? null : (sentence[start..end], end);
    }

    /// <summary>
    /// Where a range's lower end starts, right before the number at <paramref name="at"/> ("10 to ",
    /// "$1.5 to "); -1 when there is none, or when it is a year ("fiscal year 2021 to more than…").
    /// </summary>
    private static int RangeFrom(string sentence, int at)
    {
        var i = at;
        if (i < 4 || !char.IsWhiteSpace(sentence[i - 1]))
        {
            return -1;
        }

        while (i > 0 && char.IsWhiteSpace(sentence[i - 1]))
        {
            i--;
        }

        if (i < 3 || sentence[i - 1] != 'o' || sentence[i - 2] != 't' || !char.IsWhiteSpace(sentence[i - 3]))
        {
            return -1;
        }

        i -= 2;
        while (i > 0 && char.IsWhiteSpace(sentence[i - 1]))
        {
            i--;
        }

        var lowEnd = i;
        while (i > 0 && (char.IsAsciiDigit(sentence[i - 1]) || sentence[i - 1] is ',' or '.'))
        {
            i--;
        }

        if (i == lowEnd || !char.IsAsciiDigit(sentence[i]) || YearPattern().IsMatch(sentence.AsSpan(i, lowEnd - i)))
        {
            return -1;
        }

        if (i > 0 && sentence[i - 1] is '$' or '€' or '£')
        {
            i--;
        }
        else if (i > 1 && char.IsWhiteSpace(sentence[i - 1]) && sentence[i - 2] is '$' or '€' or '£')
        {
            i -= 2;
        }

        return i > 0 && (char.IsLetterOrDigit(sentence[i - 1]) || sentence[i - 1] is '.' or ',' or '$' or '€' or '£') ? -1 : i;
    }

    /// <summary>A word after a number's first word that can be what it counts: not a function word, a verb's -ed or -ing, an adverb, or one of <see cref="NotNouns"/>.</summary>
    private static bool IsNoun(string word) =>
        !CountsNothing(word) && !word.EndsWith("ing", StringComparison.Ordinal) && !word.EndsWith("ly", StringComparison.Ordinal) && !word.EndsWith("ed", StringComparison.Ordinal);

    /// <summary>A word that can stand before a noun: not a function word, and not a verb's -ed or -ing.</summary>
    private static bool IsModifier(string word) =>
        !StopWords.Contains(word) && !word.EndsWith("ed", StringComparison.Ordinal) && !word.EndsWith("ing", StringComparison.Ordinal);

    /// <summary>A word that reads as a plural ("jobs", "votes"), which news rarely puts before another noun; not "gas", "bus", "crisis", "press", or a plural that does go before one ("news outlets", "arms sales").</summary>
    private static bool IsPlural(string word) =>
        word.Length > 3 && word[^1] is 's' or 'S' && word[^2] is not ('s' or 'u' or 'i' or 'a' or '\'' or '’') && !PluralModifiers.Contains(word);

    private static readonly HashSet<string> PluralModifiers = new(StringComparer.OrdinalIgnoreCase) { "news", "sports", "arms", "sales", "savings", "customs", "goods" };

    /// <summary>A word next to a number that is never what it counts: a function word, a preposition, or one of <see cref="NotNouns"/>.</summary>
    private static bool CountsNothing(string word) =>
        StopWords.Contains(word.ToLowerInvariant()) || StopWords.IsKeptPreposition(word) || NotNouns.Contains(word);

    private static double Overlap(HashSet<string> a, HashSet<string> b) =>
        Math.Min(a.Count, b.Count) == 0 ? 0 : (double)a.Count(b.Contains) / Math.Min(a.Count, b.Count);

    /// <summary>
    /// A number that counts nothing: a year ("in 2017", "the 2017 tax cuts"; news writes counts of a
    /// thousand or more with a comma), four digits before a name ("the 1619 Project"), "911", a stretch of time looked back over
    /// ("for the first time in 11 months", "over the 12 months"; "within 12 weeks" stays), a day of a month ("Jan. 6 riot", "on 3 November"), a time
    /// ("1330 GMT"), a rank ("the No. 3 Republican"), the base of a rate ("per 100,000 women"), or part of a name ("S&amp;P 500 futures",
    /// "Group of 7 nations").
    /// </summary>
    private static bool NotACount(string number, string next, string thing, string sentence, int index)
    {
        if (YearPattern().IsMatch(number) || TimeZones.Contains(thing))
        {
            return true;
        }

        // Four digits without a comma before a name are part of it ("the 1619 Project", "the 1776
        // Commission"): news writes a count of a thousand or more with a comma. "911" is a number to call.
        if (number.Length == 4 && number.All(char.IsAsciiDigit) && char.IsUpper(next[0]) || number == "911")
        {
            return true;
        }

        // What comes right before the number decides; the patterns look at its last few words only.
        var before = sentence.AsSpan(0, index).TrimEnd();
        before = before[Math.Max(0, before.Length - 40)..];
        if (TimeSpans.Contains(thing) && LooksBackOver(before, qualified: char.IsLetter(sentence[index]) && char.IsAsciiDigit(number[0])))
        {
            return true; // a stretch of time the sentence looks back over ("for the first time in 11 months", "over the 12 months")
        }

        return before.EndsWith("No.", StringComparison.Ordinal)
            || before.EndsWith(" per", StringComparison.OrdinalIgnoreCase) // a rate's base: "20.1 per 100,000 live births"
            || (number.Length <= 2 && number.All(char.IsAsciiDigit) && (CalendarWords.IsMonth(next) || DayOf().IsMatch(before)))
            || NamedBefore().EnumerateMatches(before) is var names && names.MoveNext() && !StopWords.Contains(before.Slice(names.Current.Index, names.Current.Length).ToString().ToLowerInvariant());
    }

    /// <summary>
    /// Words next to a number that are not what it counts: places, directions and times ("miles
    /// west", "years ago"), "former" ("hundreds of former President Trump's supporters"), and the common verbs whose past is not spelt with -ed ("Afghans flew",
    /// "voters cast") or that follow a noun in the present ("their $1 trillion offer go to roads"). Prepositions ("acres across", "30,000 amid") are the stop words' own.
    /// </summary>
    private static readonly HashSet<string> NotNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "west", "east", "north", "south", "ago", "earlier", "later", "apart", "away", "ahead",
        "worldwide", "nationwide", "overseas", "abroad", "alone", "apiece", "combined", "overall", "annually", "total", "former",
        "flew", "cast", "rose", "fell", "went", "came", "took", "made", "left", "won", "lost", "met", "ran", "saw", "got", "gave",
        "held", "told", "paid", "spent", "sent", "fled", "fought", "brought", "sold", "built", "led", "began", "grew", "remain",
        "remained", "remains", "say", "said", "says", "face", "faced", "go", "goes", "come", "comes", "get", "gets", "need", "needs",
        "want", "wants", "make", "makes", "take", "takes", "expect", "expects", "know", "knows", "think", "thinks", "desired", "requested", "sought",
        "required", "needed", "expected", "estimated", "projected", "predicted", "planned", "allowed",
        "include", "includes", "requires", "provides", "allows", "gives", "seeks", "contains", "reaches", "helps",
    };

    private static readonly HashSet<string> TimeSpans = new(StringComparer.Ordinal) { "hours", "days", "weeks", "months", "years", "decades" };

    /// <summary>
    /// Words right before a stretch of time that look back over it: "the past", "the last",
    /// "previous", "over (the)", "the first time in", "in" before a qualified number ("not seen in
    /// more than 11 months"). A stretch ahead is news and stays a figure ("within 12 weeks", "in
    /// 12 weeks", "after 15 weeks").
    /// </summary>
    private static bool LooksBackOver(ReadOnlySpan<char> before, bool qualified)
    {
        var words = before.TrimEnd();
        if (words.EndsWith(" the", StringComparison.OrdinalIgnoreCase))
        {
            words = words[..^4];
        }

        var at = words.LastIndexOf(' ');
        var last = words[(at + 1)..];
        if (last.Equals("in", StringComparison.OrdinalIgnoreCase))
        {
            var earlier = words[..Math.Max(0, at)].TrimEnd();
            return qualified || earlier.EndsWith(" time", StringComparison.OrdinalIgnoreCase); // "for the first time in 11 months"
        }

        return last.Equals("over", StringComparison.OrdinalIgnoreCase) || last.Equals("past", StringComparison.OrdinalIgnoreCase)
            || last.Equals("last", StringComparison.OrdinalIgnoreCase) || last.Equals("previous", StringComparison.OrdinalIgnoreCase);
    }

    private static readonly HashSet<string> TimeZones = new(StringComparer.Ordinal)
    {
        "gmt", "utc", "et", "est", "edt", "ct", "cst", "cdt", "pt", "pst", "pdt", "bst", "cet", "cest",
    };

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

    [GeneratedRegex(@"^(1[89]|20)\d\d$")]
    private static partial Regex YearPattern();

    // "January 6", "Jan. 6", "Sept 11", "on 3".
    [GeneratedRegex(@"\b(?:" + CalendarWords.Months + @"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|on)\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex DayOf();

    // A capitalised word right before the number, alone or with "of": "S&P 500", "Nasdaq 100",
    // "Group of 7", "Section 230". Not the sentence's first word, which is capitalised anyway.
    [GeneratedRegex(@"(?<=\S\s+)[A-Z][\p{L}&'’]*(?=(?:\s+of)?$)")]
    private static partial Regex NamedBefore();




    // The next word of a name: a space and a capitalised word, right where the name so far ends;
    // or "and", "of" or "&" and a capitalised word when the name goes on after it ("Bill and
    // Melinda Gates Foundation", "Department of Homeland Security"), not when it joins two names
    // ("35 House Republicans and Democrats joined").
    [GeneratedRegex(@"\G(?:\s(?:and|of|&)(?=\s[A-Z][\p{L}'’-]*\s[A-Z]))?\s[A-Z][\p{L}'’-]*")]
    private static partial Regex NameGoesOn();

    // A quotation opens on a word and closes after one, so that the words between two
    // straight-quoted terms ("a "discrepancy" in 135,000 "test" votes") are not taken for one.
    [GeneratedRegex(@"(?:“|(?<![\w""])"")(?<text>[^\s”""][^”""]{10,598}[^\s”""])[”""]")]
    private static partial Regex QuotePattern();

    // "more than a million artillery shells", "about twelve thousand troops", "$1.2 trillion in spending", "15 areas", "30% of voters".
    // What the number counts is looked at ahead, not taken: a match that is no figure ("a nearly",
    // "One facility about") must not swallow the qualifier of the number after it.
    [GeneratedRegex(@"(?<![\w.,$€£#\-–/:])(?:(?:about|around|almost|nearly|over|more than|less than|fewer than|at least|up to|some|roughly|approximately)\s+)?(?:[$€£]\s?)?(?<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundreds|dozens|tens)(?:(?:\s+of)?\s*(?<scale>%|percent|per cent|hundred|thousands?|millions?|billions?|trillion)\b)?(?=(?:\s+of)?\s+(?<w1>[a-z][a-z-]*[a-z])(?:\s+(?<w2>[a-z][a-z-]*[a-z])(?![\w'’-]))?(?![\w-]))", RegexOptions.IgnoreCase)]
    private static partial Regex FigurePattern();
}
