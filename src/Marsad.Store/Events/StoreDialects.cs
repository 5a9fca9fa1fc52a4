using System.Data.Common;
using System.Globalization;
using System.Text.Json;

namespace Marsad.Store.Events;

/// <summary>SQLite: dates are <c>yyyy-mm-dd</c> text, id lists a JSON array read with <c>json_each</c>.</summary>
internal sealed class SqliteDialect : IStoreDialect
{
    public static readonly SqliteDialect Instance = new();

    public string Contains(string column, string parameter) => $"instr({column}, {parameter}) > 0";

    public string Month(string column) => $"substr({column}, 1, 7)";

    public string InIds(string column, string parameter) => $"{column} IN (SELECT value FROM json_each({parameter}))";

    public object Ids(IReadOnlyCollection<string> ids) => JsonSerializer.Serialize(ids);

    public object Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public DateOnly ReadDate(DbDataReader reader, int ordinal) =>
        DateOnly.ParseExact(reader.GetString(ordinal), "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>PostgreSQL: dates are <c>date</c>, id lists a <c>text[]</c> parameter.</summary>
internal sealed class PostgresDialect : IStoreDialect
{
    public static readonly PostgresDialect Instance = new();

    public string Contains(string column, string parameter) => $"strpos({column}, {parameter}) > 0";

    public string Month(string column) => $"to_char({column}, 'YYYY-MM')";

    public string InIds(string column, string parameter) => $"{column} = ANY({parameter})";

    public object Ids(IReadOnlyCollection<string> ids) => ids.ToArray();

    public object Date(DateOnly day) => day;

    public DateOnly ReadDate(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateOnly>(ordinal);
}
