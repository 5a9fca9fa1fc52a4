using System.Data.Common;
using System.Globalization;
using System.Text;

namespace Marsad.Store.Events;

/// <summary>
/// The SQL both stores run for events: the row insert, the filters, a page of events, every event in store order,
/// counts and groups. The caller owns the connection (and its lock, for SQLite).
/// </summary>
internal static class EventSql
{
    public const string TableColumns =
        "article_id, ordinal, type, cameo, plover, acled_event_type, acled_sub_event_type, actor_name, actor_entity_id, " +
        "target_name, target_entity_id, place_name, place_country, latitude, longitude, geo_precision, date_value, " +
        "date_from, date_to, event_date, modality, fatalities, confidence, actor_keys, target_keys, place_keys, sentence, event";

    private const string SelectColumns =
        "e.article_id, a.seq, e.ordinal, a.title, a.date, a.source, a.url, e.type, e.cameo, e.plover, e.acled_event_type, " +
        "e.acled_sub_event_type, e.actor_name, e.actor_entity_id, e.target_name, e.target_entity_id, e.place_name, " +
        "e.place_country, e.latitude, e.longitude, e.geo_precision, e.date_value, e.date_from, e.date_to, e.event_date, " +
        "e.modality, e.fatalities, e.confidence, e.sentence, e.event";

    private static readonly string[] ParameterNames = [.. TableColumns.Split(", ").Select(c => "@" + c)];

    /// <summary>A prepared insert of one row; <see cref="Bind"/> fills it.</summary>
    public static DbCommand InsertCommand(DbConnection connection, DbTransaction? tx)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"INSERT INTO events ({TableColumns}) VALUES ({string.Join(", ", ParameterNames)})";
        foreach (var name in ParameterNames)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    public static void Bind(DbCommand insert, IStoreDialect dialect, EventRow row)
    {
        var values = Values(row, dialect);
        for (var i = 0; i < values.Length; i++) insert.Parameters[i].Value = values[i] ?? DBNull.Value;
    }

    /// <summary>The row's values in <see cref="TableColumns"/> order; dates as the dialect wants them, nulls as null.</summary>
    public static object?[] Values(EventRow row, IStoreDialect dialect)
    {
        var e = row.Event;
        object? Day(DateOnly? day) => day is { } d ? dialect.Date(d) : null;
        return
        [
            e.ArticleId, e.Ordinal, e.Type, e.Cameo, e.Plover, e.AcledEventType, e.AcledSubEventType, e.ActorName, e.ActorEntityId,
            e.TargetName, e.TargetEntityId, e.PlaceName, e.PlaceCountry, e.Latitude, e.Longitude, e.GeoPrecision, e.DateValue,
            Day(e.DateFrom), Day(e.DateTo), Day(e.EventDate), e.Modality, e.Fatalities, e.Confidence, row.ActorKeys,
            row.TargetKeys, row.PlaceKeys, e.Sentence, e.Json,
        ];
    }

    /// <summary>Fills the events table from every stored analysis, a page of articles at a time, in the caller's transaction (the schema-2 back-fill).</summary>
    public static long Backfill(DbConnection connection, DbTransaction tx, IStoreDialect dialect)
    {
        const int page = 500;
        long after = 0, written = 0;
        using var insert = InsertCommand(connection, tx);
        while (true)
        {
            var articles = new List<StoredArticle>(page);
            using (var read = connection.CreateCommand())
            {
                read.Transaction = tx;
                read.CommandText = $"SELECT {StoredArticleRows.Columns} FROM articles WHERE seq > @after ORDER BY seq LIMIT {page}";
                Add(read, "@after", after);
                using var reader = read.ExecuteReader();
                while (reader.Read()) articles.Add(StoredArticleRows.Read(reader, dialect.ReadDate));
            }
            if (articles.Count == 0) return written;
            var rows = articles.SelectMany(EventRows.From).ToList();
            foreach (var row in rows)
            {
                Bind(insert, dialect, row);
                insert.ExecuteNonQuery();
            }
            written += rows.Count;
            after = articles[^1].Sequence;
        }
    }

    /// <summary>One page of matching events, newest event date first (undated last), then newest article.</summary>
    public static List<StoredEvent> Page(DbConnection connection, IStoreDialect dialect, EventFilter filter, int offset, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        using var command = connection.CreateCommand();
        var where = Where(command, dialect, filter);
        command.CommandText =
            $"SELECT {SelectColumns} FROM events e JOIN articles a ON a.id = e.article_id WHERE {where} " +
            $"ORDER BY CASE WHEN e.event_date IS NULL THEN 1 ELSE 0 END, e.event_date DESC, a.seq DESC, e.ordinal " +
            $"LIMIT {limit.ToString(CultureInfo.InvariantCulture)} OFFSET {offset.ToString(CultureInfo.InvariantCulture)}";
        return Read(command, dialect);
    }

    /// <summary>Matching events after (article sequence, ordinal) = (<paramref name="afterSequence"/>, <paramref name="afterOrdinal"/>), in that order.</summary>
    public static List<StoredEvent> After(DbConnection connection, IStoreDialect dialect, EventFilter filter, long afterSequence, int afterOrdinal, int limit)
    {
        using var command = connection.CreateCommand();
        var where = Where(command, dialect, filter);
        Add(command, "@after_seq", afterSequence);
        Add(command, "@after_ordinal", afterOrdinal);
        command.CommandText =
            $"SELECT {SelectColumns} FROM events e JOIN articles a ON a.id = e.article_id " +
            $"WHERE {where} AND (a.seq > @after_seq OR (a.seq = @after_seq AND e.ordinal > @after_ordinal)) " +
            $"ORDER BY a.seq, e.ordinal LIMIT {limit.ToString(CultureInfo.InvariantCulture)}";
        return Read(command, dialect);
    }

    /// <summary>Every matching event in store order, <paramref name="batchSize"/> rows per query.</summary>
    public static IEnumerable<StoredEvent> ReadAll(Func<long, int, List<StoredEvent>> readPage, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        return Iterate(readPage, batchSize);
    }

    private static IEnumerable<StoredEvent> Iterate(Func<long, int, List<StoredEvent>> readPage, int batchSize)
    {
        long sequence = 0;
        var ordinal = -1;
        while (true)
        {
            var page = readPage(sequence, ordinal);
            foreach (var stored in page) yield return stored;
            if (page.Count < batchSize) yield break;
            (sequence, ordinal) = (page[^1].ArticleSequence, page[^1].Ordinal);
        }
    }

    public static long Count(DbConnection connection, IStoreDialect dialect, EventFilter filter)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM events e WHERE {Where(command, dialect, filter)}";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public static List<KeyValuePair<string, long>> CountBy(DbConnection connection, IStoreDialect dialect, EventFilter filter, EventGrouping grouping)
    {
        var key = grouping switch
        {
            EventGrouping.Month => dialect.Month("e.event_date"),
            EventGrouping.Type => "e.type",
            EventGrouping.Place => "e.place_name",
            _ => throw new ArgumentOutOfRangeException(nameof(grouping)),
        };
        using var command = connection.CreateCommand();
        var where = Where(command, dialect, filter);
        command.CommandText = $"SELECT {key} AS k, COUNT(*) AS n FROM events e WHERE {where} AND {key} IS NOT NULL GROUP BY {key}";
        var counts = new List<KeyValuePair<string, long>>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read()) counts.Add(new(reader.GetString(0), reader.GetInt64(1)));
        }
        // Months in time order; types and places by count, then name.
        if (grouping == EventGrouping.Month) counts.Sort((x, y) => string.CompareOrdinal(x.Key, y.Key));
        else counts.Sort((x, y) => y.Value != x.Value ? y.Value.CompareTo(x.Value) : string.CompareOrdinal(x.Key, y.Key));
        return counts;
    }

    /// <summary>The WHERE condition for <paramref name="filter"/> over alias <c>e</c>, adding its parameters to <paramref name="command"/>.</summary>
    public static string Where(DbCommand command, IStoreDialect dialect, EventFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var where = new StringBuilder("1 = 1");
        if (filter.ArticleIds is { } ids)
        {
            if (ids.Count == 0) return "1 = 0";
            where.Append(" AND ").Append(dialect.InIds("e.article_id", "@ids"));
            Add(command, "@ids", dialect.Ids(ids));
        }
        if (Words(filter.Place) is { } place)
        {
            where.Append(" AND ").Append(dialect.Contains("e.place_keys", "@place"));
            Add(command, "@place", place);
        }
        if (Words(filter.Actor) is { } actor)
        {
            where.Append(" AND ").Append(dialect.Contains("e.actor_keys", "@actor"));
            Add(command, "@actor", actor);
        }
        if (!string.IsNullOrWhiteSpace(filter.Type))
        {
            var type = filter.Type.Trim().ToLowerInvariant();
            where.Append(" AND (lower(e.type) = @type OR lower(e.plover) = @type OR lower(e.acled_event_type) = @type OR lower(e.acled_sub_event_type) = @type");
            if (type.All(char.IsAsciiDigit)) where.Append(" OR e.cameo LIKE @type || '%'");
            where.Append(')');
            Add(command, "@type", type);
        }
        if (!string.IsNullOrWhiteSpace(filter.Modality))
        {
            where.Append(" AND e.modality = @modality");
            Add(command, "@modality", filter.Modality.Trim().ToLowerInvariant());
        }
        if (filter.From is { } from)
        {
            where.Append(" AND COALESCE(e.date_to, e.event_date) >= @from");
            Add(command, "@from", dialect.Date(from));
        }
        if (filter.To is { } to)
        {
            where.Append(" AND COALESCE(e.date_from, e.event_date) <= @to");
            Add(command, "@to", dialect.Date(to));
        }
        if (filter.WithCoordinates) where.Append(" AND e.latitude IS NOT NULL AND e.longitude IS NOT NULL");
        return where.ToString();
    }

    /// <summary>
    /// A name filter as the text searched for in a keys column (<c> words </c>); null when no filter is given, and
    /// U+0001, which no keys column contains, when the value has no words at all (only punctuation or tatweel): such a
    /// filter matches nothing, as the search's place and person filters do.
    /// </summary>
    private static string? Words(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var key = EventRows.FilterKey(value);
        return key.Length == 0 ? "\u0001" : " " + key + " ";
    }

    private static List<StoredEvent> Read(DbCommand command, IStoreDialect dialect)
    {
        var events = new List<StoredEvent>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) events.Add(Read(reader, dialect));
        return events;
    }

    private static StoredEvent Read(DbDataReader r, IStoreDialect dialect) => new(
        ArticleId: r.GetString(0),
        ArticleSequence: r.GetInt64(1),
        Ordinal: r.GetInt32(2),
        ArticleTitle: r.GetString(3),
        ArticleDate: r.IsDBNull(4) ? null : dialect.ReadDate(r, 4),
        ArticleSource: Text(r, 5),
        ArticleUrl: Text(r, 6),
        Type: r.GetString(7),
        Cameo: r.GetString(8),
        Plover: Text(r, 9),
        AcledEventType: Text(r, 10),
        AcledSubEventType: Text(r, 11),
        ActorName: Text(r, 12),
        ActorEntityId: Text(r, 13),
        TargetName: Text(r, 14),
        TargetEntityId: Text(r, 15),
        PlaceName: Text(r, 16),
        PlaceCountry: Text(r, 17),
        Latitude: r.IsDBNull(18) ? null : r.GetDouble(18),
        Longitude: r.IsDBNull(19) ? null : r.GetDouble(19),
        GeoPrecision: r.IsDBNull(20) ? null : r.GetInt32(20),
        DateValue: Text(r, 21),
        DateFrom: r.IsDBNull(22) ? null : dialect.ReadDate(r, 22),
        DateTo: r.IsDBNull(23) ? null : dialect.ReadDate(r, 23),
        EventDate: r.IsDBNull(24) ? null : dialect.ReadDate(r, 24),
        Modality: r.GetString(25),
        Fatalities: r.IsDBNull(26) ? null : r.GetInt32(26),
        Confidence: r.GetDouble(27),
        Sentence: r.GetString(28),
        Json: r.GetString(29));

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
