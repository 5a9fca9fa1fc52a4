namespace Marsad.Web;

/// <summary>One page of search results: the JSON shape of <c>GET /api/search</c>, the same keys as <c>marsad search --json</c>.</summary>
public sealed record SearchPage(
    string Query,
    int Total,
    int Page,
    int PageSize,
    IReadOnlyList<SearchResult> Results,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Facets);

/// <summary>
/// A hit. <c>highlights</c> are [start, length] pairs inside <c>snippet</c>, which is plain text cut from the body at
/// <c>snippetStart</c>: a client marks them up itself and never has to trust markup inside article text.
/// </summary>
public sealed record SearchResult(
    string Id,
    string Title,
    string? Date,
    string? Source,
    string? Category,
    double Score,
    string Snippet,
    int SnippetStart,
    IReadOnlyList<int[]> Highlights);

/// <summary>What <c>POST /api/articles</c> did: articles read, added, already stored, unreadable, and the ids read.</summary>
public sealed record IngestResult(long Read, long Added, long Skipped, long Errors, IReadOnlyList<string> Ids, IReadOnlyList<string> ErrorMessages);

/// <summary><c>GET /health</c>: the store and index are reachable, and how many articles each holds.</summary>
public sealed record HealthStatus(string Status, long Articles, int Indexed);
