using Marsad.Store.Events;

namespace Marsad.Search.Events;

/// <summary>"Events of the articles a search finds": the search's best articles, as an event filter.</summary>
public static class EventArticles
{
    /// <summary>The most articles a search hands to an event query (its best ones).</summary>
    public const int MaxArticles = 10_000;

    /// <summary>
    /// <paramref name="filter"/> narrowed to the articles <paramref name="search"/> finds, or unchanged when the search
    /// has neither words nor filters.
    /// </summary>
    /// <exception cref="QuerySyntaxException">The query is refused.</exception>
    public static EventFilter Restrict(EventFilter filter, SearchIndex index, SearchRequest search)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(search);
        var hasFilters = search.From is not null || search.To is not null || !string.IsNullOrWhiteSpace(search.Source) ||
            !string.IsNullOrWhiteSpace(search.Category) || !string.IsNullOrWhiteSpace(search.Topic) ||
            !string.IsNullOrWhiteSpace(search.Place) || !string.IsNullOrWhiteSpace(search.Person);
        if (string.IsNullOrWhiteSpace(search.Query) && !hasFilters) return filter;
        return filter with { ArticleIds = index.MatchingIds(search, MaxArticles) };
    }
}
