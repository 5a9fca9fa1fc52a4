using Microsoft.AspNetCore.Mvc;

namespace Marsad.Web;

/// <summary>
/// The query string of <c>GET /api/events</c>, bound by (lower-case) name and validated by the endpoint. <c>place</c>, <c>actor</c>,
/// <c>type</c>, <c>from</c>, <c>to</c> and <c>modality</c> filter events (as <c>marsad events</c> does); <c>q</c> and
/// the article filters <c>source</c>, <c>category</c>, <c>topic</c>, <c>person</c> choose the articles (a search)
/// whose events are listed.
/// </summary>
public sealed record EventParameters(
    [FromQuery(Name = "q")] string? Q,
    [FromQuery(Name = "from")] string? From,
    [FromQuery(Name = "to")] string? To,
    [FromQuery(Name = "place")] string? Place,
    [FromQuery(Name = "actor")] string? Actor,
    [FromQuery(Name = "type")] string? Type,
    [FromQuery(Name = "modality")] string? Modality,
    [FromQuery(Name = "source")] string? Source,
    [FromQuery(Name = "category")] string? Category,
    [FromQuery(Name = "topic")] string? Topic,
    [FromQuery(Name = "person")] string? Person,
    [FromQuery(Name = "page")] string? Page,
    [FromQuery(Name = "size")] string? Size,
    [FromQuery(Name = "format")] string? Format);
