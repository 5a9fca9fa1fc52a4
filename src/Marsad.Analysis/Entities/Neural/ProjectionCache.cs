namespace Marsad.Analysis.Entities.Neural;

/// <summary>
/// Input projections of word types (bias plus input weights times the word's inputs, both directions), which
/// depend on the token's string alone. One cache serves every thread tagging with the same immutable network, so
/// memory does not grow with the number of threads; it is emptied when full rather than tracking recency.
/// </summary>
/// <remarks>
/// A plain dictionary under a lock: uncontended, a lookup costs tens of nanoseconds against microseconds for a
/// projection, and ConcurrentDictionary's growth took a fifth of a cold tagging pass in a profile.
/// </remarks>
internal sealed class ProjectionCache(int capacity)
{
    private readonly Dictionary<string, float[]> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public bool TryGet(string token, out float[] projection)
    {
        lock (_lock) return _entries.TryGetValue(token, out projection!);
    }

    public void Clear()
    {
        lock (_lock) _entries.Clear();
    }

    /// <summary>Adds a projection; the array must not change afterwards, since other threads may be reading it.</summary>
    public void Add(string token, float[] projection)
    {
        lock (_lock)
        {
            if (_entries.Count >= capacity) _entries.Clear();
            _entries.TryAdd(token, projection);
        }
    }
}
