using System.Numerics;
using System.Runtime.CompilerServices;

namespace Briefings.Core.Stories;

/// <summary>
/// A map from tokens, looked up as spans of characters, to what a tokeniser worked out for them:
/// each worker of a day's build looks up every token of every article here (millions of lookups
/// into tens of thousands of tokens). Open addressing over one array of (hash, entry) slots, so a
/// probe reads one cache line and a token's string is compared only when its full hash matches; no
/// comparer is called through an interface. Entries are never removed.
/// </summary>
internal sealed class TokenTable<TValue>
{
    private Slot[] _slots;
    private Entry[] _entries;
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
                if (token.SequenceEqual(entry.Key))
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

        _entries[Count] = new Entry { Key = key };
        _slots[at] = new Slot(hash, ++Count);
        if (Count * 2 > _slots.Length)
        {
            Grow();
        }

        return ref _entries[Count - 1].Value;
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

    private struct Entry
    {
        public string Key;
        public TValue Value;
    }
}
