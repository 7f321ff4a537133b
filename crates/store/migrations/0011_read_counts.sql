-- What the read side (`entente serve` under load) needs without scanning
-- (issue 13):
--
-- * `actor_docs.mentions`: how often the actor is mentioned in the
--   document, so an actor's mention and document counts and the names it
--   went by are sums over its `actor_docs` rows, not a parse of every
--   mention list it appears in (seconds for a country in 10,000 documents).
--   The table is rebuilt from the mention lists, each parsed once.
-- * `documents_date`: documents in list order (newest first), so a page at
--   a large offset walks an index instead of sorting every document, and an
--   actor's documents are walked newest first.
CREATE TABLE actor_docs_counted (
    actor    INTEGER NOT NULL,           -- actors.id
    doc      INTEGER NOT NULL,           -- documents.seq
    mentions INTEGER NOT NULL,           -- of the actor in the document
    PRIMARY KEY (actor, doc)
) WITHOUT ROWID;
INSERT INTO actor_docs_counted (actor, doc, mentions)
    SELECT j.value ->> 3, l.doc, count(*) FROM mention_lists l, json_each(l.list) j
    GROUP BY 1, 2;
DROP TABLE actor_docs;
ALTER TABLE actor_docs_counted RENAME TO actor_docs;
CREATE INDEX IF NOT EXISTS documents_date ON documents(date DESC, id);
