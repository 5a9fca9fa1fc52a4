using BenchmarkDotNet.Attributes;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;
using Marsad.Text;

namespace Marsad.Bench;

/// <summary>
/// Marsad's analyzer chain against Lucene.NET's ArabicAnalyzer over the same sample of news bodies. Each operation
/// analyses the whole sample and returns the number of index terms, so allocated bytes per operation divided by
/// that count shows the per-token allocation (zero for the warm chain). Run with
/// <c>dotnet run -c Release --project bench/Marsad.Bench -- --filter *AnalyzerBenchmarks*</c>.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private IReadOnlyList<string> _bodies = [];
    private ArabicAnalyzerChain _chain = null!;
    private ArabicAnalyzer _lucene = null!;

    [Params(500)]
    public int Bodies { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _bodies = BenchmarkCorpus.TrainingBodies(Bodies);
        _chain = new ArabicAnalyzerChain();
        _lucene = new ArabicAnalyzer(LuceneVersion.LUCENE_48);
    }

    [GlobalCleanup]
    public void Cleanup() => _lucene.Dispose();

    [Benchmark(Baseline = true)]
    public long Lucene()
    {
        long count = 0;
        foreach (var body in _bodies)
        {
            using var stream = _lucene.GetTokenStream("body", body);
            stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken()) count++;
            stream.End();
        }
        return count;
    }

    [Benchmark]
    public long MarsadChain()
    {
        long count = 0;
        foreach (var body in _bodies)
        {
            foreach (var token in _chain.Analyze(body))
            {
                if (token.IsIndexTerm) count++;
            }
        }
        return count;
    }

    [Benchmark]
    public long MarsadTokenizer()
    {
        long count = 0;
        foreach (var body in _bodies)
        {
            foreach (var token in Tokenizer.Enumerate(body))
            {
                if (token.IsContent) count++;
            }
        }
        return count;
    }
}
