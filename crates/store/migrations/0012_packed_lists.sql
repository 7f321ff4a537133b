-- A smaller store (issue 14: at most 3x the text, on short items too):
--
-- * `mention_lists.list` and `time_lists.list` become packed BLOBs
--   (compact.rs `ListWriter`: varints, the start as a difference from the
--   previous element's) instead of JSON text, about 0.4 of the bytes. The
--   views `mentions` and `times` read them through `entente_list`, which
--   gives back the JSON array migration 0010 stored, so they give the
--   same rows as before.
-- * the compact JSON of events, quotes and facts (`json`) becomes a packed
--   BLOB (compact.rs `pack_json`: a tag byte per value, known keys and
--   words as one byte, dates as day numbers), about 0.35 of the bytes;
--   readers select `entente_json(json)`, the same JSON as before.
-- * text blocks are compressed with brotli instead of deflate (the first
--   byte of a block says which; compact.rs `seal`), and later ingests fill
--   blocks of 64 KB instead of 16 KB.
-- * `actors.type` is a digit (compact.rs `type_code`) instead of the word;
--   `entente_actor_type` reads it back.
-- * `documents_date` holds the date alone: the listing order's tie-break
--   (the id) is sorted per date when read, and the index no longer repeats
--   every document's id.
DROP VIEW mentions;
DROP VIEW times;

UPDATE mention_lists SET list = entente_pack_list(list, 1);
UPDATE time_lists SET list = entente_pack_list(list, 0);

CREATE VIEW mentions (doc, n, sentence, start, end, actor, rule, discovered,
                      evidence_start, evidence_end, text) AS
    SELECT l.doc, j.key, j.value ->> 0, j.value ->> 1, (j.value ->> 1) + (j.value ->> 2),
           j.value ->> 3, j.value ->> 4, coalesce(j.value ->> 5, 0), j.value ->> 6,
           j.value ->> 7, j.value ->> 8
    FROM mention_lists l, json_each(entente_list(l.list)) j;

CREATE VIEW times (doc, n, start, end, value, qualifier, type, rule, text) AS
    SELECT l.doc, j.key, j.value ->> 0, (j.value ->> 0) + (j.value ->> 1), j.value ->> 2,
           j.value ->> 5, (SELECT s.text FROM strings s WHERE s.id = j.value ->> 3),
           j.value ->> 4, j.value ->> 6
    FROM time_lists l, json_each(entente_list(l.list)) j;

UPDATE events SET json = entente_pack_json(json);
UPDATE quotes SET json = entente_pack_json(json);
UPDATE facts SET json = entente_pack_json(json);

UPDATE actors SET type = entente_type_code(type);

UPDATE text_blocks SET z = entente_reseal(z);

DROP INDEX IF EXISTS documents_date;
CREATE INDEX documents_date ON documents(date DESC);
