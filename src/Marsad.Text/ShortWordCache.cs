using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Marsad.Text;

/// <summary>
/// Memo of word analyses for words of up to eight characters from the Arabic block U+0600–U+06FF (about 96% of
/// Arabic tokens in news). Such a word is its own key: the low bytes of its characters packed into one 64-bit
/// integer with a few vector instructions, so a probe is one multiply, one 16-byte entry load and one compare, with
/// no per-character hashing and no key pool. Four entries share a cache line and linear probing stays within it in
/// the common case, which keeps the frequent words cache-resident. Bounded: once full, new words are analysed
/// without being stored.
/// </summary>
internal sealed class ShortWordCache
{
    public const int MaxLength = 8;
    private const int Bits = 18;
    private const int Mask = (1 << Bits) - 1;
    private const int MaxEntries = (1 << Bits) / 10 * 7;

    private readonly Entry[] _entries = new Entry[1 << Bits];
    private int _count;

    /// <summary>
    /// Packs a zero-padded word of at most <see cref="MaxLength"/> characters into a key; false when a character lies
    /// outside U+0600–U+06FF and the word must use the general cache.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryKey(ReadOnlySpan<char> paddedBuffer, int length, out ulong key)
    {
        var chars = Vector128.LoadUnsafe(ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(paddedBuffer[..MaxLength])));
        var arabicBlock = Vector128.Equals(chars >>> 8, Vector128.Create((ushort)0x06));
        var used = Vector128.LessThan(Vector128.Create((ushort)0, 1, 2, 3, 4, 5, 6, 7), Vector128.Create((ushort)length));
        key = Vector128.Narrow(chars & Vector128.Create((ushort)0xFF), Vector128<ushort>.Zero).AsUInt64().ToScalar();
        return (used & ~arabicBlock) == Vector128<ushort>.Zero;
    }

    /// <summary>Finds the word, or the empty entry where it belongs (its analysis is then not filled).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref Entry Find(ulong key, int length)
    {
        var slot = (int)((key * 0x9E3779B97F4A7C15UL + (ulong)length) >> (64 - Bits));
        var entries = _entries;
        while (true)
        {
            ref var entry = ref entries[slot];
            if (!entry.Analysis.IsFilled || (entry.Key == key && entry.Length == length)) return ref entry;
            slot = (slot + 1) & Mask;
        }
    }

    /// <summary>Fills an empty entry returned by <see cref="Find"/>, unless the cache is full.</summary>
    public void Fill(ref Entry entry, ulong key, int length, PackedAnalysis analysis)
    {
        if (_count >= MaxEntries) return;
        entry.Key = key;
        entry.Length = length;
        entry.Analysis = analysis;
        _count++;
    }

    public struct Entry
    {
        public ulong Key;
        public PackedAnalysis Analysis;
        public int Length;
    }
}
