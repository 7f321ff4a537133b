-- Mentions and time expressions packed per document (issue 14): one row
-- per document with a JSON array of its records instead of one row each,
-- so a document costs one insert and no index entry per mention (a
-- Guardian article has about 85 mentions), and the store is smaller.
--
-- * `mention_lists.list`: one array per mention, `[sentence, start,
--   length, actor, rule]`, then, only when not the default, `discovered`
--   (0), `evidence_start`, `evidence_end` and `text` (NULL: the span's).
-- * `time_lists.list`: `[start, length, value, type, rule]` (type and rule
--   as `strings` ids), then `qualifier` and `text` when not NULL.
-- * `actor_docs`: which documents mention an actor, in place of the index
--   of mentions by actor.
--
-- Views named `mentions` and `times` read the arrays back as the tables'
-- rows were (`n` is the position in the array), so readers select from
-- them as before; those looking up an actor's mentions go through
-- `actor_docs` first. `entente_mention` and `entente_time` (compact.rs)
-- write an element exactly as the writer does.

CREATE TABLE mention_lists (
    doc  INTEGER PRIMARY KEY,            -- documents.seq
    list TEXT NOT NULL
);

CREATE TABLE actor_docs (
    actor INTEGER NOT NULL,              -- actors.id
    doc   INTEGER NOT NULL,              -- documents.seq
    PRIMARY KEY (actor, doc)
) WITHOUT ROWID;

CREATE TABLE time_lists (
    doc  INTEGER PRIMARY KEY,
    list TEXT NOT NULL
);

INSERT INTO mention_lists (doc, list)
    SELECT doc, '[' || group_concat(entente_mention(sentence, start, end, actor, rule,
                discovered, evidence_start, evidence_end, text), ',' ORDER BY n) || ']'
    FROM mentions GROUP BY doc;
INSERT OR IGNORE INTO actor_docs (actor, doc) SELECT actor, doc FROM mentions;

INSERT INTO strings (text)
    SELECT DISTINCT type FROM times WHERE type NOT IN (SELECT text FROM strings);
INSERT INTO time_lists (doc, list)
    SELECT t.doc, '[' || group_concat(entente_time(t.start, t.end, t.value, ty.id, t.rule,
                t.qualifier, t.text), ',' ORDER BY t.n) || ']'
    FROM times t JOIN (SELECT text, min(id) AS id FROM strings
                       WHERE text IN (SELECT type FROM times) GROUP BY text) ty ON ty.text = t.type
    GROUP BY t.doc;

DROP TABLE mentions;
DROP TABLE times;

CREATE VIEW mentions (doc, n, sentence, start, end, actor, rule, discovered,
                      evidence_start, evidence_end, text) AS
    SELECT l.doc, j.key, j.value ->> 0, j.value ->> 1, (j.value ->> 1) + (j.value ->> 2),
           j.value ->> 3, j.value ->> 4, coalesce(j.value ->> 5, 0), j.value ->> 6,
           j.value ->> 7, j.value ->> 8
    FROM mention_lists l, json_each(l.list) j;

CREATE VIEW times (doc, n, start, end, value, qualifier, type, rule, text) AS
    SELECT l.doc, j.key, j.value ->> 0, (j.value ->> 0) + (j.value ->> 1), j.value ->> 2,
           j.value ->> 5, (SELECT s.text FROM strings s WHERE s.id = j.value ->> 3),
           j.value ->> 4, j.value ->> 6
    FROM time_lists l, json_each(l.list) j;

-- Document texts and titles deflated together, many documents to a block
-- (`text_blocks`; compact.rs `push_segment` says the layout): short texts
-- such as AG News items deflate to 0.6 of their size together against 0.8
-- alone. A document row says its block and where in it it starts. An
-- existing database's documents get a block each here; later ingests fill
-- blocks of about 16 KB (`compact::BLOCK`).
DROP VIEW sentence_text;
DROP VIEW sentences;
ALTER TABLE documents RENAME TO old_documents;

CREATE TABLE text_blocks (
    id   INTEGER PRIMARY KEY,
    docs INTEGER NOT NULL,               -- documents stored in it; deleted at 0
    z    BLOB NOT NULL                   -- compact::seal of the segments
);

CREATE TABLE documents (
    seq          INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    author       TEXT,
    date         TEXT NOT NULL,
    date_source  TEXT NOT NULL,
    url          TEXT,
    source       TEXT,
    format       TEXT NOT NULL,
    block        INTEGER NOT NULL,       -- text_blocks.id: title and text
    at           INTEGER NOT NULL,       -- where in the block's raw bytes
    boilerplate  TEXT,
    origin       INTEGER,
    ingested_at  INTEGER NOT NULL,
    outlet       TEXT,
    sentence0    INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL
);

INSERT INTO text_blocks (id, docs, z)
    SELECT seq, 1, entente_block(title, entente_text(body)) FROM old_documents;
INSERT INTO documents (seq, id, author, date, date_source, url, source, format, block, at,
                       boilerplate, origin, ingested_at, outlet, sentence0, sentence_end)
    SELECT seq, id, author, date, date_source, url, source, format, seq, 0,
           boilerplate, origin, ingested_at, outlet, sentence0, sentence_end
    FROM old_documents;
DROP TABLE old_documents;

CREATE VIEW sentences (doc, idx, start, end) AS
    SELECT d.id, s.id - d.sentence0, s.start, s.end
    FROM sentence_rows s JOIN documents d ON d.seq = s.doc;

-- What the search index reads (the index itself is unchanged).
CREATE VIEW sentence_text (id, text, doc, idx) AS
    SELECT s.id, entente_span(b.z, d.at, s.start, s.end), d.id, s.id - d.sentence0
    FROM sentence_rows s JOIN documents d ON d.seq = s.doc JOIN text_blocks b ON b.id = d.block;
