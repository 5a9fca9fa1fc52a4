using Marsad.Analysis;
using Marsad.Analysis.Reading;
using Marsad.Search;
using Marsad.Store;

namespace Marsad.Tests.Search;

/// <summary>Ingest with batches small enough that reading and analysis of one batch overlap the writing of the last.</summary>
public sealed class IngestorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("marsad-ingestor-").FullName;

    [Fact]
    public void Overlapping_batches_store_and_index_each_article_once_and_report_in_order()
    {
        var articles = Enumerable.Range(0, 23).Select(Article).ToList();
        // Every third article comes back right away, so a duplicate often lands in the batch after its twin,
        // while that twin is still being written.
        var reads = new List<ReadResult>();
        for (var i = 0; i < articles.Count; i++)
        {
            reads.Add(ReadResult.Ok(articles[i]));
            if (i % 3 == 0) reads.Add(ReadResult.Ok(articles[i]));
        }
        reads.Insert(5, ReadResult.Fail("broken.txt", "not UTF-8"));

        using var store = new SqliteArticleStore(_folder);
        using var index = SearchIndex.Open(store, _folder);
        var progress = new List<IngestReport>();
        var report = new Ingestor(store, index, DefaultPipeline.Create()) { BatchSize = 2, Progress = progress.Add }.Run(reads);

        Assert.Equal(reads.Count - 1, report.Read);
        Assert.Equal(articles.Count, report.Added);
        Assert.Equal(reads.Count - 1 - articles.Count, report.Skipped);
        Assert.Equal(1, report.Errors);
        Assert.Equal(articles.Count, store.Count());
        Assert.Equal(articles.Count, index.DocumentCount);
        Assert.Equal(store.LastSequence(), index.Sequence);
        Assert.NotEmpty(progress);
        for (var i = 1; i < progress.Count; i++) Assert.True(progress[i].Added >= progress[i - 1].Added);
        Assert.Equal(articles.Count, progress[^1].Added);

        var again = new Ingestor(store, index, DefaultPipeline.Create()) { BatchSize = 2 }.Run(reads);
        Assert.Equal(0, again.Added);
        Assert.Equal(reads.Count - 1, again.Skipped);
    }

    [Fact]
    public void A_reader_failure_surfaces_after_the_full_batches_before_it_are_committed()
    {
        using var store = new SqliteArticleStore(_folder);
        using var index = SearchIndex.Open(store, _folder);
        var ingestor = new Ingestor(store, index, DefaultPipeline.Create()) { BatchSize = 2 };
        Assert.Throws<IOException>(() => ingestor.Run(FailingAfter(5)));
        Assert.Equal(4, store.Count());
    }

    private static IEnumerable<ReadResult> FailingAfter(int articles)
    {
        for (var i = 0; i < articles; i++) yield return ReadResult.Ok(Article(i));
        throw new IOException("disk went away");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Article Article(int n)
    {
        var title = $"تقرير رقم {n} عن مدينة درنة";
        var body = $"قالت مصادر محلية إن الوضع في درنة هادئ اليوم في التقرير {n} بعد أيام من الاشتباكات.";
        return new Article(ContentId.Compute(title, body), title, new DateOnly(2018, 2, 13), body, "BBC", null, "middleEast", null, $"test:{n}");
    }
}
