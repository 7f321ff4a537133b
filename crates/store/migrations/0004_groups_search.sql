-- Deduplicated events and full-text search over sentences.
--
-- An event group is one real-world event as GDELT counts it: the same day
-- (the event's own date value), source code, target code and CAMEO code,
-- however many articles report it. Each `events` row is one mention and
-- points at its group; the counts are recomputed inside `Store::put` for
-- every group a document touches, so they stay right after a replace.

-- The outlet a document counts as for NumSources: its publisher, else the
-- host of its URL, else the document itself.
ALTER TABLE documents ADD COLUMN outlet TEXT;
UPDATE documents SET outlet = coalesce(
    nullif(lower(trim(source)), ''),
    nullif(lower(CASE
        WHEN instr(url, '://') > 0 THEN
            CASE WHEN instr(substr(url, instr(url, '://') + 3), '/') > 0
                 THEN substr(substr(url, instr(url, '://') + 3), 1, instr(substr(url, instr(url, '://') + 3), '/') - 1)
                 ELSE substr(url, instr(url, '://') + 3) END
        ELSE NULL END), ''),
    'doc:' || id);
-- A stable number per document, used to give its sentences a block of FTS
-- rowids (seq << 20 | sentence) so they can be deleted by range. Not the
-- table's rowid: VACUUM may renumber that.
ALTER TABLE documents ADD COLUMN seq INTEGER;
UPDATE documents SET seq = rowid;
CREATE UNIQUE INDEX documents_seq ON documents(seq);

CREATE TABLE event_groups (
    id           INTEGER PRIMARY KEY,
    day          TEXT NOT NULL,
    source_code  TEXT NOT NULL,
    target_code  TEXT NOT NULL,
    cameo        TEXT NOT NULL,
    root         TEXT NOT NULL,
    plover       TEXT NOT NULL,
    quad_class   INTEGER NOT NULL,
    goldstein    REAL NOT NULL,
    num_mentions INTEGER NOT NULL DEFAULT 0,
    num_sources  INTEGER NOT NULL DEFAULT 0,
    num_articles INTEGER NOT NULL DEFAULT 0,
    UNIQUE (day, source_code, target_code, cameo)
);
CREATE INDEX event_groups_source ON event_groups(source_code);
CREATE INDEX event_groups_target ON event_groups(target_code);

ALTER TABLE events ADD COLUMN group_id INTEGER REFERENCES event_groups(id);
CREATE INDEX events_group ON events(group_id);
CREATE INDEX events_doc_sentence ON events(doc, sentence);

INSERT INTO event_groups (day, source_code, target_code, cameo, root, plover, quad_class, goldstein)
    SELECT date, source_code, target_code, cameo, min(root), min(plover), min(quad_class), min(goldstein)
    FROM events GROUP BY date, source_code, target_code, cameo;
UPDATE events SET group_id = (
    SELECT g.id FROM event_groups g
    WHERE g.day = events.date AND g.source_code = events.source_code
      AND g.target_code = events.target_code AND g.cameo = events.cameo);
UPDATE event_groups SET
    num_mentions = (SELECT count(*) FROM events e WHERE e.group_id = event_groups.id),
    num_articles = (SELECT count(DISTINCT e.doc) FROM events e WHERE e.group_id = event_groups.id),
    num_sources = (SELECT count(DISTINCT d.outlet) FROM events e JOIN documents d ON d.id = e.doc
                   WHERE e.group_id = event_groups.id);

-- Sentence text for search, stemmed (porter over unicode61, diacritics
-- folded). The doc id and sentence index ride along unindexed.
CREATE VIRTUAL TABLE sentence_fts USING fts5(
    text, doc UNINDEXED, idx UNINDEXED,
    tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO sentence_fts (rowid, text, doc, idx)
    SELECT (d.seq << 20) | s.idx,
           CAST(substr(CAST(d.text AS BLOB), s.start + 1, s.end - s.start) AS TEXT),
           s.doc, s.idx
    FROM sentences s JOIN documents d ON d.id = s.doc
    WHERE s.idx < 1048576;
