using System.Diagnostics;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Marsad.Analysis;
using Marsad.Analysis.Reading;
using Marsad.Search;
using Marsad.Store;

namespace Marsad.Cli.Bench;

/// <summary>
/// Ingest throughput, index size and query latency of Marsad against a stock Lucene.NET ArabicAnalyzer index,
/// in the same run on the same articles and title queries.
/// Marsad's ingest is end to end (read files, analyse, store in SQLite, index); the peer indexes in-memory strings.
/// Query latency is ranked retrieval of the top 10 (the same work on both sides); the full Marsad search with
/// snippets and facets is reported separately.
/// </summary>
public static class SearchBenchmark
{
    public static SearchBenchmarkResult Run(string corpusFolder, IReadOnlyList<string> queries, string workFolder)
    {
        var marsadFolder = Path.Combine(workFolder, "marsad");
        var clock = Stopwatch.StartNew();
        var peakBefore = Process.GetCurrentProcess().PeakWorkingSet64;
        // CPU time and garbage collection of the ingest: unlike its wall time, they hardly depend on other jobs.
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var pauseBefore = GC.GetTotalPauseDuration();
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        IngestReport report;
        using (var store = new SqliteArticleStore(marsadFolder))
        using (var index = SearchIndex.Open(store, marsadFolder))
        {
            report = new Ingestor(store, index, DefaultPipeline.Create()).Run(ArticleReader.ReadPaths([corpusFolder]));
        }
        var marsadIngestSeconds = clock.Elapsed.TotalSeconds;
        var ingestCost = new IngestCost(
            (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / Math.Max(1, report.Added),
            (GC.GetTotalPauseDuration() - pauseBefore).TotalSeconds / marsadIngestSeconds,
            (GC.GetTotalAllocatedBytes() - allocatedBefore) / 1024.0 / Math.Max(1, report.Added));
        var peakMemory = Math.Max(peakBefore, Process.GetCurrentProcess().PeakWorkingSet64);

        var articles = new List<Article>();
        foreach (var read in ArticleReader.ReadPaths([corpusFolder]))
            if (read.Article is { } article) articles.Add(article);
        var luceneFolder = Path.Combine(workFolder, "lucene");
        using var stock = new ArabicAnalyzer(LuceneVersion.LUCENE_48);
        clock.Restart();
        using (var directory = FSDirectory.Open(luceneFolder))
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, stock) { Similarity = SearchIndex.Ranking, RAMBufferSizeMB = 64 }))
        {
            foreach (var article in articles)
            {
                writer.AddDocument(new Lucene.Net.Documents.Document
                {
                    new StringField("id", article.Id, Field.Store.YES),
                    new TextField("title", article.Title, Field.Store.YES),
                    new TextField("body", article.Body, Field.Store.NO),
                });
            }
            writer.Commit();
        }
        var luceneIngestSeconds = clock.Elapsed.TotalSeconds;

        var marsadIndexFolder = Path.Combine(marsadFolder, SearchIndex.FolderName);
        var marsadLatency = Latencies(marsadIndexFolder, new MarsadAnalyzer(), queries);
        var luceneLatency = Latencies(luceneFolder, stock, queries);

        var fullSearch = new List<double>(queries.Count);
        using (var store = new SqliteArticleStore(marsadFolder))
        using (var index = SearchIndex.Open(store, marsadFolder))
        {
            foreach (var query in queries) index.Search(new SearchRequest(query));
            foreach (var query in queries)
            {
                var start = Stopwatch.GetTimestamp();
                index.Search(new SearchRequest(query));
                fullSearch.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }
        fullSearch.Sort();

        return new SearchBenchmarkResult(
            new SearchSideResult(report.Added / marsadIngestSeconds, marsadLatency.P50, marsadLatency.P99, FolderMiB(marsadIndexFolder)),
            new SearchSideResult(articles.Count / luceneIngestSeconds, luceneLatency.P50, luceneLatency.P99, FolderMiB(luceneFolder)),
            report.Added, Percentile(fullSearch, 0.50), Percentile(fullSearch, 0.99), peakMemory / (1024.0 * 1024.0), ingestCost);
    }

    private static (double P50, double P99) Latencies(string folder, Analyzer analyzer, IReadOnlyList<string> queries)
    {
        using var directory = FSDirectory.Open(folder);
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader) { Similarity = SearchIndex.Ranking };
        var builder = new QueryCompiler(analyzer);
        Query Build(string text)
        {
            var query = new BooleanQuery();
            foreach (var (term, _) in builder.Analyze(text))
            {
                query.Add(new TermQuery(new Term("title", term)) { Boost = QueryCompiler.TitleBoost }, Occur.SHOULD);
                query.Add(new TermQuery(new Term("body", term)), Occur.SHOULD);
            }
            return query;
        }
        // One warm-up pass so both sides are measured with JIT-compiled code and a warm page cache.
        foreach (var text in queries) searcher.Search(Build(text), 10);
        var times = new List<double>(queries.Count);
        foreach (var text in queries)
        {
            var start = Stopwatch.GetTimestamp();
            searcher.Search(Build(text), 10);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        times.Sort();
        return (Percentile(times, 0.50), Percentile(times, 0.99));
    }

    private static double Percentile(List<double> sorted, double fraction) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(fraction * sorted.Count) - 1)];

    private static double FolderMiB(string folder)
    {
        long bytes = 0;
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles()) bytes += file.Length;
        return bytes / (1024.0 * 1024.0);
    }
}

public sealed record SearchSideResult(double IngestArticlesPerSecond, double QueryP50Ms, double QueryP99Ms, double IndexMiB);

public sealed record SearchBenchmarkResult(SearchSideResult Marsad, SearchSideResult Lucene, long Articles,
    double FullSearchP50Ms, double FullSearchP99Ms, double PeakMemoryMiB, IngestCost Ingest);

/// <summary>What Marsad's ingest cost per article added: process CPU time, the share of wall time paused for garbage collection, bytes allocated.</summary>
public sealed record IngestCost(double CpuMsPerArticle, double GcPauseShare, double AllocatedKiBPerArticle);
