using System.Numerics;
using Briefings.Core.Articles;
using Briefings.Core.Text;

namespace Briefings.Core.Stories;

/// <summary>
/// Recognises two articles as one report: a syndicated copy or a light rewrite of the same wire
/// story. Most sentences of the shorter one must have a counterpart in the other that shares
/// most of its content words, in any wording or order.
/// </summary>
public sealed class CopyDetector(double sentenceOverlap = 0.5, double alignedShare = 0.6)
{
    private readonly Dictionary<string, Profile> _profiles = new(StringComparer.Ordinal);

    /// <summary>Each word met, to its id, or to -1 when it is not a content word: one lookup a token tells both.</summary>
    private readonly TokenTable<int> _words = new(4096);

    private int _nextId;

    /// <summary>Per word id, the article (by <see cref="_stamp"/>) that last gathered it: an article's distinct words without a set.</summary>
    private int[] _stamps = new int[1024];

    /// <summary>Per word id, its place in the words of the article last profiled.</summary>
    private int[] _slots = new int[1024];

    /// <summary>Per word id, the sentence (by <see cref="_mark"/>) that last held it: a sentence's distinct words, and the words two sentences share, without a set.</summary>
    private int[] _marks = new int[1024];
    private int _mark;

    /// <summary>
    /// Per word id, which of the loaded profile's first 64 sentences hold it, valid when its stamp
    /// is <see cref="_loadStamp"/>: the longer report of the pair compared last.
    /// </summary>
    private ulong[] _masks = new ulong[1024];
    private int[] _maskStamps = new int[1024];
    private int _loadStamp;
    private Profile? _loaded;
    private int _stamp;
    private readonly List<int> _articleWords = [];
    private readonly List<int> _ids = [];
    private readonly List<Range> _ranges = [];
    private char[] _buffer = new char[256];

    /// <summary>
    /// Lets go of the articles compared so far, keeping the words met: a detector that goes on to
    /// another story will not see them again, and on a large day they would otherwise outlive it.
    /// </summary>
    public void Forget()
    {
        _profiles.Clear();
        _loaded = null;
    }

    public bool AreCopies(Article a, Article b)
    {
        var first = ProfileOf(a);
        var second = ProfileOf(b);
        var (shorter, longer) = first.Sentences.Length <= second.Sentences.Length ? (first, second) : (second, first);
        if (shorter.Sentences.Length == 0)
        {
            return false;
        }

        Load(longer);
        // Decided as soon as the count of aligned sentences reaches the share, or can no longer.
        var needed = alignedShare * shorter.Sentences.Length;
        var aligned = 0;
        var left = shorter.Sentences.Length;
        foreach (var sentence in shorter.Sentences)
        {
            left--;
            if (AlignedWithAny(sentence, longer))
            {
                aligned++;
                if (aligned >= needed)
                {
                    return true;
                }
            }

            if (aligned + left < needed)
            {
                return false;
            }
        }

        return aligned >= needed;
    }

    /// <summary>
    /// Whether some sentence of <paramref name="other"/> holds enough of the sentence's words. Each
    /// word is looked up once in the other article's vocabulary, whose entry says which of its
    /// first 64 sentences hold it, and those sentences' counts go up: in a story of hundreds of
    /// reports of the same facts, most sentences share words with many of another report's, and
    /// comparing them one sentence at a time was most of the day's copy detection. The vocabulary
    /// is the table by word id that <see cref="Load"/> filled for <paramref name="other"/>: one read
    /// a word rather than a search.
    /// </summary>
    private bool AlignedWithAny(int[] sentence, Profile other)
    {
        var needed = (int)Math.Ceiling(sentenceOverlap * sentence.Length);
        // A sentence with no counterpart even in the other article's whole vocabulary has none
        // in any one of its sentences.
        Span<int> counts = stackalloc int[64];
        var found = 0;
        foreach (var id in sentence)
        {
            if (_maskStamps[id] != _loadStamp)
            {
                continue;
            }

            found++;
            for (var mask = _masks[id]; mask != 0; mask &= mask - 1)
            {
                if (++counts[BitOperations.TrailingZeroCount(mask)] >= needed)
                {
                    return true;
                }
            }
        }

        if (found < needed)
        {
            return false;
        }

        for (var k = 64; k < other.Sentences.Length; k++)
        {
            if (Aligned(sentence, other.Sentences[k]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Makes <paramref name="profile"/>'s words the ones <see cref="_masks"/> tells of, unless they
    /// are already: a report is compared with many others in turn, and is the longer of the two in
    /// most of them.
    /// </summary>
    private void Load(Profile profile)
    {
        if (ReferenceEquals(profile, _loaded))
        {
            return;
        }

        _loaded = profile;
        _loadStamp++;
        for (var k = 0; k < profile.Words.Length; k++)
        {
            _masks[profile.Words[k]] = profile.Masks[k];
            _maskStamps[profile.Words[k]] = _loadStamp;
        }
    }

    /// <summary>Whether one sentence holds enough of another's words: for sentences past the 64 a word's entry tells of.</summary>
    private bool Aligned(int[] sentence, int[] other) => (double)Shared(sentence, other) / sentence.Length >= sentenceOverlap;

    /// <summary>How many of one set's ids the other holds.</summary>
    private int Shared(int[] a, int[] b)
    {
        _mark++;
        foreach (var id in b)
        {
            _marks[id] = _mark;
        }

        var shared = 0;
        foreach (var id in a)
        {
            if (_marks[id] == _mark)
            {
                shared++;
            }
        }

        return shared;
    }

    /// <summary>An article's sentences of four or more content words, and all its content words, as word ids.</summary>
    private Profile ProfileOf(Article article)
    {
        if (!_profiles.TryGetValue(article.Id, out var profile))
        {
            var sentences = new List<int[]>();
            _stamp++;
            _articleWords.Clear();
            foreach (var paragraph in article.Paragraphs)
            {
                _ranges.Clear();
                Sentences.Ranges(paragraph, _ranges);
                foreach (var range in _ranges)
                {
                    if (ContentIds(paragraph.AsSpan()[range]) is { Length: >= 4 } ids)
                    {
                        sentences.Add(ids);
                        foreach (var id in ids)
                        {
                            if (_stamps[id] != _stamp)
                            {
                                _stamps[id] = _stamp;
                                _slots[id] = _articleWords.Count;
                                _articleWords.Add(id);
                            }
                        }
                    }
                }
            }

            var masks = new ulong[_articleWords.Count];
            for (var k = 0; k < Math.Min(sentences.Count, 64); k++)
            {
                foreach (var id in sentences[k])
                {
                    masks[_slots[id]] |= 1UL << k;
                }
            }

            _profiles[article.Id] = profile = new Profile([.. sentences], [.. _articleWords], masks);
        }

        return profile;
    }

    /// <summary>
    /// A sentence's distinct content words (<see cref="Vocabulary.Keep"/>, as the summaries count them)
    /// as ids, in the order they first come; a string is made only for a word this detector has not
    /// met before.
    /// </summary>
    private int[] ContentIds(ReadOnlySpan<char> sentence)
    {
        if (_buffer.Length < sentence.Length)
        {
            _buffer = new char[sentence.Length];
        }

        _ids.Clear();
        _mark++;
        foreach (var token in Words.Spans(sentence, _buffer))
        {
            ref var known = ref _words.GetOrAdd(token, out var added);
            if (added is not null)
            {
                known = Vocabulary.Keep(token) ? _nextId++ : -1;
                if (known >= _stamps.Length)
                {
                    var size = _stamps.Length * 2;
                    Array.Resize(ref _stamps, size);
                    Array.Resize(ref _slots, size);
                    Array.Resize(ref _marks, size);
                    Array.Resize(ref _masks, size);
                    Array.Resize(ref _maskStamps, size);
                }
            }

            var id = known;
            if (id >= 0 && _marks[id] != _mark)
            {
                _marks[id] = _mark;
                _ids.Add(id);
            }
        }

        return [.. _ids];
    }

    /// <summary>An article's sentences, its words, and for each word which of the first 64 sentences hold it.</summary>
    private sealed record Profile(int[][] Sentences, int[] Words, ulong[] Masks);
}
