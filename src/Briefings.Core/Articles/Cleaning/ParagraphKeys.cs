using System.Buffers;
using Briefings.Core.Articles.Parsing;
using Briefings.Core.Text;

namespace Briefings.Core.Articles.Cleaning;

/// <summary>
/// The <see cref="Words.Key"/> of every paragraph of one article (its list marker stripped), written
/// side by side into one pooled buffer: cleaning compares keys for repeats and teasers, and a key
/// string per paragraph was a copy of the whole text made only to be compared.
/// </summary>
internal readonly struct ParagraphKeys : IDisposable
{
    private readonly char[] _chars;
    private readonly int[] _starts; // key i is _chars[_starts[i].._starts[i + 1]]
    private readonly int _count;

    public ParagraphKeys(IReadOnlyList<string> paragraphs)
    {
        _count = paragraphs.Count;
        var total = 0;
        for (var i = 0; i < _count; i++)
        {
            total += paragraphs[i].Length; // a key is never longer than its text
        }

        _chars = ArrayPool<char>.Shared.Rent(total);
        _starts = ArrayPool<int>.Shared.Rent(_count + 1);
        var length = 0;
        for (var i = 0; i < _count; i++)
        {
            _starts[i] = length;
            length += Words.KeyInto(BulletPrefix.Strip(paragraphs[i].AsSpan()), _chars.AsSpan(length));
        }

        _starts[_count] = length;
    }

    public ReadOnlySpan<char> this[int index] => _chars.AsSpan(_starts[index], _starts[index + 1] - _starts[index]);

    /// <summary>
    /// True when an earlier paragraph has the same (non-empty) key. Keys of one length are few, so
    /// the lengths sort out the candidates without hashing every key.
    /// </summary>
    public bool RepeatsAnEarlierOne(int index)
    {
        var key = this[index];
        for (var j = 0; j < index; j++)
        {
            if (_starts[j + 1] - _starts[j] == key.Length && this[j].SequenceEqual(key))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A teaser: a paragraph (often cut off with an ellipsis) whose words open a longer paragraph.</summary>
    public bool IsTeaser(int index)
    {
        var key = this[index];
        if (key.Length < 20)
        {
            return false;
        }

        for (var j = 0; j < _count; j++)
        {
            var other = this[j];
            if (j != index && other.Length > key.Length && other.StartsWith(key))
            {
                return true;
            }
        }

        return false;
    }

    public void Dispose()
    {
        ArrayPool<char>.Shared.Return(_chars);
        ArrayPool<int>.Shared.Return(_starts);
    }
}
