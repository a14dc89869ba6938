using Briefings.Core.Articles;
using Briefings.Core.Digests;
using Briefings.Core.Stories;
using Briefings.Core.Summaries.Model;
using Briefings.Core.Text;

namespace Briefings.Core.Summaries;

/// <summary>
/// Writes a story's summary from its own sentences. The story's articles, each its title and
/// lead, are pooled into a consensus: how often an average article of the story uses each word
/// and each pair of adjacent words. The summary is the combination of lead sentences that
/// matches that consensus best by the F1 of word and word-pair overlap, counts clipped as a
/// summary is judged against a written reference; here the story stands in for the reference.
/// What several outlets say counts several times what one says, a repeated word earns nothing
/// once the consensus's share of it is used up (so redundancy needs no separate cut), and the F1
/// weighs covering more against diluting it, which sets the length within the word budget.
/// Every sentence cites each article that carries it (the same sentence, or a reworded copy of it).
/// </summary>
public sealed class ExtractiveSummarizer(SummaryOptions options)
{
    private sealed record Candidate(string Text, string ArticleId, int Position, int Words, HashSet<string> Content, int[][] Grams);

    /// <param name="articles">The story's articles, most central first.</param>
    /// <param name="reportOf">For each article id, the id of the report it belongs to (copies share one).</param>
    /// <param name="told">What earlier digests told of the story (summary sentences, quotes and figures' sentences), when it is developing.</param>
    public List<SummarySentence> Summarize(IReadOnlyList<Article> articles, IReadOnlyDictionary<string, string> reportOf, IReadOnlyList<string>? told = null)
    {
        var candidates = new List<Candidate>();
        var later = new List<Candidate>(); // past the leads, without their grams: used only when the leads are too short
        var leadWords = 0;
        var sentencesOf = new Dictionary<string, List<HashSet<string>>>();
        var consensus = new Consensus(1.0 / articles.Count);
        foreach (var article in articles)
        {
            var sets = sentencesOf[article.Id] = [];
            consensus.Add(Words.Tokens(article.Title));
            var position = 0;
            var before = 0;
            foreach (var paragraph in article.Paragraphs)
            {
                foreach (var said in WholeQuotations(Sentences.Split(paragraph)))
                {
                    // "The big picture: A panel ruled…" and "But a panel ruled…" tell "A panel ruled…".
                    var sentence = Connectives.Strip(SectionLabels.Strip(said));
                    var content = ContentWords(sentence);
                    sets.Add(content);
                    var words = Words.Count(sentence);
                    if (before < options.LeadWords)
                    {
                        var grams = consensus.Add(Words.Tokens(sentence));
                        if (Usable(sentence, words) && content.Count > 0)
                        {
                            candidates.Add(new Candidate(sentence, article.Id, position, words, content, grams));
                            leadWords += words;
                        }
                    }
                    else if (leadWords < options.MinWords && before < options.LeadWords + options.MaxWords && Usable(sentence, words) && content.Count > 0)
                    {
                        later.Add(new Candidate(sentence, article.Id, position, words, content, []));
                    }

                    before += words;
                    position++;
                }
            }
        }

        // A story whose leads cannot fill the shortest summary (one article with a short lead)
        // draws on the sentences that follow them, which add to the summary but not the consensus.
        // (They are gathered only while the leads read so far fall short: once they reach the
        // shortest summary, the leads of the articles still to come can only add to them.)
        if (leadWords < options.MinWords)
        {
            candidates.AddRange(later.Select(c => c with { Grams = consensus.Grams(Words.Tokens(c.Text)) }));
        }

        // What the story's reports tell, not what a columnist or the writer thinks of it ("But for
        // the international left, sport no longer matters…"), in sentences that stand on their own:
        // sentences of opinion pieces, then those in the writer's own voice, opening on a
        // reference to what came before or quoting someone they do not name, are used only when a
        // story has too few others.
        var reported = candidates.Where(c => !InWritersVoice(c.Text) && !OpensOnAReference(c.Text) && !QuotesSomeoneUnnamed(c.Text)).ToList();
        var opinions = articles.Where(OpinionPieces.Is).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var news = opinions.Count == 0 ? reported : reported.FindAll(c => !opinions.Contains(c.ArticleId));
        if (news.Count >= options.MinSentences)
        {
            candidates = news;
        }
        else if (reported.Count >= options.MinSentences)
        {
            candidates = reported;
        }

        // A reader of yesterday's briefing has been told yesterday's facts: a developing story's
        // summary tells what is new, and repeats a fact only when there is too little else.
        if (told is { Count: > 0 })
        {
            var toldFacts = new ToldFacts(told, options.ToldOverlap);
            var untold = candidates.FindAll(c => !toldFacts.Retells(c.Text));
            if (untold.Count >= options.MinSentences)
            {
                candidates = untold;
            }
        }

        var order = articles.Select((a, i) => (a.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var numbersOf = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal); // filled as citations ask
        return Select(candidates, consensus)
            .OrderBy(c => c.Position)
            .ThenBy(c => order[c.ArticleId])
            .Select(c => new SummarySentence(c.Text, Citations(c, articles, reportOf, sentencesOf, numbersOf)))
            .ToList();
    }

    /// <summary>
    /// The combination of candidates that matches the consensus best: at most
    /// <see cref="SummaryOptions.MaxSentences"/> sentences and <see cref="SummaryOptions.MaxWords"/>
    /// words, preferring those that reach <see cref="SummaryOptions.MinWords"/> and
    /// <see cref="SummaryOptions.MinSentences"/>. A story's leads hold a few dozen sentences at most,
    /// so every combination of the <see cref="SummaryOptions.SearchPool"/> best on their own is tried.
    /// </summary>
    private List<Candidate> Select(List<Candidate> candidates, Consensus consensus)
    {
        var grams = candidates.Select(c => c.Grams).ToList();
        var overlap = consensus.Overlap(options.ClipScale);
        var pool = Enumerable.Range(0, candidates.Count)
            .OrderByDescending(i => overlap.ScoreAlone(grams[i]))
            .ThenBy(i => i)
            .Take(options.SearchPool)
            .Order()
            .ToList();
        var sameFact = SameFacts(pool.Select(i => candidates[i]).ToList());
        var taken = new List<int>();
        var takenAt = new List<int>(); // the pool positions of what is taken
        var best = new List<int>();
        var bestKey = (Full: false, Once: false, Score: 0.0);
        var words = 0;
        var repeats = 0;

        // A full summary first; among full ones, one that tells no fact twice; then the best match.
        void Extend(int from)
        {
            var key = (Full: words >= options.MinWords && taken.Count >= Math.Min(options.MinSentences, pool.Count), Once: repeats == 0, Score: overlap.Score);
            if (taken.Count > 0 && (best.Count == 0 || Better(key, bestKey)))
            {
                bestKey = key;
                best = [.. taken];
            }

            if (taken.Count == options.MaxSentences)
            {
                return;
            }

            for (var k = from; k < pool.Count; k++)
            {
                var i = pool[k];
                if (words + candidates[i].Words > options.MaxWords)
                {
                    continue;
                }

                var repeated = takenAt.Count(at => sameFact[at, k]);
                overlap.Add(grams[i]);
                words += candidates[i].Words;
                repeats += repeated;
                taken.Add(i);
                takenAt.Add(k);
                Extend(k + 1);
                takenAt.RemoveAt(takenAt.Count - 1);
                taken.RemoveAt(taken.Count - 1);
                repeats -= repeated;
                words -= candidates[i].Words;
                overlap.Remove(grams[i]);
            }
        }

        Extend(0);
        return best.Select(i => candidates[i]).ToList();
    }

    private static bool Better((bool Full, bool Once, double Score) key, (bool Full, bool Once, double Score) best) =>
        key.Full != best.Full ? key.Full
        : key.Once != best.Once ? key.Once
        : key.Score > best.Score;

    /// <summary>
    /// Which pairs of candidates tell one fact: they give the same figure (not a year alone) and
    /// share <see cref="SummaryOptions.SameFactOverlap"/> of the shorter one's content words
    /// ("The US economy added 850,000 jobs in June" and "America's employers added 850,000 jobs in
    /// June, well above…"). Outlets word one fact differently, but not its figure.
    /// </summary>
    private bool[,] SameFacts(List<Candidate> pool)
    {
        var figures = pool.Select(c => TextFacts.NumbersOf([c.Text], numberWords: false).Where(n => !IsYear(n)).ToHashSet(StringComparer.Ordinal)).ToList();
        var same = new bool[pool.Count, pool.Count];
        for (var a = 0; a < pool.Count; a++)
        {
            for (var b = a + 1; b < pool.Count; b++)
            {
                if (figures[a].Overlaps(figures[b]))
                {
                    var (small, large) = pool[a].Content.Count <= pool[b].Content.Count ? (pool[a].Content, pool[b].Content) : (pool[b].Content, pool[a].Content);
                    same[a, b] = same[b, a] = small.Count > 0 && (double)small.Count(large.Contains) / small.Count >= options.SameFactOverlap;
                }
            }
        }

        return same;
    }

    private static bool IsYear(string number) => number.Length == 4 && number[0] is '1' or '2' && int.TryParse(number, out var year) && year is >= 1900 and <= 2099;

    /// <summary>
    /// Expected counts of words (unigrams) and adjacent word pairs (bigrams) in a summary of the
    /// story: each article's title and lead sentences, each article weighing the same.
    /// </summary>
    private sealed class Consensus(double share)
    {
        private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);
        private readonly List<double> expected = [];

        /// <summary>Adds a sentence (or a title); returns the ids of its unigrams and of its bigrams.</summary>
        public int[][] Add(List<string> tokens)
        {
            var grams = Grams(tokens);
            foreach (var id in grams.SelectMany(g => g))
            {
                expected[id] += share;
            }

            return grams;
        }

        /// <summary>The ids of a sentence's unigrams and of its bigrams, without adding it to the consensus.</summary>
        public int[][] Grams(List<string> tokens) =>
        [
            // A bigram's key holds a space, which no token does, so the two share one id space.
            [.. tokens.Select(Id)],
            [.. Enumerable.Range(0, Math.Max(0, tokens.Count - 1)).Select(i => Id(tokens[i] + " " + tokens[i + 1]))],
        ];

        /// <summary>
        /// An empty summary's overlap with the consensus as it stands: each gram counts up to
        /// <paramref name="clipScale"/> times its expected count, against the consensus's own length.
        /// </summary>
        public Overlap Overlap(double clipScale)
        {
            var size = new double[2];
            foreach (var (key, id) in ids)
            {
                size[key.Contains(' ') ? 1 : 0] += expected[id];
            }

            return new Overlap([.. expected.Select(e => e * clipScale)], size);
        }

        private int Id(string gram)
        {
            if (!ids.TryGetValue(gram, out var id))
            {
                ids[gram] = id = expected.Count;
                expected.Add(0);
            }

            return id;
        }
    }

    /// <summary>
    /// A growing summary's unigram and bigram overlap with the consensus: each gram counts at
    /// most as often as the consensus expects it, as ROUGE clips counts against a reference.
    /// </summary>
    private sealed class Overlap(double[] expected, double[] size)
    {
        private readonly int[] counts = new int[expected.Length];
        private readonly double[] hits = new double[2];
        private readonly double[] lengths = new double[2];

        /// <summary>ROUGE-1 F1 plus ROUGE-2 F1 against the consensus.</summary>
        public double Score => F1(0) + F1(1);

        public void Add(int[][] grams) => Change(grams, 1);

        public void Remove(int[][] grams) => Change(grams, -1);

        public double ScoreAlone(int[][] grams)
        {
            Add(grams);
            var score = Score;
            Remove(grams);
            return score;
        }

        private void Change(int[][] grams, int step)
        {
            for (var n = 0; n < 2; n++)
            {
                foreach (var id in grams[n])
                {
                    var before = Math.Min(counts[id], expected[id]);
                    counts[id] += step;
                    hits[n] += Math.Min(counts[id], expected[id]) - before;
                }

                lengths[n] += step * grams[n].Length;
            }
        }

        private double F1(int n) => hits[n] <= 0 ? 0 : 2 * hits[n] / (lengths[n] + size[n]);
    }

    /// <summary>The words that carry meaning: no function words, no one-letter tokens.</summary>
    public static HashSet<string> ContentWords(string text) =>
        Words.Tokens(text).Where(t => Vocabulary.Keep(t)).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The sentence's own article, and every other that tells it too: one of its sentences holds
    /// <see cref="SummaryOptions.CitationOverlap"/> of the sentence's content words
    /// (<see cref="SummaryOptions.CopyCitationOverlap"/> for a copy of the same report), and the
    /// article gives every number the sentence gives. An outlet that shares a sentence's words but
    /// not its figures ("at least 150 people killed in more than 400 shootings" where it counted
    /// "more than 180" in "540") told another count, and citing it would say it told this one.
    /// </summary>
    private List<string> Citations(
        Candidate sentence,
        IReadOnlyList<Article> articles,
        IReadOnlyDictionary<string, string> reportOf,
        Dictionary<string, List<HashSet<string>>> sentencesOf,
        Dictionary<string, HashSet<string>> numbersOf)
    {
        var report = reportOf.GetValueOrDefault(sentence.ArticleId, sentence.ArticleId);
        var sources = new List<string> { sentence.ArticleId };
        HashSet<string>? numbers = null;
        foreach (var article in articles)
        {
            if (article.Id == sentence.ArticleId)
            {
                continue;
            }

            var threshold = reportOf.GetValueOrDefault(article.Id, article.Id) == report ? options.CopyCitationOverlap : options.CitationOverlap;
            if (!sentencesOf[article.Id].Exists(other => (double)other.Count(sentence.Content.Contains) / sentence.Content.Count >= threshold))
            {
                continue;
            }

            numbers ??= TextFacts.ClaimedNumbers(sentence.Text).Select(n => n.Value).ToHashSet(StringComparer.Ordinal);
            if (numbers.Count == 0 || numbers.IsSubsetOf(NumbersOf(article, numbersOf)))
            {
                sources.Add(article.Id);
            }
        }

        return sources;
    }

    private static HashSet<string> NumbersOf(Article article, Dictionary<string, HashSet<string>> known)
    {
        if (!known.TryGetValue(article.Id, out var numbers))
        {
            numbers = TextFacts.NumbersOf(article.Paragraphs.Prepend(article.Title));
            known[article.Id] = numbers;
        }

        return numbers;
    }

    /// <summary>
    /// Joins a sentence that opens a quotation to the sentences after it until the quotation
    /// closes: a quotation of several sentences in straight quotes is split like any text, and
    /// its pieces read as broken sentences on their own.
    /// </summary>
    private static List<string> WholeQuotations(List<string> sentences)
    {
        var joined = new List<string>(sentences.Count);
        var open = new List<string>(); // the sentences of a quotation not yet closed
        var marks = default(QuoteMarks); // theirs, each sentence's counted once
        foreach (var sentence in sentences)
        {
            open.Add(sentence);
            marks += QuoteMarks.Of(sentence);
            if (marks.Balanced)
            {
                joined.Add(open.Count == 1 ? sentence : string.Join(' ', open));
                open.Clear();
                marks = default;
            }
        }

        if (open.Count > 0)
        {
            joined.Add(string.Join(' ', open)); // a quotation the paragraph never closes
        }

        return joined;
    }

    private static bool QuotesBalanced(string text) => QuoteMarks.Of(text).Balanced;

    /// <summary>A text's quotation marks, counted: balanced when every quotation it opens it closes.</summary>
    private readonly record struct QuoteMarks(int Straight, int Opening, int Closing)
    {
        public static QuoteMarks Of(ReadOnlySpan<char> text) => new(text.Count('"'), text.Count('“'), text.Count('”'));

        public static QuoteMarks operator +(QuoteMarks a, QuoteMarks b) => new(a.Straight + b.Straight, a.Opening + b.Opening, a.Closing + b.Closing);

        public bool Balanced => Straight % 2 == 0 && Opening == Closing;
    }

    /// <summary>
    /// A sentence that opens on a pronoun pointing back to what its article said before ("He
    /// promised…", "It was the biggest increase…", "Those outages…", "Such a vote…"): in a summary drawn from
    /// several articles, the reader may not have what it points to. A summary draws on such
    /// sentences only when a story has too few others.
    /// </summary>
    public static bool OpensOnAReference(string sentence)
    {
        var end = sentence.IndexOfAny([' ', ',', '\'', '’']); // "That's" and "It’s" open on "That" and "It"
        return end > 0 && BackReferences.Contains(sentence.AsSpan(0, end));
    }

    /// <summary>
    /// A sentence that quotes someone it does not name: one quotation and nothing else ("“The
    /// United States will continue to enforce our laws.”"), or one given to "he", "she" or "they"
    /// ("“Do not come,” she said at a news conference."). Its article names the speaker elsewhere,
    /// and a summary's reader would not know who speaks. "“…,” Biden said." names them.
    /// </summary>
    public static bool QuotesSomeoneUnnamed(string sentence)
    {
        var text = sentence.Trim();
        if (text.Length < 2 || text[0] is not ('“' or '"'))
        {
            return false;
        }

        var close = text.IndexOf(text[0] == '“' ? '”' : '"', 1);
        if (close < 0)
        {
            return false;
        }

        // It closes at the end (a full stop may follow), or a pronoun speaks its words: "he said",
        // "she commented", "they wrote".
        return close >= text.Length - 2 || GivenToAPronoun(text.AsSpan(close + 1).TrimStart(", "));
    }

    private static bool GivenToAPronoun(ReadOnlySpan<char> after)
    {
        var end = after.IndexOf(' ');
        return end > 0 && after[..end] is "he" or "she" or "they" && end + 1 < after.Length && char.IsAsciiLetterLower(after[end + 1]);
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BackReferences =
        new HashSet<string>(["He", "She", "They", "His", "Her", "Their", "Him", "Them", "It", "Its", "This", "These", "Those", "That", "Such"], StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// A complete declarative sentence of sensible length, not a question, a lead-in or a fragment:
    /// it ends as a sentence does (a cut-off paragraph or a caption does not) and closes every
    /// quotation it opens.
    /// </summary>
    private static bool Usable(string sentence, int words) =>
        words is >= 6 and <= 60
        && QuotesBalanced(sentence)
        && !sentence.EndsWith('?')
        && !sentence.EndsWith("...", StringComparison.Ordinal)
        && sentence.TrimEnd('"', '”', '’', '\'', ')', ']') is [.., '.' or '!' or '?']
        && (char.IsUpper(sentence[0]) || sentence[0] is '“' or '"' or '‘' || char.IsDigit(sentence[0]));

    /// <summary>
    /// A sentence in which the writer speaks as "I" or "we" or to the reader as "you", outside any
    /// quotation: commentary or advice, not a report of what happened. A summary tells the reader
    /// what the outlets reported, so it draws on such sentences only when a story has too few others.
    /// </summary>
    public static bool InWritersVoice(string sentence)
    {
        // Every candidate sentence of every story passes through here, so this walks the words
        // once instead of running a pattern at every letter that might start a pronoun.
        var straight = false;
        var curly = 0;
        var previousCapitalised = false;
        for (var i = 0; i < sentence.Length;)
        {
            var ch = sentence[i];
            if (!char.IsLetter(ch))
            {
                straight ^= ch == '"';
                curly = ch == '“' ? curly + 1 : ch == '”' ? Math.Max(0, curly - 1) : curly;
                previousCapitalised &= ch == ' ';
                i++;
                continue;
            }

            var start = i;
            while (i < sentence.Length && char.IsLetter(sentence[i]))
            {
                i++;
            }

            var word = sentence.AsSpan(start, i - start);
            var joined = start > 0 && sentence[start - 1] is '.' or '-' || i < sentence.Length && char.IsDigit(sentence[i]);
            if (!straight && curly == 0 && !joined && IsPersonal(word, i < sentence.Length ? sentence[i] : ' ', previousCapitalised))
            {
                return true;
            }

            previousCapitalised = char.IsUpper(ch) && start > 0 && sentence[start - 1] == ' ';
        }

        return false;
    }

    /// <summary>
    /// A first- or second-person pronoun. Case matters: "US" is a country. "I" is a pronoun unless
    /// it is an initial ("R.I.", "I. M. Pei") or follows a capitalised word as a numeral does
    /// ("World War I", "Elizabeth I").
    /// </summary>
    private static bool IsPersonal(ReadOnlySpan<char> word, char next, bool previousCapitalised) => word switch
    {
        "I" => next != '.' && !previousCapitalised,
        "we" or "We" or "us" or "our" or "Our" or "ours" or "you" or "You" or "your" or "Your" or "yours" or "my" or "My" or "me" => true,
        _ => false,
    };
}
