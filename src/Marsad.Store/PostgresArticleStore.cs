using System.Globalization;
using Marsad.Store.Events;
using Npgsql;
using NpgsqlTypes;

namespace Marsad.Store;

/// <summary>
/// Server store on PostgreSQL. Any number of processes may ingest into one database at once; every call
/// borrows a pooled connection, so one instance is also safe to share between threads.
/// </summary>
public sealed class PostgresArticleStore : IArticleStore
{
    // Arbitrary but fixed, so every Marsad process agrees on it; spells "Marsad" followed by 1.
    private const long MigrationLockKey = 0x4D_61_72_73_61_64_00_01;

    private const string Columns = "seq, id, title, date, body, source, url, category, abstract, origin, analysis";

    private readonly NpgsqlDataSource _dataSource;
    private bool _disposed;

    /// <param name="connectionStringOrUrl">An Npgsql connection string or a postgres:// URL.</param>
    public PostgresArticleStore(string connectionStringOrUrl)
    {
        var connectionString = PostgresConnectionString.Normalize(connectionStringOrUrl);
        _dataSource = NpgsqlDataSource.Create(connectionString);
        try
        {
            using var connection = _dataSource.OpenConnection();
            SchemaVersion = MigrationRunner.Apply(
                connection, PostgresMigrations.All, $"SELECT pg_advisory_xact_lock({MigrationLockKey})");
        }
        catch
        {
            _dataSource.Dispose();
            throw;
        }
    }

    public int SchemaVersion { get; }

    public StoreWriteResult AddBatch(IReadOnlyList<StoredArticle> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        if (articles.Count == 0) return new StoreWriteResult(0, 0, 0, 0);
        ThrowIfDisposed();
        var events = new List<EventRow>[articles.Count];
        EventRows.FromBatch(articles, events);

        using var connection = _dataSource.OpenConnection();
        using var tx = connection.BeginTransaction();

        Execute(connection, tx, """
            CREATE TEMP TABLE incoming (
                ord integer NOT NULL,
                id text NOT NULL,
                title text NOT NULL,
                date date NULL,
                body text NOT NULL,
                source text NULL,
                url text NULL,
                category text NULL,
                abstract text NULL,
                origin text NOT NULL,
                analysis text NOT NULL
            ) ON COMMIT DROP
            """);

        using (var import = connection.BeginBinaryImport(
            "COPY incoming (ord, id, title, date, body, source, url, category, abstract, origin, analysis) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < articles.Count; i++)
            {
                var a = articles[i];
                import.StartRow();
                import.Write(i, NpgsqlDbType.Integer);
                WriteText(import, a.Id);
                WriteText(import, a.Title);
                if (a.Date is { } date) import.Write(date, NpgsqlDbType.Date);
                else import.WriteNull();
                WriteText(import, a.Body);
                WriteText(import, a.Source);
                WriteText(import, a.Url);
                WriteText(import, a.Category);
                WriteText(import, a.Abstract);
                WriteText(import, a.Origin);
                WriteText(import, a.AnalysisJson);
            }
            import.Complete();
        }
        CopyEvents(connection, tx, events);

        // Why a counter row locked at the end instead of a bigserial: sequence values from a bigserial are
        // handed out when rows are inserted but become visible when their transaction commits, and
        // concurrent transactions commit in any order. A follower that has read up to seq 120 could then
        // miss seq 118 committed a moment later. Locking the single change_sequence row (FOR UPDATE, held to
        // commit) makes "take numbers, insert, commit" one critical section, so numbers become visible
        // strictly in order and a follower reading seq > last never skips a row. The lock is taken only
        // after the articles have been streamed into the temp table, so concurrent writers still overlap
        // the expensive transfer and serialize only on the short server-side insert below. A row lock was
        // chosen over an advisory lock because it is scoped to this database and schema automatically.
        long last;
        using (var lockCounter = Command(connection, tx, "SELECT last_value FROM change_sequence WHERE id = 1 FOR UPDATE"))
            last = (long)(lockCounter.ExecuteScalar()
                ?? throw new InvalidOperationException("change_sequence has no row; the database schema is damaged."));

        // A new statement takes a new snapshot, so after the lock it sees every batch committed before us
        // and NOT EXISTS is exact; ON CONFLICT stays as a guard, not as the mechanism. DISTINCT ON keeps the
        // first occurrence of an id repeated inside this batch.
        using var insert = Command(connection, tx, $"""
            WITH fresh AS (
                SELECT DISTINCT ON (i.id) i.*
                FROM incoming i
                WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = i.id)
                ORDER BY i.id, i.ord
            ),
            inserted AS (
                INSERT INTO articles ({Columns})
                SELECT @last + row_number() OVER (ORDER BY ord), id, title, date, body, source, url, category,
                       abstract, origin, analysis
                FROM fresh
                ON CONFLICT (id) DO NOTHING
                RETURNING seq, id
            ),
            bumped AS (
                UPDATE change_sequence SET last_value = (SELECT MAX(seq) FROM inserted)
                WHERE id = 1 AND EXISTS (SELECT 1 FROM inserted)
                RETURNING last_value
            ),
            -- The events of the articles this batch adds (the first occurrence of a repeated id), in the same statement,
            -- so the batch's articles and their events commit together.
            events_added AS (
                INSERT INTO events ({EventSql.TableColumns})
                SELECT {EventColumnsFrom("ie")}
                FROM incoming_events ie
                JOIN fresh f ON f.ord = ie.ord
                JOIN inserted i ON i.id = f.id
                RETURNING 1
            )
            SELECT COUNT(*), COALESCE(MIN(seq), 0), COALESCE(MAX(seq), 0), (SELECT COUNT(*) FROM bumped)
            FROM inserted
            """);
        insert.Parameters.AddWithValue("last", NpgsqlDbType.Bigint, last);

        int added;
        long first, lastAdded;
        using (var reader = insert.ExecuteReader())
        {
            reader.Read();
            added = checked((int)reader.GetInt64(0));
            first = reader.GetInt64(1);
            lastAdded = reader.GetInt64(2);
        }
        tx.Commit();
        return new StoreWriteResult(added, articles.Count - added, first, lastAdded);
    }

    /// <summary>The events of the batch's articles into a temporary table, tagged with their article's position in the batch.</summary>
    private static void CopyEvents(NpgsqlConnection connection, NpgsqlTransaction tx, List<EventRow>[] events)
    {
        Execute(connection, tx, """
            CREATE TEMP TABLE incoming_events (LIKE events INCLUDING DEFAULTS) ON COMMIT DROP;
            ALTER TABLE incoming_events ADD COLUMN ord integer NOT NULL
            """);
        if (events.All(e => e.Count == 0)) return;
        using var import = connection.BeginBinaryImport($"COPY incoming_events (ord, {EventSql.TableColumns}) FROM STDIN (FORMAT BINARY)");
        for (var i = 0; i < events.Length; i++)
        {
            foreach (var row in events[i])
            {
                import.StartRow();
                import.Write(i, NpgsqlDbType.Integer);
                var values = EventSql.Values(row, PostgresDialect.Instance);
                for (var c = 0; c < values.Length; c++)
                {
                    switch (values[c])
                    {
                        case null: import.WriteNull(); break;
                        case string text: import.Write(text, NpgsqlDbType.Text); break;
                        case int number: import.Write(number, NpgsqlDbType.Integer); break;
                        case double number: import.Write(number, NpgsqlDbType.Double); break;
                        case DateOnly day: import.Write(day, NpgsqlDbType.Date); break;
                        case var other: throw new InvalidOperationException($"unexpected event column value {other.GetType()}");
                    }
                }
            }
        }
        import.Complete();
    }

    private static string EventColumnsFrom(string alias) =>
        string.Join(", ", EventSql.TableColumns.Split(", ").Select(c => c == "article_id" ? "f.id" : alias + "." + c));

    public StoredArticle? Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        ThrowIfDisposed();
        using var connection = _dataSource.OpenConnection();
        using var command = Command(connection, null, $"SELECT {Columns} FROM articles WHERE id = @id");
        command.Parameters.AddWithValue("id", NpgsqlDbType.Text, id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadArticle(reader) : null;
    }

    public bool Contains(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        ThrowIfDisposed();
        using var connection = _dataSource.OpenConnection();
        using var command = Command(connection, null, "SELECT EXISTS (SELECT 1 FROM articles WHERE id = @id)");
        command.Parameters.AddWithValue("id", NpgsqlDbType.Text, id);
        return (bool)command.ExecuteScalar()!;
    }

    public long Count()
    {
        ThrowIfDisposed();
        using var connection = _dataSource.OpenConnection();
        return Scalar(connection, "SELECT COUNT(*) FROM articles");
    }

    public long LastSequence()
    {
        ThrowIfDisposed();
        using var connection = _dataSource.OpenConnection();
        return Scalar(connection, "SELECT COALESCE(MAX(last_value), 0) FROM change_sequence WHERE id = 1");
    }

    public IEnumerable<StoredArticle> ReadSince(long afterSequence, int batchSize) =>
        SequencePager.ReadSince(afterSequence, batchSize, ReadPage);

    private List<StoredArticle> ReadPage(long afterSequence, int batchSize)
    {
        ThrowIfDisposed();
        using var connection = _dataSource.OpenConnection();
        using var command = Command(connection, null, $"SELECT {Columns} FROM articles WHERE seq > @after ORDER BY seq LIMIT @limit");
        command.Parameters.AddWithValue("after", NpgsqlDbType.Bigint, afterSequence);
        command.Parameters.AddWithValue("limit", NpgsqlDbType.Integer, batchSize);
        using var reader = command.ExecuteReader();
        var page = new List<StoredArticle>(Math.Min(batchSize, 1024));
        while (reader.Read()) page.Add(ReadArticle(reader));
        return page;
    }

    public StoreCheckResult Check()
    {
        ThrowIfDisposed();
        using var connection = _dataSource.OpenConnection();
        // One snapshot for all queries, so concurrent ingest cannot make the figures disagree with each other.
        using var tx = connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
        var problems = new List<string>();

        var version = MigrationRunner.CurrentVersion(connection, tx);
        var expected = PostgresMigrations.All[^1].Version;
        if (version != expected) problems.Add($"Schema version is {version}; this build expects {expected}.");

        // PostgreSQL has no integrity_check; the closest cheap equivalent is that every index on the
        // store's tables is valid and ready, plus amcheck's b-tree verification when an administrator
        // has installed that extension.
        using (var indexes = Command(connection, tx, """
            SELECT x.indexrelid::regclass::text, x.indisvalid, x.indisready, am.amname
            FROM pg_index x
            JOIN pg_class ci ON ci.oid = x.indexrelid
            JOIN pg_am am ON am.oid = ci.relam
            WHERE x.indrelid IN ('articles'::regclass, 'events'::regclass, 'change_sequence'::regclass, 'schema_version'::regclass)
            """))
        using (var reader = indexes.ExecuteReader())
        {
            var btrees = new List<string>();
            while (reader.Read())
            {
                if (!reader.GetBoolean(1) || !reader.GetBoolean(2))
                    problems.Add($"Index {reader.GetString(0)} is not valid; rebuild it with REINDEX.");
                else if (reader.GetString(3) == "btree") btrees.Add(reader.GetString(0));
            }
            reader.Close();
            // The extension is per database and may sit outside this store's search path, hence the schema lookup.
            string? amcheckSchema;
            using (var find = Command(connection, tx,
                "SELECT quote_ident(n.nspname) FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'amcheck'"))
                amcheckSchema = find.ExecuteScalar() as string;
            if (amcheckSchema is not null)
            {
                foreach (var index in btrees)
                {
                    try
                    {
                        using var verify = Command(connection, tx, $"SAVEPOINT amcheck; SELECT {amcheckSchema}.bt_index_check(@index::regclass); RELEASE SAVEPOINT amcheck");
                        verify.Parameters.AddWithValue("index", NpgsqlDbType.Text, index);
                        verify.ExecuteNonQuery();
                    }
                    catch (PostgresException e) when (e.SqlState.StartsWith("XX", StringComparison.Ordinal))
                    {
                        Execute(connection, tx, "ROLLBACK TO SAVEPOINT amcheck");
                        problems.Add($"amcheck reports index {index} corrupt: {e.MessageText}");
                    }
                }
            }
        }

        var counterRows = Scalar(connection, "SELECT COUNT(*) FROM change_sequence", tx);
        if (counterRows != 1) problems.Add($"change_sequence must hold exactly one row; it holds {counterRows}.");
        var last = Scalar(connection, "SELECT COALESCE(MAX(last_value), 0) FROM change_sequence", tx);

        var count = Scalar(connection, "SELECT COUNT(*) FROM articles", tx);
        var duplicateIds = Scalar(connection, "SELECT COUNT(*) FROM (SELECT id FROM articles GROUP BY id HAVING COUNT(*) > 1) d", tx);
        if (duplicateIds > 0) problems.Add($"{duplicateIds} article ids occur more than once.");
        var duplicateSequences = Scalar(connection, "SELECT COUNT(*) FROM (SELECT seq FROM articles GROUP BY seq HAVING COUNT(*) > 1) d", tx);
        if (duplicateSequences > 0) problems.Add($"{duplicateSequences} sequence numbers occur more than once.");
        var badSequences = Scalar(connection, $"SELECT COUNT(*) FROM articles WHERE seq <= 0 OR seq > {last.ToString(CultureInfo.InvariantCulture)}", tx);
        if (badSequences > 0)
            problems.Add($"{badSequences} articles have a sequence outside 1..{last} (the last one handed out).");
        var emptyIds = Scalar(connection, "SELECT COUNT(*) FROM articles WHERE id IS NULL OR length(id) = 0", tx);
        if (emptyIds > 0) problems.Add($"{emptyIds} articles have an empty id.");
        if (count > last) problems.Add($"{count} articles but only {last} sequence numbers were handed out.");

        tx.Commit();
        return new StoreCheckResult(count, last, version, problems);
    }

    public IReadOnlyList<StoredEvent> QueryEvents(EventFilter filter, int offset, int limit)
    {
        ThrowIfDisposed();
        using var connection = _dataSource.OpenConnection();
        return EventSql.Page(connection, PostgresDialect.Instance, filter, offset, limit);
    }

    public IEnumerable<StoredEvent> ReadEvents(EventFilter filter, int batchSize = 1000)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return EventSql.ReadAll((sequence, ordinal) =>
        {
            ThrowIfDisposed();
            using var connection = _dataSource.OpenConnection();
            return EventSql.After(connection, PostgresDialect.Instance, filter, sequence, ordinal, batchSize);
        }, batchSize);
    }

    public long CountEvents(EventFilter filter)
    {
        ThrowIfDisposed();
        using var connection = _dataSource.OpenConnection();
        return EventSql.Count(connection, PostgresDialect.Instance, filter);
    }

    public IReadOnlyList<KeyValuePair<string, long>> CountEventsBy(EventFilter filter, EventGrouping grouping)
    {
        ThrowIfDisposed();
        using var connection = _dataSource.OpenConnection();
        return EventSql.CountBy(connection, PostgresDialect.Instance, filter, grouping);
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _dataSource.Dispose();
    }

    private static void WriteText(NpgsqlBinaryImporter import, string? value)
    {
        if (value is null) import.WriteNull();
        else import.Write(value, NpgsqlDbType.Text);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql) =>
        new(sql, connection, tx);

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql)
    {
        using var command = Command(connection, tx, sql);
        command.ExecuteNonQuery();
    }

    private static long Scalar(NpgsqlConnection connection, string sql, NpgsqlTransaction? tx = null)
    {
        using var command = Command(connection, tx, sql);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static StoredArticle ReadArticle(NpgsqlDataReader reader) => StoredArticleRows.Read(reader, (r, i) => r.GetFieldValue<DateOnly>(i));

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
}
