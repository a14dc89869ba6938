using System.Text;
using System.Text.Json;
using Briefings.Core.Articles;
using Briefings.Core.Articles.Cleaning;
using Briefings.Core.Articles.Parsing;
using Briefings.Core.Json;
using Briefings.Core.Text;
using CsCheck;

namespace Briefings.Core.Tests.Articles;

/// <summary>
/// Reading works on spans of the text and compares keys in place; each check holds it to the
/// definition it replaced (key strings, a text split into line strings, the serializer's envelope)
/// on text made of the pieces that tell them apart: every kind of line break and whitespace,
/// zero-width spaces, apostrophes, list markers, letters outside ASCII and surrogate pairs.
/// </summary>
public sealed class ReadingEquivalenceTests
{
    private static readonly string[] Pieces =
    [
        "the", "Storm", "hits", "coast", "No.", "10", "U.S.", "isn't", "O’Brien", "rock'n'roll", "’", "'", "a’", "3.5", "Київ", "İstanbul", "ß", "ǅemal",
        "٣", "😀", "𝔸bc", "co-op", "#tag", "—", "…", "“Quote”", "(photo: AP)", "©", "EN", ",", ".", ":", "- ", "• ", "* ", "▪ ",
        " ", " ", " ", "  ", "\t", "\u00a0", "\u200b", "\u2009", "\u3000", "\u2028", "\n", "\n", "\n\n", "\r\n", "\r", "\r\r\n", "\n \n", "\n\u200b\n",
    ];

    private static readonly Gen<string> Text = Gen.OneOf(Pieces).Array[0, 60].Select(string.Concat);

    [Fact]
    public void AKeyIsTheTokensJoinedBySpaces() => Text.Sample(text =>
    {
        var expected = string.Join(' ', Words.Tokens(text));
        var buffer = new char[text.Length];
        Assert.Equal(expected, Words.Key(text));
        Assert.Equal(expected, new string(buffer, 0, Words.KeyInto(text, buffer)));
    }, iter: 20_000);

    [Fact]
    public void SquashingAPartOfATextIsSquashingItAsAString() => Text.Sample(text =>
    {
        var expected = BuilderSquash(text);
        var buffer = new char[text.Length];
        Assert.Equal(expected, Words.Squash(text));
        Assert.Equal(expected, Words.Squash(text.AsSpan()));
        Assert.Equal(expected, new string(buffer, 0, Words.SquashInto(text, buffer)));
    }, iter: 20_000);

    [Fact]
    public void PlainTextGivesTheParagraphsAndTitleThatSplittingIntoLinesGave()
    {
        // Hard-wrapped text (most lines of a block ending mid-sentence) takes the other branch.
        var wrapped = Gen.OneOf(Pieces).Array[1, 8].Select(string.Concat).Array[1, 12].Select(lines => string.Join("\n", lines));
        Gen.OneOf(Text, wrapped, Text.Array[1, 6].Select(t => string.Join("\n\n", t))).Sample(text =>
        {
            var expected = SplitLinesRead(text);
            var document = PlainTextReader.Read(text);
            Assert.Equal(expected.Paragraphs, document.Paragraphs);
            Assert.Equal(expected.Title, document.Title);
        }, iter: 20_000);
    }

    [Fact]
    public void ParagraphKeysAnswerAsKeyStringsDid()
    {
        // Few distinct paragraphs, so repeats and paragraphs that open others are common.
        var paragraph = Gen.OneOf("", " ", "- Storm hits coast", "Storm hits coast", "storm HITS coast!", "Storm hits coast as thousands flee the rising water",
            "Storm hits coast as thousands flee the rising water and more", "• Storm hits coast as thousands flee the rising water…", "isn't it", "isnt it", "Київ сьогодні", "\u200b");
        paragraph.Array[0, 12].Sample(paragraphs =>
        {
            var keys = paragraphs.Select(p => Words.Key(BulletPrefix.Strip(p))).ToList();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            using var spans = new ParagraphKeys(paragraphs);
            for (var i = 0; i < paragraphs.Length; i++)
            {
                Assert.Equal(keys[i], spans[i].ToString());
                if (keys[i].Length > 0)
                {
                    Assert.Equal(!seen.Add(keys[i]), spans.RepeatsAnEarlierOne(i));
                }

                var teaser = keys[i].Length >= 20 && keys.Where((other, j) => j != i && other.Length > keys[i].Length && other.StartsWith(keys[i], StringComparison.Ordinal)).Any();
                Assert.Equal(teaser, spans.IsTeaser(i));
            }
        }, iter: 5_000);
    }

    [Fact]
    public void AnEnvelopeReadFromItsBytesIsTheSerializersEnvelope()
    {
        var value = Gen.OneOf(
            Gen.Const("\"Storm hits coast\""), Gen.Const("\"  spaced  \""), Gen.Const("\"\\u201Cq\\u201D \\n line\""), Gen.Const("\"\\ud800\""), Gen.Const("\"\""),
            Gen.Const("null"), Gen.Const("5"), Gen.Const("1741600000"), Gen.Const("1.5"), Gen.Const("true"), Gen.Const("[1,{\"a\":null}]"), Gen.Const("{\"b\":\"c\"}"),
            Gen.Const("\"2025-03-10T11:21:21\\u002B00:00\""), Gen.Const("\"junk\""));
        var name = Gen.OneOf("id", "title", "source", "url", "published", "body", "story", "Title", "BODY", "tıtle", "b\\u006fdy", "x");
        var body = Text.Select(t => JsonSerializer.Serialize(t));
        var property = Gen.Frequency(
            (3, from n in name from v in value select $"\"{n}\":{v}"),
            (2, body.Select(b => $"\"body\":{b}")));
        var line = Gen.Frequency(
            (20, property.Array[0, 7].Select(p => "{" + string.Join(",", p) + "}")),
            (1, property.Array[0, 7].Select(p => "{" + string.Join(",", p) + ",}")),
            (1, property.Array[0, 7].Select(p => "{" + string.Join(",", p) + "} {}")));
        line.Sample(json =>
        {
            var bytes = Encoding.UTF8.GetBytes(json);
            ParsedDocument? expected = null;
            try
            {
                expected = JsonEnvelopeReader.FromEnvelope(JsonSerializer.Deserialize(bytes, BriefingsJsonContext.Default.ArticleEnvelope)!);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or ArticleRejectedException or NullReferenceException)
            {
            }

            if (Utf8EnvelopeReader.TryRead(bytes, out var document))
            {
                Assert.NotNull(expected);
                Assert.Equal(expected.Paragraphs, document.Paragraphs);
                Assert.Equal(expected with { Paragraphs = document.Paragraphs }, document);
                Assert.Equal(expected.Published?.Offset, document.Published?.Offset); // records compare instants only
            }
        }, iter: 20_000);
    }

    [Fact]
    public void ContentIdsAndSanitisedIdsAreWhatTheyWere() => Gen.Select(Text, Text.Array[0, 5]).Sample((title, paragraphs) =>
    {
        Assert.Equal(BuilderContentId(title, paragraphs), ArticleIds.FromContent(title, paragraphs));
        var clean = new string(title.Trim().Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.').ToArray()).Trim('.');
        Assert.Equal(clean.Length is > 0 and <= 128 ? clean : null, ArticleIds.Sanitize(title));
    }, iter: 20_000);

    [Theory]
    [InlineData("{\"Body\":\"Storm hits coast as thousands flee.\"}")] // the serializer matches names in any case
    [InlineData("{\"b\\u006fdy\":\"Storm hits coast as thousands flee.\"}")]
    [InlineData("{\"body\":\"Storm hits coast.\",\"body\":\"A second body.\"}")] // the serializer keeps the last
    [InlineData("{\"body\":\"Storm \\ud800 hits coast.\"}")] // a lone surrogate, which the serializer refuses
    [InlineData("{\"title\":5,\"body\":\"Storm hits coast.\"}")]
    [InlineData("{\"body\":\"  \"}")]
    [InlineData("{\"body\":\"Storm hits coast.\"} x")]
    public void LinesOfAnyOtherShapeAreLeftToTheSerializer(string json) =>
        Assert.False(Utf8EnvelopeReader.TryRead(Encoding.UTF8.GetBytes(json), out _));

    private static string BuilderContentId(string title, IEnumerable<string> paragraphs)
    {
        var text = new StringBuilder();
        foreach (var part in paragraphs.Prepend(title))
        {
            foreach (var ch in part)
            {
                if (char.IsLetterOrDigit(ch))
                {
                    text.Append(char.ToLowerInvariant(ch));
                }
                else if (text.Length > 0 && text[^1] != ' ')
                {
                    text.Append(' ');
                }
            }

            text.Append(' ');
        }

        var hash = System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString().Trim()));
        return Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }

    private static string BuilderSquash(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch) || ch == '\u200b')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(ch);
        }

        return builder.ToString();
    }

    /// <summary>The plain-text reader as it was: the text split into line strings, squashed, grouped into blocks.</summary>
    private static (List<string> Paragraphs, string? Title) SplitLinesRead(string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var blocks = new List<List<string>> { new() };
        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                if (blocks[^1].Count > 0)
                {
                    blocks.Add([]);
                }

                continue;
            }

            blocks[^1].Add(BuilderSquash(line));
        }

        blocks.RemoveAll(b => b.Count == 0);
        var multiLine = blocks.Where(b => b.Count > 1).SelectMany(b => b.Take(b.Count - 1)).ToList();
        var wrapped = multiLine.Count >= 3 && multiLine.Count(EndsOpen) * 2 > multiLine.Count;
        var paragraphs = wrapped ? blocks.Select(b => string.Join(' ', b)).ToList() : blocks.SelectMany(b => b).ToList();
        return (paragraphs, PlainTextReader.TitleCandidate(paragraphs));

        static bool EndsOpen(string line) => line.Length > 0 && char.IsLetterOrDigit(line[^1]) || line.EndsWith(',');
    }
}
