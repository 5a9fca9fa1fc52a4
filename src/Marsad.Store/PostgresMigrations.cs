using Marsad.Store.Events;

namespace Marsad.Store;

/// <summary>
/// PostgreSQL schema history. Append new migrations (entities, places, events, …) at the end; never edit
/// one that has shipped, because existing databases have already applied it.
/// </summary>
internal static class PostgresMigrations
{
    public static readonly IReadOnlyList<Migration> All =
    [
        new(1, "articles and change sequence", """
            CREATE TABLE change_sequence (
                id integer PRIMARY KEY CHECK (id = 1),
                last_value bigint NOT NULL CHECK (last_value >= 0)
            );
            INSERT INTO change_sequence (id, last_value) VALUES (1, 0);

            -- analysis stays text rather than jsonb so it round-trips byte for byte; a later migration can
            -- add a jsonb column once something needs to query inside it.
            CREATE TABLE articles (
                id text PRIMARY KEY CHECK (length(id) > 0),
                seq bigint NOT NULL UNIQUE CHECK (seq > 0),
                title text NOT NULL,
                date date NULL,
                body text NOT NULL,
                source text NULL,
                url text NULL,
                category text NULL,
                abstract text NULL,
                origin text NOT NULL,
                analysis text NOT NULL
            );
            """),
        new(2, "events", """
            -- One row per event of a stored article (its analysis JSON's events array, docs/schema.md), written in the
            -- transaction that adds the article. *_keys hold the names' match keys, | key | key |, for the filters.
            -- event is the event object as text (it round-trips byte for byte); cast it to jsonb to query inside it.
            CREATE TABLE events (
                article_id text NOT NULL REFERENCES articles (id),
                ordinal integer NOT NULL CHECK (ordinal >= 0),
                type text NOT NULL,
                cameo text NOT NULL,
                plover text NULL,
                acled_event_type text NULL,
                acled_sub_event_type text NULL,
                actor_name text NULL,
                actor_entity_id text NULL,
                target_name text NULL,
                target_entity_id text NULL,
                place_name text NULL,
                place_country text NULL,
                latitude double precision NULL,
                longitude double precision NULL,
                geo_precision integer NULL,
                date_value text NULL,
                date_from date NULL,
                date_to date NULL,
                event_date date NULL,
                modality text NOT NULL,
                fatalities integer NULL,
                confidence double precision NOT NULL,
                actor_keys text NOT NULL,
                target_keys text NOT NULL,
                place_keys text NOT NULL,
                sentence text NOT NULL,
                event text NOT NULL,
                PRIMARY KEY (article_id, ordinal)
            );
            CREATE INDEX events_event_date ON events (event_date);
            """, (connection, tx) => EventSql.Backfill(connection, tx, PostgresDialect.Instance)),
    ];
}
