using System.Diagnostics;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;
using Marsad.Text;

namespace Marsad.Cli.Bench;

/// <summary>
/// Measures the analyzer chain against Lucene.NET's ArabicAnalyzer on the same bodies in one run. Each thread owns a
/// contiguous partition of the bodies and one analyzer of each kind, reused across passes as an indexer would.
/// The warm-up pass (JIT tiering, lexicon load, Lucene's lazy set-up, the chain's word-type caches) is not counted
/// in the headline figures; the chain's cold pass time is reported separately.
/// </summary>
public static class AnalyzerThroughput
{
    public static AnalyzerThroughputResult Measure(IReadOnlyList<string> bodies, int threads)
    {
        ArgumentNullException.ThrowIfNull(bodies);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        threads = Math.Min(threads, Math.Max(1, bodies.Count));

        var partitions = new (int From, int To)[threads];
        for (var t = 0; t < threads; t++)
            partitions[t] = ((int)((long)bodies.Count * t / threads), (int)((long)bodies.Count * (t + 1) / threads));

        _ = CliticSegmenter.Default;
        var chains = new ArabicAnalyzerChain[threads];
        var analyzers = new ArabicAnalyzer[threads];
        for (var t = 0; t < threads; t++)
        {
            chains[t] = new ArabicAnalyzerChain();
            analyzers[t] = new ArabicAnalyzer(LuceneVersion.LUCENE_48);
        }
        try
        {
            var (_, marsadCold) = Run(partitions, (t, from, to) => CountMarsad(chains[t], bodies, from, to).IndexTerms);
            Run(partitions, (t, from, to) => CountLucene(analyzers[t], bodies, from, to));

            var (marsadTokens, marsadElapsed) = Run(partitions, (t, from, to) => CountMarsad(chains[t], bodies, from, to).IndexTerms);
            var (luceneTokens, luceneElapsed) = Run(partitions, (t, from, to) => CountLucene(analyzers[t], bodies, from, to));
            var (allTokens, _) = Run(partitions, (t, from, to) => CountMarsad(chains[t], bodies, from, to).All);
            return new AnalyzerThroughputResult(bodies.Count, threads, marsadTokens, allTokens, luceneTokens, marsadElapsed, luceneElapsed, marsadCold);
        }
        finally
        {
            foreach (var analyzer in analyzers) analyzer.Dispose();
        }
    }

    /// <summary>Index terms and all tokens the chain yields for bodies[from..to).</summary>
    public static (long IndexTerms, long All) CountMarsad(ArabicAnalyzerChain chain, IReadOnlyList<string> bodies, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(bodies);
        long terms = 0, all = 0;
        for (var i = from; i < to; i++)
        {
            foreach (var token in chain.Analyze(bodies[i]))
            {
                all++;
                if (token.IsIndexTerm) terms++;
            }
        }
        return (terms, all);
    }

    /// <summary>Tokens Lucene's ArabicAnalyzer emits for bodies[from..to).</summary>
    public static long CountLucene(ArabicAnalyzer analyzer, IReadOnlyList<string> bodies, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(bodies);
        long count = 0;
        for (var i = from; i < to; i++)
        {
            using var stream = analyzer.GetTokenStream("body", bodies[i]);
            stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken()) count++;
            stream.End();
        }
        return count;
    }

    private static (long Tokens, TimeSpan Elapsed) Run((int From, int To)[] partitions, Func<int, int, int, long> count)
    {
        var stopwatch = Stopwatch.StartNew();
        if (partitions.Length == 1)
        {
            var tokens = count(0, partitions[0].From, partitions[0].To);
            return (tokens, stopwatch.Elapsed);
        }

        var totals = new long[partitions.Length];
        var workers = new Thread[partitions.Length];
        for (var t = 0; t < partitions.Length; t++)
        {
            var part = t;
            workers[t] = new Thread(() => totals[part] = count(part, partitions[part].From, partitions[part].To));
            workers[t].Start();
        }
        foreach (var worker in workers) worker.Join();
        var elapsed = stopwatch.Elapsed;
        return (totals.Sum(), elapsed);
    }
}
