-- A compact store (issue 14): at most 3x the article text.
--
-- * Documents are numbered by their rowid (`seq`), which the child tables
--   use as their key instead of repeating the text id; the text is kept as
--   `body`, raw deflate when that is smaller (`entente_text` reads it).
-- * Each actor is stored once (`actors`) and mentions point at it; rule and
--   origin names are stored once (`strings`).
-- * Events, quotes and facts keep their columns and a compact JSON of the
--   rest: actors as row ids, and no text that their spans already give.
-- * Search rowids are dense sentence numbers: a document's sentences are
--   `sentence0 .. sentence_end`, so the index stores small rowid deltas.
-- * Mentions, times, quotes and facts are clustered by document (no rowid,
--   no separate index by document); indexes nobody reads are gone.
--
-- Records are rebuilt exactly on read (see `compact.rs`). The statements
-- before the marker line run first, the records are then copied by
-- `migrate8.rs`, then the statements after it.

DROP TABLE sentence_fts;
DROP VIEW sentence_text;
DROP VIEW sentences;
ALTER TABLE documents RENAME TO old_documents;
ALTER TABLE sentence_rows RENAME TO old_sentence_rows;
ALTER TABLE times RENAME TO old_times;
ALTER TABLE mentions RENAME TO old_mentions;
ALTER TABLE events RENAME TO old_events;
ALTER TABLE quotes RENAME TO old_quotes;
ALTER TABLE facts RENAME TO old_facts;

-- Names stored once: rules, origin files. Writers keep them in memory
-- (compact::Interner), so there is no index by text.
CREATE TABLE strings (
    id   INTEGER PRIMARY KEY,
    text TEXT NOT NULL
);

-- Actors as coded (every field of model::Actor), found the same way.
CREATE TABLE actors (
    id       INTEGER PRIMARY KEY,
    code     TEXT NOT NULL,
    country  TEXT,
    role     TEXT,
    name     TEXT NOT NULL,
    actor_id TEXT,                       -- NULL: 'discovered:' || lower(name)
    type     TEXT NOT NULL
);

CREATE TABLE documents (
    seq          INTEGER PRIMARY KEY,    -- stable: VACUUM keeps an INTEGER PRIMARY KEY
    id           TEXT NOT NULL UNIQUE,
    title        TEXT,
    author       TEXT,
    date         TEXT NOT NULL,
    date_source  TEXT NOT NULL,
    url          TEXT,
    source       TEXT,
    format       TEXT NOT NULL,
    body         NOT NULL,               -- the text: TEXT, or BLOB of raw deflate
    boilerplate  TEXT,                   -- JSON array of removed lines; NULL: none
    origin       INTEGER,                -- strings.id of the file it came from
    ingested_at  INTEGER NOT NULL,       -- Unix seconds
    outlet       TEXT,                   -- NULL: 'doc:' || id
    sentence0    INTEGER NOT NULL,       -- search rowid of sentence 0
    sentence_end INTEGER NOT NULL        -- one past the last sentence's rowid
);

-- A sentence's search rowid is its document's sentence0 plus its index.
CREATE TABLE sentence_rows (
    id    INTEGER PRIMARY KEY,
    doc   INTEGER NOT NULL,              -- documents.seq
    start INTEGER NOT NULL,
    end   INTEGER NOT NULL
);

CREATE TABLE times (
    doc       INTEGER NOT NULL,
    n         INTEGER NOT NULL,          -- order within the document
    sentence  INTEGER NOT NULL,
    start     INTEGER NOT NULL,
    end       INTEGER NOT NULL,
    value     TEXT NOT NULL,
    qualifier TEXT,
    type      TEXT NOT NULL,
    rule      INTEGER NOT NULL,          -- strings.id
    text      TEXT,                      -- NULL: the span's text
    PRIMARY KEY (doc, n)
) WITHOUT ROWID;

CREATE TABLE mentions (
    doc        INTEGER NOT NULL,
    n          INTEGER NOT NULL,
    sentence   INTEGER NOT NULL,
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    actor      INTEGER NOT NULL,         -- actors.id
    rule       INTEGER NOT NULL,         -- strings.id
    discovered INTEGER NOT NULL,
    evidence_start INTEGER,
    evidence_end   INTEGER,
    text       TEXT,                     -- NULL: the span's text
    PRIMARY KEY (doc, n)
) WITHOUT ROWID;

-- The rowid is the mention's id in `events` lists and PLOVER exports: kept.
CREATE TABLE events (
    doc         INTEGER NOT NULL,
    sentence    INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    source_code TEXT NOT NULL,
    target_code TEXT NOT NULL,
    cameo       TEXT NOT NULL,
    root        TEXT NOT NULL,
    plover      TEXT NOT NULL,
    quad_class  INTEGER NOT NULL,
    goldstein   REAL NOT NULL,
    modality    TEXT NOT NULL,
    date        TEXT NOT NULL,
    group_id    INTEGER,
    json        TEXT NOT NULL            -- the rest of the record, compact
);

CREATE TABLE quotes (
    doc          INTEGER NOT NULL,
    n            INTEGER NOT NULL,
    sentence     INTEGER NOT NULL,
    start        INTEGER NOT NULL,
    end          INTEGER NOT NULL,
    speaker      TEXT,                   -- NULL: the speaker actor's name, or its span's text
    speaker_code TEXT,
    json         TEXT NOT NULL,
    PRIMARY KEY (doc, n)
) WITHOUT ROWID;

CREATE TABLE facts (
    doc      INTEGER NOT NULL,
    n        INTEGER NOT NULL,
    sentence INTEGER NOT NULL,
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    measure  TEXT NOT NULL,
    value    REAL NOT NULL,
    holder_code TEXT,
    counterpart_code TEXT,
    json     TEXT NOT NULL,
    PRIMARY KEY (doc, n)
) WITHOUT ROWID;

-- Bumped by every write transaction: part of `review_stamp`.
CREATE TABLE store_meta (
    key   TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO store_meta VALUES ('writes', 0);

-- migrate8.rs copies the records at the next line.
-- @copy

-- Children before their parent: a dropped parent would cascade into them.
DROP TABLE old_sentence_rows;
DROP TABLE old_times;
DROP TABLE old_mentions;
DROP TABLE old_events;
DROP TABLE old_quotes;
DROP TABLE old_facts;
DROP TABLE old_documents;

-- New indexes after the old tables (and their indexes' names) are gone.
CREATE INDEX mentions_actor ON mentions(actor);
CREATE INDEX events_doc_sentence ON events(doc, sentence);
CREATE INDEX events_group ON events(group_id);

CREATE VIEW sentences (doc, idx, start, end) AS
    SELECT d.id, s.id - d.sentence0, s.start, s.end
    FROM sentence_rows s JOIN documents d ON d.seq = s.doc;

-- What the search index reads: a sentence's text cut from its document.
CREATE VIEW sentence_text (id, text, doc, idx) AS
    SELECT s.id, entente_span(d.body, s.start, s.end), d.id, s.id - d.sentence0
    FROM sentence_rows s JOIN documents d ON d.seq = s.doc;

CREATE VIRTUAL TABLE sentence_fts USING fts5(
    text, doc UNINDEXED, idx UNINDEXED,
    content = 'sentence_text', content_rowid = 'id', columnsize = 0,
    tokenize = 'porter unicode61 remove_diacritics 2'
);
-- Index pages that fit a 2048-byte database page (see Store::open); no
-- stored sentence lengths (columnsize = 0): ranking counts the words of the
-- sentences it ranks instead.
INSERT INTO sentence_fts (sentence_fts, rank) VALUES ('pgsz', 2000);
INSERT INTO sentence_fts (sentence_fts) VALUES ('rebuild');
