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
