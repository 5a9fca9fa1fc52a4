namespace Marsad.Analysis.Entities;

/// <summary>Exact-match span scores under conlleval rules. Precision, recall and F1 are percentages (0–100).</summary>
public sealed record NerEvaluation
{
    public required double MicroPrecision { get; init; }
    public required double MicroRecall { get; init; }
    public required double MicroF1 { get; init; }

    /// <summary>Per entity type (PERS, LOC, ORG, MISC, or whatever types the gold and predictions use).</summary>
    public required IReadOnlyDictionary<string, NerTypeScore> PerType { get; init; }

    /// <summary>Share of tokens whose predicted tag equals the gold tag, in percent.</summary>
    public required double TokenAccuracy { get; init; }

    public required int Sentences { get; init; }
    public required int Tokens { get; init; }

    /// <summary>Tagging throughput (feature extraction, scoring and decoding) on one thread; 0 when only tags were scored.</summary>
    public double TokensPerSecond { get; init; }
}
