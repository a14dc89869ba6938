using Briefings.Core.Text;

namespace Briefings.Core.Stories;

/// <summary>
/// TF-IDF over one set of documents: sublinear term frequency, smoothed inverse document
/// frequency, stop words left out. The same vocabulary weighs articles and their sentences.
/// </summary>
public sealed class Vocabulary
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<int> _documentFrequency = [];
    private int _documents;

    public int DocumentCount => _documents;

    /// <summary>Counts each distinct term of a document once.</summary>
    public void AddDocument(IEnumerable<string> tokens)
    {
        _documents++;
        foreach (var token in tokens.Where(t => Keep(t)).Distinct())
        {
            if (!_ids.TryGetValue(token, out var id))
            {
                id = _ids.Count;
                _ids[token] = id;
                _documentFrequency.Add(0);
            }

            _documentFrequency[id]++;
        }
    }

    public int DocumentFrequency(string token) => _ids.TryGetValue(token, out var id) ? _documentFrequency[id] : 0;

    public int DocumentFrequency(int termId) => _documentFrequency[termId];

    public double Idf(int termId) => Idf(_documents, _documentFrequency[termId]);

    /// <summary>Smoothed inverse document frequency of a term found in <paramref name="frequency"/> of <paramref name="documents"/>.</summary>
    public static double Idf(int documents, int frequency) => Math.Log((1.0 + documents) / (1.0 + frequency)) + 1.0;

    /// <summary>A unit TF-IDF vector; tokens listed with a weight count that many times.</summary>
    public SparseVector Vector(IEnumerable<(IEnumerable<string> Tokens, float Weight)> parts)
    {
        var tf = new Dictionary<int, float>();
        foreach (var (tokens, weight) in parts)
        {
            foreach (var token in tokens)
            {
                if (Keep(token) && _ids.TryGetValue(token, out var id))
                {
                    tf[id] = tf.GetValueOrDefault(id) + weight;
                }
            }
        }

        var weights = new Dictionary<int, float>(tf.Count);
        foreach (var (id, count) in tf)
        {
            weights[id] = (float)((1 + Math.Log(count)) * Idf(id));
        }

        return SparseVector.FromCounts(weights);
    }

    public SparseVector Vector(IEnumerable<string> tokens) => Vector([(tokens, 1f)]);

    /// <summary>A content word: longer than one character and not a stop word (the words every similarity here compares).</summary>
    public static bool Keep(ReadOnlySpan<char> token) => token.Length > 1 && !StopWords.Contains(token);
}
