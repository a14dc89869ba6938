using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Briefings.Local.Benchmarks;

/// <summary>The forms a synthetic article is written in: a JSONL envelope, a plain-text file, a full HTML page.</summary>
public static class SyntheticPages
{
    /// <summary>Writes the corpus as JSONL article envelopes, one a line.</summary>
    public static void WriteJsonLines(IEnumerable<SyntheticArticle> articles, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp";
        using (var stream = File.Create(temp))
        {
            foreach (var article in articles)
            {
                using (var writer = new Utf8JsonWriter(stream))
                {
                    writer.WriteStartObject();
                    writer.WriteString("id", article.Id);
                    writer.WriteString("title", article.Title);
                    writer.WriteString("source", article.Source);
                    writer.WriteString("url", article.Url);
                    writer.WriteString("published", article.Published.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture));
                    writer.WriteString("body", string.Join("\n\n", article.Paragraphs));
                    writer.WriteString("story", article.Story.ToString(CultureInfo.InvariantCulture)); // the label, as the evaluation's files carry it
                    writer.WriteEndObject();
                }

                stream.WriteByte((byte)'\n');
            }
        }

        File.Move(temp, path, overwrite: true);
    }

    /// <summary>A plain-text article as a newsroom exports it: headline, then one paragraph a line.</summary>
    public static byte[] Text(SyntheticArticle article) =>
        Encoding.UTF8.GetBytes(article.Title + "\n\n" + string.Join("\n\n", article.Paragraphs) + "\n");

    /// <summary>
    /// A news page as sites serve it: metadata in the head, styles and scripts, a navigation menu,
    /// the article with a figure and a caption, a "see also" list, share buttons and a footer.
    /// Most of its bytes are markup, as on real pages.
    /// </summary>
    public static byte[] Html(SyntheticArticle article, int targetBytes)
    {
        var e = (string text) => WebUtility.HtmlEncode(text);
        var page = new StringBuilder(targetBytes + 4096);
        page.Append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append($"<title>{e(article.Title)} | {e(article.Source)}</title>")
            .Append($"<meta property=\"og:title\" content=\"{e(article.Title)}\">")
            .Append($"<meta property=\"og:site_name\" content=\"{e(article.Source)}\">")
            .Append($"<meta property=\"og:url\" content=\"{e(article.Url)}\">")
            .Append($"<meta property=\"article:published_time\" content=\"{article.Published:yyyy-MM-dd'T'HH:mm:ssK}\">")
            .Append("<style>");
        for (var i = 0; i < 60; i++)
        {
            page.Append(CultureInfo.InvariantCulture, $".c{i}{{margin:0 {i}px;padding:{i % 7}px;font:16px/1.5 Georgia,serif;color:#{i * 4111 % 0xffffff:x6}}}\n");
        }

        page.Append("</style><script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());</script></head><body>")
            .Append("<header><nav class=\"menu\"><ul>");
        foreach (var section in new[] { "World", "Politics", "Business", "Tech", "Science", "Health", "Sport", "Culture", "Opinion", "Video" })
        {
            page.Append($"<li><a href=\"/{section.ToLowerInvariant()}\">{section}</a></li>");
        }

        page.Append("</ul></nav></header><main><article>")
            .Append($"<h1>{e(article.Title)}</h1><time datetime=\"{article.Published:yyyy-MM-dd'T'HH:mm:ssK}\">{article.Published:d MMMM yyyy}</time>")
            .Append("<figure><img src=\"/img/lead.jpg\" alt=\"\"><figcaption>Photo: agency</figcaption></figure>");
        foreach (var paragraph in article.Paragraphs)
        {
            page.Append("<p>").Append(e(paragraph)).Append("</p>\n");
        }

        page.Append("</article><aside class=\"related\"><h2>See also</h2><ul>");
        for (var i = 0; page.Length < targetBytes - 1500; i++)
        {
            page.Append(CultureInfo.InvariantCulture, $"<li class=\"c{i % 60}\"><a href=\"/related/{i}\"><img src=\"/thumb/{i}.jpg\" alt=\"\" loading=\"lazy\"><span>Related story number {i}</span></a></li>\n");
        }

        page.Append("</ul></aside></main><div class=\"share\"><a href=\"#\">Share</a> <a href=\"#\">Tweet</a> <a href=\"#\">Email</a></div>")
            .Append($"<footer><p>Subscribe to our newsletter.</p><p>© 2025 {e(article.Source)}. All rights reserved.</p></footer>")
            .Append("<script>(function(){var s=document.createElement('script');s.src='/analytics.js';document.body.appendChild(s)})();</script></body></html>\n");
        return Encoding.UTF8.GetBytes(page.ToString());
    }
}
