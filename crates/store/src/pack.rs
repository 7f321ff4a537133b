//! Packed encodings of migration 0012 (issue 14, a store at most 3x the
//! text): mention and time lists, the compact JSON of records, actor types.
//! Each reads back exactly what migration 0010 stored as text, so the
//! views and readers built on that text are unchanged.

use crate::compact::{push_varint, read_varint};
use serde_json::{Map, Value as Json};
use std::borrow::Cow;

/// Actor types as `actors.type` stores them (migration 0012): one digit
/// instead of the word (a word no entente knew is stored as it is).
const ACTOR_TYPES: [&str; 5] = ["person", "organisation", "group", "country", "place"];
const TYPE_CODES: [&str; 5] = ["0", "1", "2", "3", "4"];

pub(crate) fn type_code(name: &str) -> &str {
    ACTOR_TYPES
        .iter()
        .position(|t| *t == name)
        .map_or(name, |i| TYPE_CODES[i])
}

pub(crate) fn type_name(code: &str) -> &str {
    TYPE_CODES
        .iter()
        .position(|t| *t == code)
        .map_or(code, |i| ACTOR_TYPES[i])
}

/// One field of an element of a packed list (`mention_lists.list`,
/// `time_lists.list`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Field<'a> {
    Int(i64),
    Null,
    Str(Cow<'a, str>),
}

/// One mention as an element of `mention_lists.list` (migration 0010):
/// `[sentence, start, length, actor, rule]` from `[sentence, start, end,
/// actor, rule]`, then `discovered`, the evidence span and the text, each
/// only when it or a later one is not the default (0, NULL, NULL).
pub(crate) fn mention_fields(
    [sentence, start, end, actor, rule]: [i64; 5],
    discovered: i64,
    evidence: Option<(i64, i64)>,
    text: Option<&str>,
) -> Vec<Field<'_>> {
    use Field::*;
    let mut out = vec![
        Int(sentence),
        Int(start),
        Int(end - start),
        Int(actor),
        Int(rule),
    ];
    if discovered != 0 || evidence.is_some() || text.is_some() {
        out.push(Int(discovered));
    }
    if evidence.is_some() || text.is_some() {
        match evidence {
            Some((a, b)) => out.extend([Int(a), Int(b)]),
            None => out.extend([Null, Null]),
        }
    }
    out.extend(text.map(|t| Str(Cow::Borrowed(t))));
    out
}

/// [`mention_fields`] as JSON, as migration 0010 wrote it.
pub(crate) fn mention_element(
    fields: [i64; 5],
    discovered: i64,
    evidence: Option<(i64, i64)>,
    text: Option<&str>,
) -> String {
    let mut out = String::new();
    element_json(
        &mut out,
        &mention_fields(fields, discovered, evidence, text),
    );
    out
}

/// One time expression as an element of `time_lists.list`: `[start,
/// length, value, type, rule]` from `[start, end, type, rule]` (type and
/// rule as `strings` ids), then the qualifier and the text when not NULL.
pub(crate) fn time_fields<'a>(
    [start, end, kind, rule]: [i64; 4],
    value: &'a str,
    qualifier: Option<&'a str>,
    text: Option<&'a str>,
) -> Vec<Field<'a>> {
    use Field::*;
    let mut out = vec![
        Int(start),
        Int(end - start),
        Str(Cow::Borrowed(value)),
        Int(kind),
        Int(rule),
    ];
    if qualifier.is_some() || text.is_some() {
        out.push(qualifier.map_or(Null, |q| Str(Cow::Borrowed(q))));
    }
    out.extend(text.map(|t| Str(Cow::Borrowed(t))));
    out
}

/// [`time_fields`] as JSON, as migration 0010 wrote it.
pub(crate) fn time_element(
    fields: [i64; 4],
    value: &str,
    qualifier: Option<&str>,
    text: Option<&str>,
) -> String {
    let mut out = String::new();
    element_json(&mut out, &time_fields(fields, value, qualifier, text));
    out
}

fn element_json(out: &mut String, fields: &[Field<'_>]) {
    use std::fmt::Write;
    out.push('[');
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        match f {
            Field::Int(v) => {
                let _ = write!(out, "{v}");
            }
            Field::Null => out.push_str("null"),
            Field::Str(t) => out.push_str(&json_string(t)),
        }
    }
    out.push(']');
}

/// Which field of a mention, and of a time expression, is stored as the
/// difference from the previous element's: their start, which grows
/// along the text.
pub(crate) const MENTION_DELTA: u8 = 1;
pub(crate) const TIME_DELTA: u8 = 0;

/// A packed list (migration 0012): what migration 0010 kept as a JSON array
/// of short arrays, in about 0.4 of the bytes. A byte saying which field
/// is a difference, the number of elements, then each element: its number
/// of fields and each field as a varint: 0 NULL, 1 a string (its length
/// and bytes follow), 2 a `YYYY-MM-DD` date (its day number follows), 3 a
/// number whose zigzag form follows (when it is too large for the next),
/// else a number `n` as `zigzag(n) + 4`.
/// `entente_list` gives the JSON back, which the views `mentions` and
/// `times` read.
pub(crate) struct ListWriter {
    body: Vec<u8>,
    count: u64,
    delta: usize,
    prev: i64,
}

impl ListWriter {
    pub(crate) fn new(delta: u8) -> ListWriter {
        ListWriter {
            body: Vec::new(),
            count: 0,
            delta: delta as usize,
            prev: 0,
        }
    }

    pub(crate) fn push(&mut self, fields: &[Field<'_>]) {
        self.count += 1;
        push_varint(&mut self.body, fields.len() as u64);
        for (i, f) in fields.iter().enumerate() {
            match f {
                Field::Null => self.body.push(0),
                Field::Str(t) => match date_days(t) {
                    Some(days) => {
                        self.body.push(2);
                        push_varint(&mut self.body, days);
                    }
                    None => {
                        self.body.push(1);
                        push_varint(&mut self.body, t.len() as u64);
                        self.body.extend_from_slice(t.as_bytes());
                    }
                },
                &Field::Int(mut v) => {
                    if i == self.delta {
                        (v, self.prev) = (v.wrapping_sub(self.prev), v);
                    }
                    match zigzag(v).checked_add(4) {
                        Some(code) => push_varint(&mut self.body, code),
                        None => {
                            self.body.push(3);
                            push_varint(&mut self.body, zigzag(v));
                        }
                    }
                }
            }
        }
    }

    pub(crate) fn finish(self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.body.len() + 4);
        out.push(self.delta as u8);
        push_varint(&mut out, self.count);
        out.extend_from_slice(&self.body);
        out
    }
}

fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

fn unzigzag(u: u64) -> i64 {
    ((u >> 1) as i64) ^ -((u & 1) as i64)
}

/// Reads a packed list, calling `f` with each element's fields.
fn read_list(z: &[u8], mut f: impl FnMut(&[Field<'_>])) -> std::result::Result<u64, String> {
    let (&delta, _) = z.split_first().ok_or("stored list is empty")?;
    let mut at = 1;
    let count = read_varint(z, &mut at)?;
    let mut prev = 0i64;
    let mut fields = Vec::new();
    for _ in 0..count {
        let n = read_varint(z, &mut at)?;
        fields.clear();
        for i in 0..n {
            let code = read_varint(z, &mut at)?;
            fields.push(match code {
                0 => Field::Null,
                1 => {
                    let len = read_varint(z, &mut at)? as usize;
                    let end = at
                        .checked_add(len)
                        .filter(|&e| e <= z.len())
                        .ok_or("stored list is cut short")?;
                    let t = std::str::from_utf8(&z[at..end]).map_err(|e| e.to_string())?;
                    at = end;
                    Field::Str(Cow::Borrowed(t))
                }
                2 => Field::Str(Cow::Owned(
                    day_text(read_varint(z, &mut at)?).ok_or("bad stored date")?,
                )),
                c => {
                    let zig = if c == 3 {
                        read_varint(z, &mut at)?
                    } else {
                        c - 4
                    };
                    let mut v = unzigzag(zig);
                    if i == u64::from(delta) {
                        v = v.wrapping_add(prev);
                        prev = v;
                    }
                    Field::Int(v)
                }
            });
        }
        f(&fields);
    }
    Ok(count)
}

/// A packed list as the JSON array of arrays that migration 0010 stored.
pub(crate) fn list_json(z: &[u8]) -> std::result::Result<String, String> {
    let mut out = String::from("[");
    let mut first = true;
    read_list(z, |fields| {
        if !first {
            out.push(',');
        }
        first = false;
        element_json(&mut out, fields);
    })?;
    out.push(']');
    Ok(out)
}

/// How many elements a packed list has.
pub(crate) fn list_len(z: &[u8]) -> std::result::Result<u64, String> {
    let mut at = 1;
    if z.is_empty() {
        return Err("stored list is empty".into());
    }
    read_varint(z, &mut at)
}

/// A JSON list of migration 0010 packed, `delta` as in [`ListWriter`].
pub(crate) fn pack_list(json: &str, delta: u8) -> std::result::Result<Vec<u8>, String> {
    let items: Vec<Vec<Json>> = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let mut w = ListWriter::new(delta);
    for item in &items {
        let fields = item
            .iter()
            .map(|v| match v {
                Json::Null => Ok(Field::Null),
                Json::String(s) => Ok(Field::Str(Cow::Borrowed(s))),
                Json::Number(n) => n
                    .as_i64()
                    .map(Field::Int)
                    .ok_or("a number that is not an integer"),
                _ => Err("a list field that is not a number, string or null"),
            })
            .collect::<std::result::Result<Vec<_>, _>>()?;
        w.push(&fields);
    }
    Ok(w.finish())
}

fn json_string(s: &str) -> String {
    Json::String(s.to_string()).to_string()
}

/// Strings a packed record names by one byte (migration 0012): the keys of
/// the compact JSON and of actors and places, and the values of the
/// coder's small vocabularies (date precision, quote style, fact measures
/// and units, common reporting verbs). Append only: stored records point
/// into it.
const WORDS: [&str; 80] = [
    // keys
    "@a",
    "@s",
    "@cs",
    "@r",
    "c",
    "dp",
    "s",
    "t",
    "m",
    "rb",
    "pl",
    "cu",
    "st",
    "sp",
    "ap",
    "me",
    "u",
    "v",
    "pe",
    "h",
    "cp",
    "co",
    "as",
    "span",
    "text",
    "content",
    "content_span",
    "code",
    "country",
    "role",
    "name",
    "id",
    "type",
    "lat",
    "lon",
    "rule",
    "confidence",
    "mode",
    // values
    "",
    "day",
    "month",
    "year",
    "range",
    "document",
    "direct",
    "indirect",
    "fraction",
    "percent",
    "USD",
    "people",
    "attacks",
    "money",
    "count",
    "share",
    "stake",
    "import_share",
    "supply_share",
    "casualties",
    "said",
    "says",
    "say",
    "saying",
    "told",
    "added",
    "announced",
    "reported",
    "according to",
    "According to",
    "warned",
    "agreed",
    "called",
    "asked",
    "person",
    "organisation",
    "group",
    "place",
    "asserted",
    "planned",
    "hypothetical",
    "negated",
];

/// Tags of a packed JSON value; 16 and up name `WORDS[tag - 16]`, 128
/// and up are the integers 0 to 127.
const J_NULL: u8 = 0;
const J_FALSE: u8 = 1;
const J_TRUE: u8 = 2;
const J_INT: u8 = 3;
const J_FLOAT: u8 = 4;
const J_STR: u8 = 5;
const J_ARRAY: u8 = 6;
const J_OBJECT: u8 = 7;
const J_DATE: u8 = 8;
const J_WORD: u8 = 16;
const J_SMALL: u8 = 128;

fn word_index(s: &str) -> Option<usize> {
    WORDS.iter().position(|w| *w == s)
}

/// A record's JSON packed (migration 0012): a tag byte per value, lengths
/// and integers as varints, known strings as one byte, `YYYY-MM-DD` dates
/// as a day number, a float as its shortest decimal text (so it reads back
/// to the same number); objects keep their key order. About 0.35 of the
/// JSON text's bytes.
pub(crate) fn pack_json(out: &mut Vec<u8>, v: &Json) {
    match v {
        Json::Null => out.push(J_NULL),
        Json::Bool(false) => out.push(J_FALSE),
        Json::Bool(true) => out.push(J_TRUE),
        Json::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) if u < 128 => out.push(J_SMALL + u as u8),
            (_, Some(i)) => {
                out.push(J_INT);
                push_varint(out, zigzag(i));
            }
            _ => {
                // u64 above i64::MAX and floats: as text.
                let t = n.to_string();
                out.push(J_FLOAT);
                push_varint(out, t.len() as u64);
                out.extend_from_slice(t.as_bytes());
            }
        },
        Json::String(t) => pack_str(out, t),
        Json::Array(items) => {
            out.push(J_ARRAY);
            push_varint(out, items.len() as u64);
            for i in items {
                pack_json(out, i);
            }
        }
        Json::Object(m) => {
            out.push(J_OBJECT);
            push_varint(out, m.len() as u64);
            for (k, v) in m {
                pack_str(out, k);
                pack_json(out, v);
            }
        }
    }
}

/// [`pack_json`] of a record made compact ahead (`compact::Precompact`):
/// each `"@a": i` packed as the row id `ids[i]`, and the rule's row id
/// `"@r"` added to the top level (the place of its key in the sorted
/// keys, where `pack_json` of the finished record puts it).
pub(crate) fn pack_resolved(out: &mut Vec<u8>, v: &Json, ids: &[i64], rule: Option<i64>) {
    fn inner(out: &mut Vec<u8>, v: &Json, ids: &[i64]) {
        match v {
            Json::Object(m) => {
                out.push(J_OBJECT);
                push_varint(out, m.len() as u64);
                for (k, v) in m {
                    pack_str(out, k);
                    match (k.as_str(), v.as_u64().and_then(|i| ids.get(i as usize))) {
                        ("@a", Some(&id)) => pack_json(out, &Json::from(id)),
                        _ => inner(out, v, ids),
                    }
                }
            }
            Json::Array(items) => {
                out.push(J_ARRAY);
                push_varint(out, items.len() as u64);
                for i in items {
                    inner(out, i, ids);
                }
            }
            other => pack_json(out, other),
        }
    }
    let (Json::Object(m), Some(rule)) = (v, rule) else {
        return inner(out, v, ids);
    };
    out.push(J_OBJECT);
    push_varint(out, m.len() as u64 + 1);
    let mut placed = false;
    for (k, v) in m {
        if !placed && k.as_str() > "@r" {
            pack_str(out, "@r");
            pack_json(out, &Json::from(rule));
            placed = true;
        }
        pack_str(out, k);
        match (k.as_str(), v.as_u64().and_then(|i| ids.get(i as usize))) {
            ("@a", Some(&id)) => pack_json(out, &Json::from(id)),
            _ => inner(out, v, ids),
        }
    }
    if !placed {
        pack_str(out, "@r");
        pack_json(out, &Json::from(rule));
    }
}

fn pack_str(out: &mut Vec<u8>, t: &str) {
    if let Some(i) = word_index(t) {
        out.push(J_WORD + i as u8);
    } else if let Some(days) = date_days(t) {
        out.push(J_DATE);
        push_varint(out, days);
    } else {
        out.push(J_STR);
        push_varint(out, t.len() as u64);
        out.extend_from_slice(t.as_bytes());
    }
}

/// Days since 0001-01-01 of a `YYYY-MM-DD` date that prints back the same.
fn date_days(t: &str) -> Option<u64> {
    use chrono::Datelike;
    if t.len() != 10 {
        return None;
    }
    let d = chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d").ok()?;
    let days = u64::try_from(d.num_days_from_ce()).ok()?;
    (day_text(days)? == t).then_some(days)
}

fn day_text(days: u64) -> Option<String> {
    let d = chrono::NaiveDate::from_num_days_from_ce_opt(i32::try_from(days).ok()?)?;
    Some(d.format("%Y-%m-%d").to_string())
}

/// A value packed by [`pack_json`], read from `at` on.
fn unpack_value(z: &[u8], at: &mut usize, depth: usize) -> std::result::Result<Json, String> {
    if depth > 64 {
        return Err("stored record nests too deep".into());
    }
    let tag = *z.get(*at).ok_or("stored record is cut short")?;
    *at += 1;
    let bytes = |at: &mut usize| -> std::result::Result<&[u8], String> {
        let n = read_varint(z, at)? as usize;
        let s = *at;
        *at = s
            .checked_add(n)
            .filter(|&e| e <= z.len())
            .ok_or("stored record is cut short")?;
        Ok(&z[s..*at])
    };
    let utf8 = |b: &[u8]| {
        std::str::from_utf8(b)
            .map(str::to_string)
            .map_err(|e| e.to_string())
    };
    Ok(match tag {
        J_NULL => Json::Null,
        J_FALSE => Json::Bool(false),
        J_TRUE => Json::Bool(true),
        J_INT => Json::from(unzigzag(read_varint(z, at)?)),
        J_FLOAT => {
            let t = utf8(bytes(at)?)?;
            serde_json::from_str::<Json>(&t).map_err(|e| e.to_string())?
        }
        J_STR => Json::String(utf8(bytes(at)?)?),
        J_DATE => Json::String(day_text(read_varint(z, at)?).ok_or("bad stored date")?),
        J_ARRAY => {
            let n = read_varint(z, at)? as usize;
            let mut items = Vec::with_capacity(n.min(1024));
            for _ in 0..n {
                items.push(unpack_value(z, at, depth + 1)?);
            }
            Json::Array(items)
        }
        J_OBJECT => {
            let n = read_varint(z, at)? as usize;
            let mut m = Map::new();
            for _ in 0..n {
                let Json::String(k) = unpack_value(z, at, depth + 1)? else {
                    return Err("stored record has a key that is not a string".into());
                };
                let v = unpack_value(z, at, depth + 1)?;
                m.insert(k, v);
            }
            Json::Object(m)
        }
        t if t >= J_SMALL => Json::from(t - J_SMALL),
        t if t >= J_WORD => Json::String(
            WORDS
                .get(usize::from(t - J_WORD))
                .ok_or("stored record names an unknown word")?
                .to_string(),
        ),
        _ => return Err("stored record has an unknown tag".into()),
    })
}

/// A packed record as JSON text (a stored record from before migration
/// 0012 is JSON text already).
pub(crate) fn record_json(z: &[u8]) -> std::result::Result<Json, String> {
    let mut at = 0;
    let v = unpack_value(z, &mut at, 0)?;
    if at != z.len() {
        return Err("stored record has bytes left over".into());
    }
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_back_as_their_json() {
        let mentions = [
            mention_fields([0, 40, 45, 7, 3], 0, None, None),
            // Earlier in the text than the one before: a negative difference.
            mention_fields([0, 12, 18, 900_000, 2], 1, Some((10, 30)), None),
            mention_fields([2, 300, 305, 1, 1], 0, None, Some("Ankara \"x\"")),
            mention_fields([3, 310, 315, -4, i64::MAX], 0, Some((1, 2)), Some("")),
        ];
        let mut w = ListWriter::new(MENTION_DELTA);
        let mut json = Vec::new();
        for m in &mentions {
            w.push(m);
            let mut e = String::new();
            element_json(&mut e, m);
            json.push(e);
        }
        let z = w.finish();
        let want = format!("[{}]", json.join(","));
        assert_eq!(list_json(&z).unwrap(), want);
        assert_eq!(list_len(&z).unwrap(), 4);
        // Packing the JSON of migration 0010 gives the same bytes.
        assert_eq!(pack_list(&want, MENTION_DELTA).unwrap(), z);
        let times = [
            time_fields([5, 15, 1, 2], "2026-12-04", None, None),
            time_fields([0, 3, 1, 2], "2026-02-30", Some("approx"), None),
            time_fields([20, 24, 1, 2], "PAST_REF", None, Some("then")),
            time_fields([30, 34, 1, 2], "0001-01-01", None, None),
        ];
        let mut w = ListWriter::new(TIME_DELTA);
        for t in &times {
            w.push(t);
        }
        let z = w.finish();
        let back: Vec<Vec<Json>> = serde_json::from_str(&list_json(&z).unwrap()).unwrap();
        assert_eq!(back[0][2], "2026-12-04");
        assert_eq!(back[1][2], "2026-02-30");
        assert_eq!(back[1][5], "approx");
        assert_eq!(back[2][6], "then");
        assert_eq!(back[3][2], "0001-01-01");
        assert_eq!(back[1][0], 0);
        assert!(list_json(&z[..z.len() - 1]).is_err());
        assert!(list_len(&[]).is_err());
    }

    #[test]
    fn records_read_back_equal() {
        let v: Json = serde_json::from_str(
            r#"{"@cs":[51,126],"@r":3,"cu":"say","sp":{"@s":[0,46]},"st":"indirect",
                "c":0.9,"v":-1.0e-7,"big":18446744073709551615,"neg":-300,"n":127,"m":128,
                "d":"2026-12-04","bad_date":"2026-13-01","t":true,"f":false,"z":null,
                "u":"Dūmā","e":"","a":[[],{}]}"#,
        )
        .unwrap();
        let mut z = Vec::new();
        pack_json(&mut z, &v);
        let back = record_json(&z).unwrap();
        assert_eq!(back, v);
        assert_eq!(back.to_string(), v.to_string());
        assert!(z.len() < v.to_string().len() * 3 / 4);
        assert!(record_json(&z[..z.len() - 1]).is_err());
        assert!(record_json(&[J_OBJECT, 1, J_SMALL, J_NULL]).is_err());
        assert!(record_json(&[127]).is_err());
        // Deep nesting is refused rather than overflowing the stack.
        let deep = [J_ARRAY, 1].repeat(100_000);
        assert!(record_json(&deep).is_err());
    }

    #[test]
    fn actor_types_round_trip() {
        for t in [
            "person",
            "organisation",
            "group",
            "country",
            "place",
            "other",
        ] {
            assert_eq!(type_name(type_code(t)), t);
        }
        assert_eq!(type_code("organisation"), "1");
    }
}
