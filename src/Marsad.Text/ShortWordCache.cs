using System.Runtime.CompilerServices;

namespace Marsad.Text;

/// <summary>
/// Memo of word analyses for words of up to eight characters from the Arabic block U+0600–U+06FF (about 96% of
/// Arabic tokens in news). Such a word is its own key: the low bytes of its characters packed into one 64-bit
/// integer with a few vector instructions, so a probe is one multiply, one 16-byte entry load and one compare, with
/// no per-character hashing and no key pool. Four entries share a cache line and linear probing stays within it in
/// the common case. Bounded: once full, new words are analysed
/// without being stored.
/// </summary>
internal sealed class ShortWordCache
{
    public const int MaxLength = 8;
    private const int Bits = 18;
    private const int Mask = (1 << Bits) - 1;
    private const int MaxEntries = (1 << Bits) / 10 * 7;

    // The front table (512 KB) stays in L2 and absorbs the Zipfian head of the vocabulary; the main table holds
    // every type seen and is only touched on a front miss.
    private const int FrontBits = 15;

    private readonly Entry[] _front = new Entry[1 << FrontBits];
    private readonly Entry[] _entries = new Entry[1 << Bits];
    private int _count;

    /// <summary>Looks the word up, first in the small front table that holds the most recently used words.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGet(ulong key, int length, out PackedAnalysis analysis)
    {
        var mixed = key * 0x9E3779B97F4A7C15UL + (ulong)length;
        ref var front = ref _front[(int)(mixed >> (64 - FrontBits))];
        if (front.Key == key && front.Length == length && front.Analysis.IsFilled)
        {
            analysis = front.Analysis;
            return true;
        }
        ref var entry = ref Find(key, length, mixed);
        analysis = entry.Analysis;
        if (!analysis.IsFilled) return false;
        front = entry;
        return true;
    }

    /// <summary>Stores a word's analysis, unless the cache is full.</summary>
    public void Add(ulong key, int length, PackedAnalysis analysis)
    {
        var mixed = key * 0x9E3779B97F4A7C15UL + (ulong)length;
        var fresh = new Entry { Key = key, Length = length, Analysis = analysis };
        _front[(int)(mixed >> (64 - FrontBits))] = fresh;
        if (_count >= MaxEntries) return;
        ref var entry = ref Find(key, length, mixed);
        if (entry.Analysis.IsFilled) return;
        entry = fresh;
        _count++;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref Entry Find(ulong key, int length, ulong mixed)
    {
        var slot = (int)(mixed >> (64 - Bits));
        var entries = _entries;
        while (true)
        {
            ref var entry = ref entries[slot];
            if (!entry.Analysis.IsFilled || (entry.Key == key && entry.Length == length)) return ref entry;
            slot = (slot + 1) & Mask;
        }
    }

    public struct Entry
    {
        public ulong Key;
        public PackedAnalysis Analysis;
        public int Length;
    }
}
