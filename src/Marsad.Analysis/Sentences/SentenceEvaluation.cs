namespace Marsad.Analysis.Sentences;

/// <summary>
/// Boundary-level agreement between the splitter run on punctuation-stripped text and the boundaries the
/// original punctuation marked. Only gaps between words count; the end of an article is not a decision.
/// </summary>
public sealed record SentenceEvaluation(
    int Articles,
    long Words,
    long GoldBoundaries,
    long PredictedBoundaries,
    long TruePositives)
{
    public long FalsePositives => PredictedBoundaries - TruePositives;

    public long FalseNegatives => GoldBoundaries - TruePositives;

    public double Precision => PredictedBoundaries == 0 ? 0 : (double)TruePositives / PredictedBoundaries;

    public double Recall => GoldBoundaries == 0 ? 0 : (double)TruePositives / GoldBoundaries;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}
