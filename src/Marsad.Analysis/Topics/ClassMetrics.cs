namespace Marsad.Analysis.Topics;

/// <summary>Precision, recall and F1 of one label; <paramref name="Support"/> is its number of gold examples.</summary>
public sealed record ClassMetrics(string Label, double Precision, double Recall, double F1, int Support);
