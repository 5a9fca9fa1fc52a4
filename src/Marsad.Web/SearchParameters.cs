namespace Marsad.Web;

/// <summary>
/// The query string of <c>GET /api/search</c>, bound by name. Everything arrives as text and is validated by the
/// endpoint, so a malformed value gets a problem response naming the parameter instead of a binding failure.
/// </summary>
public sealed record SearchParameters(
    string? Q,
    string? From,
    string? To,
    string? Source,
    string? Category,
    string? Topic,
    string? Place,
    string? Person,
    string? Page,
    string? Size);
