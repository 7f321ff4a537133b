//! The compact store (migration 0008): document text deflated, each actor and
//! rule name stored once, and records kept without the text their spans give.
//!
//! Nothing is lost: a record is rebuilt on read from its columns, the actors
//! and names it points at and the document's text, and a text that differs
//! from its span's (a participant found through coreference) is kept as is.

use crate::{Result, StoreError};
use model::Actor;
use rusqlite::types::{Value, ValueRef};
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::{Map, Value as Json};
use std::collections::HashMap;

pub(crate) use crate::pack::{
    list_json, list_len, mention_element, mention_fields, pack_json, pack_list, record_json,
    time_element, time_fields, type_code, type_name, ListWriter, MENTION_DELTA, TIME_DELTA,
};
use std::sync::Mutex;

/// Texts shorter than this are stored as they are: deflate gains nothing.
const MIN_PACK: usize = 96;

/// A document's text as stored: TEXT when short or incompressible, else a
/// BLOB of raw deflate (about 0.46 of English news text).
pub(crate) fn pack(text: &str) -> Value {
    if text.len() >= MIN_PACK {
        let z = miniz_oxide::deflate::compress_to_vec(text.as_bytes(), 6);
        if z.len() < text.len() * 9 / 10 {
            return Value::Blob(z);
        }
    }
    Value::Text(text.to_string())
}

/// The text of a stored body (see [`pack`]).
pub(crate) fn unpack(v: ValueRef<'_>) -> std::result::Result<String, String> {
    match v {
        ValueRef::Text(t) => String::from_utf8(t.to_vec()).map_err(|e| e.to_string()),
        ValueRef::Blob(z) => {
            let raw = miniz_oxide::inflate::decompress_to_vec(z)
                .map_err(|e| format!("stored text does not inflate: {e:?}"))?;
            String::from_utf8(raw).map_err(|e| e.to_string())
        }
        ValueRef::Null => Ok(String::new()),
        _ => Err("stored text is a number".into()),
    }
}

/// The bytes `start..end` of `text` (clamped), as SQLite's `substr` on a
/// BLOB cast to TEXT gave before.
pub(crate) fn cut(text: &str, start: i64, end: i64) -> String {
    let len = text.len() as i64;
    let (s, e) = (start.clamp(0, len) as usize, end.clamp(0, len) as usize);
    if e <= s {
        return String::new();
    }
    match text.get(s..e) {
        Some(t) => t.to_string(),
        None => String::from_utf8_lossy(&text.as_bytes()[s..e]).into_owned(),
    }
}

/// Whether `t` is what [`cut`] gives for `start..end` of `text`, without
/// copying the span when it lies on character boundaries.
pub(crate) fn same_text(text: &str, start: i64, end: i64, t: &str) -> bool {
    let len = text.len() as i64;
    let (s, e) = (start.clamp(0, len) as usize, end.clamp(0, len) as usize);
    if e <= s {
        return t.is_empty();
    }
    match text.get(s..e) {
        Some(span) => span == t,
        None => cut(text, start, end) == t,
    }
}

/// Registers the SQL functions the schema needs on a connection:
/// `entente_pack(text)`, `entente_text(body)` and `entente_span(body, start,
/// end)`, which the search index's content view reads sentences through.
/// The last inflated body is kept, since a document's sentences are read one
/// after another.
pub(crate) fn register(conn: &Connection) -> rusqlite::Result<()> {
    use rusqlite::functions::FunctionFlags as F;
    let flags = F::SQLITE_UTF8 | F::SQLITE_DETERMINISTIC;
    let user = |m: String| rusqlite::Error::UserFunctionError(m.into());
    conn.create_scalar_function("entente_pack", 1, flags, |ctx| {
        Ok(match ctx.get_raw(0) {
            ValueRef::Text(t) => pack(&String::from_utf8_lossy(t)),
            _ => Value::Null,
        })
    })?;
    conn.create_scalar_function("entente_text", 1, flags, move |ctx| {
        unpack(ctx.get_raw(0)).map_err(user)
    })?;
    conn.create_scalar_function("entente_mention", 9, flags, |ctx| {
        let text: Option<String> = ctx.get(8)?;
        Ok(mention_element(
            [
                ctx.get(0)?,
                ctx.get(1)?,
                ctx.get(2)?,
                ctx.get(3)?,
                ctx.get(4)?,
            ],
            ctx.get(5)?,
            ctx.get::<Option<i64>>(6)?.zip(ctx.get::<Option<i64>>(7)?),
            text.as_deref(),
        ))
    })?;
    conn.create_scalar_function("entente_time", 7, flags, |ctx| {
        let (value, qualifier, text): (String, Option<String>, Option<String>) =
            (ctx.get(2)?, ctx.get(5)?, ctx.get(6)?);
        Ok(time_element(
            [ctx.get(0)?, ctx.get(1)?, ctx.get(3)?, ctx.get(4)?],
            &value,
            qualifier.as_deref(),
            text.as_deref(),
        ))
    })?;
    // Actor types as digits (migration 0012).
    conn.create_scalar_function("entente_actor_type", 1, flags, |ctx| {
        Ok(match ctx.get_raw(0) {
            ValueRef::Text(t) => Value::Text(type_name(&String::from_utf8_lossy(t)).to_string()),
            ValueRef::Integer(i) => Value::Text(type_name(&i.to_string()).to_string()),
            _ => Value::Null,
        })
    })?;
    conn.create_scalar_function("entente_type_code", 1, flags, |ctx| {
        Ok(match ctx.get_raw(0) {
            ValueRef::Text(t) => Value::Text(type_code(&String::from_utf8_lossy(t)).to_string()),
            _ => Value::Null,
        })
    })?;
    // Packed records (migration 0012).
    conn.create_scalar_function("entente_json", 1, flags, move |ctx| match ctx.get_raw(0) {
        ValueRef::Blob(z) => record_json(z)
            .map(|v| Value::Text(v.to_string()))
            .map_err(user),
        ValueRef::Text(t) => Ok(Value::Text(String::from_utf8_lossy(t).into_owned())),
        _ => Ok(Value::Null),
    })?;
    conn.create_scalar_function("entente_pack_json", 1, flags, move |ctx| {
        match ctx.get_raw(0) {
            // JSON that does not parse stays as it is (readers count it as
            // unreadable, as before).
            ValueRef::Text(t) => Ok(match serde_json::from_slice::<Json>(t) {
                Ok(v) => {
                    let mut out = Vec::new();
                    pack_json(&mut out, &v);
                    Value::Blob(out)
                }
                Err(_) => Value::Text(String::from_utf8_lossy(t).into_owned()),
            }),
            ValueRef::Blob(z) => Ok(Value::Blob(z.to_vec())),
            _ => Ok(Value::Null),
        }
    })?;
    // Packed lists (migration 0012).
    conn.create_scalar_function("entente_pack_list", 2, flags, move |ctx| {
        let delta: i64 = ctx.get(1)?;
        match ctx.get_raw(0) {
            ValueRef::Text(t) => {
                let json = std::str::from_utf8(t).map_err(|e| user(e.to_string()))?;
                Ok(Value::Blob(pack_list(json, delta as u8).map_err(user)?))
            }
            ValueRef::Blob(z) => Ok(Value::Blob(z.to_vec())),
            _ => Ok(Value::Null),
        }
    })?;
    conn.create_scalar_function("entente_list", 1, flags, move |ctx| match ctx.get_raw(0) {
        ValueRef::Blob(z) => list_json(z).map(Value::Text).map_err(user),
        ValueRef::Text(t) => Ok(Value::Text(String::from_utf8_lossy(t).into_owned())),
        _ => Ok(Value::Null),
    })?;
    conn.create_scalar_function("entente_list_len", 1, flags, move |ctx| {
        match ctx.get_raw(0) {
            ValueRef::Blob(z) => list_len(z).map(|n| n as i64).map_err(user),
            _ => Ok(0),
        }
    })?;
    conn.create_scalar_function("entente_reseal", 1, flags, move |ctx| {
        match ctx.get_raw(0) {
            ValueRef::Blob(z) => Ok(Value::Blob(seal(&unseal(z).map_err(user)?))),
            _ => Err(user("stored text block is not a BLOB".into())),
        }
    })?;
    // Texts kept in blocks (migration 0010): `entente_title(z, at)`,
    // `entente_text(z, at)`, `entente_span(z, at, start, end)` read the
    // document at `at` of block `z`. The last block read is kept inflated,
    // since a query reads a document's sentences, and its neighbours', in turn.
    let block: std::sync::Arc<BlockCache> = Default::default();
    let cached = block.clone();
    conn.create_scalar_function("entente_title", 2, flags, move |ctx| {
        let at: i64 = ctx.get(1)?;
        with_block(&cached, ctx.get_raw(0), |raw| {
            Ok(segment(raw, at)?.0.map(str::to_string))
        })
        .map_err(user)
    })?;
    let cached = block.clone();
    conn.create_scalar_function("entente_text", 2, flags, move |ctx| {
        let at: i64 = ctx.get(1)?;
        with_block(&cached, ctx.get_raw(0), |raw| {
            Ok(segment(raw, at)?.1.to_string())
        })
        .map_err(user)
    })?;
    conn.create_scalar_function("entente_span", 4, flags, move |ctx| {
        let (at, start, end): (i64, i64, i64) = (ctx.get(1)?, ctx.get(2)?, ctx.get(3)?);
        with_block(&block, ctx.get_raw(0), |raw| {
            Ok(cut(segment(raw, at)?.1, start, end))
        })
        .map_err(user)
    })?;
    conn.create_scalar_function("entente_block", 2, flags, |ctx| {
        let (title, text): (Option<String>, String) = (ctx.get(0)?, ctx.get(1)?);
        let mut raw = Vec::new();
        push_segment(&mut raw, title.as_deref(), &text);
        Ok(seal(&raw))
    })?;
    let last: Mutex<(Vec<u8>, String)> = Mutex::new((Vec::new(), String::new()));
    conn.create_scalar_function("entente_span", 3, flags, move |ctx| {
        let (start, end): (i64, i64) = (ctx.get(1)?, ctx.get(2)?);
        match ctx.get_raw(0) {
            ValueRef::Text(t) => Ok(cut(&String::from_utf8_lossy(t), start, end)),
            ValueRef::Blob(z) => {
                let mut last = last.lock().unwrap_or_else(|p| p.into_inner());
                if last.0 != z {
                    let text = unpack(ValueRef::Blob(z)).map_err(user)?;
                    *last = (z.to_vec(), text);
                }
                Ok(cut(&last.1, start, end))
            }
            _ => Ok(String::new()),
        }
    })?;
    Ok(())
}

/// The id a discovered actor gets from its name, as `actors` stores it when
/// `actor_id` is NULL; SQL spells it `DISCOVERED_ID` (ASCII lower case, so
/// names with other letters keep their id).
pub(crate) fn discovered_id(name: &str) -> Option<String> {
    name.is_ascii()
        .then(|| format!("discovered:{}", name.to_ascii_lowercase()))
}

/// [`discovered_id`] in SQL, of the actors row `a`.
pub(crate) const ACTOR_ID: &str = "coalesce(a.actor_id, 'discovered:' || lower(a.name))";

/// What identifies an actor row: every field of [`model::Actor`].
type ActorKey = (
    String,
    Option<String>,
    Option<String>,
    String,
    String,
    &'static str,
);

fn actor_key(a: &Actor) -> ActorKey {
    (
        a.code.clone(),
        a.country.clone(),
        a.role.clone(),
        a.name.clone(),
        a.id.clone(),
        a.kind.as_str(),
    )
}

/// Whether `k` is the key of `a`, without building `a`'s key.
fn is_key_of(k: &ActorKey, a: &Actor) -> bool {
    k.3 == a.name
        && k.0 == a.code
        && k.4 == a.id
        && k.1 == a.country
        && k.2 == a.role
        && k.5 == a.kind.as_str()
}

/// Row ids of actors and names, kept in memory per connection: `actors`
/// and `strings` need no index to be looked up by value. Each write
/// transaction first reads the rows added since (by other processes: it
/// holds the write lock, so none are added meanwhile), so equal values share
/// one row. Rows are never deleted; when a transaction fails its new rows
/// are gone, so everything is read again.
#[derive(Default)]
pub(crate) struct Interner {
    strings: HashMap<String, i64>,
    /// Actor keys and ids by the actor's name: looked up without copying
    /// the actor's fields (a Guardian article names about 85 actors).
    actors: HashMap<String, Vec<(ActorKey, i64)>>,
    /// The highest row id read of `strings` and of `actors`.
    seen: (i64, i64),
}

impl Interner {
    pub(crate) fn clear(&mut self) {
        *self = Interner::default();
    }

    /// Reads the rows added since the last call; call at the start of each
    /// write transaction.
    pub(crate) fn sync(&mut self, conn: &Connection) -> Result<()> {
        let mut st = conn.prepare_cached("SELECT id, text FROM strings WHERE id > ?1")?;
        let mut rows = st.query([self.seen.0])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            self.strings.entry(r.get(1)?).or_insert(id);
            self.seen.0 = self.seen.0.max(id);
        }
        let mut st = conn.prepare_cached(
            "SELECT id, code, country, role, name, actor_id, type FROM actors WHERE id > ?1",
        )?;
        let mut rows = st.query([self.seen.1])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let a = actor_row(r, 1)?;
            if self.find_actor(&a).is_none() {
                self.actors
                    .entry(a.name.clone())
                    .or_default()
                    .push((actor_key(&a), id));
            }
            self.seen.1 = self.seen.1.max(id);
        }
        Ok(())
    }

    /// The id of a name (a rule, an origin file), added when new.
    pub(crate) fn string(&mut self, conn: &Connection, s: &str) -> Result<i64> {
        if let Some(&id) = self.strings.get(s) {
            return Ok(id);
        }
        conn.prepare_cached("INSERT INTO strings (text) VALUES (?1)")?
            .execute([s])?;
        let id = conn.last_insert_rowid();
        self.strings.insert(s.to_string(), id);
        self.seen.0 = self.seen.0.max(id);
        Ok(id)
    }

    fn find_actor(&self, a: &Actor) -> Option<i64> {
        self.actors
            .get(a.name.as_str())?
            .iter()
            .find(|(k, _)| is_key_of(k, a))
            .map(|&(_, id)| id)
    }

    /// The id of an actor row, added when new.
    pub(crate) fn actor(&mut self, conn: &Connection, a: &Actor) -> Result<i64> {
        if let Some(id) = self.find_actor(a) {
            return Ok(id);
        }
        // A discovered actor's id is its name's: not stored twice.
        let stored_id = (Some(&a.id) != discovered_id(&a.name).as_ref()).then_some(&a.id);
        conn.prepare_cached(
            "INSERT INTO actors (code, country, role, name, actor_id, type) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(params![a.code, a.country, a.role, a.name, stored_id, type_code(a.kind.as_str())])?;
        let id = conn.last_insert_rowid();
        self.actors
            .entry(a.name.clone())
            .or_default()
            .push((actor_key(a), id));
        self.seen.1 = self.seen.1.max(id);
        Ok(id)
    }
}

/// An actor from the columns code, country, role, name, actor_id, type of
/// `actors`, from column `at` on.
fn actor_row(r: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<Actor> {
    let name: String = r.get(at + 3)?;
    Ok(Actor {
        code: r.get(at)?,
        country: r.get(at + 1)?,
        role: r.get(at + 2)?,
        id: r
            .get::<_, Option<String>>(at + 4)?
            .unwrap_or_else(|| discovered_id(&name).unwrap_or_default()),
        name,
        kind: model::ActorType::parse(type_name(&r.get::<_, String>(at + 5)?))
            .unwrap_or(model::ActorType::Organisation),
    })
}

/// Reads back what [`compact`] points at: actors, names and document texts,
/// each fetched once per reader.
pub(crate) struct Expander<'c> {
    conn: &'c Connection,
    actors: HashMap<i64, Actor>,
    strings: HashMap<i64, String>,
    doc: Option<(i64, String)>,
    /// Inflated text blocks by id: records come sorted by date or id, not
    /// by block, and one block holds many short documents.
    blocks: HashMap<i64, Vec<u8>>,
}

impl<'c> Expander<'c> {
    pub(crate) fn new(conn: &'c Connection) -> Expander<'c> {
        Expander {
            conn,
            actors: HashMap::new(),
            strings: HashMap::new(),
            doc: None,
            blocks: HashMap::new(),
        }
    }

    /// Uses `text` as the text of document `seq` (when the caller has it).
    pub(crate) fn set_text(&mut self, seq: i64, text: String) {
        self.doc = Some((seq, text));
    }

    pub(crate) fn text(&mut self, seq: i64) -> Result<&str> {
        if self.doc.as_ref().map(|d| d.0) != Some(seq) {
            let place: Option<(i64, i64)> = self
                .conn
                .prepare_cached("SELECT block, at FROM documents WHERE seq = ?1")?
                .query_row([seq], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            let text = match place {
                None => String::new(),
                Some((block, at)) => {
                    if !self.blocks.contains_key(&block) {
                        let z: Vec<u8> = self
                            .conn
                            .prepare_cached("SELECT z FROM text_blocks WHERE id = ?1")?
                            .query_row([block], |r| r.get(0))?;
                        let raw = unseal(&z).map_err(|m| bad_body(&seq.to_string(), m))?;
                        // Bounded: a few MB at most however many are read.
                        if self.blocks.len() >= 256 {
                            self.blocks.clear();
                        }
                        self.blocks.insert(block, raw);
                    }
                    let raw = self.blocks.get(&block).map_or(&[][..], |r| r.as_slice());
                    segment(raw, at)
                        .map_err(|m| bad_body(&seq.to_string(), m))?
                        .1
                        .to_string()
                }
            };
            self.doc = Some((seq, text));
        }
        Ok(self.doc.as_ref().map_or("", |d| d.1.as_str()))
    }

    pub(crate) fn actor(&mut self, id: i64) -> Result<Actor> {
        if let Some(a) = self.actors.get(&id) {
            return Ok(a.clone());
        }
        let a = self
            .conn
            .prepare_cached(
                "SELECT code, country, role, name, actor_id, type FROM actors WHERE id = ?1",
            )?
            .query_row([id], |r| actor_row(r, 0))?;
        self.actors.insert(id, a.clone());
        Ok(a)
    }

    pub(crate) fn string(&mut self, id: i64) -> Result<String> {
        if let Some(s) = self.strings.get(&id) {
            return Ok(s.clone());
        }
        let s: String = self
            .conn
            .prepare_cached("SELECT text FROM strings WHERE id = ?1")?
            .query_row([id], |r| r.get(0))?;
        self.strings.insert(id, s.clone());
        Ok(s)
    }

    /// A record of document `seq` rebuilt from its compact JSON and the
    /// fields kept as columns (see [`compact`]).
    pub(crate) fn expand(
        &mut self,
        seq: i64,
        json: &str,
        columns: Map<String, Json>,
    ) -> Result<Json> {
        let mut v: Json = serde_json::from_str(json)?;
        self.text(seq)?;
        let text = self.doc.take().map(|d| d.1).unwrap_or_default();
        let out = self.expand_value(&mut v, &text);
        self.doc = Some((seq, text));
        out?;
        if let Json::Object(m) = &mut v {
            for (long, short) in SHORT_KEYS {
                if !m.contains_key(long) {
                    if let Some(v) = m.remove(short) {
                        m.insert(long.into(), v);
                    }
                }
            }
            if let Some(Json::Number(r)) = m.remove("@r") {
                let rule = self.string(r.as_i64().unwrap_or(-1))?;
                m.insert("rule".into(), Json::String(rule));
            }
            m.extend(columns);
        }
        Ok(v)
    }

    fn expand_value(&mut self, v: &mut Json, text: &str) -> Result<()> {
        match v {
            Json::Object(m) => {
                for (_, child) in m.iter_mut() {
                    self.expand_value(child, text)?;
                }
                if let Some(Json::Number(id)) = m.remove("@a") {
                    let a = self.actor(id.as_i64().unwrap_or(-1))?;
                    if let Json::Object(fields) = serde_json::to_value(&a)? {
                        m.extend(fields);
                    }
                }
                for (short, span, field) in
                    [("@s", "span", "text"), ("@cs", "content_span", "content")]
                {
                    if let Some(s) = m.remove(short) {
                        let (a, b) = span_of(&s).unwrap_or((0, 0));
                        m.insert(field.into(), Json::String(cut(text, a, b)));
                        m.insert(span.into(), s);
                    }
                }
            }
            Json::Array(items) => {
                for item in items {
                    self.expand_value(item, text)?;
                }
            }
            _ => {}
        }
        Ok(())
    }
}

fn span_of(v: &Json) -> Option<(i64, i64)> {
    let a = v.as_array()?;
    Some((a.first()?.as_i64()?, a.get(1)?.as_i64()?))
}

/// A record's JSON made compact for `text`, its document's text: each actor
/// becomes `"@a"` (its row), a text equal to its span's becomes `"@s"` (or
/// `"@cs"` for a quote's content), the rule `"@r"`, and the fields named in
/// `columns` (kept as columns) are left out.
pub(crate) fn compact(
    conn: &Connection,
    interner: &mut Interner,
    record: &impl serde::Serialize,
    text: &str,
    columns: &[&str],
) -> Result<Vec<u8>> {
    let v = compact_json(conn, interner, record, text, columns)?;
    let mut out = Vec::with_capacity(64);
    pack_json(&mut out, &v);
    Ok(out)
}

/// [`compact`] as JSON, as migrations 0008 to 0011 stored it.
pub(crate) fn compact_json(
    conn: &Connection,
    interner: &mut Interner,
    record: &impl serde::Serialize,
    text: &str,
    columns: &[&str],
) -> Result<Json> {
    let mut v = serde_json::to_value(record)?;
    compact_value(
        &mut |a| Ok(Json::from(interner.actor(conn, a)?)),
        &mut v,
        text,
    )?;
    let rule = compact_top(&mut v, columns);
    if let (Json::Object(m), Some(rule)) = (&mut v, rule) {
        m.insert("@r".into(), Json::from(interner.string(conn, &rule)?));
    }
    Ok(v)
}

/// The top level of a record made compact: the fields kept as columns
/// left out, long keys made short. Gives the rule, whose `"@r"` the caller
/// adds.
fn compact_top(v: &mut Json, columns: &[&str]) -> Option<String> {
    let Json::Object(m) = v else {
        return None;
    };
    for c in columns {
        m.remove(*c);
    }
    // A rule that is not a string is dropped, as it always was.
    let rule = match m.remove("rule") {
        Some(Json::String(rule)) => Some(rule),
        _ => None,
    };
    // One pass over the record's keys rather than a lookup per short key:
    // each long key present becomes its short one, unless the record has
    // that already (no short key is another's long one, nor "@r").
    let renames: Vec<(String, &str)> = m
        .keys()
        .filter_map(|k| Some((k.clone(), short_key(k)?)))
        .filter(|(_, short)| !m.contains_key(*short))
        .collect();
    for (long, short) in renames {
        if let Some(v) = m.remove(&long) {
            m.insert(short.into(), v);
        }
    }
    rule
}

/// A record made compact ahead of the write, off the writing thread:
/// everything [`compact`] does but give its actors and its rule their row
/// ids, which only the writer knows. Each actor is `"@a": i`, its index in
/// `actors` (the order [`compact`] looks them up in), the rule is kept
/// aside; [`Precompact::finish`] packs it with the ids.
pub(crate) struct Precompact {
    json: Json,
    actors: Vec<Actor>,
    rule: Option<String>,
}

impl Precompact {
    pub(crate) fn of(record: &impl serde::Serialize, text: &str, columns: &[&str]) -> Result<Self> {
        let mut json = serde_json::to_value(record)?;
        let mut actors = Vec::new();
        compact_value(
            &mut |a| {
                actors.push(a.clone());
                Ok(Json::from(actors.len() - 1))
            },
            &mut json,
            text,
        )?;
        let rule = compact_top(&mut json, columns);
        Ok(Precompact { json, actors, rule })
    }

    /// What [`compact`] gives for the record, the actors and the rule
    /// looked up in the same order.
    pub(crate) fn finish(&self, conn: &Connection, interner: &mut Interner) -> Result<Vec<u8>> {
        let ids = self
            .actors
            .iter()
            .map(|a| interner.actor(conn, a))
            .collect::<Result<Vec<i64>>>()?;
        let rule = match &self.rule {
            Some(r) => Some(interner.string(conn, r)?),
            None => None,
        };
        let mut out = Vec::with_capacity(64);
        crate::pack::pack_resolved(&mut out, &self.json, &ids, rule);
        Ok(out)
    }
}

/// The short key of a top-level field in [`SHORT_KEYS`].
fn short_key(long: &str) -> Option<&'static str> {
    SHORT_KEYS.iter().find(|(l, _)| *l == long).map(|&(_, s)| s)
}

/// Top-level fields of events, quotes and facts stored under a short key.
const SHORT_KEYS: [(&str, &str); 19] = [
    ("confidence", "c"),
    ("date_precision", "dp"),
    ("source", "s"),
    ("target", "t"),
    ("mode", "m"),
    ("reported_by", "rb"),
    ("place", "pl"),
    ("cue", "cu"),
    ("style", "st"),
    ("speaker", "sp"),
    ("approx", "ap"),
    ("measure", "me"),
    ("unit", "u"),
    ("value", "v"),
    ("period", "pe"),
    ("holder", "h"),
    ("counterpart", "cp"),
    ("commodity", "co"),
    ("asset", "as"),
];

const ACTOR_FIELDS: [&str; 6] = ["code", "country", "role", "name", "id", "type"];

/// Makes a record's participants and spans compact; `actor` gives what an
/// actor is replaced by (its row id, or a stand-in for it).
fn compact_value(
    actor: &mut dyn FnMut(&Actor) -> Result<Json>,
    v: &mut Json,
    text: &str,
) -> Result<()> {
    match v {
        Json::Object(m) => {
            for (_, child) in m.iter_mut() {
                compact_value(actor, child, text)?;
            }
            // A participant: an actor's six fields with a text and span.
            if m.len() == 8 && ACTOR_FIELDS.iter().all(|f| m.contains_key(*f)) {
                let fields: Map<String, Json> = ACTOR_FIELDS
                    .iter()
                    .filter_map(|f| Some((f.to_string(), m.get(*f)?.clone())))
                    .collect();
                if let Ok(a) = serde_json::from_value::<Actor>(Json::Object(fields)) {
                    let id = actor(&a)?;
                    for f in ACTOR_FIELDS {
                        m.remove(f);
                    }
                    m.insert("@a".into(), id);
                }
            }
            for (short, span, field) in [("@s", "span", "text"), ("@cs", "content_span", "content")]
            {
                let same = match (m.get(field), m.get(span).and_then(span_of)) {
                    (Some(Json::String(t)), Some((a, b))) => same_text(text, a, b, t),
                    _ => false,
                };
                if same {
                    m.remove(field);
                    if let Some(s) = m.remove(span) {
                        m.insert(short.into(), s);
                    }
                }
            }
        }
        Json::Array(items) => {
            for item in items {
                compact_value(actor, item, text)?;
            }
        }
        _ => {}
    }
    Ok(())
}

/// A decoding failure of a stored body, as a store error.
pub(crate) fn bad_body(doc: &str, m: String) -> StoreError {
    StoreError::Corrupt(format!("document {doc}: {m}"))
}

/// Raw bytes of a text block before more documents are appended: a block
/// is closed once it holds this much (the Guardian's articles, about 5.7 KB,
/// come eleven or twelve to a block; AG News items, about 240 bytes with
/// their titles, some 270). Compressing many short texts together is what
/// makes them small: AG News's 1.79 MB of titles and texts take 0.75 MB
/// with brotli in blocks of 64 KB (migration 0012), 0.87 MB deflated in
/// blocks of 16 KB, 1.40 MB deflated one by one. Reading one document
/// decompresses its block (about 0.2 ms for 64 KB).
pub(crate) const BLOCK: usize = 64 * 1024;

/// Appends one document to a block's raw bytes: its title's length plus
/// one (0: no title), the title, the text's length, the text (lengths as
/// LEB128 varints). Returns the offset it starts at.
pub(crate) fn push_segment(raw: &mut Vec<u8>, title: Option<&str>, text: &str) -> usize {
    let at = raw.len();
    push_varint(raw, title.map_or(0, |t| t.len() as u64 + 1));
    raw.extend_from_slice(title.unwrap_or("").as_bytes());
    push_varint(raw, text.len() as u64);
    raw.extend_from_slice(text.as_bytes());
    at
}

pub(crate) fn push_varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

pub(crate) fn read_varint(raw: &[u8], at: &mut usize) -> std::result::Result<u64, String> {
    let mut v = 0u64;
    for shift in (0..64).step_by(7) {
        let b = *raw.get(*at).ok_or("stored text block is cut short")?;
        *at += 1;
        v |= u64::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return Ok(v);
        }
    }
    Err("stored text block has a bad length".into())
}

/// The title and text of the document at `at` of a block's raw bytes.
pub(crate) fn segment(raw: &[u8], at: i64) -> std::result::Result<(Option<&str>, &str), String> {
    let mut i = usize::try_from(at).map_err(|_| "bad text offset".to_string())?;
    let take = |raw: &'_ [u8], i: &mut usize, n: usize| -> std::result::Result<usize, String> {
        let s = *i;
        *i = i
            .checked_add(n)
            .filter(|&e| e <= raw.len())
            .ok_or("stored text block is cut short")?;
        Ok(s)
    };
    let t = read_varint(raw, &mut i)? as usize;
    let title = if t == 0 {
        None
    } else {
        let s = take(raw, &mut i, t - 1)?;
        Some(std::str::from_utf8(&raw[s..s + t - 1]).map_err(|e| e.to_string())?)
    };
    let n = read_varint(raw, &mut i)? as usize;
    let s = take(raw, &mut i, n)?;
    let text = std::str::from_utf8(&raw[s..s + n]).map_err(|e| e.to_string())?;
    Ok((title, text))
}

/// A block as stored: a first byte saying how (0: as is, 1: raw deflate,
/// written before migration 0012; 2: brotli, after an 8-byte stamp), then
/// the bytes.
pub(crate) fn seal(raw: &[u8]) -> Vec<u8> {
    // Quality 5 compresses about as fast as deflate at level 6 and to about
    // 0.87 of its size on news text (its built-in dictionary of English
    // words counts most on short texts); quality 10 and 11 gain another 15%
    // but are 15 to 40 times slower. The window covers a whole block.
    let params = brotli::enc::BrotliEncoderParams {
        quality: 5,
        lgwin: 17,
        size_hint: raw.len(),
        ..Default::default()
    };
    let mut out = Vec::with_capacity(raw.len() / 2 + 16);
    out.push(2);
    out.extend_from_slice(&stamp());
    let done = brotli::BrotliCompress(&mut &raw[..], &mut out, &params).is_ok();
    if !done || out.len() > raw.len() {
        out.clear();
        out.push(0);
        out.extend_from_slice(raw);
    }
    out
}

/// Bytes of a brotli block's stamp.
const STAMP: usize = 8;

/// A random stamp that tells a brotli block from every other: the SQL
/// functions' cache knows a block by it (and its length) instead of
/// comparing all its bytes, which indexing each sentence for search did.
/// Blocks are never changed in place, only added and deleted.
fn stamp() -> [u8; STAMP] {
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNT: AtomicU64 = AtomicU64::new(0);
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(COUNT.fetch_add(1, Ordering::Relaxed));
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
    h.write_u128(now.map_or(0, |d| d.as_nanos()));
    h.finish().to_le_bytes()
}

/// What the block cache knows a stored block by: its tag and stamp when
/// it has one, else all its bytes.
fn block_key(z: &[u8]) -> &[u8] {
    match z.first() {
        Some(2) if z.len() > STAMP => &z[..=STAMP],
        _ => z,
    }
}

/// A stored block's raw bytes (see [`seal`]).
pub(crate) fn unseal(z: &[u8]) -> std::result::Result<Vec<u8>, String> {
    match z.split_first() {
        Some((0, raw)) => Ok(raw.to_vec()),
        Some((1, z)) => miniz_oxide::inflate::decompress_to_vec(z)
            .map_err(|e| format!("stored text does not inflate: {e:?}")),
        Some((2, z)) => {
            let z = z.get(STAMP..).ok_or("stored text block is cut short")?;
            let mut raw = Vec::with_capacity(z.len() * 3);
            brotli::BrotliDecompress(&mut &z[..], &mut raw)
                .map_err(|e| format!("stored text does not decompress: {e}"))?;
            Ok(raw)
        }
        _ => Err("stored text block is damaged".into()),
    }
}

/// Stored blocks (their length and [`block_key`]) and their raw bytes,
/// the most recently used first.
type BlockCache = Mutex<Vec<((usize, Vec<u8>), Vec<u8>)>>;

/// Blocks the SQL functions keep inflated: rows sorted by date or id
/// rather than by block come back to a few blocks in turn.
const KEPT_BLOCKS: usize = 64;

/// Runs `f` on the raw bytes of block `z`, inflating it unless `cache`
/// holds it (the most recently used first).
fn with_block<T>(
    cache: &BlockCache,
    z: ValueRef<'_>,
    f: impl FnOnce(&[u8]) -> std::result::Result<T, String>,
) -> std::result::Result<T, String> {
    let ValueRef::Blob(z) = z else {
        return Err("stored text block is not a BLOB".into());
    };
    let mut c = cache.lock().unwrap_or_else(|p| p.into_inner());
    let key = (z.len(), block_key(z));
    match c.iter().position(|(k, _)| (k.0, k.1.as_slice()) == key) {
        Some(0) => {}
        Some(i) => {
            let hit = c.remove(i);
            c.insert(0, hit);
        }
        None => {
            let raw = unseal(z)?;
            c.truncate(KEPT_BLOCKS - 1);
            c.insert(0, ((z.len(), key.1.to_vec()), raw));
        }
    }
    f(&c[0].1)
}

/// The title and text of the document at `at` of stored block `z`.
pub(crate) fn doc_text(
    z: ValueRef<'_>,
    at: i64,
) -> std::result::Result<(Option<String>, String), String> {
    let ValueRef::Blob(z) = z else {
        return Err("stored text block is not a BLOB".into());
    };
    let raw = unseal(z)?;
    let (title, text) = segment(&raw, at)?;
    Ok((title.map(str::to_string), text.to_string()))
}
