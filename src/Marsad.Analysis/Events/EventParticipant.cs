namespace Marsad.Analysis.Events;

/// <summary>
/// Who does or undergoes an event: the words in the text (char offsets into the body), the linked entity when there is
/// one, a display name (the entity's canonical name, or the words themselves), the country (ISO alpha-2) and the
/// CAMEO agent code (MIL, GOV, REB, CVL …) when known, and <see cref="Code"/>, the CAMEO actor code built from them
/// (EGYMIL). <see cref="Inferred"/> marks an actor taken from the surrounding text rather than the event's own clause.
/// </summary>
public sealed record EventParticipant(
    string Text,
    int Start,
    int End,
    string? EntityId,
    string Name,
    string? Country,
    string? Agent,
    string? Code,
    bool Inferred);
