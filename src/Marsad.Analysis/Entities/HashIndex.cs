using System.Runtime.CompilerServices;

namespace Marsad.Analysis.Entities;

/// <summary>
/// Open-addressing map from non-zero 32-bit feature hashes to dense row numbers. Cheaper than a
/// <see cref="Dictionary{TKey, TValue}"/> on the tagging hot path and trivially serialisable. Key and value share
/// one slot, so a probe into a table far larger than the cache costs one miss rather than two.
/// </summary>
internal sealed class HashIndex
{
    private readonly Slot[] _slots;
    private readonly int _mask;

    public HashIndex(int expected)
    {
        var capacity = 16;
        while (capacity < expected * 2) capacity <<= 1;
        _slots = new Slot[capacity];
        _mask = capacity - 1;
    }

    public int Count { get; private set; }

    /// <summary>One bit per possible low-bits pattern of a present key; see <see cref="BuildFilter"/>.</summary>
    private ulong[]? _filter;
    private uint _filterMask;

    /// <summary>
    /// Builds a bit filter, about 16 bits per key, small enough to stay in cache. Most lookups of the tagger are
    /// for features or phrases that are absent, and the filter answers those without touching the (much larger)
    /// slot array. Call once, after the last <see cref="Set"/> and before sharing the index between threads.
    /// </summary>
    public void BuildFilter()
    {
        var bits = 1 << 12;
        while (bits < Count * 16) bits <<= 1;
        var filter = new ulong[bits / 64];
        var mask = (uint)bits - 1;
        foreach (var slot in _slots)
            if (slot.Key != 0) filter[(slot.Key & mask) >> 6] |= 1UL << (int)(slot.Key & 63);
        _filterMask = mask;
        _filter = filter;
    }

    public void Set(uint key, int value)
    {
        var slot = (int)(Mix(key) & (uint)_mask);
        while (_slots[slot].Key != 0 && _slots[slot].Key != key) slot = (slot + 1) & _mask;
        if (_slots[slot].Key == 0)
        {
            _slots[slot].Key = key;
            Count++;
        }
        _slots[slot].Value = value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Get(uint key)
    {
        var filter = _filter;
        if (filter is not null && (filter[(key & _filterMask) >> 6] & (1UL << (int)(key & 63))) == 0) return -1;
        var slots = _slots;
        var mask = _mask;
        var slot = (int)(Mix(key) & (uint)mask);
        while (true)
        {
            ref readonly var s = ref slots[slot];
            if (s.Key == key) return s.Value;
            if (s.Key == 0) return -1;
            slot = (slot + 1) & mask;
        }
    }

    public IEnumerable<(uint Key, int Value)> Entries()
    {
        for (var i = 0; i < _slots.Length; i++)
            if (_slots[i].Key != 0) yield return (_slots[i].Key, _slots[i].Value);
    }

    private struct Slot
    {
        public uint Key;
        public int Value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Mix(uint key) => key * 0x9E3779B1u;
}
