using Briefings.Core.Articles;
using CsCheck;

namespace Briefings.Core.Tests.Properties;

/// <summary>
/// Generators of articles for the property tests: words mostly from one of a few topics (so that
/// stories form), with markup characters, quotes, numbers and arbitrary unicode mixed in.
/// </summary>
internal static class ArticleGen
{
    private static readonly string[][] Topics =
    [
        ["council", "budget", "vote", "transport", "buses", "spending", "mayor", "members", "approved", "plan", "cycle", "lanes", "funding", "debate", "city", "tax"],
        ["harbour", "ferry", "dredging", "channel", "quay", "residents", "noise", "works", "authority", "ships", "port", "spring", "docks", "cargo", "tide", "pier"],
        ["bank", "rate", "inflation", "interest", "mortgage", "governor", "prices", "markets", "bond", "yields", "savers", "lenders", "percent", "policy", "committee", "currency"],
        ["match", "striker", "goal", "penalty", "stadium", "cup", "final", "keeper", "league", "coach", "fans", "season", "header", "corner", "defence", "win"],
    ];

    private static readonly string[] Common =
        ["the", "a", "of", "and", "on", "in", "said", "after", "for", "with", "Tuesday", "Maria Lopez", "4.5", "1,200", "\"we will\"", "<b>", "&amp;", "'", "—", "café", "東京", "🙂", "{{ x }}", "</p>"];

    private static Gen<string> Word(int topic) => Gen.Frequency(
        (14, Gen.OneOf(Topics[topic])),
        (5, Gen.OneOf(Common)),
        (1, Gen.String[1, 10]));

    private static Gen<string> Sentence(int topic) =>
        Word(topic).Array[6, 18].Select(words => char.ToUpperInvariant(words[0][0]) + string.Join(' ', words)[1..] + ".");

    private static Gen<string> Paragraph(int topic) => Sentence(topic).Array[1, 4].Select(s => string.Join(' ', s));

    /// <summary>A clean article as the reader would produce it, on the given day.</summary>
    public static Gen<Article> Article(DateTimeOffset day) =>
        from topic in Gen.Int[0, Topics.Length - 1]
        from title in Word(topic).Array[3, 9]
        from paragraphs in Paragraph(topic).Array[1, 5]
        from source in Gen.OneOf("Wire", "Gazette", "Courier", "<i>Herald</i>", "Le Monde & Co", null)
        from url in Gen.OneOf("https://news.example/a", "http://x.example/?q=\"<>", "javascript:alert(1)", null)
        from seconds in Gen.Int[0, 86_399]
        select new Article
        {
            Id = ArticleIds.FromContent(string.Join(' ', title), paragraphs),
            Title = string.Join(' ', title),
            Source = source,
            Url = url,
            Published = day.AddSeconds(seconds),
            IngestedAt = day.AddSeconds(seconds),
            Paragraphs = paragraphs,
        };

    /// <summary>Up to <paramref name="max"/> articles with distinct ids.</summary>
    public static Gen<Article[]> Day(DateTimeOffset day, int max) =>
        Article(day).Array[1, max].Select(a => a.DistinctBy(x => x.Id).ToArray());

    /// <summary>An article as a file: text, Markdown, HTML or a JSON envelope.</summary>
    public static Gen<(string Name, byte[] Content)> File() =>
        from article in Article(Fixtures.Noon)
        from format in Gen.Int[0, 3]
        select format switch
        {
            0 => ("a.txt", System.Text.Encoding.UTF8.GetBytes(article.Title + "\n\n" + string.Join("\n\n", article.Paragraphs))),
            1 => ("a.md", System.Text.Encoding.UTF8.GetBytes("# " + article.Title + "\n\n" + string.Join("\n\n", article.Paragraphs))),
            2 => ("a.html", System.Text.Encoding.UTF8.GetBytes($"<html><head><title>{System.Net.WebUtility.HtmlEncode(article.Title)}</title></head><body><article>"
                + string.Concat(article.Paragraphs.Select(p => "<p>" + System.Net.WebUtility.HtmlEncode(p) + "</p>")) + "</article></body></html>")),
            _ => ("a.json", System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string?>
            {
                ["title"] = article.Title, ["source"] = article.Source, ["url"] = article.Url, ["body"] = string.Join("\n\n", article.Paragraphs),
            })),
        };
}
