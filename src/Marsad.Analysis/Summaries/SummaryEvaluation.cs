namespace Marsad.Analysis.Summaries;

/// <summary>
/// Mean ROUGE F1 over the evaluated articles, for Marsad's summaries and for the lead-3 baseline (fractions 0..1),
/// with the mean length in tokens of each and of the abstracts: F1 rewards a summary as long as the reference, so the
/// lengths say how much of a difference comes from choosing shorter sentences.
/// </summary>
public sealed record SummaryEvaluation(
    int Articles,
    double Rouge1,
    double Rouge2,
    double Lead3Rouge1,
    double Lead3Rouge2,
    double SummaryTokens,
    double Lead3Tokens,
    double AbstractTokens,
    double ArticlesPerSecond);
