namespace Marsad.Analysis.Events;

/// <summary>
/// Casualties stated with an event. <see cref="Killed"/> is a number or, for a vague quantity (عشرات القتلى), the
/// smallest number the words allow (Arabic plurals start at three: عشرات ≥ 30); <see cref="Approximate"/> says which.
/// </summary>
public sealed record EventFatalities(int? Killed, int? Injured, bool Approximate, string Text);
