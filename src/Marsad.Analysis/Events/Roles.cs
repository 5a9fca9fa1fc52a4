namespace Marsad.Analysis.Events;

/// <summary>The roles read around one trigger, and what the reading showed about the clause.</summary>
internal sealed class Roles
{
    public Role? Actor;
    public Role? Target;

    /// <summary>What a pronoun attached to the trigger (قصفها, طردهم) points back to.</summary>
    public Candidate? Pronoun;

    /// <summary>The target is the event's place, put there for want of a named target.</summary>
    public bool TargetFromPlace;

    /// <summary>The clause is passive: no actor is named and none should be guessed from the context.</summary>
    public bool Passive;

    /// <summary>The target is what a verb of aiming names (استهدفت عناصر طالبان): when a participant, it outranks the counted dead.</summary>
    public bool Aimed;
}
