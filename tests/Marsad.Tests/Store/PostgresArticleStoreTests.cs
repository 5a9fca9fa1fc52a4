using Marsad.Store;

namespace Marsad.Tests.Store;

[Collection(PostgresCollection.Name)]
public sealed class PostgresArticleStoreTests(PostgresServerFixture server) : ArticleStoreContractTests
{
    private readonly string _connectionString = server.CreateIsolatedStore();

    protected override IArticleStore CreateStore() => new PostgresArticleStore(_connectionString);

    protected override void Cleanup()
    {
        // Schemas are left in place: the whole cluster is deleted when the collection finishes.
    }

    [Fact]
    public void Open_RecordsAppliedMigrationsOnceAcrossReopens()
    {
        Open().Dispose();
        using var store = new PostgresArticleStore(_connectionString);

        Assert.Equal(2, store.SchemaVersion);
        Assert.Equal("1,2", server.Scalar("SELECT string_agg(version::text, ',' ORDER BY version) FROM schema_version", _connectionString));
    }

    [Fact]
    public void Open_FromSeveralProcessesAtOnce_AppliesMigrationsOnce()
    {
        var stores = new PostgresArticleStore[4];
        Parallel.For(0, stores.Length, i => stores[i] = new PostgresArticleStore(_connectionString));
        foreach (var store in stores) store.Dispose();

        Assert.Equal(2L, server.Scalar("SELECT COUNT(*) FROM schema_version", _connectionString));
    }

    [Fact]
    public void Open_RefusesDatabaseFromNewerSchema()
    {
        Open().Dispose();
        server.Execute("INSERT INTO schema_version (version, name, applied_at) VALUES (42, 'future', '2099-01-01')", _connectionString);

        var error = Assert.Throws<InvalidOperationException>(() => new PostgresArticleStore(_connectionString));
        Assert.Contains("42", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_VerifiesIndexesWithAmcheckWhenInstalled()
    {
        var store = Open();
        store.AddBatch(TestArticles.Range("i", 0, 50));
        server.Execute("CREATE EXTENSION IF NOT EXISTS amcheck");

        Assert.Empty(store.Check().Problems);
    }

    [Fact]
    public void Check_ReportsSequenceBeyondCounter()
    {
        var store = Open();
        store.AddBatch(TestArticles.Range("s", 0, 3));
        server.Execute("UPDATE change_sequence SET last_value = 2", _connectionString);

        var check = store.Check();
        Assert.False(check.IsHealthy);
        Assert.Contains(check.Problems, p => p.Contains("outside 1..2", StringComparison.Ordinal));
    }
}
