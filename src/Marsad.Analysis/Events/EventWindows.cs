namespace Marsad.Analysis.Events;

/// <summary>How far, in words, the readers look from a trigger; shared so that role and circumstance readers agree.</summary>
internal static class EventWindows
{
    /// <summary>Before a trigger: modality cues and associates (مع, بمشاركة).</summary>
    public const int BeforeWindow = 6;

    /// <summary>After a trigger: modality cues and associates.</summary>
    public const int AfterWindow = 4;

    /// <summary>The clause after a trigger: its place, its على/ضد target, its by-phrase.</summary>
    public const int ClauseWindow = 10;

    /// <summary>Back to an antecedent: pronouns, possessors and inferred actors.</summary>
    public const int InferenceWindow = 60;
}
