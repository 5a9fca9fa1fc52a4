namespace Marsad.Store;

/// <summary>Chooses the store from what the user configured.</summary>
public static class ArticleStoreFactory
{
    /// <param name="storeUrl">
    /// Empty for the embedded SQLite store in <paramref name="dataDirectory"/>; a postgres:// or
    /// postgresql:// URL, or an Npgsql connection string (Host=…), for a PostgreSQL server.
    /// </param>
    public static IArticleStore Open(string? storeUrl, string dataDirectory)
    {
        if (string.IsNullOrWhiteSpace(storeUrl))
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
            return new SqliteArticleStore(dataDirectory);
        }

        var value = storeUrl.Trim();
        if (PostgresConnectionString.IsUrl(value) || LooksLikeNpgsqlConnectionString(value))
            return new PostgresArticleStore(value);

        var scheme = value.IndexOf("://", StringComparison.Ordinal) is var end and > 0 ? value[..end] + "://" : null;
        throw new ArgumentException(
            (scheme is null ? "Unrecognized store location." : $"Unsupported store scheme '{scheme}'.") +
            " Leave it empty for the embedded SQLite store in the data folder, or give a PostgreSQL server as " +
            "postgres://user:password@host:port/database (or postgresql://…) or as a connection string starting with Host=.",
            nameof(storeUrl));
    }

    private static bool LooksLikeNpgsqlConnectionString(string value) =>
        !value.Contains("://", StringComparison.Ordinal) &&
        value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(part => part.StartsWith("Host=", StringComparison.OrdinalIgnoreCase) ||
                         part.StartsWith("Server=", StringComparison.OrdinalIgnoreCase));
}
