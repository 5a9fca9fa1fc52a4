namespace Marsad.Analysis.Events;

/// <summary>
/// One line of the trigger lexicon: the event a word denotes and how to read the words around it.
/// <see cref="GenitiveIsActor"/> says whether the participant right after a noun trigger does the action (زيارة حفتر,
/// مظاهرات الطلاب) or undergoes it (اقتحام درنة, اغتيال الرئيس). <see cref="Needs"/> names the context (armed,
/// protest) a sentence must show for an ambiguous word (هجوم, مسيرة) to count.
/// </summary>
public sealed record TriggerDefinition(
    string Type,
    string Cameo,
    string Acled,
    bool GenitiveIsActor,
    string? Needs,
    double Weight,
    EventModality Modality)
{
    public string? Plover { get; } = EventCoding.Plover(Cameo);
}
