namespace Marsad.Analysis.Events;

/// <summary>
/// Where an event happened: the place words (offsets into the body), the geocoded entity and its coordinates, and
/// ACLED's geo-precision: 1 for a town named with the event, 2 for a region or a place taken from the surrounding
/// text, 3 for a country only.
/// </summary>
public sealed record EventPlace(
    string Text,
    int Start,
    int End,
    string? EntityId,
    string Name,
    string? Country,
    double? Latitude,
    double? Longitude,
    int Precision);
