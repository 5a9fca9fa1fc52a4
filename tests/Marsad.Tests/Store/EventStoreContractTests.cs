using System.Data.Common;
using System.Text.Json.Nodes;
using Marsad.Store;
using Marsad.Store.Events;

namespace Marsad.Tests.Store;

/// <summary>
/// The events table both stores keep: written with the article in one transaction, filtered with Arabic-aware name
/// matching, paged, counted, and back-filled from stored analyses when an older store is opened.
/// </summary>
public abstract class EventStoreContractTests : IDisposable
{
    private readonly List<IArticleStore> _opened = [];

    protected abstract IArticleStore CreateStore();

    /// <summary>Writes a store as the first release did (schema version 1, no events table) holding <paramref name="articles"/>.</summary>
    protected abstract void CreateVersion1Store(IReadOnlyList<StoredArticle> articles);

    protected abstract void Cleanup();

    protected IArticleStore Open()
    {
        var store = CreateStore();
        lock (_opened) _opened.Add(store);
        return store;
    }

    private static readonly DateOnly March5 = new(2024, 3, 5);

    [Fact]
    public void AddBatch_StoresTheEventsOfEachNewArticleOnce()
    {
        var store = Open();
        var article = TestEvents.Article("ev-1", March5, TestEvents.Three());
        store.AddBatch([article]);
        store.AddBatch([article, TestEvents.Article("ev-1", March5, TestEvents.Three()[0])]);

        Assert.Equal(3, store.CountEvents(EventFilter.All));
        var events = store.ReadEvents(EventFilter.All).ToList();
        Assert.Equal([0, 1, 2], events.Select(e => e.Ordinal));
        var shelling = events[0];
        Assert.Equal("ev-1", shelling.ArticleId);
        Assert.Equal("ev-1-0", shelling.Id);
        Assert.Equal(1, shelling.ArticleSequence);
        Assert.Equal(article.Title, shelling.ArticleTitle);
        Assert.Equal(March5, shelling.ArticleDate);
        Assert.Equal("صحيفة الأخبار", shelling.ArticleSource);
        Assert.Equal(("shelling", "194", "ASSAULT"), (shelling.Type, shelling.Cameo, shelling.Plover));
        Assert.Equal(("Explosions/Remote violence", "Shelling/artillery/missile attack"), (shelling.AcledEventType, shelling.AcledSubEventType));
        Assert.Equal(("قوات خليفة حفتر", "096f5e3d0ee65925"), (shelling.ActorName, shelling.ActorEntityId));
        Assert.Equal("أحياء", shelling.TargetName);
        Assert.Equal(("درنة", "LY", 32.7648, 22.6392, 1), (shelling.PlaceName, shelling.PlaceCountry, shelling.Latitude!.Value, shelling.Longitude!.Value, shelling.GeoPrecision!.Value));
        Assert.Equal(("2024-03-04", new DateOnly(2024, 3, 4), new DateOnly(2024, 3, 4)), (shelling.DateValue, shelling.DateFrom!.Value, shelling.DateTo!.Value));
        Assert.Equal(new DateOnly(2024, 3, 4), shelling.EventDate);
        Assert.Equal(("occurred", 30, 0.88), (shelling.Modality, shelling.Fatalities!.Value, shelling.Confidence));
        Assert.Equal("قصفت قوات خليفة حفتر أحياء في مدينة درنة أمس وأوقعت عشرات القتلى.", shelling.Sentence);
        Assert.Equal(JsonNode.Parse(article.AnalysisJson)!["events"]![0]!.ToJsonString(), JsonNode.Parse(shelling.Json)!.ToJsonString());

        var visit = events[2];
        Assert.Null(visit.Latitude);
        Assert.False(visit.HasCoordinates);
        Assert.Null(visit.DateFrom);
        Assert.Equal(new DateOnly(2024, 3, 4), visit.EventDate);
        Assert.Null(visit.Fatalities);
        Assert.Null(visit.AcledEventType);
    }

    [Fact]
    public void AddBatch_KeepsTheEventsOfTheFirstOccurrenceOfARepeatedId()
    {
        var store = Open();
        var first = TestEvents.Article("same", March5, TestEvents.Three()[1]);
        var repeat = TestEvents.Article("same", March5, TestEvents.Three());
        store.AddBatch([first, TestEvents.Article("other", March5, TestEvents.Three()[0]), repeat]);

        var events = store.ReadEvents(EventFilter.All).ToList();
        Assert.Equal([("same", "demonstration"), ("other", "shelling")], events.Select(e => (e.ArticleId, e.Type)));
    }

    [Fact]
    public void Articles_without_events_or_with_an_opaque_analysis_are_stored_without_events()
    {
        var store = Open();
        var result = store.AddBatch(
        [
            TestArticles.Make("plain"),
            TestArticles.Make("not-json") with { AnalysisJson = "{\"events\": [oops" },
            TestArticles.Make("odd") with { AnalysisJson = """{"events":{"type":"x"},"other":[{"events":[]}]}""" },
            TestEvents.Article("empty", null),
        ]);
        Assert.Equal(4, result.Added);
        Assert.Equal(0, store.CountEvents(EventFilter.All));
        Assert.True(store.Check().IsHealthy);
    }

    [Fact]
    public void FailedBatch_KeepsNoEvents()
    {
        var store = Open();
        var batch = new List<StoredArticle> { TestEvents.Article("good", March5, TestEvents.Three()), TestArticles.Make("", 3) };
        Assert.ThrowsAny<DbException>(() => store.AddBatch(batch));
        Assert.Equal(0, store.CountEvents(EventFilter.All));
        store.AddBatch([batch[0]]);
        Assert.Equal(3, store.CountEvents(EventFilter.All));
    }

    [Fact]
    public void Filters_match_names_with_Arabic_normalisation_types_modality_dates_and_articles()
    {
        var store = Open();
        var earlier = TestEvents.Three()[0];
        earlier["date"] = TestEvents.Date("2023-11-30", "2023-11-30", "2023-11-30");
        store.AddBatch([TestEvents.Article("a", March5, TestEvents.Three()), TestEvents.Article("b", new DateOnly(2023, 12, 1), earlier)]);

        IReadOnlyList<string> Ids(EventFilter filter) => [.. store.ReadEvents(filter, batchSize: 2).Select(e => e.Id)];

        // Places: the name, a clitic-attached form, the words of the mention, the country.
        Assert.Equal(["a-0", "b-0"], Ids(new EventFilter { Place = "درنة" }));
        Assert.Equal(["a-0", "b-0"], Ids(new EventFilter { Place = "ودرنة" }));
        Assert.Equal(["a-0", "b-0"], Ids(new EventFilter { Place = "درنه" }));
        Assert.Equal(["a-1"], Ids(new EventFilter { Place = "لطرابلس" }));
        Assert.Equal(["a-0", "a-1", "a-2", "b-0"], Ids(new EventFilter { Place = "ليبيا" }));
        Assert.Empty(Ids(new EventFilter { Place = "مصر" }));
        // Actors: any whole words of the name, clitics off; associated actors count.
        Assert.Equal(["a-0", "b-0"], Ids(new EventFilter { Actor = "حفتر" }));
        Assert.Equal(["a-0", "b-0"], Ids(new EventFilter { Actor = "لخليفة حفتر" }));
        Assert.Empty(Ids(new EventFilter { Actor = "حفت" }));
        Assert.Empty(Ids(new EventFilter { Actor = "حفتر قوات" }));
        Assert.Equal(["a-2"], Ids(new EventFilter { Actor = "مصر" }));
        Assert.Equal(["a-1"], Ids(new EventFilter { Actor = "الطلاب" }));
        // Types: Marsad type, PLOVER, ACLED type or sub-type, CAMEO code or root; any case.
        Assert.Equal(["a-0", "b-0"], Ids(new EventFilter { Type = "shelling" }));
        Assert.Equal(["a-0", "b-0"], Ids(new EventFilter { Type = "assault" }));
        Assert.Equal(["a-1"], Ids(new EventFilter { Type = "Protests" }));
        Assert.Equal(["a-1"], Ids(new EventFilter { Type = "peaceful protest" }));
        Assert.Equal(["a-0", "b-0"], Ids(new EventFilter { Type = "19" }));
        Assert.Equal(["a-2"], Ids(new EventFilter { Type = "042" }));
        Assert.Empty(Ids(new EventFilter { Type = "'; DROP TABLE events; --" }));
        // Modality.
        Assert.Equal(["a-2"], Ids(new EventFilter { Modality = "planned" }));
        // Dates: the event's interval meets [from, to].
        Assert.Equal(["a-0", "a-2"], Ids(new EventFilter { From = new DateOnly(2024, 3, 1) }));
        Assert.Equal(["a-1"], Ids(new EventFilter { From = new DateOnly(2024, 2, 20), To = new DateOnly(2024, 2, 21) }));
        Assert.Equal(["a-1", "b-0"], Ids(new EventFilter { To = new DateOnly(2024, 2, 1) }));
        // Articles and coordinates.
        Assert.Equal(["b-0"], Ids(new EventFilter { ArticleIds = ["b", "missing"] }));
        Assert.Empty(Ids(new EventFilter { ArticleIds = [] }));
        Assert.Equal(["a-0", "a-1", "b-0"], Ids(new EventFilter { WithCoordinates = true }));
        // Together.
        Assert.Equal(["a-0"], Ids(new EventFilter { Place = "درنة", Actor = "حفتر", Type = "ASSAULT", From = new DateOnly(2024, 1, 1), Modality = "occurred" }));
        Assert.Equal(1, store.CountEvents(new EventFilter { Place = "درنة", From = new DateOnly(2024, 1, 1) }));
    }

    [Fact]
    public void QueryEvents_pages_newest_event_first_and_ReadEvents_keeps_store_order()
    {
        var store = Open();
        var articles = Enumerable.Range(0, 7).Select(i => TestEvents.Article($"p{i}", new DateOnly(2024, 1, 1 + i), TestEvents.Three())).ToList();
        store.AddBatch(articles[..4]);
        store.AddBatch(articles[4..]);
        Assert.Equal(21, store.CountEvents(EventFilter.All));

        var paged = new List<StoredEvent>();
        for (var offset = 0; offset < 25; offset += 4) paged.AddRange(store.QueryEvents(EventFilter.All, offset, 4));
        Assert.Equal(21, paged.Count);
        Assert.Equal(21, paged.Select(e => e.Id).Distinct().Count());
        var dates = paged.Select(e => e.EventDate!.Value).ToList();
        Assert.Equal(dates.OrderByDescending(d => d), dates);

        foreach (var batch in new[] { 1, 2, 3, 20, 1000 })
        {
            var all = store.ReadEvents(EventFilter.All, batch).ToList();
            Assert.Equal(articles.SelectMany(a => new[] { a.Id + "-0", a.Id + "-1", a.Id + "-2" }), all.Select(e => e.Id));
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => store.ReadEvents(EventFilter.All, 0).ToList());
    }

    [Fact]
    public void CountEventsBy_groups_by_month_type_and_place()
    {
        var store = Open();
        store.AddBatch([TestEvents.Article("a", March5, TestEvents.Three()), TestEvents.Article("b", March5, TestEvents.Three()[0])]);

        Assert.Equal([new("2024-02", 1L), new("2024-03", 3L)], store.CountEventsBy(EventFilter.All, EventGrouping.Month));
        Assert.Equal([new("shelling", 2L), new("demonstration", 1L), new("visit", 1L)], store.CountEventsBy(EventFilter.All, EventGrouping.Type));
        Assert.Equal([new("درنة", 2L), new("بنغازي", 1L), new("طرابلس", 1L)], store.CountEventsBy(EventFilter.All, EventGrouping.Place));
        Assert.Equal([new("2024-03", 2L)], store.CountEventsBy(new EventFilter { Type = "shelling" }, EventGrouping.Month));
    }

    [Fact]
    public void Opening_a_version_1_store_fills_the_events_table_from_the_stored_analyses()
    {
        var articles = new[]
        {
            TestEvents.Article("old-1", March5, TestEvents.Three()) with { Sequence = 1 },
            TestArticles.Make("old-2", 2) with { Sequence = 2 },
            TestEvents.Article("old-3", null, TestEvents.Three()[1]) with { Sequence = 3 },
        };
        CreateVersion1Store(articles);

        var store = Open();
        Assert.Equal(3, store.Count());
        Assert.Equal(4, store.CountEvents(EventFilter.All));
        Assert.Equal(["old-1-0", "old-1-1", "old-1-2", "old-3-0"], store.ReadEvents(EventFilter.All).Select(e => e.Id));
        Assert.Equal("قصفت قوات خليفة حفتر أحياء في مدينة درنة أمس وأوقعت عشرات القتلى.", store.ReadEvents(new EventFilter { Actor = "حفتر" }).Single().Sentence);
        Assert.True(store.Check().IsHealthy);
        store.AddBatch([TestEvents.Article("new", March5, TestEvents.Three()[2])]);
        Assert.Equal(5, store.CountEvents(EventFilter.All));
    }

    /// <summary>The first release's schema, as its migration 1 wrote it (the same SQL, both stores).</summary>
    protected const string Version1Sqlite = """
        CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);
        CREATE TABLE change_sequence (id INTEGER PRIMARY KEY CHECK (id = 1), last_value INTEGER NOT NULL CHECK (last_value >= 0));
        CREATE TABLE articles (
            seq INTEGER PRIMARY KEY CHECK (seq > 0), id TEXT NOT NULL UNIQUE CHECK (length(id) > 0), title TEXT NOT NULL,
            date TEXT NULL, body TEXT NOT NULL, source TEXT NULL, url TEXT NULL, category TEXT NULL, abstract TEXT NULL,
            origin TEXT NOT NULL, analysis TEXT NOT NULL);
        INSERT INTO schema_version (version, name, applied_at) VALUES (1, 'articles and change sequence', '2026-01-01T00:00:00Z');
        """;

    protected const string Version1Postgres = """
        CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);
        CREATE TABLE change_sequence (id integer PRIMARY KEY CHECK (id = 1), last_value bigint NOT NULL CHECK (last_value >= 0));
        CREATE TABLE articles (
            id text PRIMARY KEY CHECK (length(id) > 0), seq bigint NOT NULL UNIQUE CHECK (seq > 0), title text NOT NULL,
            date date NULL, body text NOT NULL, source text NULL, url text NULL, category text NULL, abstract text NULL,
            origin text NOT NULL, analysis text NOT NULL);
        INSERT INTO schema_version (version, name, applied_at) VALUES (1, 'articles and change sequence', '2026-01-01T00:00:00Z');
        """;

    protected static void InsertVersion1Rows(DbConnection connection, IReadOnlyList<StoredArticle> articles, Func<DateOnly, object> date)
    {
        using (var counter = connection.CreateCommand())
        {
            counter.CommandText = $"INSERT INTO change_sequence (id, last_value) VALUES (1, {articles.Count})";
            counter.ExecuteNonQuery();
        }
        foreach (var a in articles)
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO articles (seq, id, title, date, body, source, url, category, abstract, origin, analysis) " +
                "VALUES (@seq, @id, @title, @date, @body, @source, @url, @category, @abstract, @origin, @analysis)";
            void Add(string name, object? value)
            {
                var parameter = insert.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value ?? DBNull.Value;
                insert.Parameters.Add(parameter);
            }
            Add("@seq", a.Sequence);
            Add("@id", a.Id);
            Add("@title", a.Title);
            Add("@date", a.Date is { } d ? date(d) : null);
            Add("@body", a.Body);
            Add("@source", a.Source);
            Add("@url", a.Url);
            Add("@category", a.Category);
            Add("@abstract", a.Abstract);
            Add("@origin", a.Origin);
            Add("@analysis", a.AnalysisJson);
            insert.ExecuteNonQuery();
        }
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
}

public sealed class SqliteEventStoreTests : EventStoreContractTests
{
    private readonly TempDirectory _folder = new("marsad-sqlite-events");

    protected override IArticleStore CreateStore() => new SqliteArticleStore(_folder.Path);

    protected override void CreateVersion1Store(IReadOnlyList<StoredArticle> articles)
    {
        var file = Path.Combine(_folder.Path, SqliteArticleStore.FileName);
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(
            new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ConnectionString);
        connection.Open();
        using (var schema = connection.CreateCommand())
        {
            schema.CommandText = Version1Sqlite;
            schema.ExecuteNonQuery();
        }
        InsertVersion1Rows(connection, articles, d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    protected override void Cleanup() => _folder.Dispose();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresEventStoreTests(PostgresServerFixture server) : EventStoreContractTests
{
    private readonly string _connectionString = server.CreateIsolatedStore();

    protected override IArticleStore CreateStore() => new PostgresArticleStore(_connectionString);

    protected override void CreateVersion1Store(IReadOnlyList<StoredArticle> articles)
    {
        using var connection = new Npgsql.NpgsqlConnection(_connectionString);
        connection.Open();
        using (var schema = connection.CreateCommand())
        {
            schema.CommandText = Version1Postgres;
            schema.ExecuteNonQuery();
        }
        InsertVersion1Rows(connection, articles, d => d);
    }

    protected override void Cleanup()
    {
        // Schemas are left in place: the whole cluster is deleted when the collection finishes.
    }
}
