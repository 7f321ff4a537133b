-- Analysts' votes on coded events, with an optional correction.
--
-- A vote names its event by the event's stable id (`votes::event_id`: the
-- document id and a hash of the sentence, trigger span, CAMEO code and the
-- two sides' codes), not by a row id, so it survives `recode` and
-- `ingest --replace` of the same text; hence no foreign key to `events` or
-- `documents` (a replace deletes and rewrites those rows). The correction
-- columns hold what the analyst says the coding should be, already resolved
-- (root, PLOVER type, quad class and Goldstein score of the corrected code),
-- beside the machine coding that stays in `events`.
-- IF NOT EXISTS: this migration may be renumbered when branches merge.
CREATE TABLE IF NOT EXISTS votes (
    id          INTEGER PRIMARY KEY,
    event_id    TEXT NOT NULL,
    doc         TEXT NOT NULL,
    vote        TEXT NOT NULL CHECK (vote IN ('up', 'down')),
    note        TEXT,
    who         TEXT NOT NULL,
    at          TEXT NOT NULL,
    cameo       TEXT,
    root        TEXT,
    plover      TEXT,
    quad_class  INTEGER,
    goldstein   REAL,
    source_code TEXT,
    target_code TEXT
);
CREATE INDEX IF NOT EXISTS votes_event ON votes(event_id);
CREATE INDEX IF NOT EXISTS votes_doc ON votes(doc);
