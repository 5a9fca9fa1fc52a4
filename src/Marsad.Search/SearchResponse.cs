namespace Marsad.Search;

/// <summary>Ranked hits of one page, the total number of matches, and facet counts over all matches.</summary>
public sealed record SearchResponse(
    int Total,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets);

public sealed record FacetCount(string Value, int Count);
