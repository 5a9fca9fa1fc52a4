using Marsad.Store.Events;

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
        new(2, "events", """
            -- One row per event of a stored article (its analysis JSON's events array, docs/schema.md), written in the
            -- transaction that adds the article. *_keys hold the names' match keys, | key | key |, for the filters.
            CREATE TABLE events (
                article_id TEXT NOT NULL REFERENCES articles (id),
                ordinal INTEGER NOT NULL CHECK (ordinal >= 0),
                type TEXT NOT NULL,
                cameo TEXT NOT NULL,
                plover TEXT NULL,
                acled_event_type TEXT NULL,
                acled_sub_event_type TEXT NULL,
                actor_name TEXT NULL,
                actor_entity_id TEXT NULL,
                target_name TEXT NULL,
                target_entity_id TEXT NULL,
                place_name TEXT NULL,
                place_country TEXT NULL,
                latitude REAL NULL,
                longitude REAL NULL,
                geo_precision INTEGER NULL,
                date_value TEXT NULL,
                date_from TEXT NULL,
                date_to TEXT NULL,
                event_date TEXT NULL,
                modality TEXT NOT NULL,
                fatalities INTEGER NULL,
                confidence REAL NOT NULL,
                actor_keys TEXT NOT NULL,
                target_keys TEXT NOT NULL,
                place_keys TEXT NOT NULL,
                sentence TEXT NOT NULL,
                event TEXT NOT NULL,
                PRIMARY KEY (article_id, ordinal)
            ) WITHOUT ROWID;
            CREATE INDEX events_event_date ON events (event_date);
            """, (connection, tx) => EventSql.Backfill(connection, tx, SqliteDialect.Instance)),
    ];
}
