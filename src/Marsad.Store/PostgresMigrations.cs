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
    ];
}
