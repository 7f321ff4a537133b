//! Issue 12's pronoun and surname set: news passages written by the team
//! (`data/pronouns.tsv`, each with one marked pronoun, surname or titled
//! surname and the person a careful reader takes it for, or `-` when the
//! text does not say). A case is acceptable when the recogniser resolves
//! the marked words to that person or leaves them unresolved; resolving
//! them to another person is an error, and resolving them to someone of
//! the other sex (where the names or titles say which) must never happen.
//!
//! `cargo test -p actors --test pronouns -- --nocapture` prints the figures
//! and every error.

use chrono::NaiveDate;

mod common;
use common::builtin_recogniser as recogniser;

struct Case {
    id: String,
    kind: String,
    expected: Option<String>,
    /// Every named person of the passage with `f`, `m` or `-`.
    people: Vec<(String, char)>,
    text: String,
    /// The marked words' byte span in `text`.
    span: [usize; 2],
}

fn fold(s: &str) -> String {
    s.to_lowercase().replace(['’', '\''], "'").replace('-', " ")
}

/// Whether two names name one person: the same words, or all the words of
/// one among the other's ("Charles" and "King Charles III", "Kim Jong-un"
/// and "Kim Jong Un", a tagger's "Lai Ching" and "Lai Ching-te").
fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (fold(a), fold(b));
    let wa: Vec<&str> = a.split_whitespace().collect();
    let wb: Vec<&str> = b.split_whitespace().collect();
    let within = |x: &[&str], y: &[&str]| !x.is_empty() && x.iter().all(|w| y.contains(w));
    within(&wa, &wb) || within(&wb, &wa)
}

fn cases() -> Vec<Case> {
    let raw = include_str!("data/pronouns.tsv");
    let mut out = Vec::new();
    for (n, line) in raw.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() || line.starts_with("id\t") {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 5, "pronouns.tsv line {}: five fields", n + 1);
        let marked = f[4];
        let a = marked.find("[[").expect("a [[ marker");
        let b = marked.find("]]").expect("a ]] marker");
        assert!(a < b, "pronouns.tsv line {}: marker order", n + 1);
        let text = format!("{}{}{}", &marked[..a], &marked[a + 2..b], &marked[b + 2..]);
        let people = f[3]
            .split('|')
            .filter(|p| !p.is_empty())
            .map(|p| {
                let (name, sex) = p.rsplit_once(':').unwrap_or((p, "-"));
                (name.trim().to_string(), sex.chars().next().unwrap_or('-'))
            })
            .collect();
        out.push(Case {
            id: f[0].to_string(),
            kind: f[1].to_string(),
            expected: (f[2] != "-").then(|| f[2].to_string()),
            people,
            text,
            span: [a, b - 2],
        });
    }
    out
}

/// The passage's person a resolved name stands for: the same name, or the
/// only listed person with its surname.
fn listed<'c>(c: &'c Case, name: &str) -> Option<&'c (String, char)> {
    let f = fold(name);
    if let Some(p) = c.people.iter().find(|p| fold(&p.0) == f) {
        return Some(p);
    }
    let last = f.split_whitespace().last()?.to_string();
    let mut same = c
        .people
        .iter()
        .filter(|p| fold(&p.0).split_whitespace().last() == Some(last.as_str()));
    let one = same.next()?;
    same.next().is_none().then_some(one)
}

#[derive(Default)]
struct Tally {
    right: usize,
    unresolved: usize,
    wrong: usize,
    other_sex: usize,
}

#[test]
fn pronouns_and_surnames_resolve_right_or_not_at_all() {
    let cases = cases();
    assert!(cases.len() >= 150, "{} cases", cases.len());
    let d = NaiveDate::from_ymd_opt(2024, 5, 2).unwrap_or_default();
    let mut all = Tally::default();
    let mut by_kind: std::collections::BTreeMap<String, Tally> = Default::default();
    let mut errors = Vec::new();
    for c in &cases {
        let sentences = text::sentences(&c.text);
        let tokens = text::tokens(&c.text);
        let ms = recogniser().recognise(&c.text, &sentences, &tokens, d);
        // The mention over the marked words ("Mrs May" may come as "May").
        let got = ms
            .iter()
            .find(|m| m.span[0] < c.span[1] && c.span[0] < m.span[1])
            .filter(|m| m.actor.kind == model::ActorType::Person);
        let t = by_kind.entry(c.kind.clone()).or_default();
        // A person known only by the marked words themselves ("Mr
        // Miliband" read as someone called Miliband) is not resolved to anyone.
        let marked = fold(&c.text[c.span[0]..c.span[1]]);
        let resolved = got
            .map(|m| m.actor.name.as_str())
            .filter(|r| !marked.split_whitespace().any(|w| w == fold(r)));
        let right = match (&c.expected, resolved) {
            (_, None) => {
                t.unresolved += 1;
                all.unresolved += 1;
                continue;
            }
            (None, Some(_)) => false,
            (Some(e), Some(r)) => {
                same_name(e, r) || listed(c, r).is_some_and(|p| fold(&p.0) == fold(e))
            }
        };
        if right {
            t.right += 1;
            all.right += 1;
            continue;
        }
        t.wrong += 1;
        all.wrong += 1;
        let r = resolved.unwrap_or("");
        // The sex the passage gives the person meant (the pronoun's own,
        // else the listed one's) against the one it was taken for.
        let meant = match c.kind.as_str() {
            "she" | "her" => Some('f'),
            "he" | "his" | "him" => Some('m'),
            _ => c
                .expected
                .as_deref()
                .and_then(|e| listed(c, e))
                .map(|p| p.1)
                .filter(|&s| s != '-'),
        };
        let taken = listed(c, r).map(|p| p.1).filter(|&s| s != '-');
        let crossed = matches!((meant, taken), (Some(a), Some(b)) if a != b);
        if crossed {
            t.other_sex += 1;
            all.other_sex += 1;
        }
        errors.push(format!(
            "{} {}: {:?} -> {r:?}, expected {:?}{}\n    {}",
            c.id,
            c.kind,
            &c.text[c.span[0]..c.span[1]],
            c.expected.as_deref().unwrap_or("-"),
            if crossed { " (OTHER SEX)" } else { "" },
            c.text
        ));
    }
    println!("| kind | cases | right | unresolved | wrong | other sex |");
    println!("|---|---:|---:|---:|---:|---:|");
    let row = |k: &str, t: &Tally| {
        let n = t.right + t.unresolved + t.wrong;
        println!(
            "| {k} | {n} | {} | {} | {} | {} |",
            t.right, t.unresolved, t.wrong, t.other_sex
        );
    };
    for (k, t) in &by_kind {
        row(k, t);
    }
    row("all", &all);
    let n = cases.len() as f64;
    let ok = (all.right + all.unresolved) as f64 / n;
    println!(
        "right or unresolved: {:.1}%, right: {:.1}%",
        100.0 * ok,
        100.0 * all.right as f64 / n
    );
    for e in &errors {
        println!("{e}");
    }
    assert_eq!(
        all.other_sex,
        0,
        "resolved to the other sex:\n{}",
        errors.join("\n")
    );
    assert!(ok >= 0.90, "{:.3} right or unresolved", ok);
}
