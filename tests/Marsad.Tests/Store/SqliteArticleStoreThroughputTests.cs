using System.Diagnostics;
using Marsad.Store;
using Xunit.Abstractions;

namespace Marsad.Tests.Store;

public sealed class SqliteArticleStoreThroughputTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _folder = new("marsad-sqlite-speed");

    [Fact]
    public void AddBatch_InsertsFourKilobyteArticlesQuickly()
    {
        const int total = 6_000;
        var articles = TestArticles.Range("speed", 0, total, bodyBytes: 4096);
        using var store = new SqliteArticleStore(_folder.Path);

        var clock = Stopwatch.StartNew();
        foreach (var batch in articles.Chunk(500)) store.AddBatch(batch);
        clock.Stop();

        var perSecond = total / clock.Elapsed.TotalSeconds;
        output.WriteLine($"SQLite: {total} articles with 4 KB bodies in {clock.ElapsedMilliseconds} ms = {perSecond:F0}/s");
        Assert.Equal(total, store.Count());
        // The target is 5,000/s on an idle machine; the floor is lower because test machines are shared.
        Assert.True(perSecond > 2_000, $"only {perSecond:F0} articles/s");
    }

    public void Dispose() => _folder.Dispose();
}
