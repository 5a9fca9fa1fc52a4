using System.Collections.Concurrent;

namespace Marsad.Analysis.Entities.Neural;

/// <summary>
/// Input projections of word types (bias plus input weights times the word's inputs, both directions), which
/// depend on the token's string alone. One cache serves every thread tagging with the same immutable network, so
/// memory does not grow with the number of threads; it is emptied when full rather than tracking recency.
/// </summary>
internal sealed class ProjectionCache(int capacity)
{
    private readonly ConcurrentDictionary<string, float[]> _entries = new(StringComparer.Ordinal);

    /// <summary>Approximate entry count (ConcurrentDictionary.Count takes every lock).</summary>
    private int _count;

    public bool TryGet(string token, out float[] projection) => _entries.TryGetValue(token, out projection!);

    /// <summary>Adds a projection; the array must not change afterwards, since other threads may be reading it.</summary>
    public void Add(string token, float[] projection)
    {
        if (Volatile.Read(ref _count) >= capacity)
        {
            _entries.Clear();
            Volatile.Write(ref _count, 0);
        }
        if (_entries.TryAdd(token, projection)) Interlocked.Increment(ref _count);
    }
}
