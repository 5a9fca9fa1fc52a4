namespace Marsad.Analysis.Summaries;

/// <summary>ROUGE-N of one candidate against one reference: clipped n-gram overlap over candidate and reference n-grams.</summary>
public readonly record struct RougeScore(double Precision, double Recall, double F1);
