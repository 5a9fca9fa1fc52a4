using System.Data.Common;

namespace Marsad.Store;

/// <summary>
/// Turns a row of the shared column list (seq, id, title, date, body, source, url, category, abstract, origin,
/// analysis) into a <see cref="StoredArticle"/>; only the date column's representation differs between stores.
/// </summary>
internal static class StoredArticleRows
{
    public const string Columns = "seq, id, title, date, body, source, url, category, abstract, origin, analysis";

    public static StoredArticle Read(DbDataReader reader, Func<DbDataReader, int, DateOnly> readDate) => new(
        Id: reader.GetString(1),
        Title: reader.GetString(2),
        Date: reader.IsDBNull(3) ? null : readDate(reader, 3),
        Body: reader.GetString(4),
        Source: NullableString(reader, 5),
        Url: NullableString(reader, 6),
        Category: NullableString(reader, 7),
        Abstract: NullableString(reader, 8),
        Origin: reader.GetString(9),
        AnalysisJson: reader.GetString(10),
        Sequence: reader.GetInt64(0));

    private static string? NullableString(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
