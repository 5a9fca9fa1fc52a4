using Marsad.Store;

namespace Marsad.Tests.Store;

public sealed class ArticleStoreFactoryTests : IDisposable
{
    private readonly TempDirectory _folder = new("marsad-factory");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Open_WithoutUrl_UsesSqliteInDataFolder(string? url)
    {
        using var store = ArticleStoreFactory.Open(url, _folder.Path);

        var sqlite = Assert.IsType<SqliteArticleStore>(store);
        Assert.Equal(Path.Combine(_folder.Path, "marsad.db"), sqlite.DatabasePath);
        store.AddBatch([TestArticles.Make("مصنع", 0)]);
        Assert.True(store.Contains("مصنع"));
    }

    [Theory]
    [InlineData("mysql://u:secret@h/d", "mysql://")]
    [InlineData("sqlite:///tmp/x.db", "sqlite://")]
    [InlineData("just some words", "Unrecognized")]
    [InlineData("Database=news;User Id=u", "Unrecognized")]
    public void Open_WithUnknownLocation_ExplainsWhatIsAccepted(string url, string mentioned)
    {
        var error = Assert.Throws<ArgumentException>(() => ArticleStoreFactory.Open(url, _folder.Path));

        Assert.Contains(mentioned, error.Message, StringComparison.Ordinal);
        Assert.Contains("postgres://", error.Message, StringComparison.Ordinal);
        Assert.Contains("Host=", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
