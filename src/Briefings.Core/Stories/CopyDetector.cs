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
    private readonly Dictionary<string, Profile> _profiles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _words = new(StringComparer.Ordinal);

    public bool AreCopies(Article a, Article b)
    {
        var first = ProfileOf(a);
        var second = ProfileOf(b);
        var (shorter, longer) = first.Sentences.Length <= second.Sentences.Length ? (first, second) : (second, first);
        if (shorter.Sentences.Length == 0)
        {
            return false;
        }

        // Decided as soon as the count of aligned sentences reaches the share, or can no longer.
        var needed = alignedShare * shorter.Sentences.Length;
        var aligned = 0;
        var left = shorter.Sentences.Length;
        foreach (var sentence in shorter.Sentences)
        {
            left--;
            // A sentence with no counterpart even in the other article's whole vocabulary has none
            // in any one of its sentences.
            if (Aligned(sentence, longer.Words) && longer.Sentences.Any(other => Aligned(sentence, other)))
            {
                aligned++;
                if (aligned >= needed)
                {
                    return true;
                }
            }

            if (aligned + left < needed)
            {
                return false;
            }
        }

        return aligned >= needed;
    }

    private bool Aligned(int[] sentence, int[] other) => (double)Shared(sentence, other) / sentence.Length >= sentenceOverlap;

    /// <summary>How many of one sorted set's ids the other holds.</summary>
    private static int Shared(int[] a, int[] b)
    {
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                shared++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return shared;
    }

    /// <summary>An article's sentences of four or more content words, and all its content words, as sorted word ids.</summary>
    private Profile ProfileOf(Article article)
    {
        if (!_profiles.TryGetValue(article.Id, out var profile))
        {
            var sentences = article.Paragraphs
                .SelectMany(Sentences.Split)
                .Select(ExtractiveSummarizer.ContentWords)
                .Where(s => s.Count >= 4)
                .Select(Ids)
                .ToArray();
            var words = sentences.SelectMany(s => s).Distinct().Order().ToArray();
            _profiles[article.Id] = profile = new Profile(sentences, words);
        }

        return profile;
    }

    private int[] Ids(HashSet<string> words)
    {
        var ids = new int[words.Count];
        var k = 0;
        foreach (var word in words)
        {
            if (!_words.TryGetValue(word, out var id))
            {
                _words[word] = id = _words.Count;
            }

            ids[k++] = id;
        }

        Array.Sort(ids);
        return ids;
    }

    private sealed record Profile(int[][] Sentences, int[] Words);
}
