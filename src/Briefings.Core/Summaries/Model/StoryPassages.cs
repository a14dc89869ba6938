using System.Globalization;
using System.Text;
using Briefings.Core.Articles;
using Briefings.Core.Digests;
using Briefings.Core.Text;

namespace Briefings.Core.Summaries.Model;

/// <summary>
/// A story's articles as numbered passages: what the model reads, and exactly what its answer is
/// checked against. Passage numbers are small integers rather than article ids, which a model
/// copies reliably; <see cref="ArticleIds"/> maps them back.
/// </summary>
public sealed record StoryPassages(IReadOnlyDictionary<int, string> Texts, IReadOnlyDictionary<int, string> ArticleIds)
{
    /// <summary>At most this many passages per story: the most central reports first, then copies.</summary>
    public const int MaxPassages = 8;

    /// <summary>Each passage is cut at a paragraph boundary past this many words (the first paragraph is always kept).</summary>
    public const int MaxPassageWords = 300;

    public static StoryPassages For(Story story, IReadOnlyDictionary<string, Article> articles)
    {
        var chosen = story.Articles
            .Where(a => articles.ContainsKey(a.Id))
            .OrderBy(a => a.CopyOf is null ? 0 : 1)
            .Select(a => articles[a.Id]);
        return Of(chosen);
    }

    /// <summary>The first <see cref="MaxPassages"/> of <paramref name="articles"/>, numbered from 1 in their order.</summary>
    public static StoryPassages Of(IEnumerable<Article> articles)
    {
        var texts = new Dictionary<int, string>();
        var ids = new Dictionary<int, string>();
        foreach (var article in articles.Take(MaxPassages))
        {
            var number = texts.Count + 1;
            texts[number] = Text(article);
            ids[number] = article.Id;
        }

        return new StoryPassages(texts, ids);
    }

    /// <summary>The passages as the prompt shows them: <c>[n] title</c>, the outlet and date, then the text.</summary>
    public string Render()
    {
        var builder = new StringBuilder();
        foreach (var (number, text) in Texts.OrderBy(p => p.Key))
        {
            builder.Append('[').Append(number.ToString(CultureInfo.InvariantCulture)).Append("] ").Append(text).Append("\n\n");
        }

        return builder.ToString().TrimEnd();
    }

    private static string Text(Article article)
    {
        var builder = new StringBuilder(article.Title);
        var byline = string.Join(", ", new[] { article.Source, article.Published?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) }.OfType<string>());
        if (byline.Length > 0)
        {
            builder.Append('\n').Append(byline);
        }

        var words = 0;
        foreach (var paragraph in article.Paragraphs)
        {
            if (words >= MaxPassageWords)
            {
                break;
            }

            var count = Words.Count(paragraph);
            var kept = words == 0 && count > MaxPassageWords ? string.Join(' ', paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(MaxPassageWords)) : paragraph;
            builder.Append('\n').Append(kept);
            words += count;
        }

        return builder.ToString();
    }
}
