using Briefings.Core.Articles;
using Briefings.Core.Digests;
using Briefings.Core.Text;

namespace Briefings.Core.Summaries;

/// <summary>
/// Writes a story's summary from its own sentences. A sentence is worth what it adds of the
/// story's consensus: content words weighted by the share of independent reports that use them,
/// so what several outlets agree on comes first and what only one says comes last. Leads get a
/// small bonus, sentences that add too little that is new are skipped, and every sentence cites
/// each article that carries it (the same sentence, or a reworded copy of it).
/// </summary>
public sealed class ExtractiveSummarizer(SummaryOptions options)
{
    private sealed record Candidate(string Text, string ArticleId, int Position, int Words, HashSet<string> Content);

    /// <param name="articles">The story's articles, most central first.</param>
    /// <param name="reportOf">For each article id, the id of the report it belongs to (copies share one).</param>
    public List<SummarySentence> Summarize(IReadOnlyList<Article> articles, IReadOnlyDictionary<string, string> reportOf)
    {
        var candidates = new List<Candidate>();
        var sentencesOf = new Dictionary<string, List<HashSet<string>>>();
        var reportsUsing = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var article in articles)
        {
            var sets = sentencesOf[article.Id] = [];
            var report = reportOf.GetValueOrDefault(article.Id, article.Id);
            foreach (var token in ContentWords(article.Title))
            {
                Using(reportsUsing, token).Add(report);
            }

            var position = 0;
            foreach (var paragraph in article.Paragraphs)
            {
                foreach (var sentence in Sentences.Split(paragraph))
                {
                    var content = ContentWords(sentence);
                    sets.Add(content);
                    foreach (var token in content)
                    {
                        Using(reportsUsing, token).Add(report);
                    }

                    var words = Words.Count(sentence);
                    if (Usable(sentence, words) && content.Count > 0)
                    {
                        candidates.Add(new Candidate(sentence, article.Id, position, words, content));
                    }

                    position++;
                }
            }
        }

        var reports = Math.Max(1, reportOf.Count == 0 ? articles.Count : articles.Select(a => reportOf.GetValueOrDefault(a.Id, a.Id)).Distinct().Count());
        double Weight(string token)
        {
            var share = (double)reportsUsing[token].Count / reports;
            return share * share;
        }

        var chosen = new List<Candidate>();
        var covered = new HashSet<string>(StringComparer.Ordinal);
        var total = 0;
        while (chosen.Count < options.MaxSentences)
        {
            Candidate? best = null;
            var bestGain = double.MinValue;
            foreach (var candidate in candidates)
            {
                if (chosen.Contains(candidate) || (total + candidate.Words > options.MaxWords && chosen.Count >= options.MinSentences))
                {
                    continue;
                }

                var fresh = candidate.Content.Where(t => !covered.Contains(t)).ToList();
                if (fresh.Count < candidate.Content.Count * options.MinNovelty)
                {
                    continue;
                }

                var gain = fresh.Sum(Weight) / (Math.Sqrt(candidate.Words) + 1) + (candidate.Position == 0 ? options.LeadBonus : 0);
                if (gain > bestGain)
                {
                    bestGain = gain;
                    best = candidate;
                }
            }

            if (best is null)
            {
                break;
            }

            chosen.Add(best);
            covered.UnionWith(best.Content);
            total += best.Words;
            if (total >= options.TargetWords && chosen.Count >= options.MinSentences)
            {
                break;
            }
        }

        var order = articles.Select((a, i) => (a.Id, i)).ToDictionary(x => x.Id, x => x.i);
        return chosen
            .OrderBy(c => c.Position)
            .ThenBy(c => order[c.ArticleId])
            .Select(c => new SummarySentence(c.Text, Citations(c, articles, reportOf, sentencesOf)))
            .ToList();
    }

    /// <summary>The words that carry meaning: no function words, no one-letter tokens.</summary>
    public static HashSet<string> ContentWords(string text) =>
        Words.Tokens(text).Where(t => t.Length > 1 && !StopWords.Contains(t)).ToHashSet(StringComparer.Ordinal);

    private List<string> Citations(Candidate sentence, IReadOnlyList<Article> articles, IReadOnlyDictionary<string, string> reportOf, Dictionary<string, List<HashSet<string>>> sentencesOf)
    {
        var report = reportOf.GetValueOrDefault(sentence.ArticleId, sentence.ArticleId);
        var sources = new List<string> { sentence.ArticleId };
        foreach (var article in articles)
        {
            if (article.Id == sentence.ArticleId)
            {
                continue;
            }

            var best = sentencesOf[article.Id].Select(set => (double)set.Count(sentence.Content.Contains) / sentence.Content.Count).DefaultIfEmpty(0).Max();
            var sameReport = reportOf.GetValueOrDefault(article.Id, article.Id) == report;
            if (best >= (sameReport ? options.CopyCitationOverlap : options.CitationOverlap))
            {
                sources.Add(article.Id);
            }
        }

        return sources;
    }

    private static HashSet<string> Using(Dictionary<string, HashSet<string>> reportsUsing, string token)
    {
        if (!reportsUsing.TryGetValue(token, out var set))
        {
            reportsUsing[token] = set = new HashSet<string>(StringComparer.Ordinal);
        }

        return set;
    }

    /// <summary>A complete declarative sentence of sensible length, not a question, a lead-in or a fragment.</summary>
    private static bool Usable(string sentence, int words) =>
        words is >= 6 and <= 60
        && !sentence.EndsWith('?')
        && !sentence.EndsWith(':')
        && !sentence.EndsWith("...", StringComparison.Ordinal)
        && !sentence.EndsWith('…')
        && (char.IsUpper(sentence[0]) || sentence[0] is '“' or '"' or '‘' || char.IsDigit(sentence[0]));
}
