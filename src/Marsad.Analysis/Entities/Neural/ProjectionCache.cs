namespace Marsad.Analysis.Entities.Neural;

/// <summary>
/// Input projections of word types (bias plus input weights times the word's inputs, both directions), which
/// depend on the token's string alone. One cache serves every thread tagging with the same immutable network, so
/// memory does not grow with the number of threads; it is emptied when full rather than tracking recency.
/// Projections live in slabs of floats allocated once, so a miss costs no allocation.
/// </summary>
/// <remarks>
/// A plain dictionary under a lock: uncontended, a lookup costs tens of nanoseconds against microseconds for a
/// projection. Entries are copied out under the lock, since a slot is reused once the cache is emptied.
/// </remarks>
internal sealed class ProjectionCache(int capacity, int width)
{
    private const int SlabEntries = 1024;

    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    private readonly List<float[]> _slabs = [];
    private readonly Lock _lock = new();

    /// <summary>Copies the cached projection of <paramref name="token"/> into <paramref name="projection"/> (<c>width</c> floats).</summary>
    public bool TryCopy(string token, Span<float> projection)
    {
        lock (_lock)
        {
            if (!_slots.TryGetValue(token, out var slot)) return false;
            Slot(slot).CopyTo(projection);
            return true;
        }
    }

    public void Add(string token, ReadOnlySpan<float> projection)
    {
        lock (_lock)
        {
            if (_slots.Count >= capacity) _slots.Clear();
            var slot = _slots.Count;
            if (!_slots.TryAdd(token, slot)) return;
            if (slot / SlabEntries == _slabs.Count) _slabs.Add(new float[SlabEntries * width]);
            projection.CopyTo(Slot(slot));
        }
    }

    public void Clear()
    {
        lock (_lock) _slots.Clear();
    }

    private Span<float> Slot(int slot) => _slabs[slot / SlabEntries].AsSpan(slot % SlabEntries * width, width);
}
