using Briefings.Core.Articles;
using Briefings.Core.Digests;
using Briefings.Core.Stories;
using Briefings.Core.Text;

namespace Briefings.Core.Summaries;

/// <summary>
/// Picks sentences that are close to the story's centroid and early in their articles, drops
/// ones that repeat what is already chosen, and cites every article that carries each sentence.
/// </summary>
public sealed class ExtractiveSummarizer(SummaryOptions options)
{
    private sealed record Candidate(string Text, string ArticleId, int Paragraph, int Position, SparseVector Vector, HashSet<string> Tokens, double Score);

    /// <param name="articles">The story's articles, most central first.</param>
    /// <param name="vocabulary">The day's vocabulary, which weighs sentence terms.</param>
    /// <param name="centroid">The story's direction in that vocabulary.</param>
    public List<SummarySentence> Summarize(IReadOnlyList<Article> articles, Vocabulary vocabulary, SparseVector centroid)
    {
        var candidates = new List<Candidate>();
        var sentencesOf = new Dictionary<string, List<HashSet<string>>>();
        foreach (var article in articles)
        {
            var sets = sentencesOf[article.Id] = [];
            var position = 0;
            for (var p = 0; p < article.Paragraphs.Count; p++)
            {
                foreach (var sentence in Sentences.Split(article.Paragraphs[p]))
                {
                    var tokens = Words.Tokens(sentence);
                    sets.Add([.. tokens]);
                    if (Usable(sentence, tokens.Count))
                    {
                        var vector = vocabulary.Vector(tokens);
                        var lead = position == 0 ? 0.12 : p == 0 ? 0.06 : 0;
                        var score = vector.Dot(centroid) + lead - 0.004 * Math.Min(position, 25);
                        candidates.Add(new Candidate(sentence, article.Id, p, position, vector, [.. tokens], score));
                    }

                    position++;
                }
            }
        }

        var chosen = new List<Candidate>();
        var words = 0;
        foreach (var _ in Enumerable.Range(0, options.MaxSentences))
        {
            Candidate? best = null;
            var bestValue = double.MinValue;
            foreach (var candidate in candidates)
            {
                if (chosen.Contains(candidate))
                {
                    continue;
                }

                var overlap = chosen.Count == 0 ? 0 : chosen.Max(c => c.Vector.Dot(candidate.Vector));
                var count = Words.Count(candidate.Text);
                if (overlap > options.Redundancy || (words + count > options.MaxWords && chosen.Count >= options.MinSentences))
                {
                    continue;
                }

                var value = candidate.Score - 0.5 * overlap;
                if (value > bestValue)
                {
                    bestValue = value;
                    best = candidate;
                }
            }

            if (best is null)
            {
                break;
            }

            chosen.Add(best);
            words += Words.Count(best.Text);
            if (words >= options.TargetWords && chosen.Count >= options.MinSentences)
            {
                break;
            }
        }

        var order = articles.Select((a, i) => (a.Id, i)).ToDictionary(x => x.Id, x => x.i);
        return chosen
            .OrderBy(c => c.Position)
            .ThenBy(c => order[c.ArticleId])
            .Select(c => new SummarySentence(c.Text, Citations(c, articles, sentencesOf)))
            .ToList();
    }

    private List<string> Citations(Candidate sentence, IReadOnlyList<Article> articles, Dictionary<string, List<HashSet<string>>> sentencesOf)
    {
        var sources = new List<string> { sentence.ArticleId };
        foreach (var article in articles)
        {
            if (article.Id == sentence.ArticleId || sentence.Tokens.Count == 0)
            {
                continue;
            }

            var best = sentencesOf[article.Id].Max(set => (double?)set.Count(sentence.Tokens.Contains) / sentence.Tokens.Count) ?? 0;
            if (best >= options.CitationOverlap)
            {
                sources.Add(article.Id);
            }
        }

        return sources;
    }

    /// <summary>A complete declarative sentence of sensible length, not a question or a lead-in.</summary>
    private static bool Usable(string sentence, int tokens) =>
        tokens is >= 6 and <= 60
        && !sentence.EndsWith('?')
        && !sentence.EndsWith(':')
        && !sentence.EndsWith("...", StringComparison.Ordinal)
        && !sentence.EndsWith('…')
        && (char.IsUpper(sentence[0]) || sentence[0] is '“' or '"' or '‘' || char.IsDigit(sentence[0]));
}
