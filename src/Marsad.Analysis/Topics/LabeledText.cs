namespace Marsad.Analysis.Topics;

/// <summary>
/// One training or evaluation example. <paramref name="Source"/> is the outlet (e.g. BBC); it is never a feature,
/// only used to group examples for leave-one-source-out evaluation.
/// </summary>
public sealed record LabeledText(string Title, string Body, string Label, string? Source);
