using System.Globalization;
using Marsad.Store.Events;
using Microsoft.Data.Sqlite;

namespace Marsad.Store;

/// <summary>
/// Embedded store: one SQLite file (<c>marsad.db</c>) inside a data folder. Safe to share between threads
/// (calls are serialized on one connection) and between processes (SQLite's write lock plus a busy
/// timeout queue writers; WAL lets readers proceed meanwhile).
/// </summary>
public sealed class SqliteArticleStore : IArticleStore
{
    public const string FileName = "marsad.db";

    private const int BusyTimeoutMilliseconds = 30_000;

    private const string Columns = "seq, id, title, date, body, source, url, category, abstract, origin, analysis";

    private readonly Lock _gate = new();
    private readonly SqliteConnection _connection;
    private bool _disposed;

    public SqliteArticleStore(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        Directory.CreateDirectory(dataDirectory);
        DatabasePath = Path.GetFullPath(Path.Combine(dataDirectory, FileName));

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // A pooled connection would keep the file open after Dispose, blocking deletes and surprising
            // callers that reopen; the store already holds its one connection for its whole life.
            Pooling = false,
            DefaultTimeout = BusyTimeoutMilliseconds / 1000,
        };
        _connection = new SqliteConnection(builder.ConnectionString);
        try
        {
            _connection.Open();
            // WAL must be set outside a transaction, so it happens before the migrations run.
            ExecutePragma("PRAGMA journal_mode = WAL");
            // NORMAL under WAL can lose the last commits on power loss but never corrupts; ingest can redo them.
            ExecutePragma("PRAGMA synchronous = NORMAL");
            ExecutePragma($"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}");
            ExecutePragma("PRAGMA foreign_keys = ON");
            SchemaVersion = MigrationRunner.Apply(_connection, SqliteMigrations.All, lockSql: null);
        }
        catch
        {
            _connection.Dispose();
            throw;
        }
    }

    public string DatabasePath { get; }

    public int SchemaVersion { get; }

    public StoreWriteResult AddBatch(IReadOnlyList<StoredArticle> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        if (articles.Count == 0) return new StoreWriteResult(0, 0, 0, 0);
        // Parsed before the write lock is taken, so the lock is held for the inserts alone.
        var events = new List<EventRow>[articles.Count];
        EventRows.FromBatch(articles, events);

        lock (_gate)
        {
            ThrowIfDisposed();
            // Microsoft.Data.Sqlite begins IMMEDIATE transactions: the write lock is taken up front, so the
            // counter read below cannot be overtaken by another process before this batch commits.
            using var tx = _connection.BeginTransaction();

            long last;
            using (var read = Command(tx, "SELECT last_value FROM change_sequence WHERE id = 1"))
                last = (long)read.ExecuteScalar()!;
            var first = last + 1;

            using var insert = Command(tx,
                $"INSERT INTO articles ({Columns}) VALUES " +
                "(@seq, @id, @title, @date, @body, @source, @url, @category, @abstract, @origin, @analysis) " +
                "ON CONFLICT (id) DO NOTHING");
            var seq = insert.Parameters.Add("@seq", SqliteType.Integer);
            var id = insert.Parameters.Add("@id", SqliteType.Text);
            var title = insert.Parameters.Add("@title", SqliteType.Text);
            var date = insert.Parameters.Add("@date", SqliteType.Text);
            var body = insert.Parameters.Add("@body", SqliteType.Text);
            var source = insert.Parameters.Add("@source", SqliteType.Text);
            var url = insert.Parameters.Add("@url", SqliteType.Text);
            var category = insert.Parameters.Add("@category", SqliteType.Text);
            var @abstract = insert.Parameters.Add("@abstract", SqliteType.Text);
            var origin = insert.Parameters.Add("@origin", SqliteType.Text);
            var analysis = insert.Parameters.Add("@analysis", SqliteType.Text);
            insert.Prepare();
            using var insertEvent = (SqliteCommand)EventSql.InsertCommand(_connection, tx);
            insertEvent.Prepare();

            var added = 0;
            for (var i = 0; i < articles.Count; i++)
            {
                var article = articles[i];
                seq.Value = last + 1;
                id.Value = article.Id;
                title.Value = article.Title;
                date.Value = article.Date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value;
                body.Value = article.Body;
                source.Value = (object?)article.Source ?? DBNull.Value;
                url.Value = (object?)article.Url ?? DBNull.Value;
                category.Value = (object?)article.Category ?? DBNull.Value;
                @abstract.Value = (object?)article.Abstract ?? DBNull.Value;
                origin.Value = article.Origin;
                analysis.Value = article.AnalysisJson;
                // Zero rows changed means the id was already there; its sequence number is not consumed.
                if (insert.ExecuteNonQuery() == 1)
                {
                    last++;
                    added++;
                    foreach (var row in events[i])
                    {
                        EventSql.Bind(insertEvent, SqliteDialect.Instance, row);
                        insertEvent.ExecuteNonQuery();
                    }
                }
            }

            if (added > 0)
            {
                using var bump = Command(tx, "UPDATE change_sequence SET last_value = @last WHERE id = 1");
                bump.Parameters.AddWithValue("@last", last);
                bump.ExecuteNonQuery();
            }
            tx.Commit();
            return added == 0
                ? new StoreWriteResult(0, articles.Count, 0, 0)
                : new StoreWriteResult(added, articles.Count - added, first, last);
        }
    }

    public StoredArticle? Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        lock (_gate)
        {
            ThrowIfDisposed();
            using var command = Command(null, $"SELECT {Columns} FROM articles WHERE id = @id");
            command.Parameters.AddWithValue("@id", id);
            using var reader = command.ExecuteReader();
            return reader.Read() ? ReadArticle(reader) : null;
        }
    }

    public bool Contains(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        lock (_gate)
        {
            ThrowIfDisposed();
            using var command = Command(null, "SELECT EXISTS (SELECT 1 FROM articles WHERE id = @id)");
            command.Parameters.AddWithValue("@id", id);
            return (long)command.ExecuteScalar()! != 0;
        }
    }

    public long Count()
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            using var command = Command(null, "SELECT COUNT(*) FROM articles");
            return (long)command.ExecuteScalar()!;
        }
    }

    public long LastSequence()
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            using var command = Command(null, "SELECT last_value FROM change_sequence WHERE id = 1");
            return (long)command.ExecuteScalar()!;
        }
    }

    public IEnumerable<StoredArticle> ReadSince(long afterSequence, int batchSize) =>
        SequencePager.ReadSince(afterSequence, batchSize, ReadPage);

    private List<StoredArticle> ReadPage(long afterSequence, int batchSize)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            using var command = Command(null, $"SELECT {Columns} FROM articles WHERE seq > @after ORDER BY seq LIMIT @limit");
            command.Parameters.AddWithValue("@after", afterSequence);
            command.Parameters.AddWithValue("@limit", batchSize);
            using var reader = command.ExecuteReader();
            var page = new List<StoredArticle>(Math.Min(batchSize, 1024));
            while (reader.Read()) page.Add(ReadArticle(reader));
            return page;
        }
    }

    public StoreCheckResult Check()
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            var problems = new List<string>();

            using (var integrity = Command(null, "PRAGMA integrity_check"))
            using (var reader = integrity.ExecuteReader())
            {
                while (reader.Read())
                {
                    var line = reader.GetString(0);
                    if (line != "ok") problems.Add($"SQLite integrity_check: {line}");
                }
            }
            using (var foreignKeys = Command(null, "PRAGMA foreign_key_check"))
            using (var reader = foreignKeys.ExecuteReader())
            {
                while (reader.Read())
                    problems.Add($"Foreign key violation in table {reader.GetString(0)} (rowid {reader.GetValue(1)}).");
            }

            var version = MigrationRunner.CurrentVersion(_connection, null);
            var expected = SqliteMigrations.All[^1].Version;
            if (version != expected) problems.Add($"Schema version is {version}; this build expects {expected}.");

            var counterRows = Scalar("SELECT COUNT(*) FROM change_sequence");
            if (counterRows != 1) problems.Add($"change_sequence must hold exactly one row; it holds {counterRows}.");
            var last = counterRows == 0 ? 0 : Scalar("SELECT MAX(last_value) FROM change_sequence");

            var count = Scalar("SELECT COUNT(*) FROM articles");
            var duplicateIds = Scalar("SELECT COUNT(*) FROM (SELECT id FROM articles GROUP BY id HAVING COUNT(*) > 1)");
            if (duplicateIds > 0) problems.Add($"{duplicateIds} article ids occur more than once.");
            var duplicateSequences = Scalar("SELECT COUNT(*) FROM (SELECT seq FROM articles GROUP BY seq HAVING COUNT(*) > 1)");
            if (duplicateSequences > 0) problems.Add($"{duplicateSequences} sequence numbers occur more than once.");
            var badSequences = Scalar("SELECT COUNT(*) FROM articles WHERE seq <= 0 OR seq > @last", ("@last", last));
            if (badSequences > 0)
                problems.Add($"{badSequences} articles have a sequence outside 1..{last} (the last one handed out).");
            var emptyIds = Scalar("SELECT COUNT(*) FROM articles WHERE id IS NULL OR length(id) = 0");
            if (emptyIds > 0) problems.Add($"{emptyIds} articles have an empty id.");
            if (count > last) problems.Add($"{count} articles but only {last} sequence numbers were handed out.");

            return new StoreCheckResult(count, last, version, problems);
        }
    }

    public IReadOnlyList<StoredEvent> QueryEvents(EventFilter filter, int offset, int limit)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            return EventSql.Page(_connection, SqliteDialect.Instance, filter, offset, limit);
        }
    }

    public IEnumerable<StoredEvent> ReadEvents(EventFilter filter, int batchSize = 1000)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return EventSql.ReadAll((sequence, ordinal) =>
        {
            lock (_gate)
            {
                ThrowIfDisposed();
                return EventSql.After(_connection, SqliteDialect.Instance, filter, sequence, ordinal, batchSize);
            }
        }, batchSize);
    }

    public long CountEvents(EventFilter filter)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            return EventSql.Count(_connection, SqliteDialect.Instance, filter);
        }
    }

    public IReadOnlyList<KeyValuePair<string, long>> CountEventsBy(EventFilter filter, EventGrouping grouping)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            return EventSql.CountBy(_connection, SqliteDialect.Instance, filter, grouping);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            _connection.Dispose();
        }
    }

    private long Scalar(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(null, sql);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private SqliteCommand Command(SqliteTransaction? tx, string sql)
    {
        var command = _connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return command;
    }

    private void ExecutePragma(string sql)
    {
        using var command = Command(null, sql);
        command.ExecuteNonQuery();
    }

    private static StoredArticle ReadArticle(SqliteDataReader reader) => StoredArticleRows.Read(reader, (r, i) => DateOnly.ParseExact(r.GetString(i), "yyyy-MM-dd", CultureInfo.InvariantCulture));

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
}
