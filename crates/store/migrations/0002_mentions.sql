-- Actor mentions.
CREATE TABLE mentions (
    doc        TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence   INTEGER NOT NULL,
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    code       TEXT NOT NULL,
    country    TEXT,
    role       TEXT,
    name       TEXT NOT NULL,
    actor_id   TEXT NOT NULL,
    type       TEXT NOT NULL,
    rule       TEXT NOT NULL,
    discovered INTEGER NOT NULL,
    evidence_start INTEGER,
    evidence_end   INTEGER
);
CREATE INDEX mentions_doc ON mentions(doc);
CREATE INDEX mentions_actor ON mentions(actor_id);
CREATE INDEX mentions_code ON mentions(code);
