using Marsad.Store;
using Npgsql;

namespace Marsad.Tests.Store;

[Collection(PostgresCollection.Name)]
public sealed class ArticleStoreFactoryPostgresTests(PostgresServerFixture server) : IDisposable
{
    private readonly TempDirectory _folder = new("marsad-factory-pg");

    [Fact]
    public void Open_WithConnectionString_UsesPostgres()
    {
        var connectionString = server.CreateIsolatedStore();
        using var store = ArticleStoreFactory.Open(connectionString, _folder.Path);

        Assert.IsType<PostgresArticleStore>(store);
        store.AddBatch([TestArticles.Make("خادم", 0)]);
        Assert.True(store.Contains("خادم"));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder.Path));
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("postgresql")]
    public void Open_WithUrl_UsesPostgres(string scheme)
    {
        var schema = new NpgsqlConnectionStringBuilder(server.CreateIsolatedStore()).SearchPath;
        var url = $"{scheme}://postgres:unused@127.0.0.1:{server.Port}/marsad_test?Search+Path={schema}";
        using var store = ArticleStoreFactory.Open(url, _folder.Path);

        Assert.IsType<PostgresArticleStore>(store);
        Assert.Equal(new StoreWriteResult(2, 0, 1, 2), store.AddBatch(TestArticles.Range("رابط", 0, 2)));
        Assert.Equal(1L, server.Scalar($"SELECT COUNT(*) FROM {schema}.articles WHERE id = 'رابط-000001'", server.DatabaseConnectionString));
    }

    public void Dispose() => _folder.Dispose();
}
