namespace Marsad.Analysis.Topics;

/// <summary>
/// Scores of a classifier on a labelled set. <see cref="Confusion"/> is indexed [gold][predicted] in
/// <see cref="Labels"/> order. Macro-F1 averages over every label that occurs in the gold or the predictions
/// (the scikit-learn convention). <see cref="ExpectedCalibrationError"/> uses ten equal-width confidence bins
/// and is NaN when no confidences were given; <see cref="ArticlesPerSecond"/> is 0 when nothing was timed.
/// </summary>
public sealed record TopicEvaluation(
    IReadOnlyList<string> Labels,
    int Count,
    double Accuracy,
    double MacroF1,
    IReadOnlyList<ClassMetrics> PerClass,
    IReadOnlyList<IReadOnlyList<int>> Confusion,
    double ExpectedCalibrationError,
    double ArticlesPerSecond);
