namespace Marsad.Analysis.Events;

/// <summary>
/// One event found in an article: what happened (Marsad's <see cref="Type"/> and its CAMEO, PLOVER and ACLED codes),
/// who did it to whom, where and when, how many died, whether it happened (<see cref="Modality"/>), and the evidence:
/// the trigger words and the sentence, as char offsets into the body. <see cref="Associates"/> are third parties tied
/// to the event (بإشراف مصري), ACLED's associated actors. <see cref="Confidence"/> is in 0..1.
/// </summary>
public sealed record EventMention(
    string Type,
    string Cameo,
    string? Plover,
    string? AcledEventType,
    string? AcledSubEventType,
    EventParticipant? Actor,
    EventParticipant? Target,
    IReadOnlyList<EventParticipant> Associates,
    EventPlace? Place,
    EventDate? Date,
    EventFatalities? Fatalities,
    EventModality Modality,
    int TriggerStart,
    int TriggerEnd,
    string TriggerText,
    int SentenceStart,
    int SentenceEnd,
    double Confidence);
