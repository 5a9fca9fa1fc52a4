using System.Runtime.CompilerServices;

namespace Marsad.Analysis.Entities;

/// <summary>
/// Open-addressing map from non-zero 32-bit feature hashes to dense row numbers. Cheaper than a
/// <see cref="Dictionary{TKey, TValue}"/> on the tagging hot path and trivially serialisable.
/// </summary>
internal sealed class HashIndex
{
    private readonly uint[] _keys;
    private readonly int[] _values;
    private readonly int _mask;

    public HashIndex(int expected)
    {
        var capacity = 16;
        while (capacity < expected * 2) capacity <<= 1;
        _keys = new uint[capacity];
        _values = new int[capacity];
        _mask = capacity - 1;
    }

    public int Count { get; private set; }

    public void Set(uint key, int value)
    {
        var slot = (int)(Mix(key) & (uint)_mask);
        while (_keys[slot] != 0 && _keys[slot] != key) slot = (slot + 1) & _mask;
        if (_keys[slot] == 0)
        {
            _keys[slot] = key;
            Count++;
        }
        _values[slot] = value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Get(uint key)
    {
        var slot = (int)(Mix(key) & (uint)_mask);
        while (true)
        {
            var k = _keys[slot];
            if (k == key) return _values[slot];
            if (k == 0) return -1;
            slot = (slot + 1) & _mask;
        }
    }

    public IEnumerable<(uint Key, int Value)> Entries()
    {
        for (var i = 0; i < _keys.Length; i++)
            if (_keys[i] != 0) yield return (_keys[i], _values[i]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Mix(uint key) => key * 0x9E3779B1u;
}
