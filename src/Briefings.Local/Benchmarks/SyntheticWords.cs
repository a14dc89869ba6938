using System.Text;
using Briefings.Core.Text;

namespace Briefings.Local.Benchmarks;

/// <summary>
/// The vocabulary of a synthetic corpus: English function words at their usual share of running
/// text, a large pool of made-up content words drawn with a Zipf law (so a few are everywhere and
/// most are rare, as in news), topic words that many stories of one beat share, and capitalised
/// names. Seeded: the same seed gives the same words.
/// </summary>
public sealed class SyntheticWords
{
    private const int TableSize = 1 << 20;

    // Function words, roughly in order of frequency; they make up about 45% of running English.
    private static readonly string[] Function =
    [
        "the", "of", "and", "to", "a", "in", "that", "is", "for", "on", "was", "with", "as", "it", "by", "at", "from", "his", "an",
        "were", "are", "which", "be", "this", "has", "had", "but", "not", "their", "have", "they", "its", "after", "who", "been",
        "will", "would", "more", "about", "into", "than", "over", "while", "under", "between", "could", "since", "during", "against",
    ];

    private static readonly string[] Onsets = ["b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "br", "cr", "dr", "st", "tr", "pl", "gr", "sh", "ch", "th", "sp", "fl"];
    private static readonly string[] Vowels = ["a", "e", "i", "o", "u", "ai", "ea", "ou", "io", "ee"];
    private static readonly string[] Codas = ["", "", "", "n", "r", "s", "t", "l", "m", "nd", "st", "ck", "ng"];

    private readonly string[] _common;
    private readonly int[] _zipf;
    private readonly int[] _functionTable;

    public SyntheticWords(Random random, int commonWords = 60_000, int topics = 400, int wordsPerTopic = 120, int names = 40_000)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        _common = Make(random, commonWords, seen, capitalised: false);
        Topics = Enumerable.Range(0, topics).Select(_ => Make(random, wordsPerTopic, seen, capitalised: false)).ToArray();
        Names = Make(random, names, seen, capitalised: true);
        _zipf = ZipfTable(commonWords, 1.05);
        _functionTable = ZipfTable(Function.Length, 0.9);
    }

    /// <summary>Words of each beat (politics, a war, a league...): shared by every story on that beat.</summary>
    public string[][] Topics { get; }

    /// <summary>Capitalised words for people, places and organisations.</summary>
    public string[] Names { get; }

    public string Common(Random random) => _common[_zipf[random.Next(TableSize)]];

    public string FunctionWord(Random random) => Function[_functionTable[random.Next(TableSize)]];

    public string Name(Random random) => Names[random.Next(Names.Length)];

    private static string[] Make(Random random, int count, HashSet<string> seen, bool capitalised)
    {
        var words = new string[count];
        var builder = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            string word;
            do
            {
                builder.Clear();
                var syllables = 1 + (random.Next(2) == 0 ? 1 : 0) + (random.Next(5) == 0 ? 1 : 0);
                for (var s = 0; s < syllables; s++)
                {
                    builder.Append(Onsets[random.Next(Onsets.Length)]).Append(Vowels[random.Next(Vowels.Length)]).Append(Codas[random.Next(Codas.Length)]);
                }

                word = builder.ToString();
            }
            while (word.Length < 3 || StopWords.Contains(word) || !seen.Add(word));

            words[i] = capitalised ? char.ToUpperInvariant(word[0]) + word[1..] : word;
        }

        return words;
    }

    /// <summary>A lookup table that turns a uniform draw into a rank with probability ∝ 1/rank^s.</summary>
    private static int[] ZipfTable(int count, double exponent)
    {
        var weights = new double[count];
        double total = 0;
        for (var r = 0; r < count; r++)
        {
            weights[r] = 1 / Math.Pow(r + 1, exponent);
            total += weights[r];
        }

        var table = new int[TableSize];
        double cumulative = 0;
        var rank = 0;
        for (var i = 0; i < TableSize; i++)
        {
            var point = (i + 0.5) / TableSize * total;
            while (rank < count - 1 && cumulative + weights[rank] < point)
            {
                cumulative += weights[rank];
                rank++;
            }

            table[i] = rank;
        }

        return table;
    }
}
