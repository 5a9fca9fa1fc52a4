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
}
