using System.Diagnostics;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;
using Marsad.Text;

namespace Marsad.Cli.Bench;

/// <summary>Measures the analyzer chain against Lucene.NET's ArabicAnalyzer on the same bodies, warm-up pass first.</summary>
public static class AnalyzerThroughput
{
    public static AnalyzerThroughputResult Measure(IReadOnlyList<string> bodies, int threads)
    {
        ArgumentNullException.ThrowIfNull(bodies);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        threads = Math.Min(threads, Math.Max(1, bodies.Count));

        // Warm-up: JIT tiering, the lexicon load and Lucene's lazy initialisation must not count.
        CountMarsad(bodies, 0, bodies.Count);
        CountLucene(bodies, 0, bodies.Count);

        var (marsadTokens, marsadElapsed) = RunPartitioned(bodies, threads, CountMarsad);
        var (luceneTokens, luceneElapsed) = RunPartitioned(bodies, threads, CountLucene);
        return new AnalyzerThroughputResult(bodies.Count, threads, marsadTokens, luceneTokens, marsadElapsed, luceneElapsed);
    }

    /// <summary>Index terms the Marsad chain yields for bodies[from..to).</summary>
    public static long CountMarsad(IReadOnlyList<string> bodies, int from, int to)
    {
        var chain = new ArabicAnalyzerChain();
        long count = 0;
        for (var i = from; i < to; i++)
        {
            foreach (var token in chain.Analyze(bodies[i]))
            {
                if (token.IsIndexTerm) count++;
            }
        }
        return count;
    }

    /// <summary>Tokens Lucene's ArabicAnalyzer emits for bodies[from..to).</summary>
    public static long CountLucene(IReadOnlyList<string> bodies, int from, int to)
    {
        using var analyzer = new ArabicAnalyzer(LuceneVersion.LUCENE_48);
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

    private static (long Tokens, TimeSpan Elapsed) RunPartitioned(IReadOnlyList<string> bodies, int threads, Func<IReadOnlyList<string>, int, int, long> count)
    {
        var stopwatch = Stopwatch.StartNew();
        if (threads == 1)
        {
            var tokens = count(bodies, 0, bodies.Count);
            return (tokens, stopwatch.Elapsed);
        }

        var totals = new long[threads];
        var workers = new Thread[threads];
        for (var t = 0; t < threads; t++)
        {
            var part = t;
            var from = (int)((long)bodies.Count * part / threads);
            var to = (int)((long)bodies.Count * (part + 1) / threads);
            workers[t] = new Thread(() => totals[part] = count(bodies, from, to));
            workers[t].Start();
        }
        foreach (var worker in workers) worker.Join();
        var elapsed = stopwatch.Elapsed;
        return (totals.Sum(), elapsed);
    }
}
