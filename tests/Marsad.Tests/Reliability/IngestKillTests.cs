using System.Diagnostics;
using System.Text.Json;
using Marsad.Analysis.Reading;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Marsad.Tests.Reliability;

/// <summary>
/// The real <c>marsad ingest</c> killed with SIGKILL at random points several times, restarted each time, then run to
/// the end: nothing committed is ever lost, <c>marsad check</c> passes after every kill, and the final store holds
/// every article exactly once, fully indexed and searchable. The seed is printed; MARSAD_KILL_SEED replays a run.
/// </summary>
public sealed class IngestKillTests(ITestOutputHelper output) : IDisposable
{
    private const int Articles = 8000;
    private const int Files = 4;
    private const int MinKills = 3;
    private const int MaxKills = 5;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private readonly string _folder = Directory.CreateTempSubdirectory("marsad-kill-").FullName;

    [Fact]
    public void Ingest_killed_at_random_points_loses_nothing_and_ends_with_every_article_exactly_once()
    {
        var corpus = Path.Combine(_folder, "corpus");
        Directory.CreateDirectory(corpus);
        for (var f = 0; f < Files; f++)
            GeneratedNews.WriteJsonLines(Path.Combine(corpus, $"part-{f}.jsonl"), f * Articles / Files, (f + 1) * Articles / Files);
        var expected = ArticleReader.ReadPath(corpus).Select(r => r.Article!.Id).ToHashSet();
        Assert.Equal(Articles, expected.Count);
        var data = Path.Combine(_folder, "data");

        var seed = int.TryParse(Environment.GetEnvironmentVariable("MARSAD_KILL_SEED"), out var s) ? s : Random.Shared.Next();
        var random = new Random(seed);
        var kills = new List<string>();
        long stored = 0;
        while (kills.Count < MaxKills)
        {
            using var run = CliProcess.Start("ingest", corpus, "--data", data, "--json");
            // Kill only after this run has committed something of its own, so every kill lands mid-ingest.
            var clock = Stopwatch.StartNew();
            while (StoredCount(data) <= stored && !run.HasExited && clock.Elapsed < Patience) Thread.Sleep(20);
            Assert.False(clock.Elapsed >= Patience, $"ingest made no progress in {Patience.TotalSeconds} s (seed {seed}):\n{run.Stderr}");
            if (run.HasExited) break;
            Thread.Sleep(random.Next(0, 900));
            var committed = StoredCount(data);
            var lifetime = clock.Elapsed;
            run.Kill();
            var afterKill = StoredCount(data);
            Assert.True(afterKill >= committed, $"kill {kills.Count + 1}: {committed} articles were committed before SIGKILL but {afterKill} remain (seed {seed})");
            kills.Add($"after {lifetime.TotalSeconds:F1} s with {afterKill:N0} stored");

            // The data folder as a kill leaves it passes the check; the index may only lag behind the store.
            var check = Check(data);
            Assert.True(check.GetProperty("ok").GetBoolean(), $"check after kill {kills.Count} (seed {seed}): {check}");
            Assert.Equal(afterKill, check.GetProperty("articles").GetInt64());
            Assert.Equal(afterKill, check.GetProperty("indexed").GetInt64() + check.GetProperty("pending").GetInt64());
            stored = afterKill;
        }
        output.WriteLine($"seed {seed}: {kills.Count} kills — {string.Join("; ", kills)}");
        Assert.True(kills.Count >= MinKills, $"only {kills.Count} kills landed before the ingest finished (seed {seed}); make the corpus larger");

        var (exit, stdout, stderr) = CliProcess.Run(Patience, "ingest", corpus, "--data", data, "--json");
        Assert.True(exit == 0, stderr);
        using (var report = JsonDocument.Parse(stdout))
        {
            Assert.Equal(Articles, report.RootElement.GetProperty("read").GetInt64());
            Assert.Equal(Articles - stored, report.RootElement.GetProperty("added").GetInt64());
            Assert.Equal(stored, report.RootElement.GetProperty("skipped").GetInt64());
            Assert.Equal(0, report.RootElement.GetProperty("errors").GetInt64());
        }

        var ids = StoredIds(data);
        Assert.Equal(Articles, ids.Count);
        Assert.True(expected.SetEquals(ids), "the store does not hold exactly the corpus's articles");

        var final = Check(data);
        Assert.True(final.GetProperty("ok").GetBoolean(), final.ToString());
        Assert.Equal(Articles, final.GetProperty("indexed").GetInt64());
        Assert.Equal(0, final.GetProperty("pending").GetInt64());

        var search = CliProcess.Run(Patience, "search", GeneratedNews.Cities[1], "--data", data, "--json");
        Assert.True(search.Exit == 0, search.Stderr);
        using var found = JsonDocument.Parse(search.Stdout);
        Assert.Equal(Articles / 4, found.RootElement.GetProperty("total").GetInt64());
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }

    private static JsonElement Check(string data)
    {
        var (exit, stdout, stderr) = CliProcess.Run(Patience, "check", "--data", data, "--json");
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement.Clone();
        Assert.True(exit == (root.GetProperty("ok").GetBoolean() ? 0 : 1), $"check exit {exit} disagrees with {stdout}\n{stderr}");
        return root;
    }

    /// <summary>Counts committed articles through a read-only connection, so polling never takes a lock the ingest needs.</summary>
    private static long StoredCount(string data)
    {
        try
        {
            using var connection = ReadOnly(data);
            if (connection is null) return 0;
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM articles";
            return (long)command.ExecuteScalar()!;
        }
        catch (SqliteException)
        {
            return 0; // created but not migrated yet
        }
    }

    private static List<string> StoredIds(string data)
    {
        using var connection = ReadOnly(data)!;
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM articles";
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read()) ids.Add(reader.GetString(0));
        return ids;
    }

    private static SqliteConnection? ReadOnly(string data)
    {
        var path = Path.Combine(data, Marsad.Store.SqliteArticleStore.FileName);
        if (!File.Exists(path)) return null;
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
