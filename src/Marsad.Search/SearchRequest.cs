namespace Marsad.Search;

/// <summary>A search: the user's query text plus filters. Filters are exact values, never parsed as syntax.</summary>
public sealed record SearchRequest(string Query)
{
    public int Limit { get; init; } = 10;

    public int Offset { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public string? Source { get; init; }

    public string? Category { get; init; }

    /// <summary>Topic label as the classifier names it (e.g. <c>middleEast</c>).</summary>
    public string? Topic { get; init; }

    /// <summary>A place named in the article (clitic-attached and spelling variants match).</summary>
    public string? Place { get; init; }

    /// <summary>A person named in the article.</summary>
    public string? Person { get; init; }
}
