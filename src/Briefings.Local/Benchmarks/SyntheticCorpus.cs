using System.Globalization;
using System.Text;

namespace Briefings.Local.Benchmarks;

/// <summary>One generated article, before it is written as JSON, text or HTML.</summary>
public sealed record SyntheticArticle(string Id, string Title, string Source, string Url, DateTimeOffset Published, IReadOnlyList<string> Paragraphs, int Story);

/// <summary>
/// A seeded synthetic news day (or week): stories of very different sizes (most covered once, a
/// few by hundreds of outlets), each with its own facts, names and figures, on a beat whose words
/// other stories share; every outlet tells the facts in its own words and adds its own, some
/// reprint another's report (syndicated copies, lightly edited), and quotes and figures appear
/// as news has them. Article length is log-normal around 550 words, publication times cluster
/// around when the story broke.
/// </summary>
public sealed class SyntheticCorpus
{
    /// <summary>The day every corpus starts on, so the same seed gives the same files.</summary>
    public static readonly DateTimeOffset Start = new(2025, 3, 10, 0, 0, 0, TimeSpan.Zero);

    private readonly SyntheticWords _words;
    private readonly string[] _sources;
    private readonly int _seed;

    public SyntheticCorpus(int seed)
    {
        _seed = seed;
        var random = new Random(seed);
        _words = new SyntheticWords(random);
        _sources = Enumerable.Range(0, 600).Select(_ => $"The {_words.Name(random)} {Outlets[random.Next(Outlets.Length)]}").Distinct().ToArray();
    }

    private static readonly string[] Outlets = ["Times", "Herald", "Post", "Tribune", "Gazette", "Courier", "Daily", "Wire", "Observer", "Journal", "Ledger", "Chronicle"];
    private static readonly string[] Units = ["percent", "million", "billion", "thousand", ""];
    private static readonly string[] SaidVerbs = ["said", "told reporters", "added", "said in a statement", "warned"];

    /// <summary>The articles of <paramref name="size"/> articles' worth of stories over <paramref name="days"/> days, in story order.</summary>
    /// <param name="medianWords">Article length: log-normal around this many words.</param>
    /// <param name="spread">The log-normal's sigma: 0.45 for a day's news, small for articles of one size.</param>
    public IEnumerable<SyntheticArticle> Articles(int size, int days = 1, int medianWords = 550, double spread = 0.45)
    {
        var random = new Random(_seed * 7919 + size);
        var produced = 0;
        for (var story = 0; produced < size; story++)
        {
            var count = Math.Min(StorySize(random), size - produced);
            foreach (var article in Story(random, story, count, days, medianWords, spread))
            {
                produced++;
                yield return article;
            }
        }
    }

    /// <summary>Coverage follows a power law: P(k) ∝ k^-2, up to 300 articles.</summary>
    private static int StorySize(Random random)
    {
        var u = random.NextDouble();
        var k = (int)(1 / (1 - u * (1 - 1.0 / 300)));
        return Math.Clamp(k, 1, 300);
    }

    private IEnumerable<SyntheticArticle> Story(Random random, int story, int count, int days, int medianWords, double spread)
    {
        var topic = _words.Topics[(int)(Math.Pow(random.NextDouble(), 2) * _words.Topics.Length)];
        var names = Enumerable.Range(0, 4 + random.Next(8)).Select(_ => Person(random)).ToArray();
        var places = Enumerable.Range(0, 2 + random.Next(4)).Select(_ => _words.Name(random)).ToArray();
        var own = Enumerable.Range(0, 6 + random.Next(10)).Select(_ => _words.Common(random) is var w && random.Next(3) == 0 ? topic[random.Next(topic.Length)] : w).ToArray();
        var context = new StoryContext(topic, names, places, own);
        var facts = Enumerable.Range(0, 20 + random.Next(20)).Select(_ => Sentence(random, context, 1.0)).ToList();
        var breaks = Start.AddMinutes(random.NextDouble() * days * 24 * 60);
        var headline = Title(random, context);

        var reports = new List<(List<string> Paragraphs, string Title)>();
        for (var i = 0; i < count; i++)
        {
            var source = _sources[random.Next(_sources.Length)];
            var published = Clamp(breaks.AddMinutes(Gaussian(random) * 180), days);
            List<string> paragraphs;
            string title;
            if (reports.Count > 0 && random.NextDouble() < 0.25)
            {
                // A syndicated copy: another outlet's report, with a paragraph dropped or an ending of its own.
                var (original, originalTitle) = reports[random.Next(reports.Count)];
                paragraphs = [.. original];
                if (paragraphs.Count > 3 && random.Next(2) == 0)
                {
                    paragraphs.RemoveAt(paragraphs.Count - 1);
                }
                else
                {
                    paragraphs.Add(Sentence(random, context, 0.3));
                }

                title = random.Next(3) == 0 ? Title(random, context) : originalTitle;
            }
            else
            {
                paragraphs = Report(random, context, facts, medianWords, spread);
                title = random.Next(4) == 0 ? headline : Title(random, context);
                reports.Add((paragraphs, title));
            }

            var id = $"s{_seed}-{story}-{i}";
            yield return new SyntheticArticle(id, title, source, $"https://news.example/{id}", published, paragraphs, story);
        }
    }

    /// <summary>One outlet's report: some of the facts in its own words, in roughly the order they matter, and lines of its own.</summary>
    private List<string> Report(Random random, StoryContext context, List<string> facts, int medianWords, double spread)
    {
        var targetWords = Math.Clamp((int)Math.Exp(Math.Log(medianWords) + spread * Gaussian(random)), 120, 5000);
        var paragraphs = new List<string>();
        var paragraph = new StringBuilder();
        var sentencesInParagraph = 0;
        var words = 0;
        var fact = 0;
        while (words < targetWords)
        {
            string sentence;
            var roll = random.NextDouble();
            if (roll < 0.5 && fact < facts.Count)
            {
                sentence = Reword(random, facts[fact], context);
                fact += 1 + (random.Next(3) == 0 ? 1 : 0);
            }
            else if (roll < 0.62)
            {
                sentence = Quote(random, context);
            }
            else
            {
                sentence = Sentence(random, context, 0.35);
            }

            paragraph.Append(paragraph.Length == 0 ? "" : " ").Append(sentence);
            words += sentence.Count(c => c == ' ') + 1;
            if (++sentencesInParagraph >= 1 + random.Next(4))
            {
                paragraphs.Add(paragraph.ToString());
                paragraph.Clear();
                sentencesInParagraph = 0;
            }
        }

        if (paragraph.Length > 0)
        {
            paragraphs.Add(paragraph.ToString());
        }

        return paragraphs;
    }

    /// <summary>A declarative sentence: function words, the beat's words, the story's own words and names, now and then a figure.</summary>
    private string Sentence(Random random, StoryContext context, double focus)
    {
        var length = 10 + random.Next(20);
        var builder = new StringBuilder();
        for (var w = 0; w < length; w++)
        {
            var roll = random.NextDouble();
            string word;
            if (roll < 0.45)
            {
                word = _words.FunctionWord(random);
            }
            else if (roll < 0.45 + 0.25 * focus)
            {
                word = random.Next(3) == 0 ? context.Own[random.Next(context.Own.Length)] : context.Topic[random.Next(context.Topic.Length)];
            }
            else if (roll < 0.45 + 0.32 * focus)
            {
                word = random.Next(2) == 0 ? context.Names[random.Next(context.Names.Length)] : context.Places[random.Next(context.Places.Length)];
            }
            else if (roll < 0.46 + 0.32 * focus)
            {
                word = Figure(random);
            }
            else
            {
                word = _words.Common(random);
            }

            builder.Append(w == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word).Append(w == length - 1 ? "." : " ");
        }

        return builder.ToString();
    }

    /// <summary>The same fact as another outlet words it: most of its content words kept, the rest its own.</summary>
    private string Reword(Random random, string fact, StoryContext context)
    {
        var words = fact.TrimEnd('.').Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            if (random.NextDouble() < 0.3)
            {
                words[i] = random.Next(2) == 0 ? _words.FunctionWord(random) : random.Next(2) == 0 ? context.Topic[random.Next(context.Topic.Length)] : _words.Common(random);
            }
        }

        words[0] = char.ToUpperInvariant(words[0][0]) + words[0][1..];
        return string.Join(' ', words) + ".";
    }

    private string Quote(Random random, StoryContext context)
    {
        var inner = Sentence(random, context, 0.6).TrimEnd('.');
        return $"“{inner},” {context.Names[random.Next(context.Names.Length)]} {SaidVerbs[random.Next(SaidVerbs.Length)]}.";
    }

    private string Title(Random random, StoryContext context)
    {
        var length = 6 + random.Next(8);
        var words = new List<string>(length) { context.Names[random.Next(context.Names.Length)].Split(' ')[^1] };
        for (var i = 1; i < length; i++)
        {
            words.Add(random.Next(4) switch
            {
                0 => _words.FunctionWord(random),
                1 => context.Own[random.Next(context.Own.Length)],
                2 => context.Topic[random.Next(context.Topic.Length)],
                _ => random.Next(2) == 0 ? context.Places[random.Next(context.Places.Length)] : _words.Common(random),
            });
        }

        return string.Join(' ', words);
    }

    private string Person(Random random) => $"{_words.Name(random)} {_words.Name(random)}";

    private static string Figure(Random random)
    {
        var unit = Units[random.Next(Units.Length)];
        var number = random.Next(4) == 0 ? (random.Next(1, 1000) / 10.0).ToString("0.#", CultureInfo.InvariantCulture) : random.Next(2, 50_000).ToString("N0", CultureInfo.InvariantCulture);
        return unit.Length == 0 ? number : $"{number} {unit}";
    }

    private static DateTimeOffset Clamp(DateTimeOffset time, int days)
    {
        var end = Start.AddDays(days).AddSeconds(-1);
        return time < Start ? Start : time > end ? end : time;
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private sealed record StoryContext(string[] Topic, string[] Names, string[] Places, string[] Own);
}
