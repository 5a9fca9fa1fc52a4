using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Marsad.Search;
using Marsad.Store;

namespace Marsad.Tests.Search;

/// <summary>
/// <c>marsad ingest</c> killed with SIGKILL in the middle of a run, then run again: the store ends with every
/// article exactly once, passes its integrity check, and the index (rebuilt from its last commit) agrees.
/// </summary>
public sealed class IngestCrashTests : IDisposable
{
    private const int Articles = 3000;
    private readonly string _folder = Directory.CreateTempSubdirectory("marsad-crash-").FullName;

    [Fact]
    public void A_killed_ingest_loses_nothing_committed_and_resumes_to_exactly_once()
    {
        var corpus = WriteCorpus();
        var data = Path.Combine(_folder, "data");

        using (var first = StartIngest(corpus, data))
        {
            var clock = Stopwatch.StartNew();
            while (StoredCount(data) == 0 && !first.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60)) Thread.Sleep(50);
            Assert.False(first.HasExited, "the first ingest finished before it could be killed; make the corpus larger");
            first.Kill(entireProcessTree: true);
            first.WaitForExit();
        }
        var afterKill = StoredCount(data);
        Assert.InRange(afterKill, 1, Articles - 1);

        using (var second = StartIngest(corpus, data))
        {
            var stdout = second.StandardOutput.ReadToEnd();
            var stderr = second.StandardError.ReadToEnd();
            second.WaitForExit();
            Assert.True(second.ExitCode == 0, stderr);
            using var report = JsonDocument.Parse(stdout);
            Assert.Equal(Articles - afterKill, report.RootElement.GetProperty("added").GetInt64());
            Assert.Equal(afterKill, report.RootElement.GetProperty("skipped").GetInt64());
        }

        using var store = new SqliteArticleStore(data);
        Assert.Equal(Articles, store.Count());
        var check = store.Check();
        Assert.True(check.IsHealthy, string.Join("; ", check.Problems));
        using var index = SearchIndex.Open(store, data);
        index.CatchUp();
        Assert.Equal(Articles, index.DocumentCount);
        Assert.Equal(Articles / 4, index.Search(new SearchRequest("سرت")).Total);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static long StoredCount(string data)
    {
        if (!File.Exists(Path.Combine(data, SqliteArticleStore.FileName))) return 0;
        using var store = new SqliteArticleStore(data);
        return store.Count();
    }

    private string WriteCorpus()
    {
        string[] cities = ["درنة", "سرت", "مصراتة", "طبرق"];
        var path = Path.Combine(_folder, "corpus.jsonl");
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        for (var i = 0; i < Articles; i++)
        {
            writer.WriteLine(JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["title"] = $"تقرير رقم {i} عن الأوضاع في {cities[i % 4]}",
                ["date"] = $"2018-0{1 + i % 9}-1{i % 10}",
                ["body"] = $"قال مسؤولون في مدينة {cities[i % 4]} إن الاجتماع رقم {i} ناقش الخدمات العامة والكهرباء والمياه. " +
                           $"وأضافوا أن اللجنة ستعرض تقريرها بعد {i % 30 + 1} يوما على المجلس البلدي.",
            }));
        }
        return path;
    }

    private static Process StartIngest(string corpus, string data)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "marsad.dll"), "ingest", corpus, "--data", data, "--json" })
            start.ArgumentList.Add(argument);
        return Process.Start(start)!;
    }
}
