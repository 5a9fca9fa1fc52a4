using Marsad.Store;
using Microsoft.Data.Sqlite;

namespace Marsad.Tests.Store;

public sealed class SqliteArticleStoreTests : ArticleStoreContractTests
{
    private readonly TempDirectory _folder = new("marsad-sqlite");

    protected override IArticleStore CreateStore() => new SqliteArticleStore(_folder.Path);

    protected override void Cleanup() => _folder.Dispose();

    [Fact]
    public void Open_CreatesDatabaseFileInDataFolderInWalMode()
    {
        var nested = Path.Combine(_folder.Path, "بيانات", "مرصد");
        using (var store = new SqliteArticleStore(nested))
        {
            Assert.Equal(Path.Combine(nested, SqliteArticleStore.FileName), store.DatabasePath);
            Assert.Equal(2, store.SchemaVersion);
            store.AddBatch([TestArticles.Make("wal", 0)]);
        }

        Assert.True(File.Exists(Path.Combine(nested, "marsad.db")));
        Assert.Equal("wal", Pragma(Path.Combine(nested, "marsad.db"), "journal_mode"));
    }

    [Fact]
    public void Open_RecordsAppliedMigrationsOnceAcrossReopens()
    {
        Open().Dispose();
        Open().Dispose();

        using var connection = Connect(Path.Combine(_folder.Path, SqliteArticleStore.FileName));
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(version) FROM schema_version";
        Assert.Equal("1,2", command.ExecuteScalar());
    }

    [Fact]
    public void Open_RefusesDatabaseFromNewerSchema()
    {
        Open().Dispose();
        var file = Path.Combine(_folder.Path, SqliteArticleStore.FileName);
        using (var connection = Connect(file))
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "INSERT INTO schema_version (version, name, applied_at) VALUES (99, 'future', '2099-01-01')";
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<InvalidOperationException>(() => new SqliteArticleStore(_folder.Path));
        Assert.Contains("99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ReportsSequenceBeyondCounter()
    {
        var store = Open();
        store.AddBatch(TestArticles.Range("s", 0, 3));
        using (var connection = Connect(Path.Combine(_folder.Path, SqliteArticleStore.FileName)))
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "UPDATE change_sequence SET last_value = 2";
            command.ExecuteNonQuery();
        }

        var check = store.Check();
        Assert.False(check.IsHealthy);
        Assert.Contains(check.Problems, p => p.Contains("outside 1..2", StringComparison.Ordinal));
    }

    private static SqliteConnection Connect(string file)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }

    private static string Pragma(string file, string name)
    {
        using var connection = Connect(file);
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return (string)command.ExecuteScalar()!;
    }
}
