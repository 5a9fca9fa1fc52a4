using Marsad.Search;
using Marsad.Store;
using Marsad.Tests.Store;

namespace Marsad.Tests.Reliability;

/// <summary>
/// One writer per index: Lucene's write lock does not keep a second process out on every platform, so the index is
/// held with an exclusive operating-system lock, and a second writer (in this process or another) is refused clearly.
/// </summary>
public sealed class IndexLockTests : IDisposable
{
    private readonly TempDirectory _data = new("marsad-lock");

    [Fact]
    public void A_second_writer_is_refused_while_the_index_is_open_and_admitted_after()
    {
        using (var store = new SqliteArticleStore(_data.Path))
        {
            using (var index = SearchIndex.Open(store, _data.Path))
            {
                var error = Assert.Throws<IOException>(() => SearchIndex.Open(store, _data.Path));
                Assert.Contains("open in another marsad process", error.Message, StringComparison.Ordinal);

                // Another process: ingest and reindex stop with the reason, and leave the index alone.
                var corpus = GeneratedNews.WriteJsonLines(Path.Combine(_data.Path, "few.jsonl"), 0, 3);
                foreach (var command in new[] { new[] { "ingest", corpus, "--data", _data.Path, "--json" }, ["reindex", "--data", _data.Path] })
                {
                    var (exit, _, stderr) = CliProcess.Run(TimeSpan.FromSeconds(60), command);
                    Assert.Equal(2, exit);
                    Assert.Contains("open in another marsad process", stderr, StringComparison.Ordinal);
                }
                Assert.Equal(0, store.Count());
            }
            using var reopened = SearchIndex.Open(store, _data.Path);
        }
        var (ok, stdout, err) = CliProcess.Run(TimeSpan.FromSeconds(60), "ingest", Path.Combine(_data.Path, "few.jsonl"), "--data", _data.Path, "--json");
        Assert.True(ok == 0, err);
        Assert.Contains("\"added\":3", stdout, StringComparison.Ordinal);
    }

    public void Dispose() => _data.Dispose();
}
