using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;

namespace Briefings.Core.Articles.Parsing;

/// <summary>
/// Reads a JSON envelope straight from its UTF-8 bytes into a document, the body unescaped into a
/// pooled buffer and cut into paragraphs from there: as a string it was a copy of the whole text
/// that lived only until it was cut. Only the plain shape is taken; anything else (a property name
/// escaped, repeated, not ASCII or in other case; a field of another type; no body; JSON that does
/// not read) is declined, so the serializer reads it and answers as it always has.
/// </summary>
internal static class Utf8EnvelopeReader
{
    private const int Unknown = -1;
    private const int Decline = -2;
    private const int Id = 0, Title = 1, Source = 2, Url = 3, Published = 4, Body = 5;

    /// <summary>The envelope's property names, each at its field's number.</summary>
    private static readonly byte[][] FieldNames = ["id"u8.ToArray(), "title"u8.ToArray(), "source"u8.ToArray(), "url"u8.ToArray(), "published"u8.ToArray(), "body"u8.ToArray()];

    public static bool TryRead(ReadOnlySpan<byte> json, [NotNullWhen(true)] out ParsedDocument? document)
    {
        document = null;
        char[]? body = null;
        try
        {
            // The serializer's reader options: no comments, no trailing commas, the default depth.
            var reader = new Utf8JsonReader(json, default(JsonReaderOptions));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            string? id = null, title = null, source = null, url = null;
            DateTimeOffset? published = null;
            var bodyLength = -1;
            var seen = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var field = reader.ValueIsEscaped ? Decline : FieldOf(reader.ValueSpan);
                if (field == Decline || !reader.Read())
                {
                    return false;
                }

                if (field == Unknown)
                {
                    reader.Skip();
                    continue;
                }

                if ((seen & (1 << field)) != 0)
                {
                    return false;
                }

                seen |= 1 << field;
                if (field == Published)
                {
                    published = PublishedOf(ref reader);
                }
                else if (field == Body)
                {
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        return false;
                    }

                    // UTF-8 never takes fewer bytes than UTF-16 takes chars, and an escape takes more.
                    body = ArrayPool<char>.Shared.Rent(reader.ValueSpan.Length);
                    bodyLength = reader.CopyString(body);
                }
                else if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Null))
                {
                    return false;
                }
                else
                {
                    var value = reader.GetString();
                    _ = field switch { Id => id = value, Title => title = value, Source => source = value, _ => url = value };
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read() || body is null || body.AsSpan(0, bodyLength).IsWhiteSpace())
            {
                return false;
            }

            document = JsonEnvelopeReader.FromParts(id, title, source, url, published, body.AsSpan(0, bodyLength));
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return false;
        }
        finally
        {
            if (body is not null)
            {
                ArrayPool<char>.Shared.Return(body);
            }
        }
    }

    /// <summary>Which field a property name is; a name the serializer would match in other case is declined.</summary>
    private static int FieldOf(ReadOnlySpan<byte> name)
    {
        if (!Ascii.IsValid(name))
        {
            return Decline; // the serializer's case-insensitive match folds some letters beyond ASCII
        }

        for (var field = 0; field < FieldNames.Length; field++)
        {
            if (name.SequenceEqual(FieldNames[field]))
            {
                return field;
            }
        }

        foreach (var known in FieldNames)
        {
            if (Ascii.EqualsIgnoreCase(name, known))
            {
                return Decline;
            }
        }

        return Unknown;
    }

    /// <summary>What <see cref="JsonEnvelopeReader.FromEnvelope"/> makes of the "published" value.</summary>
    private static DateTimeOffset? PublishedOf(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                string? text;
                try
                {
                    text = reader.GetString();
                }
                catch (InvalidOperationException)
                {
                    text = null; // a lone surrogate escape, which the envelope reader reads as no date
                }

                return HtmlReader.ParseDate(text);
            case JsonTokenType.Number:
                return reader.TryGetInt64(out var unix) ? JsonEnvelopeReader.FromUnixSeconds(unix) : null;
            default:
                reader.Skip(); // an object or array is read whole; other values are no date
                return null;
        }
    }
}
