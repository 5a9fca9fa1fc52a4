namespace Marsad.Cli.Bench;

/// <summary>
/// Tokens per second of Marsad's analyzer chain and of Lucene.NET's ArabicAnalyzer over the same bodies in the same run.
/// The compared counts are index terms: the tokens Lucene emits (its stop filter has already dropped function words and
/// its tokenizer drops punctuation) and the Marsad tokens that are content-bearing and not stop words, so both rates
/// count the same unit. <see cref="MarsadAllTokens"/> is everything the chain yields, punctuation and flagged stop
/// words included; <see cref="MarsadColdElapsed"/> is the chain's first pass, before its word-type caches are warm.
/// </summary>
public sealed record AnalyzerThroughputResult(
    int Bodies,
    int Threads,
    long MarsadTokens,
    long MarsadAllTokens,
    long LuceneTokens,
    TimeSpan MarsadElapsed,
    TimeSpan LuceneElapsed,
    TimeSpan MarsadColdElapsed)
{
    public double MarsadTokensPerSecond => MarsadTokens / MarsadElapsed.TotalSeconds;

    public double LuceneTokensPerSecond => LuceneTokens / LuceneElapsed.TotalSeconds;

    /// <summary>Index terms per second on the first, cold-cache pass.</summary>
    public double MarsadColdTokensPerSecond => MarsadTokens / MarsadColdElapsed.TotalSeconds;

    /// <summary>Marsad's rate over Lucene's; above 1 means Marsad is faster.</summary>
    public double Ratio => MarsadTokensPerSecond / LuceneTokensPerSecond;
}
