using System.Runtime.CompilerServices;

namespace Marsad.Text;

/// <summary>
/// Per-chain memo of the type-level analysis (clitics, stem bounds, stop flag) of normalised Arabic words.
/// News vocabulary is Zipfian, so after warm-up almost every token is answered by one hash probe instead of the
/// several lexicon probes of clitic segmentation. Bounded: once full, new types are analysed without being stored,
/// and the only allocations are the table's own growth while warming up.
/// </summary>
internal sealed class WordAnalysisCache
{
    public const int MaxWordLength = 48;

    private readonly int[] _slots;
    private readonly int _mask;
    private readonly int _maxEntries;
    private Entry[] _entries = new Entry[1024];
    private char[] _pool = new char[8192];
    private int _count;
    private int _poolUsed;

    public WordAnalysisCache(int maxEntries = 1 << 18)
    {
        _maxEntries = maxEntries;
        var capacity = 1;
        while (capacity < maxEntries * 2) capacity <<= 1;
        _slots = new int[capacity];
        _mask = capacity - 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGet(ReadOnlySpan<char> word, uint hash, out PackedAnalysis analysis)
    {
        var slot = (int)hash & _mask;
        var entries = _entries;
        while (true)
        {
            var index = _slots[slot] - 1;
            if (index < 0) break;
            ref var entry = ref entries[index];
            if (entry.Hash == hash && entry.Length == word.Length && _pool.AsSpan(entry.Start, word.Length).SequenceEqual(word))
            {
                analysis = entry.Analysis;
                return true;
            }
            slot = (slot + 1) & _mask;
        }
        analysis = default;
        return false;
    }

    public void Add(ReadOnlySpan<char> word, uint hash, PackedAnalysis analysis)
    {
        if (_count >= _maxEntries || word.Length > MaxWordLength) return;
        if (_count == _entries.Length) Array.Resize(ref _entries, _entries.Length * 2);
        if (_poolUsed + word.Length > _pool.Length) Array.Resize(ref _pool, _pool.Length * 2);
        word.CopyTo(_pool.AsSpan(_poolUsed));
        _entries[_count] = new Entry { Hash = hash, Start = _poolUsed, Length = word.Length, Analysis = analysis };
        _poolUsed += word.Length;
        var slot = (int)hash & _mask;
        while (_slots[slot] != 0) slot = (slot + 1) & _mask;
        _slots[slot] = ++_count;
    }

    private struct Entry
    {
        public uint Hash;
        public int Start;
        public int Length;
        public PackedAnalysis Analysis;
    }
}
