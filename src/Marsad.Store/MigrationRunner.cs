using System.Data.Common;
using System.Globalization;

namespace Marsad.Store;

/// <summary>
/// Brings a database up to the newest schema by applying, in order, the migrations it has not seen.
/// Each migration commits together with its <c>schema_version</c> row, so a crash leaves the database
/// at some whole version and the next open resumes from there.
/// </summary>
internal static class MigrationRunner
{
    private const string CreateVersionTable =
        "CREATE TABLE IF NOT EXISTS schema_version (" +
        "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";

    /// <param name="lockSql">
    /// Run first in every migration transaction; lets a server database serialize several processes that
    /// open it at once, so each migration is applied exactly once.
    /// </param>
    /// <returns>The schema version after migrating.</returns>
    public static int Apply(DbConnection connection, IReadOnlyList<Migration> migrations, string? lockSql)
    {
        Validate(migrations);
        var newest = migrations[^1].Version;

        using (var tx = connection.BeginTransaction())
        {
            if (lockSql is not null) Execute(connection, tx, lockSql);
            Execute(connection, tx, CreateVersionTable);
            var existing = CurrentVersion(connection, tx);
            if (existing > newest)
                throw new InvalidOperationException(
                    $"The database is at schema version {existing}, newer than this build of Marsad understands " +
                    $"(up to {newest}). Use a newer Marsad with this data.");
            tx.Commit();
        }

        foreach (var migration in migrations)
        {
            using var tx = connection.BeginTransaction();
            if (lockSql is not null) Execute(connection, tx, lockSql);
            // Another process may have applied it while we waited for the lock.
            if (CurrentVersion(connection, tx) >= migration.Version) continue;
            Execute(connection, tx, migration.Sql);
            migration.Backfill?.Invoke(connection, tx);
            using (var record = connection.CreateCommand())
            {
                record.Transaction = tx;
                record.CommandText = "INSERT INTO schema_version (version, name, applied_at) VALUES (@v, @n, @t)";
                AddParameter(record, "v", migration.Version);
                AddParameter(record, "n", migration.Name);
                AddParameter(record, "t", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
                record.ExecuteNonQuery();
            }
            tx.Commit();
        }

        using var final = connection.BeginTransaction();
        var version = CurrentVersion(connection, final);
        final.Commit();
        return version;
    }

    public static int CurrentVersion(DbConnection connection, DbTransaction? tx)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Validate(IReadOnlyList<Migration> migrations)
    {
        if (migrations.Count == 0) throw new ArgumentException("At least one migration is required.", nameof(migrations));
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
                throw new ArgumentException(
                    $"Migrations must be numbered 1, 2, 3, … in order; position {i} holds version {migrations[i].Version}.",
                    nameof(migrations));
        }
    }

    private static void Execute(DbConnection connection, DbTransaction tx, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
