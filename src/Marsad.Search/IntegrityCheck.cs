using System.Globalization;
using System.Text.Json;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Marsad.Store;

namespace Marsad.Search;

/// <summary>
/// What <c>marsad check</c> found. <see cref="Pending"/> articles are stored past the index's last commit: not a fault
/// (the index is derived and catches up whenever the data folder is opened for writing), but counted.
/// </summary>
public sealed record IntegrityReport(
    long Articles,
    long Indexed,
    long Pending,
    long StoreSequence,
    long IndexSequence,
    IReadOnlyList<string> Problems)
{
    public bool IsHealthy => Problems.Count == 0;
}

/// <summary>
/// Checks a store and the search index beside it without changing either, so it can run next to a live server or
/// ingest: the store's own check (SQLite <c>integrity_check</c>, PostgreSQL index validity and counters), Lucene's
/// <c>CheckIndex</c> on the last index commit, every stored analysis parses as a JSON object with the article's id,
/// and store and index agree — every stored article up to the index's sequence is indexed exactly once, the index
/// holds nothing the store does not, and the index never claims a sequence the store has not reached.
/// </summary>
public static class IntegrityCheck
{
    /// <summary>Problems of one kind are counted in full but only this many examples are named.</summary>
    private const int Examples = 5;

    public static IntegrityReport Run(IArticleStore store, string dataDirectory, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var problems = new List<string>();
        try
        {
            return Run(store, dataDirectory, problems, ct);
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            // Damage bad enough that reading fails is the clearest problem of all.
            problems.Add($"cannot read the data: {e.GetType().Name}: {e.Message}");
            return new IntegrityReport(0, 0, 0, 0, 0, problems);
        }
    }

    private static IntegrityReport Run(IArticleStore store, string dataDirectory, List<string> problems, CancellationToken ct)
    {

        // The index snapshot is taken first: whatever the store commits after it is merely pending.
        var indexPath = Path.Combine(dataDirectory, SearchIndex.FolderName);
        long indexSequence = 0, indexDocuments = 0;
        var indexed = new Dictionary<string, int>(StringComparer.Ordinal);
        var indexReadable = true;
        try
        {
            using var directory = System.IO.Directory.Exists(indexPath) ? FSDirectory.Open(indexPath) : null;
            using var reader = directory is not null && DirectoryReader.IndexExists(directory) ? DirectoryReader.Open(directory) : null;
            if (reader is not null)
            {
                indexSequence = CommittedSequence(reader, problems);
                CheckLucene(directory!, problems);
                CountIds(reader, indexed);
                indexDocuments = reader.NumDocs;
            }
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            // Lucene reports damaged files with whatever exception the broken bytes lead to.
            problems.Add($"index: cannot be read ({e.GetType().Name}: {e.Message}); run marsad reindex to rebuild it from the store");
            indexReadable = false;
            indexed.Clear();
        }

        var storeCheck = store.Check();
        foreach (var problem in storeCheck.Problems) problems.Add("store: " + problem);
        var storeSequence = store.LastSequence();
        if (indexSequence > storeSequence)
            problems.Add($"index: its commit records store sequence {indexSequence:N0} but the store has only reached {storeSequence:N0} (an index from another store? run marsad reindex)");

        var duplicates = indexed.Where(p => p.Value > 1).Select(p => p.Key).ToList();
        if (duplicates.Count > 0)
            problems.Add($"index: {duplicates.Count:N0} articles are indexed more than once ({Names(duplicates)})");

        long articles = 0, pending = 0;
        var missing = new List<string>();
        var badJson = new List<string>();
        foreach (var article in store.ReadSince(0, 1000))
        {
            ct.ThrowIfCancellationRequested();
            articles++;
            if (AnalysisProblem(article) is { } why) badJson.Add($"{article.Id}: {why}");
            if (indexed.Remove(article.Id) || !indexReadable) continue;
            if (article.Sequence > indexSequence) pending++;
            else missing.Add(article.Id);
        }
        if (badJson.Count > 0)
            problems.Add($"store: {badJson.Count:N0} analyses are not valid JSON objects for their article ({Names(badJson)})");
        if (missing.Count > 0)
            problems.Add($"index: {missing.Count:N0} stored articles at or below the index's sequence {indexSequence:N0} are not indexed ({Names(missing)}; run marsad reindex)");
        if (indexed.Count > 0)
            problems.Add($"index: {indexed.Count:N0} indexed articles are not in the store ({Names(indexed.Keys)}; run marsad reindex)");

        return new IntegrityReport(articles, indexDocuments, pending, storeSequence, indexSequence, problems);
    }

    private static long CommittedSequence(DirectoryReader reader, List<string> problems)
    {
        var data = reader.IndexCommit.UserData;
        if (!data.TryGetValue(SearchIndex.SequenceKey, out var value)) return 0;
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)) return sequence;
        problems.Add($"index: its commit records an unreadable store sequence '{value}'");
        return 0;
    }

    private static void CheckLucene(Lucene.Net.Store.Directory directory, List<string> problems)
    {
        var status = new CheckIndex(directory).DoCheckIndex();
        if (status.Clean) return;
        if (status.MissingSegments) problems.Add("index: Lucene CheckIndex cannot find the segments of the last commit");
        foreach (var segment in status.SegmentInfos.Where(s => s.OpenReaderPassed == false || s.FieldNormStatus?.Error is not null ||
                     s.TermIndexStatus?.Error is not null || s.StoredFieldStatus?.Error is not null || s.DocValuesStatus?.Error is not null))
            problems.Add($"index: Lucene CheckIndex finds segment {segment.Name} damaged");
        if (status.NumBadSegments > 0 && !problems.Any(p => p.StartsWith("index: Lucene CheckIndex finds", StringComparison.Ordinal)))
            problems.Add($"index: Lucene CheckIndex finds {status.NumBadSegments} damaged segments");
        if (!problems.Any(p => p.StartsWith("index: Lucene", StringComparison.Ordinal)))
            problems.Add("index: Lucene CheckIndex reports the index is not clean");
    }

    /// <summary>How many live documents carry each id.</summary>
    private static void CountIds(DirectoryReader reader, Dictionary<string, int> counts)
    {
        var terms = MultiFields.GetTerms(reader, SearchIndex.IdField);
        if (terms is null) return;
        var live = MultiFields.GetLiveDocs(reader);
        var termsEnum = terms.GetEnumerator();
        DocsEnum? docs = null;
        while (termsEnum.MoveNext())
        {
            docs = termsEnum.Docs(live, docs, DocsFlags.NONE);
            var n = 0;
            while (docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS) n++;
            if (n > 0) counts[termsEnum.Term.Utf8ToString()] = n;
        }
    }

    private static string? AnalysisProblem(StoredArticle article)
    {
        try
        {
            using var json = JsonDocument.Parse(article.AnalysisJson);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return $"the analysis is {root.ValueKind}, not an object";
            if (root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() != article.Id)
                return $"the analysis is of article {id.GetString()}";
            return null;
        }
        catch (JsonException e)
        {
            return "the analysis does not parse: " + e.Message;
        }
    }

    private static string Names(IEnumerable<string> items)
    {
        var list = items.Take(Examples + 1).ToList();
        return string.Join(", ", list.Take(Examples)) + (list.Count > Examples ? ", …" : "");
    }
}
