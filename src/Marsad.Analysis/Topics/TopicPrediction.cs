namespace Marsad.Analysis.Topics;

/// <summary>
/// The most probable label, its calibrated probability, and the probability of every label the model knows
/// (in the model's label order).
/// </summary>
public sealed record TopicPrediction(string Label, double Confidence, IReadOnlyDictionary<string, double> Probabilities);
