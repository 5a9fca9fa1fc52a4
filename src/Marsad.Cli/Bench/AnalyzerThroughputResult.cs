namespace Marsad.Cli.Bench;

/// <summary>
/// Tokens per second of Marsad's analyzer chain and of Lucene.NET's ArabicAnalyzer over the same bodies in the same run.
/// Both counts are index terms: Lucene's emitted tokens (stop words already dropped) and Marsad's content tokens
/// that are not stop words, so the rates compare the same unit of work.
/// </summary>
public sealed record AnalyzerThroughputResult(
    int Bodies,
    int Threads,
    long MarsadTokens,
    long LuceneTokens,
    TimeSpan MarsadElapsed,
    TimeSpan LuceneElapsed)
{
    public double MarsadTokensPerSecond => MarsadTokens / MarsadElapsed.TotalSeconds;

    public double LuceneTokensPerSecond => LuceneTokens / LuceneElapsed.TotalSeconds;

    /// <summary>Marsad's rate over Lucene's; above 1 means Marsad is faster.</summary>
    public double Ratio => MarsadTokensPerSecond / LuceneTokensPerSecond;
}
