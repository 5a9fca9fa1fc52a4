using System.Collections.Concurrent;
using Marsad.Analysis;
using Marsad.Analysis.Reading;
using Marsad.Store;

namespace Marsad.Search;

/// <summary>
/// Read → analyse (in parallel) → store (one transaction per batch) → index (catching up from the store).
/// Three stages overlap: a reader thread reads ahead, the calling thread analyses a batch on all cores, and the store
/// and index writes of the previous batch run meanwhile, so no core waits on a single-threaded stage; batches are
/// still written one at a time and in order.
/// Articles whose content id is already stored are skipped before analysis, so re-ingesting a corpus is cheap
/// and adds nothing. A cancelled or killed run keeps every batch committed so far; the next run resumes.
/// </summary>
public sealed class Ingestor
{
    private readonly IArticleStore _store;
    private readonly SearchIndex _index;
    private readonly AnalysisPipeline _pipeline;

    public Ingestor(IArticleStore store, SearchIndex index, AnalysisPipeline pipeline)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _index = index ?? throw new ArgumentNullException(nameof(index));
        _pipeline = pipeline ?? throw new ArgumentNullException(nameof(pipeline));
    }

    public int BatchSize { get; init; } = 512;

    /// <summary>A run that adds at least this many articles counts as a bulk load and ends by merging the index.</summary>
    public int BulkLoadArticles { get; init; } = 5000;

    /// <summary>How often the index is committed during a run; it is always committed at the end.</summary>
    public TimeSpan IndexCommitInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Called after each committed batch with the running totals (from the thread that wrote it).</summary>
    public Action<IngestReport>? Progress { get; init; }

    /// <summary>Called for each file or record that could not be read.</summary>
    public Action<ReadError>? Error { get; init; }

    public IngestReport Run(IEnumerable<ReadResult> reads, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(reads);
        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        using var queue = new BlockingCollection<(ReadResult Read, bool Stored)>(2 * BatchSize);
        var reader = Task.Run(() => ReadAhead(reads, queue, stopReading.Token), CancellationToken.None);
        var run = new IngestRun(this, cancellation);
        try
        {
            foreach (var (result, stored) in queue.GetConsumingEnumerable(CancellationToken.None))
            {
                if (cancellation.IsCancellationRequested) break;
                run.Accept(result, stored);
            }
            if (!cancellation.IsCancellationRequested)
            {
                reader.GetAwaiter().GetResult();
                run.Flush();
            }
        }
        finally
        {
            stopReading.Cancel();
            // A batch already handed to the writer is committed even when reading or analysis fails or is cancelled.
            run.WaitForWriter();
            // The reader's own failure, if any, was rethrown above; here it only has to be finished.
            reader.ContinueWith(_ => { }, TaskScheduler.Default).Wait(CancellationToken.None);
        }
        _index.CatchUp(commit: false);
        if (run.Added >= BulkLoadArticles) _index.Optimize();
        else _index.Commit();
        return run.Report();
    }

    /// <summary>
    /// Reads ahead on its own thread, asking the store whether each article is already there: that question waits
    /// whenever the writer holds the store, and would otherwise stall the analysis it is meant to feed.
    /// </summary>
    private void ReadAhead(IEnumerable<ReadResult> reads, BlockingCollection<(ReadResult, bool)> queue, CancellationToken stop)
    {
        try
        {
            foreach (var result in reads)
            {
                if (stop.IsCancellationRequested) break;
                var stored = result.Article is { } article && _store.Contains(article.Id);
                queue.Add((result, stored), stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        finally
        {
            queue.CompleteAdding();
        }
    }

    /// <summary>The state of one <see cref="Run"/>: the batch being filled, the batch being written, the totals.</summary>
    private sealed class IngestRun(Ingestor owner, CancellationToken cancellation)
    {
        private readonly System.Diagnostics.Stopwatch _sinceCommit = System.Diagnostics.Stopwatch.StartNew();
        private List<Article> _pending = new(owner.BatchSize);
        // Ids of the batch being filled and of the batch being written: the store cannot answer for the latter yet.
        private HashSet<string> _seen = new(StringComparer.Ordinal), _writing = new(StringComparer.Ordinal);
        private Task _writer = Task.CompletedTask;
        private long _read, _added, _skipped, _errors;

        public long Added => Interlocked.Read(ref _added);

        public IngestReport Report() =>
            new(Interlocked.Read(ref _read), Interlocked.Read(ref _added), Interlocked.Read(ref _skipped), Interlocked.Read(ref _errors));

        /// <param name="stored">The store already held the article when it was read.</param>
        public void Accept(ReadResult result, bool stored)
        {
            if (result.Error is { } error)
            {
                Interlocked.Increment(ref _errors);
                owner.Error?.Invoke(error);
                return;
            }
            var article = result.Article!;
            Interlocked.Increment(ref _read);
            // Same content twice in the batch or the one being written, or already in the store: nothing to analyse.
            if (stored || _writing.Contains(article.Id) || !_seen.Add(article.Id))
            {
                Interlocked.Increment(ref _skipped);
                return;
            }
            _pending.Add(article);
            if (_pending.Count >= owner.BatchSize) Flush();
        }

        public void Flush()
        {
            if (_pending.Count == 0) return;
            var batch = _pending;
            var stored = new StoredArticle[batch.Count];
            Parallel.For(0, batch.Count, new ParallelOptions { CancellationToken = cancellation }, i =>
            {
                var document = owner._pipeline.Run(batch[i]);
                stored[i] = StoredArticle.From(batch[i], DocumentJsonWriter.ToJson(document, compact: true));
            });
            WaitForWriter();
            (_seen, _writing) = (_writing, _seen);
            _seen.Clear();
            _pending = new List<Article>(owner.BatchSize);
            _writer = Task.Run(() => Write(stored));
        }

        public void WaitForWriter() => _writer.GetAwaiter().GetResult();

        private void Write(StoredArticle[] stored)
        {
            var result = owner._store.AddBatch(stored);
            Interlocked.Add(ref _added, result.Added);
            Interlocked.Add(ref _skipped, result.Skipped);
            var due = _sinceCommit.Elapsed >= owner.IndexCommitInterval;
            owner._index.CatchUp(commit: due);
            if (due) _sinceCommit.Restart();
            owner.Progress?.Invoke(Report());
        }
    }
}
