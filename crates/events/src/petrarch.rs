//! Reads PETRARCH-2 / TABARI CAMEO verb dictionaries into extra patterns, in memory.
//!
//! The dictionaries are third-party data (MIT, Open Event Data Alliance); entente
//! never copies them into its own files. The caller reads the files and passes
//! their text; this module turns each `--- VERB [code] ---` block into patterns:
//! every verb of the block (with its listed irregular forms) is a trigger, and
//! each `- ... * ... [code]` line after it becomes a pattern whose words must
//! follow the verb in order, a few words apart at most. Unmarked words are
//! stems (`RESUM` matches "resumed"), `WORD_` is exact, `&SET_` expands a synonym
//! set, `{A B}` and `(A B)` are phrases, `+` is the target and `$` the source.
//! Lines with words before the verb (`- WILL * ...`) and `[---]` codes are skipped.

use std::collections::HashMap;

use crate::cameo::CameoTable;
use crate::morph::verb_forms;
use crate::verbs::{Elem, Kind, Pattern};

/// What an overlay produced and what it had to skip.
#[derive(Debug, Default)]
pub struct Overlay {
    pub patterns: Vec<Pattern>,
    /// `file:line: message` for lines that could not be used.
    pub skipped: Vec<String>,
}

/// Parses one dictionary file (`CAMEO.2.0.txt` or `CAMEO.verbpatterns.*.txt`).
pub fn read_verbs(file: &str, src: &str, cameo: &CameoTable) -> Overlay {
    let mut out = Overlay::default();
    let synsets = synsets(src);
    let mut verbs: Vec<Verb> = Vec::new();
    let mut default: Option<String> = None;
    let mut in_patterns = false;
    let mut last_was_pattern = false;
    for (i, raw) in src.lines().enumerate() {
        let n = i + 1;
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.contains("VERB PATTERNS") || raw.starts_with("####### VERB") {
            in_patterns = true;
            continue;
        }
        if raw.starts_with("########") && raw.contains("TRANSFORMATIONS") {
            break;
        }
        if !in_patterns && !line.starts_with("---") {
            continue;
        }
        in_patterns = true;
        if line.is_empty() {
            continue;
        }
        if line.starts_with("---") {
            verbs.clear();
            default = code_in(line).filter(|c| cameo.get(c).is_some());
            last_was_pattern = false;
            continue;
        }
        if let Some(rest) = line.strip_prefix('-') {
            last_was_pattern = true;
            let Some(code) = code_in(rest) else { continue };
            if cameo.get(&code).is_none() {
                out.skipped
                    .push(format!("{file}:{n}: code {code} is not a CAMEO code"));
                continue;
            }
            let body = rest.split('[').next().unwrap_or("");
            let Some((pre, post)) = body.split_once('*') else {
                out.skipped.push(format!("{file}:{n}: no `*` for the verb"));
                continue;
            };
            if pre
                .split_whitespace()
                .any(|w| !matches!(w, "+" | "$" | "%" | "^"))
            {
                out.skipped
                    .push(format!("{file}:{n}: words before the verb"));
                continue;
            }
            let Some(elems) = elements(post, &synsets) else {
                out.skipped.push(format!("{file}:{n}: unreadable pattern"));
                continue;
            };
            for v in &verbs {
                out.patterns
                    .push(pattern(file, n, v, elems.clone(), &code, body.trim()));
            }
            continue;
        }
        // A verb line: `WORD {FORMS}` or `+MULTI_WORD {...}`, optionally `[code]`.
        if last_was_pattern {
            // Verbs after patterns start a new (unheaded) block in older files.
            verbs.clear();
            last_was_pattern = false;
        }
        let own = code_in(line).filter(|c| cameo.get(c).is_some());
        let head = line
            .split(['{', '['])
            .next()
            .unwrap_or("")
            .trim()
            .trim_start_matches('+');
        if head.is_empty() || head.starts_with('&') {
            continue;
        }
        let words: Vec<String> = head
            .split('_')
            .filter(|w| !w.is_empty())
            .map(|w| w.to_lowercase())
            .collect();
        let Some(lemma) = words.first() else { continue };
        let mut forms = verb_forms(lemma);
        if let Some(b) = line
            .split_once('{')
            .and_then(|(_, r)| r.split_once('}'))
            .map(|(b, _)| b)
        {
            for f in b.split_whitespace() {
                let f = f
                    .trim_start_matches('+')
                    .split('_')
                    .next()
                    .unwrap_or("")
                    .to_lowercase();
                if !f.is_empty() && !forms.contains(&f) {
                    forms.push(f);
                }
            }
        }
        let v = Verb {
            lemma: lemma.clone(),
            forms,
            particles: words[1..].to_vec(),
        };
        // The verb alone codes its block's default.
        if let Some(c) = own.or_else(|| default.clone()) {
            out.patterns.push(pattern(file, n, &v, Vec::new(), &c, ""));
        }
        verbs.push(v);
    }
    out
}

/// A verb of a block: its lemma, surface forms and particles (`STIR_UP`).
struct Verb {
    lemma: String,
    forms: Vec<String>,
    particles: Vec<String>,
}

fn pattern(file: &str, line: usize, v: &Verb, elems: Vec<Elem>, code: &str, text: &str) -> Pattern {
    let mut all: Vec<Elem> = v
        .particles
        .iter()
        .map(|p| Elem::Word(vec![p.clone()]))
        .collect();
    for e in elems {
        all.push(Elem::Gap);
        all.push(e);
    }
    let name = std::iter::once(v.lemma.as_str())
        .chain(v.particles.iter().map(|s| s.as_str()))
        .collect::<Vec<_>>()
        .join(" ");
    Pattern {
        id: format!("petrarch:{file}:{line}"),
        kind: Kind::Verb,
        trigger: v.forms.clone(),
        elems: all,
        cameo: code.to_string(),
        example: String::new(),
        text: format!("{name} {}", text.trim()).trim().to_lowercase(),
    }
}

/// The code inside `[...]`: the part before `:`, or `None` for `[---]`.
fn code_in(s: &str) -> Option<String> {
    let inner = s.split_once('[')?.1.split_once(']')?.0;
    let c = inner.split(':').next()?.trim();
    (c.len() >= 3 && c.bytes().all(|b| b.is_ascii_digit())).then(|| c.to_string())
}

/// `&NAME_` blocks: `+WORD` lines up to a blank line.
fn synsets(src: &str) -> HashMap<String, Vec<String>> {
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    let mut cur: Option<String> = None;
    for raw in src.lines() {
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.starts_with('&') {
            cur = Some(line.split_whitespace().next().unwrap_or("").to_string());
            continue;
        }
        match (&cur, line.strip_prefix('+')) {
            (Some(name), Some(w)) => {
                let w = w.split_whitespace().next().unwrap_or("").to_lowercase();
                out.entry(name.clone()).or_default().push(w);
            }
            _ if line.is_empty() => cur = None,
            _ => {}
        }
    }
    out
}

/// Pattern words after the verb.
fn elements(post: &str, syn: &HashMap<String, Vec<String>>) -> Option<Vec<Elem>> {
    let mut out = Vec::new();
    let cleaned = post.replace(['{', '}', '(', ')'], " ");
    for w in cleaned.split_whitespace() {
        match w {
            "+" => out.push(Elem::Target),
            "$" => out.push(Elem::Source),
            "%" | "^" => {}
            _ if w.starts_with('&') => {
                let set = syn.get(w)?;
                // Multi-word members keep their first word as a stem.
                let stems: Vec<String> = set
                    .iter()
                    .map(|s| s.split('_').next().unwrap_or("").to_string())
                    .filter(|s| !s.is_empty())
                    .collect();
                if stems.is_empty() {
                    return None;
                }
                out.push(Elem::Prefix(stems));
            }
            _ => {
                for part in w.split('_').filter(|p| !p.is_empty()) {
                    let lower = part.to_lowercase();
                    if w.ends_with('_') {
                        out.push(Elem::Word(vec![lower]));
                    } else {
                        out.push(Elem::Prefix(vec![lower]));
                    }
                }
            }
        }
    }
    if matches!(out.last(), Some(Elem::Gap)) {
        out.pop();
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "####### VERB PATTERNS #######\n\n--- FREEZE [---] ---\nFREEZE {FREEZES FREEZING FROZE FROZEN}\n- * RELATIONS [160:160] # x\n- * AID [162]\n- * {BANK ACCOUNT} [163]\n- WILL * X [030]\n\n--- FIGHT [190] ---\nFIGHT {FIGHTS FOUGHT}\n- * + [190]\n";

    #[test]
    fn reads_blocks_and_patterns() {
        let cameo = CameoTable::builtin().expect("cameo");
        let o = read_verbs("sample.txt", SAMPLE, &cameo);
        let texts: Vec<String> = o
            .patterns
            .iter()
            .map(|p| format!("{} {}", p.cameo, p.text))
            .collect();
        assert_eq!(
            texts,
            [
                "160 freeze * relations",
                "162 freeze * aid",
                "163 freeze * {bank account}",
                "190 fight",
                "190 fight * +"
            ]
        );
        assert!(o.patterns[0].trigger.contains(&"froze".to_string()));
        assert_eq!(o.skipped.len(), 1, "{:?}", o.skipped);
    }
}
