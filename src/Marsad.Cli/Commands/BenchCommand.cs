using System.CommandLine;
using System.Text.Json.Nodes;
using Marsad.Cli.Bench;
using Spectre.Console;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad bench …</c>: Marsad against a peer in the same run, reported as throughputs and their ratio.</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var command = new Command("bench", "Measure Marsad against a peer in the same run.");
        command.Subcommands.Add(Analyzer());
        command.Subcommands.Add(Search());
        command.Subcommands.Add(Load());
        command.Subcommands.Add(BenchPipelineCommand.Create());
        return command;
    }

    private static Command Load()
    {
        var seconds = new Option<int>("--seconds") { Description = "How long to load the server (default 10).", DefaultValueFactory = _ => 10 };
        var concurrency = new Option<int>("--concurrency") { Description = "Concurrent search clients (default 8).", DefaultValueFactory = _ => 8 };
        var url = new Option<string?>("--url") { Description = "Load a running server on loopback instead of a temporary one (ingest only with --api-key)." };
        var apiKey = new Option<string?>("--api-key") { Description = "The server's ingest key, with --url." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object {requests_per_s, p50_ms, p99_ms, errors, requests, ingested, ingest_errors, …}." };
        var command = new Command("load", "Concurrent searches against marsad serve on loopback while an ingest runs, for a fixed time.") { seconds, concurrency, url, apiKey, json };
        command.SetAction(result =>
        {
            var duration = TimeSpan.FromSeconds(Math.Clamp(result.GetValue(seconds), 1, 600));
            var clients = Math.Clamp(result.GetValue(concurrency), 1, 256);
            var target = result.GetValue(url) is { } u ? new Uri(u) : null;
            var r = LoadBenchmark.Run(duration, clients, target, result.GetValue(apiKey), message => Console.Error.WriteLine($"marsad: {message}"));
            foreach (var sample in r.ErrorSamples) Console.Error.WriteLine($"marsad: error: {sample}");
            if (result.GetValue(json))
            {
                JsonOutput.Print(new JsonObject
                {
                    ["requests_per_s"] = Math.Round(r.RequestsPerSecond, 1),
                    ["p50_ms"] = JsonOutput.Round(r.P50Ms),
                    ["p99_ms"] = JsonOutput.Round(r.P99Ms),
                    ["errors"] = r.Errors,
                    ["requests"] = r.Requests,
                    ["concurrency"] = r.Concurrency,
                    ["seconds"] = Math.Round(r.Seconds, 2),
                    ["ingested"] = r.Ingested,
                    ["ingest_requests"] = r.IngestRequests,
                    ["ingest_errors"] = r.IngestErrors,
                });
            }
            else
            {
                Console.Error.WriteLine($"marsad: {r.Requests:N0} searches in {r.Seconds:F1} s with {r.Concurrency} clients: {r.RequestsPerSecond:N0}/s, " +
                                        $"p50 {r.P50Ms:F2} ms, p99 {r.P99Ms:F2} ms, {r.Errors} errors; meanwhile {r.Ingested:N0} articles ingested " +
                                        $"in {r.IngestRequests:N0} requests, {r.IngestErrors} errors");
            }
            return r.Errors + r.IngestErrors == 0 ? 0 : 1;
        });
        return command;
    }

    private static Command Search()
    {
        var split = SplitOption.Create("topic-test.tsv");
        var json = new Option<bool>("--json") { Description = "Print one JSON object {ingest_articles_per_s, query_p50_ms, query_p99_ms, lucene:{…}}." };
        var command = new Command("search", "Ingest ant-multisource and run the test titles as queries: Marsad vs a stock Lucene.NET ArabicAnalyzer index.") { split, json };
        command.SetAction(result =>
        {
            var splitFile = SplitOption.Resolve(result.GetValue(split), "topic-test.tsv");
            var queries = new List<string>();
            foreach (var (article, _) in Marsad.Analysis.Reading.CorpusSplit.Read(splitFile)) queries.Add(article.Title);
            var corpus = Path.Combine(Marsad.Analysis.Reading.CorpusSplit.ResolveNewsRoot(splitFile), "ant-multisource");
            var work = Directory.CreateTempSubdirectory("marsad-bench-").FullName;
            try
            {
                var r = SearchBenchmark.Run(corpus, queries, work);
                if (result.GetValue(json))
                {
                    var marsad = Side(r.Marsad);
                    marsad["lucene"] = Side(r.Lucene);
                    marsad["articles"] = r.Articles;
                    marsad["full_search_p50_ms"] = JsonOutput.Round(r.FullSearchP50Ms);
                    marsad["full_search_p99_ms"] = JsonOutput.Round(r.FullSearchP99Ms);
                    marsad["peak_memory_mib"] = Math.Round(r.PeakMemoryMiB);
                    JsonOutput.Print(marsad);
                    return 0;
                }
                var table = new Table().AddColumns("", "ingest articles/s", "index MiB", "query p50 ms", "query p99 ms");
                table.AddRow("Marsad (read+analyse+store+index)", $"{r.Marsad.IngestArticlesPerSecond:N0}", $"{r.Marsad.IndexMiB:F1}", $"{r.Marsad.QueryP50Ms:F3}", $"{r.Marsad.QueryP99Ms:F3}");
                table.AddRow("Lucene ArabicAnalyzer (strings)", $"{r.Lucene.IngestArticlesPerSecond:N0}", $"{r.Lucene.IndexMiB:F1}", $"{r.Lucene.QueryP50Ms:F3}", $"{r.Lucene.QueryP99Ms:F3}");
                table.AddRow("ratio (Marsad / Lucene)", $"{r.Marsad.IngestArticlesPerSecond / r.Lucene.IngestArticlesPerSecond:F2}", $"{r.Marsad.IndexMiB / r.Lucene.IndexMiB:F2}", $"{r.Marsad.QueryP50Ms / r.Lucene.QueryP50Ms:F2}", $"{r.Marsad.QueryP99Ms / r.Lucene.QueryP99Ms:F2}");
                AnsiConsole.Write(table);
                Console.Error.WriteLine($"marsad: {r.Articles:N0} articles; full search with snippets and facets p50 {r.FullSearchP50Ms:F2} ms, p99 {r.FullSearchP99Ms:F2} ms; peak memory {r.PeakMemoryMiB:N0} MiB");
                return 0;
            }
            finally
            {
                Directory.Delete(work, recursive: true);
            }
        });
        return command;
    }

    private static JsonObject Side(SearchSideResult side) => new()
    {
        ["ingest_articles_per_s"] = Math.Round(side.IngestArticlesPerSecond, 1),
        ["query_p50_ms"] = JsonOutput.Round(side.QueryP50Ms),
        ["query_p99_ms"] = JsonOutput.Round(side.QueryP99Ms),
        ["index_mib"] = Math.Round(side.IndexMiB, 2),
    };

    private static Command Analyzer()
    {
        var split = SplitOption.Create("topic-train.tsv");
        var threads = new Option<int>("--threads") { Description = "Threads (default 1; the multi-core figure is also printed without --json).", DefaultValueFactory = _ => 1 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object {marsad_tokens_per_s, lucene_tokens_per_s, ratio}." };
        var command = new Command("analyzer", "Normalise+tokenise+stem throughput: Marsad's chain vs Lucene.NET ArabicAnalyzer on the same bodies.") { split, threads, json };
        command.SetAction(result =>
        {
            var bodies = SplitOption.Bodies(SplitOption.Resolve(result.GetValue(split), "topic-train.tsv"));
            var threadCount = Math.Max(1, result.GetValue(threads));
            var single = AnalyzerThroughput.Measure(bodies, threadCount);
            if (result.GetValue(json))
            {
                JsonOutput.Print(new JsonObject
                {
                    ["marsad_tokens_per_s"] = Math.Round(single.MarsadTokensPerSecond),
                    ["lucene_tokens_per_s"] = Math.Round(single.LuceneTokensPerSecond),
                    ["ratio"] = JsonOutput.Round(single.Ratio),
                    ["threads"] = threadCount,
                });
                return 0;
            }
            var table = new Table().AddColumns("threads", "Marsad tokens/s", "Lucene ArabicAnalyzer tokens/s", "ratio");
            table.AddRow($"{threadCount}", $"{single.MarsadTokensPerSecond:N0}", $"{single.LuceneTokensPerSecond:N0}", $"{single.Ratio:F2}×");
            var cores = Environment.ProcessorCount;
            if (threadCount == 1 && cores > 1)
            {
                var multi = AnalyzerThroughput.Measure(bodies, cores);
                table.AddRow($"{cores}", $"{multi.MarsadTokensPerSecond:N0}", $"{multi.LuceneTokensPerSecond:N0}", $"{multi.Ratio:F2}×");
            }
            Console.Error.WriteLine($"marsad: {bodies.Count} bodies");
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }
}
