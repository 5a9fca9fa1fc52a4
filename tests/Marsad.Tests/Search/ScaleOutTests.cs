using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Marsad.Search;
using Marsad.Store;
using Marsad.Tests.Store;

namespace Marsad.Tests.Search;

/// <summary>
/// Two <c>marsad ingest</c> processes over overlapping inputs write into one PostgreSQL store at the same time;
/// every article ends up stored exactly once, and every search replica (each with its own index) catches up to
/// the same hits.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ScaleOutTests(PostgresServerFixture postgres) : IDisposable
{
    private static readonly string[] Cities = ["درنة", "بنغازي", "طرابلس", "سرت", "القاهرة", "تونس", "الرياض", "عمان"];
    private static readonly string[] Ministries = ["الصحة", "التعليم", "الاقتصاد", "الداخلية", "الزراعة", "النقل"];

    private readonly string _folder = Directory.CreateTempSubdirectory("marsad-scale-").FullName;

    [Fact]
    public void Concurrent_ingest_workers_store_each_article_once_and_replicas_agree()
    {
        var store = postgres.CreateIsolatedStore();
        var first = WriteCorpus("first.jsonl", 0, 400);
        var second = WriteCorpus("second.jsonl", 200, 600);

        var workers = new[]
        {
            StartIngest(first, store, Path.Combine(_folder, "replica-1")),
            StartIngest(second, store, Path.Combine(_folder, "replica-2")),
        };
        long added = 0;
        foreach (var worker in workers)
        {
            var (exit, stdout, stderr) = Finish(worker);
            Assert.True(exit == 0, stderr);
            using var report = JsonDocument.Parse(stdout);
            Assert.Equal(0, report.RootElement.GetProperty("errors").GetInt64());
            added += report.RootElement.GetProperty("added").GetInt64();
        }
        Assert.Equal(600, added);

        using var articles = new PostgresArticleStore(store);
        Assert.Equal(600, articles.Count());
        Assert.True(articles.Check().IsHealthy, string.Join("; ", articles.Check().Problems));

        var totals = new List<int>();
        foreach (var replica in new[] { "replica-1", "replica-2", "replica-3" })
        {
            using var index = SearchIndex.Open(articles, Path.Combine(_folder, replica));
            index.CatchUp();
            Assert.Equal(600, index.DocumentCount);
            totals.Add(index.Search(new SearchRequest("درنة")).Total);
        }
        Assert.All(totals, total => Assert.Equal(75, total));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Articles i in [from, to): distinct texts the team composed from a few templates.</summary>
    private string WriteCorpus(string name, int from, int to)
    {
        var path = Path.Combine(_folder, name);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        for (var i = from; i < to; i++)
        {
            var city = Cities[i % Cities.Length];
            var ministry = Ministries[i % Ministries.Length];
            var record = new Dictionary<string, string>
            {
                ["title"] = $"وزارة {ministry} تعلن خطتها رقم {i} في {city}",
                ["date"] = $"2018-{1 + i % 12:D2}-{1 + i % 28:D2}",
                ["source"] = i % 2 == 0 ? "وكالة الأنباء" : "الإذاعة",
                ["body"] = $"أعلنت وزارة {ministry} اليوم في مدينة {city} عن الخطة رقم {i} لتحسين الخدمات، " +
                           $"وقال المتحدث باسم الوزارة إن المرحلة {i % 7} ستبدأ الشهر المقبل بمشاركة {i * 3} موظفا.",
            };
            writer.WriteLine(JsonSerializer.Serialize(record));
        }
        return path;
    }

    private static Process StartIngest(string corpus, string store, string data)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "marsad.dll"), "ingest", corpus, "--store", store, "--data", data, "--json" })
            start.ArgumentList.Add(argument);
        return Process.Start(start)!;
    }

    private static (int Exit, string Stdout, string Stderr) Finish(Process process)
    {
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var result = (process.ExitCode, stdout.Result, stderr.Result);
        process.Dispose();
        return result;
    }
}
