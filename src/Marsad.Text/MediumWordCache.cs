using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Marsad.Text;

/// <summary>
/// Memo of word analyses for words of nine to sixteen characters from the Arabic block U+0600–U+06FF, the next
/// tier after <see cref="ShortWordCache"/>. The key is the low bytes of the first eight and the last eight
/// characters (overlapping for shorter words), which with the length identify the word, so a probe is one entry
/// load and a compare instead of a per-character hash, an index slot and a pooled string compare. Bounded: once
/// full, new words fall through to <see cref="WordAnalysisCache"/>.
/// </summary>
internal sealed class MediumWordCache
{
    public const int MinLength = ShortWordCache.MaxLength + 1;
    public const int MaxLength = 16;
    private const int Bits = 17;
    private const int Mask = (1 << Bits) - 1;
    private const int MaxEntries = (1 << Bits) / 10 * 7;

    private readonly Entry[] _entries = new Entry[1 << Bits];
    private int _count;

    /// <summary>Packs a word of <see cref="MinLength"/> to <see cref="MaxLength"/> characters; false when a character is outside U+0600–U+06FF.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryPack(ReadOnlySpan<char> word, out ulong head, out ulong tail)
    {
        ref var first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(word));
        var front = Vector128.LoadUnsafe(ref first);
        var back = Vector128.LoadUnsafe(ref first, (nuint)(word.Length - 8));
        var arabic = Vector128.Create((ushort)0x06);
        if (!Vector128.EqualsAll(Vector128.ShiftRightLogical(front, 8), arabic) || !Vector128.EqualsAll(Vector128.ShiftRightLogical(back, 8), arabic))
        {
            head = tail = 0;
            return false;
        }
        var bytes = Vector128.Narrow(front, back).AsUInt64();
        head = bytes.GetElement(0);
        tail = bytes.GetElement(1);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGet(ulong head, ulong tail, int length, out PackedAnalysis analysis)
    {
        analysis = Find(head, tail, length).Analysis;
        return analysis.IsFilled;
    }

    /// <summary>Stores a word's analysis, unless the cache is full.</summary>
    public void Add(ulong head, ulong tail, int length, PackedAnalysis analysis)
    {
        if (_count >= MaxEntries) return;
        ref var entry = ref Find(head, tail, length);
        if (entry.Analysis.IsFilled) return;
        entry = new Entry { Head = head, Tail = tail, Length = length, Analysis = analysis };
        _count++;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref Entry Find(ulong head, ulong tail, int length)
    {
        var mixed = (head ^ (tail * 0xC2B2AE3D27D4EB4FUL) ^ (ulong)length) * 0x9E3779B97F4A7C15UL;
        var slot = (int)(mixed >> (64 - Bits));
        var entries = _entries;
        while (true)
        {
            ref var entry = ref entries[slot];
            if (!entry.Analysis.IsFilled || (entry.Head == head && entry.Tail == tail && entry.Length == length)) return ref entry;
            slot = (slot + 1) & Mask;
        }
    }

    private struct Entry
    {
        public ulong Head;
        public ulong Tail;
        public PackedAnalysis Analysis;
        public int Length;
    }
}
