using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Marsad.Analysis;
using Marsad.Analysis.Reading;
using Marsad.Search;
using Marsad.Store;
using Marsad.Web;

namespace Marsad.Cli.Bench;

public sealed record LoadResult(
    double Seconds,
    int Concurrency,
    long Requests,
    double RequestsPerSecond,
    double P50Ms,
    double P99Ms,
    long Errors,
    long Ingested,
    long IngestRequests,
    long IngestErrors,
    IReadOnlyList<string> ErrorSamples);

/// <summary>
/// A bounded load test on loopback: <c>concurrency</c> clients search without pause for a fixed time while one more
/// client keeps ingesting new articles through <c>POST /api/articles</c>. Without a URL it serves a temporary data
/// folder (the sample articles plus variants of them) from a real Kestrel server in this process; with one it loads
/// that server (ingesting only when given its API key). Only loopback addresses are accepted.
/// </summary>
public static class LoadBenchmark
{
    /// <summary>Words, phrases, prefixes, exclusions and filters a reader of the sample news would type.</summary>
    private static readonly string[] Queries =
    [
        "النفط", "ليبيا", "الحكومة", "مصر", "الخليج", "أرامكو", "طرابلس", "بنغازي", "القاهرة", "الرياض", "المنتخب",
        "الانتخابات", "الاقتصاد", "\"وزير الخارجية\"", "النفط -السعودية", "+ليبيا +النفط", "اقتصاد*", "الكهرباء والمياه",
        "مباراة الكأس", "البنك المركزي", "الأمم المتحدة", "تقرير", "درنة", "سرت",
    ];

    private const int IngestBatch = 20;

    public static LoadResult Run(TimeSpan duration, int concurrency, Uri? url, string? apiKey, Action<string>? log = null)
    {
        if (url is not null)
        {
            if (!IsLoopback(url)) throw new CliException($"{url}: the load test only targets loopback addresses (127.0.0.0/8, localhost, ::1)");
            return Measure(url, apiKey, duration, concurrency);
        }

        var folder = Directory.CreateTempSubdirectory("marsad-load-").FullName;
        try
        {
            var pipeline = DefaultPipeline.Create();
            using var store = new SqliteArticleStore(folder);
            using var index = SearchIndex.Open(store, folder);
            var seeded = DemoCorpus.Load(store, index, pipeline).Added;
            seeded += new Ingestor(store, index, pipeline).Run(Variants(0, 2000).Select(ReadResult.Ok)).Added;
            log?.Invoke($"serving {seeded:N0} articles from {folder}");
            var key = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
            var server = MarsadServer.Create(new MarsadWebOptions { Urls = "http://127.0.0.1:0", ApiKey = key, ConsoleLogging = false }, store, index, pipeline);
            try
            {
                server.StartAsync().GetAwaiter().GetResult();
                return Measure(new Uri(server.Urls.Single()), key, duration, concurrency, firstVariant: 2000);
            }
            finally
            {
                server.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { }
        }
    }

    private static LoadResult Measure(Uri url, string? apiKey, TimeSpan duration, int concurrency, int firstVariant = 1_000_000)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency + 1, UseProxy = false };
        using var client = new HttpClient(handler) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
        // One warm-up request so that start-up costs (first JIT, first searcher) are not counted as latency.
        client.GetAsync("/api/search?q=" + Uri.EscapeDataString(Queries[0])).GetAwaiter().GetResult().Dispose();

        var errors = new List<string>();
        long errorCount = 0;
        var latencies = new List<double>[concurrency];
        var clock = Stopwatch.StartNew();
        var deadline = duration;

        var ingested = 0L;
        var ingestRequests = 0L;
        var ingestErrors = 0L;
        var ingest = apiKey is null ? Task.CompletedTask : Task.Run(async () =>
        {
            var next = firstVariant + (int)(DateTime.UtcNow.Ticks % 100_000) * 100;
            while (clock.Elapsed < deadline)
            {
                var body = new StringBuilder();
                foreach (var article in Variants(next, IngestBatch))
                    body.AppendLine(JsonSerializer.Serialize(new { title = article.Title, date = article.Date?.ToString("yyyy-MM-dd"), source = article.Source, category = article.Category, body = article.Body }));
                next += IngestBatch;
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = new StringContent(body.ToString(), Encoding.UTF8, "application/x-ndjson") };
                request.Headers.Add("X-Api-Key", apiKey);
                ingestRequests++;
                try
                {
                    using var response = await client.SendAsync(request);
                    var text = await response.Content.ReadAsStringAsync();
                    if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
                        ingested += JsonDocument.Parse(text).RootElement.GetProperty("added").GetInt64();
                    else Fail($"ingest → {(int)response.StatusCode}: {Short(text)}", ref ingestErrors);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    Fail($"ingest → {e.GetType().Name}: {e.Message}", ref ingestErrors);
                }
            }
        });

        var searchers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var mine = latencies[worker] = new List<double>(4096);
            var random = new Random(worker);
            while (clock.Elapsed < deadline)
            {
                var query = "/api/search?q=" + Uri.EscapeDataString(Queries[random.Next(Queries.Length)]) + (random.Next(4) == 0 ? "&page=2&size=20" : "");
                var start = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync(query);
                    var text = await response.Content.ReadAsStringAsync();
                    mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    if (response.StatusCode != HttpStatusCode.OK) Fail($"{query} → {(int)response.StatusCode}: {Short(text)}", ref errorCount);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    Fail($"{query} → {e.GetType().Name}: {e.Message}", ref errorCount);
                }
            }
        })).ToArray();

        Task.WaitAll([.. searchers, ingest]);
        var seconds = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult(seconds, concurrency, all.Length, all.Length / seconds, Percentile(all, 0.50), Percentile(all, 0.99),
            Interlocked.Read(ref errorCount), ingested, ingestRequests, Interlocked.Read(ref ingestErrors), [.. errors]);

        void Fail(string message, ref long counter)
        {
            Interlocked.Increment(ref counter);
            lock (errors)
                if (errors.Count < 5) errors.Add(message);
        }
    }

    /// <summary>New articles made from the sample ones: each variant has its own number in title and body, so its own id.</summary>
    private static IEnumerable<Article> Variants(int first, int count)
    {
        var samples = DemoCorpus.Articles();
        for (var n = first; n < first + count; n++)
        {
            var sample = samples[n % samples.Count];
            var title = $"{sample.Title} ({n})";
            var body = sample.Body + $"\nوأشار التقرير رقم {n} إلى أن المتابعة مستمرة.";
            yield return sample with { Id = ContentId.Compute(title, body), Title = title, Body = body, Origin = $"variant-{n}" };
        }
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static string Short(string text) => text.Length > 200 ? text[..200] + "…" : text;

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
