-- A compact store (issue 14): sentence text is no longer kept twice.
--
-- Until now the search index kept its own copy of every sentence's text
-- (FTS5's content table), about as large again as the documents. Sentences
-- are now spans keyed by their search rowid, (documents.seq << 20) | index,
-- and the index reads their text from the documents through a view
-- (an FTS5 external-content table): search, snippets and ranking are
-- unchanged, the copy is gone. `sentences` stays as a view for readers.

CREATE TABLE sentence_rows (
    id    INTEGER PRIMARY KEY,          -- (documents.seq << 20) | sentence index
    start INTEGER NOT NULL,
    end   INTEGER NOT NULL
);
INSERT INTO sentence_rows (id, start, end)
    SELECT (d.seq << 20) | s.idx, s.start, s.end
    FROM sentences s JOIN documents d ON d.id = s.doc
    WHERE s.idx < 1048576;
DROP TABLE sentences;

CREATE VIEW sentences (doc, idx, start, end) AS
    SELECT d.id, s.id & 1048575, s.start, s.end
    FROM sentence_rows s JOIN documents d ON d.seq = s.id >> 20;

-- What the search index reads: a sentence's text cut from its document.
CREATE VIEW sentence_text (id, text, doc, idx) AS
    SELECT s.id,
           CAST(substr(CAST(d.text AS BLOB), s.start + 1, s.end - s.start) AS TEXT),
           d.id, s.id & 1048575
    FROM sentence_rows s JOIN documents d ON d.seq = s.id >> 20;

DROP TABLE sentence_fts;
CREATE VIRTUAL TABLE sentence_fts USING fts5(
    text, doc UNINDEXED, idx UNINDEXED,
    content = 'sentence_text', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO sentence_fts (sentence_fts) VALUES ('rebuild');

-- events_doc_sentence (doc, sentence) serves every lookup by document.
DROP INDEX events_doc;
