namespace Marsad.Store.Events;

/// <summary>
/// One event as the store keeps it (the <c>events</c> table, docs/schema.md): the article it was read from, its
/// position in that article's <c>events</c> array, the columns filters and exports use, the sentence it was read
/// from, and <see cref="Json"/>, the event object exactly as the analysis wrote it (compact: no sentence text).
/// <see cref="EventDate"/> is the one day ACLED-style exports give: the first day the event's date allows, else the
/// last, else the article's date.
/// </summary>
public sealed record StoredEvent(
    string ArticleId,
    long ArticleSequence,
    int Ordinal,
    string ArticleTitle,
    DateOnly? ArticleDate,
    string? ArticleSource,
    string? ArticleUrl,
    string Type,
    string Cameo,
    string? Plover,
    string? AcledEventType,
    string? AcledSubEventType,
    string? ActorName,
    string? ActorEntityId,
    string? TargetName,
    string? TargetEntityId,
    string? PlaceName,
    string? PlaceCountry,
    double? Latitude,
    double? Longitude,
    int? GeoPrecision,
    string? DateValue,
    DateOnly? DateFrom,
    DateOnly? DateTo,
    DateOnly? EventDate,
    string Modality,
    int? Fatalities,
    double Confidence,
    string Sentence,
    string Json)
{
    /// <summary>A stable id for the event: the article id and the event's position in it (<c>3dfe98a37ea4deb2-4</c>).</summary>
    public string Id => $"{ArticleId}-{Ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    public bool HasCoordinates => Latitude is not null && Longitude is not null;
}
