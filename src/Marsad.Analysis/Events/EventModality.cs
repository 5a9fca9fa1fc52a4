namespace Marsad.Analysis.Events;

/// <summary>
/// What the text says about whether an event happened. Ordered by how strongly a cue overrides the default: a denial
/// beats an allegation, which beats a threat, and so on down to <see cref="Occurred"/>.
/// </summary>
public enum EventModality
{
    Occurred,
    Ongoing,
    Planned,
    Hypothetical,
    Threatened,
    Alleged,
    Denied,
}

public static class EventModalityNames
{
    public static string Name(EventModality modality) => modality switch
    {
        EventModality.Occurred => "occurred",
        EventModality.Ongoing => "ongoing",
        EventModality.Planned => "planned",
        EventModality.Hypothetical => "hypothetical",
        EventModality.Threatened => "threatened",
        EventModality.Alleged => "alleged",
        EventModality.Denied => "denied",
        _ => throw new ArgumentOutOfRangeException(nameof(modality)),
    };

    public static bool TryParse(string name, out EventModality modality)
    {
        foreach (var value in Enum.GetValues<EventModality>())
        {
            if (Name(value) == name)
            {
                modality = value;
                return true;
            }
        }
        modality = default;
        return false;
    }
}
