namespace Marsad.Store.Events;

/// <summary>
/// Which stored events to read. Every filter given must hold; null means no restriction. Names (<see cref="Place"/>,
/// <see cref="Actor"/>) match whole words of the stored names under Arabic search normalisation, with clitics off
/// every word (<c>حفتر</c> finds <c>قوات خليفة حفتر</c>, <c>ودرنة</c> finds <c>درنة</c>). Dates match events whose
/// date interval meets [<see cref="From"/>, <see cref="To"/>].
/// </summary>
public sealed record EventFilter
{
    public static EventFilter All { get; } = new();

    /// <summary>The event's place (its name or words, or the name of its country: ليبيا finds events in درنة).</summary>
    public string? Place { get; init; }

    /// <summary>The event's actor or an actor associated with it (ACLED's assoc_actor_1).</summary>
    public string? Actor { get; init; }

    /// <summary>Marsad type (<c>airstrike</c>), PLOVER category (<c>ASSAULT</c>), ACLED event or sub-event type (<c>Battles</c>), or a CAMEO code or root (<c>19</c> finds 190–196); case does not matter.</summary>
    public string? Type { get; init; }

    /// <summary>occurred, ongoing, planned, hypothetical, threatened, alleged or denied.</summary>
    public string? Modality { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    /// <summary>Only events of these articles (the articles a search found); null for every article.</summary>
    public IReadOnlyCollection<string>? ArticleIds { get; init; }

    /// <summary>Only events whose place has coordinates (for maps).</summary>
    public bool WithCoordinates { get; init; }
}
