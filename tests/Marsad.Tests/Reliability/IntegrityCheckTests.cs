using System.Globalization;
using System.Text.Json;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Marsad.Search;
using Marsad.Store;
using Marsad.Tests.Store;
using Microsoft.Data.Sqlite;

namespace Marsad.Tests.Reliability;

/// <summary>
/// <see cref="IntegrityCheck"/> (behind <c>marsad check</c>) passes on healthy data, tolerates an index that merely lags,
/// and names each kind of damage: articles missing from the index, indexed twice or unknown to the store, an index ahead
/// of its store, analyses that do not parse, a corrupt SQLite file and a damaged Lucene segment.
/// </summary>
public sealed class IntegrityCheckTests : IDisposable
{
    private const int Articles = 40;
    private readonly TempDirectory _data = new("marsad-check");

    private void Fill(int indexed = Articles)
    {
        using var store = new SqliteArticleStore(_data.Path);
        store.AddBatch(Ids(0, indexed).Select((id, i) => TestArticles.Make(id, i) with { AnalysisJson = $"{{\"id\":\"{id}\"}}" }).ToList());
        using (var index = SearchIndex.Open(store, _data.Path)) index.CatchUp();
        if (indexed < Articles)
            store.AddBatch(Ids(indexed, Articles - indexed).Select((id, i) => TestArticles.Make(id, i) with { AnalysisJson = $"{{\"id\":\"{id}\"}}" }).ToList());
    }

    private static IEnumerable<string> Ids(int from, int count) => Enumerable.Range(from, count).Select(i => i.ToString("x16", CultureInfo.InvariantCulture));

    private IntegrityReport Check()
    {
        using var store = new SqliteArticleStore(_data.Path);
        return IntegrityCheck.Run(store, _data.Path);
    }

    /// <summary>Changes the index behind SearchIndex's back, keeping (or replacing) its recorded sequence.</summary>
    private void Tamper(Action<IndexWriter> change, long? sequence = null)
    {
        using var directory = FSDirectory.Open(Path.Combine(_data.Path, SearchIndex.FolderName));
        var committed = DirectoryReader.ListCommits(directory)[^1].UserData[SearchIndex.SequenceKey];
        using var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new MarsadAnalyzer()));
        change(writer);
        writer.SetCommitData(new Dictionary<string, string> { [SearchIndex.SequenceKey] = sequence?.ToString(CultureInfo.InvariantCulture) ?? committed });
        writer.Commit();
    }

    private static Lucene.Net.Documents.Document Doc(string id) => [new Lucene.Net.Documents.StringField(SearchIndex.IdField, id, Lucene.Net.Documents.Field.Store.YES)];

    [Fact]
    public void Healthy_data_passes()
    {
        Fill();
        var report = Check();
        Assert.True(report.IsHealthy, string.Join("; ", report.Problems));
        Assert.Equal((Articles, Articles, 0L, (long)Articles, (long)Articles), (report.Articles, report.Indexed, report.Pending, report.StoreSequence, report.IndexSequence));
    }

    [Fact]
    public void An_index_that_lags_behind_the_store_is_pending_not_broken()
    {
        Fill(indexed: 30);
        var report = Check();
        Assert.True(report.IsHealthy, string.Join("; ", report.Problems));
        Assert.Equal((30L, 10L), (report.Indexed, report.Pending));
    }

    [Fact]
    public void Missing_duplicate_and_unknown_index_entries_are_named()
    {
        Fill();
        var ids = Ids(0, 3).ToList();
        Tamper(w =>
        {
            w.DeleteDocuments(new Term(SearchIndex.IdField, ids[0]));
            w.AddDocument(Doc(ids[1]));
            w.AddDocument(Doc("ffffffffffffffff"));
        });
        var problems = Check().Problems;
        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("indexed more than once", StringComparison.Ordinal) && p.Contains(ids[1], StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("are not indexed", StringComparison.Ordinal) && p.Contains(ids[0], StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("not in the store", StringComparison.Ordinal) && p.Contains("ffffffffffffffff", StringComparison.Ordinal));
    }

    [Fact]
    public void An_index_ahead_of_its_store_is_a_problem()
    {
        Fill();
        Tamper(_ => { }, sequence: Articles + 5);
        Assert.Contains(Check().Problems, p => p.Contains($"store sequence {Articles + 5}", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyses_that_do_not_parse_or_describe_another_article_are_named()
    {
        Fill();
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(_data.Path, SqliteArticleStore.FileName)};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE articles SET analysis = '{\"id\": ' WHERE seq = 1; UPDATE articles SET analysis = '[1]' WHERE seq = 2; " +
                                  "UPDATE articles SET analysis = '{\"id\":\"0000000000000bad\"}' WHERE seq = 3";
            command.ExecuteNonQuery();
        }
        var problem = Assert.Single(Check().Problems);
        Assert.StartsWith("store: 3 analyses are not valid JSON objects", problem, StringComparison.Ordinal);
        Assert.Contains("0000000000000bad", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_corrupt_sqlite_file_fails_the_check_and_the_command()
    {
        Fill();
        var file = Path.Combine(_data.Path, SqliteArticleStore.FileName);
        SqliteConnection.ClearAllPools();
        // Scribble over the pages after the schema: the articles table and its indexes.
        using (var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite))
        {
            var junk = new byte[stream.Length - 8192];
            new Random(3).NextBytes(junk);
            stream.Position = 8192;
            stream.Write(junk);
        }
        Assert.False(Check().IsHealthy);

        var (exit, stdout, stderr) = CliProcess.Run(TimeSpan.FromSeconds(60), "check", "--data", _data.Path, "--json");
        Assert.True(exit == 1, stdout + stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.False(json.RootElement.GetProperty("ok").GetBoolean());
        Assert.NotEmpty(json.RootElement.GetProperty("problems").EnumerateArray());
    }

    [Fact]
    public void A_damaged_index_segment_fails_the_check()
    {
        Fill();
        var segment = System.IO.Directory.EnumerateFiles(Path.Combine(_data.Path, SearchIndex.FolderName))
            .Where(f => Path.GetExtension(f) is ".cfs" or ".tim" or ".fdt").OrderByDescending(f => new FileInfo(f).Length).First();
        using (var stream = new FileStream(segment, FileMode.Open, FileAccess.ReadWrite)) stream.SetLength(stream.Length / 2);
        var report = Check();
        Assert.False(report.IsHealthy);
        Assert.Contains(report.Problems, p => p.StartsWith("index: ", StringComparison.Ordinal));

        // The advice in the problem works: reindex rebuilds a damaged index from the store.
        var reindex = CliProcess.Run(TimeSpan.FromSeconds(60), "reindex", "--data", _data.Path);
        Assert.True(reindex.Exit == 0, reindex.Stderr);
        var after = Check();
        Assert.True(after.IsHealthy, string.Join("; ", after.Problems));
        Assert.Equal(Articles, after.Indexed);
    }

    public void Dispose() => _data.Dispose();
}
