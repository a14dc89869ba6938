using System.Numerics;
using System.Runtime.CompilerServices;

namespace Briefings.Core.Stories;

/// <summary>
/// A map from tokens, looked up as spans of characters, to what a tokeniser worked out for them:
/// each worker of a day's build looks up every token of every article here (millions of lookups
/// into tens of thousands of tokens, more than a hundred thousand on a large day). Open addressing
/// over one array of (hash, entry) slots, so a probe reads one cache line and an entry is read only
/// when its full hash matches. An entry holds a token of up to <see cref="InlineLength"/> characters
/// (nearly every word) itself, beside its value, so a hit reads two places in memory: the slot and
/// the entry. A longer token is compared with its string. No comparer is called through an
/// interface. Entries are never removed.
/// </summary>
internal sealed class TokenTable<TValue>
{
    /// <summary>Tokens up to this long are kept in their entry; longer ones as strings beside.</summary>
    internal const int InlineLength = 16;

    private Slot[] _slots;
    private Entry[] _entries;
    private string?[] _long = [];
    private int _shift;

    public TokenTable(int capacity = 1024)
    {
        var slots = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, capacity * 2));
        _slots = new Slot[slots];
        _shift = 32 - BitOperations.Log2((uint)slots);
        _entries = new Entry[Math.Max(8, capacity)];
    }

    public int Count { get; private set; }

    /// <summary>
    /// The value of <paramref name="token"/>; when the token is new, it is added with the default
    /// value and <paramref name="key"/> is its string, for the caller to work its value out from and
    /// set through the returned reference (valid until the next call).
    /// </summary>
    public ref TValue GetOrAdd(ReadOnlySpan<char> token, out string? key)
    {
        var hash = Hash(token);
        var at = Index(hash, _shift);
        var mask = _slots.Length - 1;
        while (true)
        {
            var slot = _slots[at];
            if (slot.Entry == 0)
            {
                break;
            }

            if (slot.Hash == hash)
            {
                ref var entry = ref _entries[slot.Entry - 1];
                if (entry.Length == token.Length && (token.Length <= InlineLength ? SameCharacters(token, ref entry.Chars) : token.SequenceEqual(_long[slot.Entry - 1])))
                {
                    key = null;
                    return ref entry.Value;
                }
            }

            at = (at + 1) & mask;
        }

        key = new string(token);
        if (Count == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
        }

        ref var added = ref _entries[Count];
        added.Length = token.Length;
        if (token.Length <= InlineLength)
        {
            token.CopyTo(added.Chars);
        }
        else
        {
            if (_long.Length <= Count)
            {
                Array.Resize(ref _long, _entries.Length);
            }

            _long[Count] = key;
        }

        _slots[at] = new Slot(hash, ++Count);
        if (Count * 2 > _slots.Length)
        {
            Grow();
        }

        return ref _entries[Count - 1].Value;
    }

    /// <summary>Whether a token of at most <see cref="InlineLength"/> characters is the one an entry holds: a short loop of its own rather than a call.</summary>
    private static bool SameCharacters(ReadOnlySpan<char> token, ref Characters held)
    {
        ReadOnlySpan<char> chars = held;
        for (var k = 0; k < token.Length; k++)
        {
            if (token[k] != chars[k])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>FNV-1a over the characters: tokens are short, and the slot is taken from the high bits of a multiplied hash.</summary>
    private static int Hash(ReadOnlySpan<char> token)
    {
        var hash = 2166136261u;
        foreach (var ch in token)
        {
            hash = (hash ^ ch) * 16777619u;
        }

        return (int)hash;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Index(int hash, int shift) => (int)(((uint)hash * 2654435769u) >> shift);

    private void Grow()
    {
        var slots = new Slot[_slots.Length * 2];
        var shift = _shift - 1;
        var mask = slots.Length - 1;
        foreach (var slot in _slots)
        {
            if (slot.Entry != 0)
            {
                var at = Index(slot.Hash, shift);
                while (slots[at].Entry != 0)
                {
                    at = (at + 1) & mask;
                }

                slots[at] = slot;
            }
        }

        _slots = slots;
        _shift = shift;
    }

    /// <summary>A token's full hash and its entry's number (1-based; 0 is an empty slot).</summary>
    private readonly record struct Slot(int Hash, int Entry);

    /// <summary>A token's characters (the first <see cref="Entry.Length"/> of them, when it is short enough), its length and its value.</summary>
    private struct Entry
    {
        public Characters Chars;
        public int Length;
        public TValue Value;
    }

    [InlineArray(InlineLength)]
    private struct Characters
    {
        private char _first;
    }
}
