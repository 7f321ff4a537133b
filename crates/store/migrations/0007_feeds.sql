-- What `entente watch` remembers between rounds: each watched URL's
-- validators for conditional requests, and each article it has seen, by URL
-- and by content hash, so that an article is stored once however many feeds
-- or rounds carry it. IF NOT EXISTS: safe to apply to a database that has it.
CREATE TABLE IF NOT EXISTS feed_sources (
    url           TEXT PRIMARY KEY,
    etag          TEXT,
    last_modified TEXT,
    checked_at    TEXT NOT NULL,
    status        TEXT NOT NULL,          -- what the last fetch gave: `200`, `304`, an error
    failures      INTEGER NOT NULL DEFAULT 0  -- consecutive failed fetches
);

CREATE TABLE IF NOT EXISTS feed_items (
    url          TEXT,                    -- the article's link, when it has one
    content_hash TEXT NOT NULL,           -- `ingest::content_id` of title and body
    doc          TEXT NOT NULL,           -- the stored document
    source       TEXT NOT NULL,           -- the watched URL it came from
    seen_at      TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS feed_items_url ON feed_items(url) WHERE url IS NOT NULL;
CREATE INDEX IF NOT EXISTS feed_items_hash ON feed_items(content_hash);
