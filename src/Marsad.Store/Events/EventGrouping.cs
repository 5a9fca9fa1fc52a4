namespace Marsad.Store.Events;

/// <summary>How <see cref="IArticleStore.CountEventsBy"/> groups events.</summary>
public enum EventGrouping
{
    /// <summary>Month of the event date, <c>yyyy-mm</c>; events without a date are left out.</summary>
    Month,

    /// <summary>Marsad's event type.</summary>
    Type,

    /// <summary>The event's place name; events without a place are left out.</summary>
    Place,
}
