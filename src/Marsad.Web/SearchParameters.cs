using Microsoft.AspNetCore.Mvc;

namespace Marsad.Web;

/// <summary>
/// The query string of <c>GET /api/search</c>, bound by (lower-case) name. Everything arrives as text and is validated by the
/// endpoint, so a malformed value gets a problem response naming the parameter instead of a binding failure.
/// </summary>
public sealed record SearchParameters(
    [FromQuery(Name = "q")] string? Q,
    [FromQuery(Name = "from")] string? From,
    [FromQuery(Name = "to")] string? To,
    [FromQuery(Name = "source")] string? Source,
    [FromQuery(Name = "category")] string? Category,
    [FromQuery(Name = "topic")] string? Topic,
    [FromQuery(Name = "place")] string? Place,
    [FromQuery(Name = "person")] string? Person,
    [FromQuery(Name = "page")] string? Page,
    [FromQuery(Name = "size")] string? Size);
