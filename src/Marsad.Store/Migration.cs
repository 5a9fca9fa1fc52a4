using System.Data.Common;

namespace Marsad.Store;

/// <summary>
/// One schema change. <paramref name="Sql"/> may hold several statements; it runs in a single
/// transaction together with the row recording it in <c>schema_version</c>, and so does <paramref name="Backfill"/>,
/// code that fills new tables from the data already stored (it runs after the SQL).
/// </summary>
public sealed record Migration(int Version, string Name, string Sql, Action<DbConnection, DbTransaction>? Backfill = null);
