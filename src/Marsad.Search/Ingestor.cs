using Marsad.Analysis;
using Marsad.Analysis.Reading;
using Marsad.Store;

namespace Marsad.Search;

/// <summary>
/// Read → analyse (in parallel) → store (one transaction per batch) → index (catching up from the store).
/// Articles whose content id is already stored are skipped before analysis, so re-ingesting a corpus is cheap
/// and adds nothing. A cancelled or killed run keeps every batch committed so far; the next run resumes.
/// </summary>
public sealed class Ingestor(IArticleStore store, SearchIndex index, AnalysisPipeline pipeline)
{
    public int BatchSize { get; init; } = 512;

    /// <summary>A run that adds at least this many articles counts as a bulk load and ends by merging the index.</summary>
    public int BulkLoadArticles { get; init; } = 5000;

    /// <summary>How often the index is committed during a run; it is always committed at the end.</summary>
    public TimeSpan IndexCommitInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Called after each committed batch with the running totals.</summary>
    public Action<IngestReport>? Progress { get; init; }

    /// <summary>Called for each file or record that could not be read.</summary>
    public Action<ReadError>? Error { get; init; }

    public IngestReport Run(IEnumerable<ReadResult> reads, CancellationToken cancellation = default)
    {
        long read = 0, added = 0, skipped = 0, errors = 0;
        var pending = new List<Article>(BatchSize);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lastCommit = System.Diagnostics.Stopwatch.StartNew();

        void Flush()
        {
            if (pending.Count == 0) return;
            var stored = new StoredArticle[pending.Count];
            Parallel.For(0, pending.Count, new ParallelOptions { CancellationToken = cancellation }, i =>
            {
                var document = pipeline.Run(pending[i]);
                stored[i] = StoredArticle.From(pending[i], DocumentJsonWriter.ToJson(document, compact: true));
            });
            var result = store.AddBatch(stored);
            added += result.Added;
            skipped += result.Skipped;
            var due = lastCommit.Elapsed >= IndexCommitInterval;
            index.CatchUp(commit: due);
            if (due) lastCommit.Restart();
            pending.Clear();
            seen.Clear();
            Progress?.Invoke(new IngestReport(read, added, skipped, errors));
        }

        foreach (var result in reads)
        {
            if (cancellation.IsCancellationRequested) break;
            if (result.Error is { } error)
            {
                errors++;
                Error?.Invoke(error);
                continue;
            }
            var article = result.Article!;
            read++;
            // Same content twice in one batch, or already in the store: nothing to analyse.
            if (!seen.Add(article.Id) || store.Contains(article.Id))
            {
                skipped++;
                continue;
            }
            pending.Add(article);
            if (pending.Count >= BatchSize) Flush();
        }
        if (!cancellation.IsCancellationRequested) Flush();
        index.CatchUp(commit: false);
        if (added >= BulkLoadArticles) index.Optimize();
        else index.Commit();
        return new IngestReport(read, added, skipped, errors);
    }
}
