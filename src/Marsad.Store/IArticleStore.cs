using Marsad.Store.Events;

namespace Marsad.Store;

/// <summary>
/// The single source of truth for ingested articles. Every accepted article receives a store-wide
/// sequence number that only grows, so derived data (search indexes, entity tables) can catch up by
/// reading everything after the last sequence they have seen.
/// </summary>
public interface IArticleStore : IDisposable
{
    /// <summary>
    /// Adds a batch in one transaction, with the events of each new article (read from its analysis JSON).
    /// Articles whose id is already stored (or repeated earlier in the same batch) are skipped, so
    /// re-ingesting the same input is harmless. If anything fails, nothing of the batch is kept and no
    /// sequence numbers are consumed.
    /// </summary>
    StoreWriteResult AddBatch(IReadOnlyList<StoredArticle> articles);

    StoredArticle? Get(string id);

    bool Contains(string id);

    long Count();

    /// <summary>The highest sequence number handed out so far; 0 for an empty store.</summary>
    long LastSequence();

    /// <summary>
    /// Articles with a sequence greater than <paramref name="afterSequence"/>, in sequence order,
    /// fetched from the database <paramref name="batchSize"/> rows at a time.
    /// </summary>
    IEnumerable<StoredArticle> ReadSince(long afterSequence, int batchSize);

    StoreCheckResult Check();

    /// <summary>
    /// One page of the stored events that match <paramref name="filter"/>: newest event date first (undated last),
    /// then newest article, then in the order the article reports them.
    /// </summary>
    IReadOnlyList<StoredEvent> QueryEvents(EventFilter filter, int offset, int limit);

    /// <summary>
    /// Every stored event that matches <paramref name="filter"/>, in store order (article sequence, then position in
    /// the article), fetched <paramref name="batchSize"/> rows at a time; for exports of any size.
    /// </summary>
    IEnumerable<StoredEvent> ReadEvents(EventFilter filter, int batchSize = 1000);

    long CountEvents(EventFilter filter);

    /// <summary>How many matching events fall in each month, type or place (<see cref="EventGrouping"/>).</summary>
    IReadOnlyList<KeyValuePair<string, long>> CountEventsBy(EventFilter filter, EventGrouping grouping);
}
