namespace Marsad.Store;

/// <summary>
/// One schema change. <paramref name="Sql"/> may hold several statements; it runs in a single
/// transaction together with the row recording it in <c>schema_version</c>.
/// </summary>
public sealed record Migration(int Version, string Name, string Sql);
