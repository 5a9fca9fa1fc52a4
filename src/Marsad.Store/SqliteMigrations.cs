namespace Marsad.Store;

/// <summary>
/// SQLite schema history. Append new migrations (entities, places, events, …) at the end; never edit
/// one that has shipped, because existing databases have already applied it.
/// </summary>
internal static class SqliteMigrations
{
    public static readonly IReadOnlyList<Migration> All =
    [
        new(1, "articles and change sequence", """
            CREATE TABLE change_sequence (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                last_value INTEGER NOT NULL CHECK (last_value >= 0)
            );
            INSERT INTO change_sequence (id, last_value) VALUES (1, 0);

            -- seq is the rowid, so reading in sequence order walks the table's own b-tree.
            CREATE TABLE articles (
                seq INTEGER PRIMARY KEY CHECK (seq > 0),
                id TEXT NOT NULL UNIQUE CHECK (length(id) > 0),
                title TEXT NOT NULL,
                date TEXT NULL,
                body TEXT NOT NULL,
                source TEXT NULL,
                url TEXT NULL,
                category TEXT NULL,
                abstract TEXT NULL,
                origin TEXT NOT NULL,
                analysis TEXT NOT NULL
            );
            """),
    ];
}
