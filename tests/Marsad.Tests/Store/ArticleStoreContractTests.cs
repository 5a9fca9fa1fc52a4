using System.Collections.Concurrent;
using System.Data.Common;
using Marsad.Store;

namespace Marsad.Tests.Store;

/// <summary>
/// Behaviour every <see cref="IArticleStore"/> must share; each implementation runs all of it against a
/// fresh, empty location per test.
/// </summary>
public abstract class ArticleStoreContractTests : IDisposable
{
    private readonly List<IArticleStore> _opened = [];

    /// <summary>Opens a new store instance on this test's location; repeated calls reach the same data.</summary>
    protected abstract IArticleStore CreateStore();

    protected IArticleStore Open()
    {
        var store = CreateStore();
        lock (_opened) _opened.Add(store);
        return store;
    }

    [Fact]
    public void EmptyStore_HasNothing()
    {
        var store = Open();
        Assert.Equal(0, store.Count());
        Assert.Equal(0, store.LastSequence());
        Assert.Empty(store.ReadSince(0, 10));
        Assert.Null(store.Get("غير-موجود"));
        Assert.False(store.Contains("غير-موجود"));
    }

    [Fact]
    public void AddBatch_AddsNewArticlesAndSkipsKnownIds()
    {
        var store = Open();
        var first = store.AddBatch(TestArticles.Range("a", 0, 5));
        Assert.Equal(new StoreWriteResult(5, 0, 1, 5), first);

        var second = store.AddBatch(TestArticles.Range("a", 3, 5));
        Assert.Equal(new StoreWriteResult(3, 2, 6, 8), second);

        var again = store.AddBatch(TestArticles.Range("a", 0, 8));
        Assert.Equal(new StoreWriteResult(0, 8, 0, 0), again);

        Assert.Equal(8, store.Count());
        Assert.Equal(8, store.LastSequence());
    }

    [Fact]
    public void AddBatch_KeepsFirstOccurrenceOfIdRepeatedInBatch()
    {
        var store = Open();
        var original = TestArticles.Make("مكرر", 1);
        var repeat = original with { Title = "عنوان آخر للخبر نفسه" };
        var result = store.AddBatch([original, TestArticles.Make("وحيد", 2), repeat]);

        Assert.Equal(2, result.Added);
        Assert.Equal(1, result.Skipped);
        Assert.Equal(original.Title, store.Get("مكرر")!.Title);
        Assert.Equal([1L, 2L], store.ReadSince(0, 10).Select(a => a.Sequence));
        Assert.Equal(["مكرر", "وحيد"], store.ReadSince(0, 10).Select(a => a.Id));
    }

    [Fact]
    public void AddBatch_EmptyBatchChangesNothing()
    {
        var store = Open();
        Assert.Equal(new StoreWriteResult(0, 0, 0, 0), store.AddBatch([]));
        Assert.Equal(0, store.LastSequence());
    }

    [Fact]
    public void Get_RoundTripsArabicTextAndNullFields()
    {
        var store = Open();
        var full = new StoredArticle(
            Id: "خبر/٢٠٢٤/٠٠١",
            Title: "الحكومة تعلن خطة جديدة للنقل العام «المرحلة الأولى»",
            Date: new DateOnly(2024, 2, 29),
            Body: "بدأت اليوم أعمال توسعة الخط الأول.\nوقال الوزير: \"سننتهي قبل الصيف\".\r\nتشكيل: مُحَمَّدٌ ﷺ — ١٢٣٤٥",
            Source: "وكالة الأنباء",
            Url: "https://news.example/ar/النقل?id=1&lang=ar",
            Category: "اقتصاد",
            Abstract: "خطة من ثلاث مراحل",
            Origin: "archive.zip!/2024/02/29.jsonl#17",
            AnalysisJson: """{"entities":[{"text":"وزارة النقل","type":"ORG"}],"score":0.75}""");
        var sparse = new StoredArticle(
            Id: "بلا-حقول", Title: "", Date: null, Body: "", Source: null, Url: null, Category: null,
            Abstract: null, Origin: "stdin#1", AnalysisJson: "{}");

        store.AddBatch([full, sparse]);

        Assert.Equal(full with { Sequence = 1 }, store.Get(full.Id));
        Assert.Equal(sparse with { Sequence = 2 }, store.Get(sparse.Id));
        Assert.True(store.Contains(full.Id));
        Assert.Equal(full.ToArticle(), store.Get(full.Id)!.ToArticle());
    }

    [Fact]
    public void AddBatch_IgnoresSequenceGivenByCaller()
    {
        var store = Open();
        store.AddBatch([TestArticles.Make("x", 0) with { Sequence = 999 }]);
        Assert.Equal(1, store.Get("x")!.Sequence);
        Assert.Equal(1, store.LastSequence());
    }

    [Fact]
    public void ReadSince_ReturnsEverythingAfterInSequenceOrderAcrossPages()
    {
        var store = Open();
        // Ids are added out of alphabetical order so ordering by id would give a different answer.
        store.AddBatch(TestArticles.Range("m", 0, 7));
        store.AddBatch(TestArticles.Range("b", 0, 6));
        store.AddBatch(TestArticles.Range("z", 0, 4));
        var expectedIds = TestArticles.Range("m", 0, 7).Concat(TestArticles.Range("b", 0, 6))
            .Concat(TestArticles.Range("z", 0, 4)).Select(a => a.Id).ToList();

        foreach (var pageSize in new[] { 1, 3, 5, 17, 100 })
        {
            var all = store.ReadSince(0, pageSize).ToList();
            Assert.Equal(expectedIds, all.Select(a => a.Id));
            Assert.Equal(Enumerable.Range(1, 17).Select(i => (long)i), all.Select(a => a.Sequence));
        }

        var tail = store.ReadSince(10, 4).ToList();
        Assert.Equal(Enumerable.Range(11, 7).Select(i => (long)i), tail.Select(a => a.Sequence));
        Assert.Equal(expectedIds.Skip(10), tail.Select(a => a.Id));
        Assert.Empty(store.ReadSince(17, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => store.ReadSince(0, 0));
    }

    [Fact]
    public void ReadSince_PicksUpArticlesAddedWhileFollowing()
    {
        var store = Open();
        store.AddBatch(TestArticles.Range("p", 0, 3));
        var seen = store.ReadSince(0, 2).ToList();
        store.AddBatch(TestArticles.Range("p", 3, 3));
        var more = store.ReadSince(seen[^1].Sequence, 2).ToList();

        Assert.Equal(["p-000003", "p-000004", "p-000005"], more.Select(a => a.Id));
    }

    [Fact]
    public void CountAndLastSequence_FollowAdds()
    {
        var store = Open();
        for (var round = 1; round <= 4; round++)
        {
            store.AddBatch(TestArticles.Range("c", 0, round * 3));
            Assert.Equal(round * 3, store.Count());
            Assert.Equal(round * 3, store.LastSequence());
        }
    }

    [Fact]
    public void Check_PassesOnHealthyStore()
    {
        var store = Open();
        Assert.True(store.Check().IsHealthy);
        store.AddBatch(TestArticles.Range("k", 0, 25));
        store.AddBatch(TestArticles.Range("k", 20, 10));

        var check = store.Check();
        Assert.Empty(check.Problems);
        Assert.True(check.IsHealthy);
        Assert.Equal(30, check.Articles);
        Assert.Equal(30, check.LastSequence);
        Assert.Equal(2, check.SchemaVersion);
    }

    [Fact]
    public void Reopen_AfterDispose_KeepsData()
    {
        using (var store = Open())
        {
            store.AddBatch(TestArticles.Range("r", 0, 4));
        }

        using (var reopened = Open())
        {
            Assert.Equal(4, reopened.Count());
            Assert.Equal(4, reopened.LastSequence());
            Assert.Equal(TestArticles.Make("r-000002", 2) with { Sequence = 3 }, reopened.Get("r-000002"));
            Assert.Equal(new StoreWriteResult(1, 4, 5, 5), reopened.AddBatch(TestArticles.Range("r", 0, 5)));
            Assert.True(reopened.Check().IsHealthy);
        }
    }

    [Fact]
    public void Dispose_MakesFurtherCallsFail()
    {
        var store = Open();
        store.Dispose();
        Assert.Throws<ObjectDisposedException>(() => store.Count());
    }

    [Fact]
    public void FailedBatch_RollsBackCompletely()
    {
        var store = Open();
        store.AddBatch(TestArticles.Range("ok", 0, 3));

        // The empty id violates the schema only after several valid rows of the same batch were written.
        var batch = TestArticles.Range("bad", 0, 5);
        batch.Insert(4, TestArticles.Make("", 9));
        Assert.ThrowsAny<DbException>(() => store.AddBatch(batch));

        Assert.Equal(3, store.Count());
        Assert.Equal(3, store.LastSequence());
        Assert.False(store.Contains("bad-000000"));
        Assert.True(store.Check().IsHealthy);

        // Sequence numbers of the failed batch were not consumed.
        var retry = store.AddBatch(TestArticles.Range("bad", 0, 5));
        Assert.Equal(new StoreWriteResult(5, 0, 4, 8), retry);
    }

    [Fact]
    public async Task ConcurrentWriters_WithOverlappingIds_StoreEachArticleOnceInCommitOrder()
    {
        const int perWriter = 400;
        const int overlap = 200;
        const int batchSize = 25;
        using var writerA = Open();
        using var writerB = Open();
        var follower = Open();

        var inputA = TestArticles.Range("w", 0, perWriter);
        var inputB = TestArticles.Range("w", perWriter - overlap, perWriter);
        var total = 2 * perWriter - overlap;

        var start = new Barrier(2);
        var results = new ConcurrentBag<StoreWriteResult>();
        void Write(IArticleStore store, List<StoredArticle> input)
        {
            start.SignalAndWait();
            foreach (var chunk in input.Chunk(batchSize)) results.Add(store.AddBatch(chunk));
        }

        // A follower that only ever asks for seq > last seen must still end up with every article; it would
        // miss some if a higher sequence could become visible before a lower one.
        var followed = new List<StoredArticle>();
        var writing = true;
        var followerTask = Task.Factory.StartNew(() =>
        {
            long last = 0;
            while (true)
            {
                var done = !Volatile.Read(ref writing);
                var before = last;
                foreach (var article in follower.ReadSince(last, 7))
                {
                    Assert.True(article.Sequence > last);
                    followed.Add(article);
                    last = article.Sequence;
                }
                if (done) return;
                if (last == before) Thread.Sleep(1);
            }
        }, TaskCreationOptions.LongRunning);

        // Dedicated threads, because the writers block on the barrier and the machine may have few cores.
        var a = Task.Factory.StartNew(() => Write(writerA, inputA), TaskCreationOptions.LongRunning);
        var b = Task.Factory.StartNew(() => Write(writerB, inputB), TaskCreationOptions.LongRunning);
        try
        {
            await Task.WhenAll(a, b);
        }
        finally
        {
            Volatile.Write(ref writing, false);
            await followerTask;
        }

        Assert.Equal(total, results.Sum(r => r.Added));
        Assert.Equal(2 * perWriter - total, results.Sum(r => r.Skipped));

        var all = follower.ReadSince(0, 100).ToList();
        Assert.Equal(total, all.Count);
        Assert.Equal(total, all.Select(x => x.Id).Distinct().Count());
        Assert.Equal(
            inputA.Concat(inputB).Select(x => x.Id).Distinct().Order(StringComparer.Ordinal),
            all.Select(x => x.Id).Order(StringComparer.Ordinal));
        for (var i = 1; i < all.Count; i++) Assert.True(all[i].Sequence > all[i - 1].Sequence);
        Assert.Equal(total, follower.LastSequence());
        Assert.Equal(all.Select(x => x.Id), followed.Select(x => x.Id));
        Assert.True(follower.Check().IsHealthy);
    }

    public void Dispose()
    {
        lock (_opened)
        {
            foreach (var store in _opened) store.Dispose();
            _opened.Clear();
        }
        Cleanup();
        GC.SuppressFinalize(this);
    }

    /// <summary>Removes the test's location once every store on it is closed.</summary>
    protected abstract void Cleanup();
}
