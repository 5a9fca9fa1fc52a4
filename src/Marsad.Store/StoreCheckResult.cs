namespace Marsad.Store;

/// <summary>
/// Outcome of an integrity check. Problems are human-readable sentences; an empty list means healthy.
/// </summary>
public sealed record StoreCheckResult(long Articles, long LastSequence, int SchemaVersion, IReadOnlyList<string> Problems)
{
    public bool IsHealthy => Problems.Count == 0;
}
