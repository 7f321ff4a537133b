//! Actors by name or code: `Aliyev`, `Israel`, `Recep Tayyip Erdogan`,
//! `ISRGOV`. Names are looked up in the actors the database stores and in
//! the built-in lexicon (countries, people, organisations); an unknown
//! argument is a usage error with "did you mean" suggestions.

use crate::usage;
use anyhow::Result;
use std::collections::BTreeSet;

/// What an actor argument stands for.
pub struct Resolved {
    /// The code prefix the store queries with (`AZEGOV`, `ISR`).
    pub code: String,
    /// The name it was found by, when it was not given as a code.
    pub name: Option<String>,
}

/// One name an actor is known by.
struct Known {
    /// The name as matched (an alias, an adjective...).
    name: String,
    /// The entry's own name, shown to the user.
    label: String,
    code: String,
    stored: bool,
    /// A name the database holds (not only the lexicon).
    db: bool,
}

fn is_code_like(s: &str) -> bool {
    s.len() >= 3
        && s.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// Every name an actor goes by: the database's first, then the lexicon's
/// countries (names, aliases, adjectives), people and organisations.
fn known_names(
    stored: &[store::ActorCount],
    lex: &lexicon::Lexicon,
    code_in_store: &dyn Fn(&str) -> bool,
) -> Vec<Known> {
    let mut known: Vec<Known> = stored
        .iter()
        .filter(|a| !a.code.is_empty())
        .map(|a| Known {
            name: a.name.clone(),
            label: a.name.clone(),
            code: a.code.clone(),
            stored: true,
            db: true,
        })
        .collect();
    let mut add = |label: &str, names: Vec<&String>, code: &str| {
        for n in std::iter::once(label).chain(names.into_iter().map(String::as_str)) {
            known.push(Known {
                name: n.to_string(),
                label: label.to_string(),
                code: code.to_string(),
                stored: code_in_store(code),
                db: false,
            });
        }
    };
    for c in &lex.countries {
        add(
            &c.name,
            c.aliases.iter().chain(&c.adjectives).collect(),
            &c.code,
        );
    }
    for p in &lex.people {
        add(&p.name, p.aliases.iter().collect(), &p.code);
    }
    for o in &lex.organisations {
        add(&o.name, o.aliases.iter().collect(), &o.code);
    }
    known
}

/// Resolves `input` against the database's actors, then the lexicon's.
pub fn actor(store: &store::Store, input: &str) -> Result<Resolved> {
    let input = input.trim();
    if input.is_empty() {
        return Err(usage(
            "an empty actor: give a code (ISR) or a name (Israel)",
        ));
    }
    let stored = store.actors(false)?;
    let upper = input.to_ascii_uppercase();
    // Asked once per lexicon code: the lexicon names the same codes many times.
    let seen = std::cell::RefCell::new(std::collections::HashMap::<String, bool>::new());
    let code_in_store = |c: &str| {
        if let Some(&known) = seen.borrow().get(c) {
            return known;
        }
        let found = stored.iter().any(|a| a.code.starts_with(c))
            || store.has_event_code(c).unwrap_or(false);
        seen.borrow_mut().insert(c.to_string(), found);
        found
    };
    // Codes as typed (ISRGOV), or in lower case (isr): no name is also a stored code's prefix.
    let lower_code = input
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
    if (is_code_like(input) || lower_code) && is_code_like(&upper) && code_in_store(&upper) {
        return Ok(Resolved {
            code: upper,
            name: None,
        });
    }
    let known = known_names(&stored, builtin_lexicon()?, &code_in_store);
    // A code the lexicon knows but nothing stored names: a query with no results.
    if is_code_like(input) && known.iter().any(|k| k.code.starts_with(input)) {
        return Ok(Resolved {
            code: upper,
            name: None,
        });
    }
    let wanted = input.to_lowercase();
    let words: Vec<&str> = wanted.split_whitespace().collect();
    let exact: Vec<&Known> = known
        .iter()
        .filter(|k| k.name.to_lowercase() == wanted)
        .collect();
    let matches = if exact.is_empty() {
        known
            .iter()
            .filter(|k| names_all(&k.name, &words))
            .collect()
    } else {
        exact
    };
    // Prefer what the database holds; the lexicon alone may know many namesakes.
    let in_store: Vec<&&Known> = matches.iter().filter(|k| k.stored).collect();
    let pool: Vec<&Known> = if in_store.is_empty() {
        matches.clone()
    } else {
        in_store.into_iter().copied().collect()
    };
    let codes: BTreeSet<&str> = pool.iter().map(|k| k.code.as_str()).collect();
    match codes.len() {
        1 => {
            // Named as the database names it ("Ilham Aliyev"), else as the lexicon does.
            let code = &pool[0].code;
            let label = known
                .iter()
                .find(|k| k.db && &k.code == code && names_all(&k.name, &words))
                .unwrap_or(pool[0])
                .label
                .clone();
            // Codes group actors (AZEGOV is every Azerbaijani official): say so
            // where the name is one of them; a country's code is the country.
            if code.len() > 3 {
                eprintln!("entente: {input:?} is {code} ({label}); every {code} actor counts");
            }
            Ok(Resolved {
                code: code.clone(),
                name: Some(label),
            })
        }
        0 => Err(usage(&unknown(input, &known))),
        _ => {
            let mut seen = BTreeSet::new();
            let list: Vec<String> = pool
                .iter()
                .filter(|k| seen.insert(k.code.as_str()))
                .take(8)
                .map(|k| format!("{} ({})", k.code, k.label))
                .collect();
            Err(usage(&format!(
                "{input:?} names several actors: {}; give a code",
                list.join(", ")
            )))
        }
    }
}

/// The built-in lexicon, loaded once however many actors a command names.
fn builtin_lexicon() -> Result<&'static lexicon::Lexicon> {
    static LEX: std::sync::OnceLock<lexicon::Lexicon> = std::sync::OnceLock::new();
    if let Some(lex) = LEX.get() {
        return Ok(lex);
    }
    let lex = lexicon::Lexicon::builtin()?;
    Ok(LEX.get_or_init(|| lex))
}

/// Whether `name` has each of `words` (lower case) as a whole word.
fn names_all(name: &str, words: &[&str]) -> bool {
    let name = name.to_lowercase();
    let have: Vec<&str> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().all(|w| have.contains(w))
}

/// "unknown actor", with the nearest names and codes.
fn unknown(input: &str, known: &[Known]) -> String {
    let wanted = input.to_lowercase();
    let limit = (wanted.chars().count() / 3).max(1);
    let db_names: BTreeSet<&str> = known
        .iter()
        .filter(|k| k.db)
        .map(|k| k.name.as_str())
        .collect();
    // (distance, not in the database, not stored, label): the database's own names first among equals.
    let mut near: Vec<(usize, bool, bool, String)> = Vec::new();
    for k in known {
        for (cand, label) in [
            (k.name.to_lowercase(), format!("{} ({})", k.label, k.code)),
            (k.code.to_lowercase(), k.code.clone()),
        ] {
            let d = distance(&wanted, &cand);
            if d <= limit && !near.iter().any(|(.., l)| *l == label) {
                near.push((d, !db_names.contains(k.label.as_str()), !k.stored, label));
            }
        }
    }
    near.sort();
    let tips: Vec<String> = near.into_iter().take(3).map(|(.., l)| l).collect();
    let mut msg =
        format!("unknown actor {input:?}: no stored actor or lexicon entry has this name or code");
    if !tips.is_empty() {
        msg.push_str(&format!("; did you mean {}?", tips.join(", ")));
    }
    msg.push_str(" (`entente actors` lists the stored ones)");
    msg
}

/// Levenshtein distance over characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    #[test]
    fn distance_counts_edits() {
        assert_eq!(super::distance("aliyef", "aliyev"), 1);
        assert_eq!(super::distance("", "abc"), 3);
        assert_eq!(super::distance("isreal", "israel"), 2);
    }
}
