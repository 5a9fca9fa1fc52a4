using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Marsad.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Marsad.Search;

/// <summary>
/// The Lucene.NET index over the store. It is derived data: its commit records the last store sequence it holds,
/// <see cref="CatchUp"/> indexes whatever the store has beyond that, and <see cref="Rebuild"/> starts from nothing.
/// A crash between a store commit and an index commit therefore costs at most a re-index of the difference.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    public const string SequenceKey = "marsad.sequence";
    public const string FolderName = "index";

    public const string IdField = "id", TitleField = "title", BodyField = "body", DateField = "date",
        SourceField = "source", CategoryField = "category", TopicField = "topic", PlaceField = "place", PersonField = "person";

    /// <summary>BM25 with Lucene's usual parameters, the same as the peer it is measured against.</summary>
    public static readonly Similarity Ranking = new BM25Similarity(1.2f, 0.75f);

    private readonly IArticleStore _store;
    private readonly LuceneDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly QueryCompiler _queries;
    private readonly SnippetBuilder _snippets = new();
    private long _sequence;

    public SearchIndex(IArticleStore store, LuceneDirectory directory, Analyzer analyzer)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _directory = directory;
        Analyzer = analyzer;
        _queries = new QueryCompiler(analyzer);
        _sequence = CommittedSequence(directory);
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            Similarity = Ranking,
            RAMBufferSizeMB = 64,
        };
        _writer = new IndexWriter(directory, config);
        _searchers = new SearcherManager(_writer, true, new RankingSearcherFactory());
    }

    public Analyzer Analyzer { get; }

    /// <summary>The last store sequence whose article this index holds (committed or not yet committed).</summary>
    public long Sequence => Interlocked.Read(ref _sequence);

    /// <summary>The file beside the index folder that one process at a time holds exclusively while it writes the index.</summary>
    public const string LockFileName = "index.lock";

    /// <summary>
    /// Opens the index in <paramref name="dataDirectory"/> for writing, holding an exclusive operating-system lock on it
    /// until disposed: Lucene's own write lock does not exclude other processes everywhere, and two writers would damage
    /// the index. With <paramref name="discardExisting"/> the old index (even one too damaged to open) is deleted first.
    /// </summary>
    /// <exception cref="IOException">Another process (a server or an ingest) has the index open.</exception>
    public static SearchIndex Open(IArticleStore store, string dataDirectory, bool discardExisting = false)
    {
        System.IO.Directory.CreateDirectory(dataDirectory);
        var lockPath = Path.Combine(dataDirectory, LockFileName);
        FileStream held;
        try
        {
            held = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new IOException($"{dataDirectory}: the search index is open in another marsad process (serve or ingest); " +
                                  "stop it, or send articles to the running server (POST /api/articles)", e);
        }
        try
        {
            var path = Path.Combine(dataDirectory, FolderName);
            if (discardExisting && System.IO.Directory.Exists(path)) System.IO.Directory.Delete(path, recursive: true);
            System.IO.Directory.CreateDirectory(path);
            return new SearchIndex(store, FSDirectory.Open(path), new MarsadAnalyzer()) { _lock = held };
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    private FileStream? _lock;

    /// <summary>
    /// Indexes every stored article past <see cref="Sequence"/>. With <paramref name="commit"/> false the additions are
    /// only made visible to searches; a later <see cref="Commit"/> makes them durable (an ingest commits every few
    /// seconds, not every batch, because a Lucene commit syncs files to disk).
    /// </summary>
    public long CatchUp(int batchSize = 2000, bool commit = true)
    {
        long indexed = 0;
        while (true)
        {
            var batch = 0;
            foreach (var article in _store.ReadSince(Sequence, batchSize))
            {
                Add(article);
                batch++;
            }
            if (batch == 0) break;
            indexed += batch;
            // Refreshing searchers flushes a new segment; during a bulk load that would leave dozens of tiny
            // segments that every query then has to visit, so uncommitted batches only become visible at Commit.
            if (commit) Commit();
        }
        return indexed;
    }

    /// <summary>Drops the index contents and indexes the whole store again.</summary>
    public long Rebuild()
    {
        _writer.DeleteAll();
        Interlocked.Exchange(ref _sequence, 0);
        Commit();
        var indexed = CatchUp();
        Optimize();
        return indexed;
    }

    /// <summary>
    /// Merges the index into one segment. Query cost grows with the number of segments (each term is looked up in
    /// each), so a bulk load ends with this; it takes seconds for tens of thousands of articles.
    /// </summary>
    public void Optimize()
    {
        _writer.ForceMerge(1);
        Commit();
    }

    public void Add(StoredArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var document = new Lucene.Net.Documents.Document
        {
            new StringField(IdField, article.Id, Field.Store.YES),
            new TextField(TitleField, article.Title, Field.Store.YES),
            new TextField(BodyField, article.Body, Field.Store.NO),
        };
        if (article.Date is { } date)
        {
            var day = DayNumber(date);
            document.Add(new Int32Field(DateField, day, Field.Store.YES));
            document.Add(new NumericDocValuesField(DateField, day));
        }
        AddKeyword(document, SourceField, article.Source);
        AddKeyword(document, CategoryField, article.Category);
        AddAnalysis(document, article.AnalysisJson);
        _writer.UpdateDocument(new Term(IdField, article.Id), document);
        if (article.Sequence > Sequence) Interlocked.Exchange(ref _sequence, article.Sequence);
    }

    /// <summary>Makes added articles durable and visible to searches, recording the store sequence they reach.</summary>
    public void Commit()
    {
        _writer.SetCommitData(new Dictionary<string, string> { [SequenceKey] = Sequence.ToString(CultureInfo.InvariantCulture) });
        _writer.Commit();
        _searchers.MaybeRefreshBlocking();
    }

    public int DocumentCount
    {
        get
        {
            var searcher = _searchers.Acquire();
            try { return searcher.IndexReader.NumDocs; }
            finally { _searchers.Release(searcher); }
        }
    }

    /// <exception cref="QuerySyntaxException">The query text is refused (too long, too many clauses).</exception>
    public SearchResponse Search(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parsed = UserQuery.Parse(request.Query);
        // Filters alone (no words) list every matching article, newest ranking aside.
        var built = _queries.Build(parsed) ?? (HasFilters(request) && parsed.IsEmpty ? new BuiltQuery(new MatchAllDocsQuery(), new HashSet<string>()) : null);
        if (built is null) return new SearchResponse(0, [], FacetCollector.Empty);
        var query = ApplyFilters(built.Query, request);
        var limit = Math.Clamp(request.Limit, 0, 1000);
        var offset = Math.Clamp(request.Offset, 0, 10_000);
        var searcher = _searchers.Acquire();
        try
        {
            var top = TopScoreDocCollector.Create(Math.Max(1, offset + limit), true);
            var facets = new FacetCollector();
            searcher.Search(query, MultiCollector.Wrap(top, facets));
            var docs = top.GetTopDocs(offset, limit).ScoreDocs;
            var hits = new List<SearchHit>(docs.Length);
            foreach (var scored in docs) hits.Add(Hit(searcher.Doc(scored.Doc), scored.Score, built.Terms));
            return new SearchResponse(top.TotalHits, hits, facets.Counts());
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>
    /// The ids of the best <paramref name="max"/> articles matching <paramref name="request"/> (its query and filters;
    /// limit and offset are ignored), best first, with nothing else read: what "events of the articles a search finds" needs.
    /// </summary>
    /// <exception cref="QuerySyntaxException">The query text is refused.</exception>
    public IReadOnlyList<string> MatchingIds(SearchRequest request, int max)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var parsed = UserQuery.Parse(request.Query);
        var built = _queries.Build(parsed) ?? (HasFilters(request) && parsed.IsEmpty ? new BuiltQuery(new MatchAllDocsQuery(), new HashSet<string>()) : null);
        if (built is null) return [];
        var query = ApplyFilters(built.Query, request);
        var searcher = _searchers.Acquire();
        try
        {
            var top = searcher.Search(query, max);
            var ids = new List<string>(top.ScoreDocs.Length);
            var fields = new HashSet<string> { IdField };
            foreach (var scored in top.ScoreDocs) ids.Add(searcher.Doc(scored.Doc, fields).Get(IdField));
            return ids;
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
        _lock?.Dispose();
    }

    internal static int DayNumber(DateOnly date) => (date.Year * 100 + date.Month) * 100 + date.Day;

    private SearchHit Hit(Lucene.Net.Documents.Document stored, float score, IReadOnlySet<string> terms)
    {
        var id = stored.Get(IdField);
        var article = _store.Get(id);
        var dateNumber = stored.GetField(DateField)?.GetInt32Value();
        DateOnly? date = dateNumber is { } n ? new DateOnly(n / 10000, n / 100 % 100, n % 100) : null;
        var snippet = article is null ? Snippet.Empty : _snippets.Build(article.Body, terms);
        return new SearchHit(id, stored.Get(TitleField), date, stored.Get(SourceField), stored.Get(CategoryField), score,
            snippet.Text, snippet.Start, snippet.Highlights);
    }

    private static bool HasFilters(SearchRequest r) =>
        r.From is not null || r.To is not null || !string.IsNullOrEmpty(r.Source) || !string.IsNullOrEmpty(r.Category) ||
        !string.IsNullOrEmpty(r.Topic) || !string.IsNullOrWhiteSpace(r.Place) || !string.IsNullOrWhiteSpace(r.Person);

    private static Query ApplyFilters(Query query, SearchRequest request)
    {
        var filters = new BooleanQuery();
        if (request.From is not null || request.To is not null)
        {
            int? from = request.From is { } f ? DayNumber(f) : null;
            int? to = request.To is { } t ? DayNumber(t) : null;
            filters.Add(NumericRangeQuery.NewInt32Range(DateField, from, to, true, true), Occur.MUST);
        }
        if (!string.IsNullOrEmpty(request.Source)) filters.Add(new TermQuery(new Term(SourceField, request.Source)), Occur.MUST);
        if (!string.IsNullOrEmpty(request.Category)) filters.Add(new TermQuery(new Term(CategoryField, request.Category)), Occur.MUST);
        if (!string.IsNullOrEmpty(request.Topic)) filters.Add(new TermQuery(new Term(TopicField, request.Topic)), Occur.MUST);
        if (!string.IsNullOrWhiteSpace(request.Place)) filters.Add(new TermQuery(new Term(PlaceField, EntityKey.Of(request.Place))), Occur.MUST);
        if (!string.IsNullOrWhiteSpace(request.Person)) filters.Add(new TermQuery(new Term(PersonField, EntityKey.Of(request.Person))), Occur.MUST);
        return filters.Clauses.Count == 0 ? query : new FilteredQuery(query, new QueryWrapperFilter(filters));
    }

    /// <summary>Topic, places and people from the stored analysis, as exact-match filter and facet fields.</summary>
    private static void AddAnalysis(Lucene.Net.Documents.Document document, string analysisJson)
    {
        if (string.IsNullOrEmpty(analysisJson)) return;
        using var json = System.Text.Json.JsonDocument.Parse(analysisJson);
        var root = json.RootElement;
        if (root.TryGetProperty("topic", out var topic) && topic.ValueKind == System.Text.Json.JsonValueKind.Object)
            AddKeyword(document, TopicField, topic.GetProperty("label").GetString());
        if (!root.TryGetProperty("entities", out var entities) || entities.ValueKind != System.Text.Json.JsonValueKind.Array) return;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entity in entities.EnumerateArray())
        {
            var field = entity.GetProperty("type").GetString() switch
            {
                "LOC" => PlaceField,
                "PERS" => PersonField,
                _ => null,
            };
            if (field is null) continue;
            var key = EntityKey.Of(entity.GetProperty("text").GetString() ?? "");
            if (key.Length == 0 || !seen.Add(field + key)) continue;
            document.Add(new StringField(field, key, Field.Store.NO));
            document.Add(new SortedSetDocValuesField(field, new BytesRef(key)));
        }
    }

    private static void AddKeyword(Lucene.Net.Documents.Document document, string field, string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        document.Add(new StringField(field, value, Field.Store.YES));
        document.Add(new SortedDocValuesField(field, new BytesRef(value)));
    }

    private static long CommittedSequence(LuceneDirectory directory)
    {
        if (!DirectoryReader.IndexExists(directory)) return 0;
        var commits = DirectoryReader.ListCommits(directory);
        var data = commits[^1].UserData;
        return data.TryGetValue(SequenceKey, out var value) && long.TryParse(value, CultureInfo.InvariantCulture, out var sequence) ? sequence : 0;
    }

    private sealed class RankingSearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = Ranking };
    }
}
