namespace Marsad.Search;

/// <summary>
/// One result. <see cref="Snippet"/> is plain text cut from the body starting at <see cref="SnippetStart"/>;
/// <see cref="Highlights"/> are (start, length) ranges inside the snippet where query words matched, so a
/// caller marks them up itself and never has to trust markup inside article text.
/// </summary>
public sealed record SearchHit(
    string Id,
    string Title,
    DateOnly? Date,
    string? Source,
    string? Category,
    float Score,
    string Snippet,
    int SnippetStart,
    IReadOnlyList<(int Start, int Length)> Highlights);
