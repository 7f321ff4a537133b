-- Indexes for the read side (`entente serve`, `entente query`): an actor's
-- profile and the filtered lists find their rows by code prefix (`GLOB
-- 'TUR*'` reads an index range) instead of scanning whole tables.
CREATE INDEX IF NOT EXISTS actors_code ON actors(code);
CREATE INDEX IF NOT EXISTS events_source ON events(source_code);
CREATE INDEX IF NOT EXISTS events_target ON events(target_code);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_code);
CREATE INDEX IF NOT EXISTS facts_holder ON facts(holder_code);
CREATE INDEX IF NOT EXISTS facts_counterpart ON facts(counterpart_code);
