//! Importer for PETRARCH/TABARI dictionaries: actor files (`NAME_ [CODE]`,
//! `+ALIAS` lines, tab-indented date restrictions `[USAGOV >20090120]`,
//! `[ISRGOV 830505-930513]`) and agent files (`WORD [~ROLE]`, `{plurals}`,
//! `!SET! = A, B` substitutions). Entries become the lexicon's own typed rows,
//! held in memory; nothing from these files is ever written into our data.
//!
//! Odd lines are data, not errors: they are skipped with a diagnostic naming
//! `file:line`.

use crate::codes::{is_role, ROLES};
use crate::{Agent, Organisation, PartialDate, PersonRole, Source};
use chrono::NaiveDate;
use model::{ActorType, Diagnostic, Severity};
use std::collections::HashMap;

/// One imported actor entry.
#[derive(Debug, Clone, PartialEq)]
pub enum Entry {
    /// One period of a person (or any entry with dated codes); an undated
    /// default code becomes a period with neither start nor end, which the
    /// recogniser uses only when no dated period applies.
    Person(PersonRole),
    /// An entry with one undated code: an organisation, a group, or (for a
    /// bare three-letter code) a country name or one of its places.
    Organisation(Organisation),
}

fn diag(file: &str, line: usize, message: String) -> Diagnostic {
    Diagnostic {
        doc: None,
        file: Some(file.to_string()),
        line: Some(line),
        severity: Severity::Warning,
        message,
    }
}

/// Words kept in lower case when an upper-case dictionary phrase is turned
/// into news spelling.
const LOWER_WORDS: &[&str] = &[
    "of", "the", "and", "for", "in", "on", "to", "a", "an", "at", "de", "del", "du", "des", "da",
    "la", "le", "al", "el", "bin", "ibn", "von", "van", "y",
];

/// `HAMID_KARZAI_` -> `Hamid Karzai`; `THE_UNITED_NATIONS` -> `the United Nations`.
pub fn phrase_to_name(phrase: &str) -> String {
    let mut out = Vec::new();
    for w in phrase.split(['_', ' ']).filter(|w| !w.is_empty()) {
        let lower = w.to_lowercase();
        if LOWER_WORDS.contains(&lower.as_str()) {
            out.push(lower);
            continue;
        }
        // Title-case each hyphen part: KI-MOON -> Ki-Moon.
        let parts: Vec<String> = lower
            .split('-')
            .map(|p| {
                let mut cs = p.chars();
                match cs.next() {
                    Some(f) => f.to_uppercase().chain(cs).collect(),
                    None => String::new(),
                }
            })
            .collect();
        out.push(parts.join("-"));
    }
    out.join(" ")
}

fn slug(name: &str) -> String {
    let mut s = String::new();
    for c in crate::norm::fold(name).chars() {
        if c.is_ascii_alphanumeric() {
            s.push(c);
        } else if !s.ends_with('-') && !s.is_empty() {
            s.push('-');
        }
    }
    s.trim_end_matches('-').to_string()
}

/// TABARI dates: `YYMMDD` (00-30 -> 20YY, else 19YY) or `YYYYMMDD`.
fn tabari_date(s: &str) -> Option<PartialDate> {
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (y, rest) = match s.len() {
        6 => {
            let yy: i32 = s[..2].parse().ok()?;
            (if yy <= 30 { 2000 + yy } else { 1900 + yy }, &s[2..])
        }
        8 => (s[..4].parse().ok()?, &s[4..]),
        _ => return None,
    };
    let m: u32 = rest[..2].parse().ok()?;
    let d: u32 = rest[2..4].parse().ok()?;
    NaiveDate::from_ymd_opt(y, m, d)?;
    Some(PartialDate {
        year: y,
        month: Some(m),
        day: Some(d),
    })
}

/// A code with its optional date restriction.
struct Coded {
    code: String,
    start: Option<PartialDate>,
    end: Option<PartialDate>,
    line: usize,
}

/// Parses the inside of one `[...]`; `Ok(None)` for the null code `---`.
fn parse_bracket(inner: &str, line: usize) -> Result<Option<Coded>, String> {
    let inner = inner.trim();
    let (code, rest) = match inner.split_once(char::is_whitespace) {
        Some((c, r)) => (c.trim(), r.trim()),
        None => (inner, ""),
    };
    if code.starts_with("---") {
        return Ok(None);
    }
    if code.is_empty() || code.len() % 3 != 0 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(format!(
            "code `{code}` is not a run of upper-case three-letter parts"
        ));
    }
    let (mut start, mut end) = (None, None);
    if let Some(d) = rest.strip_prefix('>') {
        start = Some(
            tabari_date(d.trim())
                .ok_or_else(|| format!("date `{}` is not YYMMDD or YYYYMMDD", d.trim()))?,
        );
    } else if let Some(d) = rest.strip_prefix('<') {
        end = Some(
            tabari_date(d.trim())
                .ok_or_else(|| format!("date `{}` is not YYMMDD or YYYYMMDD", d.trim()))?,
        );
    } else if let Some((a, b)) = rest.split_once('-') {
        let s = tabari_date(a.trim())
            .ok_or_else(|| format!("date `{}` is not YYMMDD or YYYYMMDD", a.trim()))?;
        let e = tabari_date(b.trim())
            .ok_or_else(|| format!("date `{}` is not YYMMDD or YYYYMMDD", b.trim()))?;
        if e < s {
            return Err(format!("date range `{rest}` ends before it starts"));
        }
        start = Some(s);
        end = Some(e);
    } else if !rest.is_empty() {
        return Err(format!(
            "date restriction `{rest}` is not >DATE, <DATE or DATE-DATE"
        ));
    }
    Ok(Some(Coded {
        code: code.to_string(),
        start,
        end,
        line,
    }))
}

/// All `[...]` groups of a line, with what lies before the first one.
fn brackets(s: &str) -> (&str, Vec<&str>) {
    let head = s.split('[').next().unwrap_or("");
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(i) = rest.find('[') {
        let after = &rest[i + 1..];
        match after.find(']') {
            Some(j) => {
                out.push(&after[..j]);
                rest = &after[j + 1..];
            }
            None => {
                out.push(after);
                break;
            }
        }
    }
    (head, out)
}

#[derive(Default)]
struct Pending {
    name: String,
    aliases: Vec<String>,
    codes: Vec<Coded>,
    line: usize,
}

/// Parses a PETRARCH actor dictionary. `name` is the file name used in
/// sources and diagnostics; entries from `*MilNonState*` files are groups.
pub fn import_actors(name: &str, contents: &str) -> (Vec<Entry>, Vec<Diagnostic>) {
    let group_file = name.to_ascii_lowercase().contains("milnonstate");
    let mut entries = Vec::new();
    let mut diags = Vec::new();
    let mut cur: Option<Pending> = None;

    let flush = |p: Pending, entries: &mut Vec<Entry>, diags: &mut Vec<Diagnostic>| {
        if p.codes.is_empty() {
            diags.push(diag(
                name,
                p.line,
                format!("entry `{}` has no code; skipped", p.name),
            ));
            return;
        }
        let id = format!("petrarch:{}", slug(&p.name));
        let dated = p.codes.iter().any(|c| c.start.is_some() || c.end.is_some());
        if dated {
            for c in p.codes {
                entries.push(Entry::Person(PersonRole {
                    id: id.clone(),
                    name: p.name.clone(),
                    aliases: p.aliases.clone(),
                    code: c.code,
                    office: "other".to_string(),
                    start: c.start,
                    end: c.end,
                    source: Source {
                        file: name.to_string(),
                        line: c.line,
                    },
                }));
            }
        } else {
            if p.codes.len() > 1 {
                diags.push(diag(
                    name,
                    p.line,
                    format!(
                        "entry `{}` has several undated codes; the first is kept",
                        p.name
                    ),
                ));
            }
            let Some(c) = p.codes.into_iter().next() else {
                return;
            };
            let bare = c.code.len() == 3 && !is_role(&c.code);
            let kind = if bare {
                ActorType::Country
            } else if group_file {
                ActorType::Group
            } else {
                ActorType::Organisation
            };
            let country = c.code.get(..3).unwrap_or("").to_string();
            entries.push(Entry::Organisation(Organisation {
                id,
                name: p.name,
                aliases: p.aliases,
                code: c.code,
                kind,
                country,
                source: Source {
                    file: name.to_string(),
                    line: c.line,
                },
            }));
        }
    };

    for (i, raw) in contents.lines().enumerate() {
        let line = i + 1;
        if raw.contains("---STOP---") {
            break;
        }
        let text = raw.split('#').next().unwrap_or("");
        if text.trim().is_empty() || text.trim_start().starts_with('<') {
            continue;
        }
        let indented = text.starts_with([' ', '\t']);
        let t = text.trim();
        if indented || t.starts_with('[') {
            // A date restriction (or extra code) of the current entry.
            let Some(p) = cur.as_mut() else {
                diags.push(diag(
                    name,
                    line,
                    "code line before any entry; skipped".into(),
                ));
                continue;
            };
            let (_, bs) = brackets(t);
            if bs.is_empty() {
                diags.push(diag(
                    name,
                    line,
                    format!("indented line `{t}` has no [code]; skipped"),
                ));
            }
            for b in bs {
                match parse_bracket(b, line) {
                    Ok(Some(c)) => p.codes.push(c),
                    Ok(None) => {}
                    Err(m) => diags.push(diag(name, line, format!("{m}; code skipped"))),
                }
            }
        } else if let Some(alias) = t.strip_prefix('+') {
            let Some(p) = cur.as_mut() else {
                diags.push(diag(name, line, "synonym before any entry; skipped".into()));
                continue;
            };
            let (head, bs) = brackets(alias);
            if !bs.is_empty() {
                diags.push(diag(
                    name,
                    line,
                    "codes on a synonym line are ignored".into(),
                ));
            }
            let a = phrase_to_name(head);
            if !a.is_empty() && a != p.name && !p.aliases.contains(&a) {
                p.aliases.push(a);
            }
        } else {
            let (head, bs) = brackets(t);
            let phrase = phrase_to_name(head);
            if phrase.is_empty() {
                diags.push(diag(name, line, format!("line `{t}` has no name; skipped")));
                continue;
            }
            // As in PETRARCH, a primary phrase that has no code yet shares the
            // codes of the phrases that follow it: they are one entry.
            let mut p = match cur.take() {
                Some(mut prev) if prev.codes.is_empty() => {
                    if !prev.aliases.contains(&phrase) && prev.name != phrase {
                        prev.aliases.push(phrase);
                    }
                    prev
                }
                Some(prev) => {
                    flush(prev, &mut entries, &mut diags);
                    Pending {
                        name: phrase,
                        line,
                        ..Pending::default()
                    }
                }
                None => Pending {
                    name: phrase,
                    line,
                    ..Pending::default()
                },
            };
            for b in bs {
                match parse_bracket(b, line) {
                    Ok(Some(c)) => p.codes.push(c),
                    Ok(None) => {}
                    Err(m) => diags.push(diag(name, line, format!("{m}; code skipped"))),
                }
            }
            cur = Some(p);
        }
    }
    if let Some(p) = cur.take() {
        flush(p, &mut entries, &mut diags);
    }
    (entries, diags)
}

/// PETRARCH agent codes that are not CAMEO roles but religions: coded `REL`.
const RELIGIONS: &[&str] = &[
    "MUS", "CHR", "JEW", "HIN", "BUD", "CTH", "PRO", "SHI", "SUN", "ORT",
];

/// Parses a PETRARCH agent dictionary into agent nouns (lower-case terms).
/// The role is the first part of the code that is a CAMEO role (`~GOVMIL` ->
/// GOV); religion codes become REL; others are skipped with a diagnostic.
pub fn import_agents(name: &str, contents: &str) -> (Vec<Agent>, Vec<Diagnostic>) {
    let mut subst: HashMap<String, Vec<String>> = HashMap::new();
    let mut out = Vec::new();
    let mut diags = Vec::new();
    for (i, raw) in contents.lines().enumerate() {
        let line = i + 1;
        let t = raw.split('#').next().unwrap_or("").trim();
        if t.is_empty() || t.starts_with('<') {
            continue;
        }
        if t.contains('!') && t.contains('=') && !t.contains('[') {
            // `!PERSON! = MAN, MEN, WOMAN`
            let (lhs, rhs) = t.split_once('=').unwrap_or((t, ""));
            let key = lhs.trim().trim_matches('!').to_string();
            subst.insert(
                key,
                rhs.split(',')
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect(),
            );
            continue;
        }
        let (head, bs) = brackets(t);
        let Some(code) = bs.first().map(|c| c.trim().trim_start_matches('~')) else {
            diags.push(diag(
                name,
                line,
                format!("agent `{t}` has no [code]; skipped"),
            ));
            continue;
        };
        let parts: Vec<&str> = (0..code.len() / 3)
            .filter_map(|i| code.get(i * 3..i * 3 + 3))
            .collect();
        let role = parts
            .iter()
            .find(|p| is_role(p))
            .map(|p| p.to_string())
            .or_else(|| {
                parts
                    .iter()
                    .any(|p| RELIGIONS.contains(p))
                    .then(|| "REL".to_string())
            });
        let Some(role) = role else {
            diags.push(diag(
                name,
                line,
                format!(
                    "agent code `{code}` has no CAMEO role ({}); skipped",
                    ROLES.join(" ")
                ),
            ));
            continue;
        };
        let source = Source {
            file: name.to_string(),
            line,
        };
        let mut push = |term: String, plurals: Vec<String>| {
            let term = term
                .replace('_', " ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            if term.is_empty() {
                return;
            }
            out.push(Agent {
                term,
                plurals: plurals
                    .into_iter()
                    .map(|p| {
                        p.replace('_', " ")
                            .split_whitespace()
                            .collect::<Vec<_>>()
                            .join(" ")
                            .to_lowercase()
                    })
                    .filter(|p| !p.is_empty())
                    .collect(),
                role: role.clone(),
                kind: ActorType::Person,
                office: None,
                example: String::new(),
                source: source.clone(),
            });
        };
        let head = head.trim();
        if let Some(a) = head.find('!') {
            // Substitution: every member of the set is its own term (the sets
            // already list plurals).
            let Some(b) = head[a + 1..].find('!').map(|b| a + 1 + b) else {
                diags.push(diag(name, line, "unclosed !SET! marker; skipped".into()));
                continue;
            };
            let Some(set) = subst.get(&head[a + 1..b]) else {
                diags.push(diag(
                    name,
                    line,
                    format!("unknown substitution set `{}`; skipped", &head[a..=b]),
                ));
                continue;
            };
            for s in set {
                push(format!("{}{}{}", &head[..a], s, &head[b + 1..]), Vec::new());
            }
        } else if let Some(a) = head.find('{') {
            let Some(b) = head[a..].find('}').map(|b| a + b) else {
                diags.push(diag(name, line, "missing `}`; skipped".into()));
                continue;
            };
            let plurals = head[a + 1..b]
                .split([',', '|'])
                .map(|s| s.trim().to_string())
                .collect();
            push(head[..a].to_string(), plurals);
        } else {
            let w = head.trim_end_matches('_');
            let plural = if let Some(stem) = w.strip_suffix('Y') {
                format!("{stem}IES")
            } else if w.ends_with('S') {
                format!("{w}ES")
            } else {
                format!("{w}S")
            };
            push(w.to_string(), vec![plural]);
        }
    }
    (out, diags)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Invented entries in the dictionary syntax (not taken from any file).
    const ACTORS: &str = "# comment\n\
FREEDONIA_  [FRE]\n\
+FREEDONIAN_\n\
+GRAND_FENWICK # a place\n\
\n\
RUFUS_T_FIREFLY_  # note\n\
+FIREFLY_\n\
\t[FREELI 310101-330101]\n\
\t[FREGOV >330101]\n\
\t[FREELI]\n\
TRENTINO_ [SYLGOV <331231] [SYLELI]\n\
BROKEN_ENTRY\n\
\t[FREGOV 3301-330101]\n\
NOCODE_\n\
<!-- xml comment -->\n\
---STOP---\n\
AFTER_STOP [FRE]\n";

    #[test]
    fn actors() {
        let (e, d) = import_actors("Test.actors.txt", ACTORS);
        let got: Vec<String> = e
            .iter()
            .map(|e| match e {
                Entry::Person(p) => format!(
                    "person {} {} {} {:?}..{:?} {}",
                    p.id,
                    p.name,
                    p.code,
                    p.start.map(|d| d.to_string()),
                    p.end.map(|d| d.to_string()),
                    p.source
                ),
                Entry::Organisation(o) => {
                    format!(
                        "org {} {} {:?} {} {:?} {}",
                        o.id, o.name, o.aliases, o.code, o.kind, o.source
                    )
                }
            })
            .collect();
        assert_eq!(
            got,
            [
                "org petrarch:freedonia Freedonia [\"Freedonian\", \"Grand Fenwick\"] FRE Country Test.actors.txt:2",
                "person petrarch:rufus-t-firefly Rufus T Firefly FREELI Some(\"1931-01-01\")..Some(\"1933-01-01\") Test.actors.txt:8",
                "person petrarch:rufus-t-firefly Rufus T Firefly FREGOV Some(\"1933-01-01\")..None Test.actors.txt:9",
                "person petrarch:rufus-t-firefly Rufus T Firefly FREELI None..None Test.actors.txt:10",
                "person petrarch:trentino Trentino SYLGOV None..Some(\"1933-12-31\") Test.actors.txt:11",
                "person petrarch:trentino Trentino SYLELI None..None Test.actors.txt:11",
            ]
        );
        let msgs: Vec<String> = d
            .iter()
            .map(|d| {
                format!(
                    "{}:{} {}",
                    d.file.as_deref().unwrap_or(""),
                    d.line.unwrap_or(0),
                    d.message
                )
            })
            .collect();
        assert_eq!(
            msgs,
            [
                "Test.actors.txt:13 date `3301` is not YYMMDD or YYYYMMDD; code skipped",
                "Test.actors.txt:12 entry `Broken Entry` has no code; skipped",
            ]
        );
    }

    #[test]
    fn agents() {
        let src = "!PERSON! = MAN, MEN\nSPY!PERSON! [~SPY]\nARMY [~MIL]\nPOLICE {} [~COP]\n\
                   AIR_FORCE {AIR_FORCES} [~GOVMIL]\nFACTORY [~BUS]\nBISHOP [~CHR]\nPARTY [~PTY]\nLOST\n";
        let (a, d) = import_agents("T.agents.txt", src);
        let got: Vec<String> = a
            .iter()
            .map(|a| format!("{}|{}|{}", a.term, a.plurals.join(","), a.role))
            .collect();
        assert_eq!(
            got,
            [
                "spyman||SPY",
                "spymen||SPY",
                "army|armies|MIL",
                "police||COP",
                "air force|air forces|GOV",
                "factory|factories|BUS",
                "bishop|bishops|REL"
            ]
        );
        assert_eq!(d.len(), 2);
    }
}
