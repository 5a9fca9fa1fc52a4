namespace Marsad.Analysis.Places;

/// <summary>
/// One gazetteer entry. <see cref="Name"/> is the Arabic display name, <see cref="Names"/> every spelling it is
/// found under (display name first), <see cref="Country"/> the ISO 3166-1 alpha-2 code. <see cref="Population"/>
/// only ranks homonyms and is 0 when unknown; <see cref="GeoNamesId"/> is set for entries imported from GeoNames.
/// </summary>
public sealed record Place(
    string Name,
    PlaceKind Kind,
    string Country,
    double Latitude,
    double Longitude,
    long Population,
    long? GeoNamesId,
    IReadOnlyList<string> Names);
