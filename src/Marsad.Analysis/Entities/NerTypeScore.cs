namespace Marsad.Analysis.Entities;

/// <summary>Span-level scores for one entity type (or all types); precision, recall and F1 are percentages as conlleval prints them.</summary>
public readonly record struct NerTypeScore(double Precision, double Recall, double F1, int Gold, int Predicted, int Correct)
{
    public static NerTypeScore From(int gold, int predicted, int correct)
    {
        var p = predicted == 0 ? 0 : 100.0 * correct / predicted;
        var r = gold == 0 ? 0 : 100.0 * correct / gold;
        var f = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return new NerTypeScore(p, r, f, gold, predicted, correct);
    }
}
