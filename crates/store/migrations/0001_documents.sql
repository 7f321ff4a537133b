-- Documents, their sentences and time expressions.
CREATE TABLE documents (
    id          TEXT PRIMARY KEY,
    title       TEXT,
    author      TEXT,
    date        TEXT NOT NULL,
    date_source TEXT NOT NULL,
    url         TEXT,
    source      TEXT,
    format      TEXT NOT NULL,
    text        TEXT NOT NULL,
    boilerplate TEXT NOT NULL,          -- JSON array of removed lines
    origin      TEXT,                   -- file the document came from
    ingested_at TEXT NOT NULL
);
CREATE INDEX documents_date ON documents(date);

CREATE TABLE sentences (
    doc   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx   INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end   INTEGER NOT NULL,
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;

CREATE TABLE times (
    doc       TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence  INTEGER NOT NULL,
    start     INTEGER NOT NULL,
    end       INTEGER NOT NULL,
    text      TEXT NOT NULL,
    value     TEXT NOT NULL,
    qualifier TEXT,
    type      TEXT NOT NULL,
    rule      TEXT NOT NULL
);
CREATE INDEX times_doc ON times(doc);
