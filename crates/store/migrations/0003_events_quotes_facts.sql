-- Events, quotes and facts. Participants are kept as JSON actor objects
-- (code, country, role, name, id, type, text, span) plus indexed codes.
CREATE TABLE events (
    doc         TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence    INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    source_code TEXT NOT NULL,
    source_country TEXT,
    target_code TEXT NOT NULL,
    target_country TEXT,
    cameo       TEXT NOT NULL,
    root        TEXT NOT NULL,
    plover      TEXT NOT NULL,
    quad_class  INTEGER NOT NULL,
    goldstein   REAL NOT NULL,
    modality    TEXT NOT NULL,
    date        TEXT NOT NULL,
    json        TEXT NOT NULL            -- the full event record
);
CREATE INDEX events_doc ON events(doc);
CREATE INDEX events_dyad ON events(source_country, target_country);
CREATE INDEX events_date ON events(date);

CREATE TABLE quotes (
    doc      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence INTEGER NOT NULL,
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    speaker  TEXT NOT NULL,              -- speaker name or text
    speaker_code TEXT,
    json     TEXT NOT NULL
);
CREATE INDEX quotes_doc ON quotes(doc);

CREATE TABLE facts (
    doc      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence INTEGER NOT NULL,
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    measure  TEXT NOT NULL,
    value    REAL NOT NULL,
    holder_code TEXT,
    counterpart_code TEXT,
    json     TEXT NOT NULL
);
CREATE INDEX facts_doc ON facts(doc);
