namespace Marsad.Analysis.Events;

internal enum LexiconEntryKind : byte
{
    Trigger,
    Veto,
    Cue,
    PastCue,
    Agent,
    Group,
    Anaphor,
    Preposition,
    Associate,
    LightVerb,
    Demonstrative,
    Undergo,
    NonFiller,
    Number,
    Resumptive,
    Relative,
    Fatality,
    Quantity,
    Context,
}

internal enum CueDirection : byte
{
    Before,
    Near,
    After,
}

/// <summary>One form of the event lexicon: its words (as stem ids) and what it means.</summary>
internal sealed class LexiconEntry(LexiconEntryKind kind, int[] words)
{
    public LexiconEntryKind Kind { get; } = kind;

    public int[] Words { get; } = words;

    public TriggerDefinition? Trigger { get; init; }

    public EventModality Modality { get; init; }

    public CueDirection Direction { get; init; }

    /// <summary>Agent or group code, anaphor type, preposition role, fatality kind or context domain.</summary>
    public string Code { get; init; } = "";

    /// <summary>A group's canonical name (the first form of its line).</summary>
    public string? Canonical { get; init; }

    public int Quantity { get; init; }

    /// <summary>An active verb form (written with a leading + in the lexicon): its subject may follow it.</summary>
    public bool Verb { get; set; }

    /// <summary>A passive verb form (a leading - in the lexicon): what follows it underwent the event.</summary>
    public bool Passive { get; set; }
}
