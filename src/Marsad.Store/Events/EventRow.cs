namespace Marsad.Store.Events;

/// <summary>
/// A row of the <c>events</c> table as it is written: the event plus the match keys of its names. Each keys column is
/// <c>| key | key |</c>: every name's words keyed with <see cref="Marsad.Text.NameKey.Words"/>, so a filter is found
/// as <c> words </c> inside one name and never across two.
/// </summary>
internal sealed record EventRow(StoredEvent Event, string ActorKeys, string TargetKeys, string PlaceKeys);
