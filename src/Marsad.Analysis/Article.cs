namespace Marsad.Analysis;

/// <summary>
/// One news article as read from its source, before analysis.
/// <paramref name="Origin"/> names where it came from (file path, plus the archive entry or record number)
/// so that errors and provenance can point back at it.
/// </summary>
public sealed record Article(
    string Id,
    string Title,
    DateOnly? Date,
    string Body,
    string? Source,
    string? Url,
    string? Category,
    string? Abstract,
    string Origin)
{
    /// <summary>Byline when the source gives one; kept out of the positional shape so existing callers are unaffected.</summary>
    public string? Author { get; init; }
}
