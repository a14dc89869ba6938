using Briefings.Core.Articles;
using Briefings.Core.Summaries;
using Briefings.Core.Text;

namespace Briefings.Core.Stories;

/// <summary>
/// Recognises two articles as one report: a syndicated copy or a light rewrite of the same wire
/// story. Most sentences of the shorter one must have a counterpart in the other that shares
/// most of its content words, in any wording or order.
/// </summary>
public sealed class CopyDetector(double sentenceOverlap = 0.5, double alignedShare = 0.6)
{
    private readonly Dictionary<string, List<HashSet<string>>> _sentences = new(StringComparer.Ordinal);

    public bool AreCopies(Article a, Article b)
    {
        var first = SentencesOf(a);
        var second = SentencesOf(b);
        var (shorter, longer) = first.Count <= second.Count ? (first, second) : (second, first);
        if (shorter.Count == 0)
        {
            return false;
        }

        var aligned = 0;
        foreach (var sentence in shorter)
        {
            if (longer.Any(other => Containment(sentence, other) >= sentenceOverlap))
            {
                aligned++;
            }
        }

        return aligned >= alignedShare * shorter.Count;
    }

    private static double Containment(HashSet<string> sentence, HashSet<string> other) =>
        sentence.Count == 0 ? 0 : (double)sentence.Count(other.Contains) / sentence.Count;

    private List<HashSet<string>> SentencesOf(Article article)
    {
        if (!_sentences.TryGetValue(article.Id, out var list))
        {
            list = article.Paragraphs
                .SelectMany(Sentences.Split)
                .Select(ExtractiveSummarizer.ContentWords)
                .Where(s => s.Count >= 4)
                .ToList();
            _sentences[article.Id] = list;
        }

        return list;
    }
}
