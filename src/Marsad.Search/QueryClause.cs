namespace Marsad.Search;

/// <summary>How a clause of a user query constrains the results.</summary>
public enum QueryOccur
{
    /// <summary>Contributes to ranking; at least one such clause must match when there is no required clause.</summary>
    Should,
    Must,
    MustNot,
}

/// <summary>
/// One clause of a parsed user query: a word, a quoted phrase (several words) or a prefix (<c>word*</c>).
/// Words are raw user text; they go through the same analyser as the documents when the query is built.
/// </summary>
public sealed record QueryClause(QueryOccur Occur, IReadOnlyList<string> Words, bool IsPrefix)
{
    public bool IsPhrase => Words.Count > 1;
}
