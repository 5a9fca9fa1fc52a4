namespace Marsad.Analysis.Events;

/// <summary>An event as read, before merging: its trigger word, the trigger's weight, and how good its target is
/// (6 whom it aimed at, 5 the killed, 4 the counted wounded, 3 a named participant, 2 a bare noun, 1 the place standing
/// in for a target, 0 none).</summary>
internal readonly record struct FoundEvent(EventMention Event, int Word, double Weight, int TargetRank);
