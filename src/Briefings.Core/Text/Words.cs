using System.Buffers;
using System.Text;

namespace Briefings.Core.Text;

/// <summary>Word tokens as every similarity and overlap measure here sees them.</summary>
public static class Words
{
    /// <summary>Whitespace other than the plain space: what makes text need more than a split on spaces.</summary>
    private static readonly SearchValues<char> OtherWhitespace = SearchValues.Create(WhitespaceChars(zeroWidth: false));

    /// <summary>The same, with the zero-width space that <see cref="Squash(string)"/> also removes.</summary>
    private static readonly SearchValues<char> OtherWhitespaceOrZeroWidth = SearchValues.Create(WhitespaceChars(zeroWidth: true));

    /// <summary>
    /// For each ASCII character, what <see cref="KeyInto"/> makes of it: a letter or digit
    /// lower-cased, 1 for the apostrophe, 0 for the rest.
    /// </summary>
    private static readonly byte[] AsciiKeyChars = AsciiKeyTable();

    /// <summary>Lower-cased runs of letters and digits; apostrophes inside a word are dropped.</summary>
    public static List<string> Tokens(string text)
    {
        // Every measure calls this on every sentence, so it builds each token in one buffer
        // instead of a StringBuilder per call.
        var tokens = new List<string>();
        char[]? rented = null;
        var buffer = text.Length <= 128 ? stackalloc char[128] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(text.Length));
        foreach (var token in Spans(text, buffer))
        {
            tokens.Add(new string(token));
        }

        if (rented is not null)
        {
            System.Buffers.ArrayPool<char>.Shared.Return(rented);
        }

        return tokens;
    }

    /// <summary>
    /// The tokens of <see cref="Tokens"/>, each built in <paramref name="buffer"/> (at least as long
    /// as the text) and valid until the next: for callers that look tokens up rather than keep them.
    /// </summary>
    public static TokenSpans Spans(ReadOnlySpan<char> text, Span<char> buffer) => new(text, buffer);

    /// <summary>Enumerates <see cref="Spans"/>.</summary>
    public ref struct TokenSpans(ReadOnlySpan<char> text, Span<char> buffer)
    {
        private readonly ReadOnlySpan<char> _text = text;
        private readonly Span<char> _buffer = buffer;
        private int _position;
        private int _length;

        public readonly ReadOnlySpan<char> Current => _buffer[.._length];

        public readonly TokenSpans GetEnumerator() => this;

        public bool MoveNext()
        {
            _length = 0;
            while (_position < _text.Length)
            {
                var ch = _text[_position++];
                if (char.IsLetterOrDigit(ch))
                {
                    _buffer[_length++] = char.ToLowerInvariant(ch);
                }
                else if (ch is '\'' or '’' && _length > 0)
                {
                    continue;
                }
                else if (_length > 0)
                {
                    return true;
                }
            }

            return _length > 0;
        }
    }

    /// <summary>Words separated by whitespace, as a reader counts them.</summary>
    public static int Count(string text)
    {
        var span = text.AsSpan();
        if (IsSingleSpaced(span, OtherWhitespace))
        {
            return span.Count(' ') + 1; // most text is squashed already: a word more than its spaces
        }

        var count = 0;
        var inWord = false;
        foreach (var ch in text)
        {
            var space = char.IsWhiteSpace(ch);
            if (!space && !inWord)
            {
                count++;
            }

            inWord = !space;
        }

        return count;
    }

    /// <summary>Collapses runs of whitespace (including non-breaking spaces) into one space.</summary>
    public static string Squash(string text) =>
        IsSquashed(text) ? text : Squashed(text); // most text arrives squashed already (readers squash every line)

    /// <summary><see cref="Squash(string)"/> of a part of a longer text, made into a string once.</summary>
    public static string Squash(ReadOnlySpan<char> text) => IsSquashed(text) ? new string(text) : Squashed(text);

    /// <summary>
    /// Writes <see cref="Squash(string)"/> of <paramref name="text"/> into <paramref name="destination"/> (at
    /// least as long as the text) and returns its length: for readers that join squashed lines.
    /// </summary>
    public static int SquashInto(ReadOnlySpan<char> text, Span<char> destination)
    {
        if (IsSquashed(text))
        {
            text.CopyTo(destination);
            return text.Length;
        }

        var length = 0;
        var pendingSpace = false;
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch) || ch == '\u200b')
            {
                pendingSpace = length > 0;
                continue;
            }

            if (pendingSpace)
            {
                destination[length++] = ' ';
                pendingSpace = false;
            }

            destination[length++] = ch;
        }

        return length;
    }

    private static string Squashed(ReadOnlySpan<char> text) => Written(text, SquashInto);

    /// <summary>Writes at most as many characters as a text has, into a destination.</summary>
    private delegate int SpanWriter(ReadOnlySpan<char> text, Span<char> destination);

    /// <summary>What <paramref name="write"/> makes of a text, as a string, written through a stack or pooled buffer.</summary>
    private static string Written(ReadOnlySpan<char> text, SpanWriter write)
    {
        char[]? rented = null;
        var buffer = text.Length <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(text.Length));
        var written = new string(buffer[..write(text, buffer)]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return written;
    }

    /// <summary>True when <see cref="Squash(string)"/> would return the same text.</summary>
    private static bool IsSquashed(ReadOnlySpan<char> text) => text.Length == 0 || IsSingleSpaced(text, OtherWhitespaceOrZeroWidth);

    /// <summary>
    /// Not empty, and its only whitespace is single spaces between other characters: no leading,
    /// trailing or doubled space, and none of <paramref name="others"/>. Searched vectorised, as
    /// every paragraph of every article is checked.
    /// </summary>
    private static bool IsSingleSpaced(ReadOnlySpan<char> text, SearchValues<char> others) =>
        text.Length > 0 && text[0] != ' ' && text[^1] != ' ' && !text.ContainsAny(others) && !text.Contains("  ", StringComparison.Ordinal);

    private static string WhitespaceChars(bool zeroWidth)
    {
        var chars = new StringBuilder();
        for (var ch = '\0'; ch < char.MaxValue; ch++)
        {
            if (char.IsWhiteSpace(ch) && ch != ' ')
            {
                chars.Append(ch);
            }
        }

        return zeroWidth ? chars.Append('\u200b').ToString() : chars.ToString();
    }

    /// <summary>A comparison key: tokens joined by single spaces.</summary>
    public static string Key(string text) => Written(text, KeyInto);

    /// <summary>
    /// Writes <see cref="Key"/> of <paramref name="text"/> into <paramref name="destination"/> (at
    /// least as long as the text) and returns its length: for callers that compare keys without
    /// keeping them, as cleaning does for every paragraph.
    /// </summary>
    public static int KeyInto(ReadOnlySpan<char> text, Span<char> destination)
    {
        // string.Join(' ', Tokens(text)), built in place.
        var length = 0;
        var inToken = false;
        var ascii = AsciiKeyChars;
        foreach (var ch in text)
        {
            // Most text is ASCII, whose part in the key is one lookup. A letter or digit is kept
            // lower-cased; an apostrophe (1) is dropped inside a word and ends nothing outside one;
            // anything else (0) ends the word.
            var keyChar = ch < 128 ? (char)ascii[ch]
                : char.IsLetterOrDigit(ch) ? char.ToLowerInvariant(ch)
                : ch == '’' ? '\u0001'
                : '\0';
            if (keyChar > 1)
            {
                if (!inToken && length > 0)
                {
                    destination[length++] = ' ';
                }

                destination[length++] = keyChar;
                inToken = true;
            }
            else if (keyChar == 0)
            {
                inToken = false;
            }
        }

        return length;
    }

    private static byte[] AsciiKeyTable()
    {
        var table = new byte[128];
        for (var ch = '\0'; ch < 128; ch++)
        {
            table[ch] = char.IsLetterOrDigit(ch) ? (byte)char.ToLowerInvariant(ch) : ch == '\'' ? (byte)1 : (byte)0;
        }

        return table;
    }
}
