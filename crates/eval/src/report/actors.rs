//! `entente eval ner` (CoNLL-2003) and `entente eval acled-actors` (ACLED notes):
//! how well the actor layer finds names and countries.

use crate::corpus::csv_rows;
use crate::names::Prf;
use crate::Error;
use actors::Recogniser;
use chrono::NaiveDate;
use lexicon::Lexicon;
use model::{ActorType, Mention};
use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::Path;

fn conll_type(m: &Mention) -> &'static str {
    match m.actor.kind {
        ActorType::Person => "PER",
        ActorType::Organisation | ActorType::Group => "ORG",
        ActorType::Country | ActorType::Place => "LOC",
    }
}

/// Scores our person/organisation/location mentions against CoNLL gold spans.
///
/// We have no MISC class, and CoNLL tags nationality adjectives ("Israeli")
/// as MISC: predictions overlapping a MISC span are left out of the count
/// rather than counted as errors.
/// Exact and overlapping span scores per type (PER, ORG, LOC) of the
/// recogniser's mentions, names only (no pronouns), MISC gold left out.
#[derive(Debug, Default)]
pub struct NerScores {
    pub exact: BTreeMap<String, Prf>,
    pub overlap: BTreeMap<String, Prf>,
}

impl NerScores {
    /// Exact-span counts over PER, ORG and LOC together.
    pub fn all(&self) -> Prf {
        let mut a = Prf::default();
        for ty in ["PER", "ORG", "LOC"] {
            a.add(self.exact.get(ty).copied().unwrap_or_default());
        }
        a
    }
}

/// Scores the recogniser on gold name documents.
pub fn score_ner(docs: &[crate::names::NameDoc], rec: &Recogniser) -> NerScores {
    // CoNLL-2003 is Reuters news from August 1996.
    let date = NaiveDate::from_ymd_opt(1996, 8, 30).unwrap_or_default();
    let mut exact: BTreeMap<String, Prf> = BTreeMap::new();
    let mut overlap: BTreeMap<String, Prf> = BTreeMap::new();
    for d in docs {
        let p = crate::names::prepare(d, rec);
        let mentions = rec.recognise(&d.text, &p.sentences, &p.tokens, date);
        let gold: Vec<(usize, usize, &str)> = d
            .gold
            .iter()
            .filter(|g| g.2 != "MISC")
            .map(|g| (g.0, g.1, g.2.as_str()))
            .collect();
        let misc: Vec<(usize, usize)> = d
            .gold
            .iter()
            .filter(|g| g.2 == "MISC")
            .map(|g| (g.0, g.1))
            .collect();
        // Names only: the gold marks no pronouns.
        let mentions: Vec<&Mention> = mentions
            .iter()
            .filter(|m| !m.rule.starts_with("coref:pronoun"))
            .collect();
        // A person mention may carry its title or apposition ("Russian
        // President Boris Yeltsin"); the gold marks the name alone, so score
        // the name the tagger finds at the mention's end.
        let names = syntax::ner::builtin()
            .map(|t| crate::names::tagged(&p, t))
            .unwrap_or_default();
        let preds: Vec<(usize, usize, &str)> = mentions
            .iter()
            .map(|m| {
                let (s, e) = (m.span[0], m.span[1]);
                let core = names
                    .iter()
                    .find(|n| n.2 == "PER" && n.1 == e && s < n.0 && n.0 < e)
                    .filter(|_| m.actor.kind == model::ActorType::Person);
                match core {
                    Some(n) => (n.0, e, "PER"),
                    None => (s, e, conll_type(m)),
                }
            })
            .collect();
        crate::names::score(&gold, &preds, &misc, &mut exact);
        // Overlap: a prediction counts when it overlaps a gold span of its type.
        let near = |a: &[(usize, usize, &str)], b: &(usize, usize, &str)| {
            a.iter().any(|x| x.2 == b.2 && x.0 < b.1 && b.0 < x.1)
        };
        let preds: Vec<_> = preds
            .into_iter()
            .filter(|p| !misc.iter().any(|g| p.0 < g.1 && g.0 < p.1))
            .collect();
        for p in &preds {
            let e = overlap.entry(p.2.to_string()).or_default();
            if near(&gold, p) {
                e.tp += 1;
            } else {
                e.fp += 1;
            }
        }
        for g in &gold {
            if !near(&preds, g) {
                overlap.entry(g.2.to_string()).or_default().fn_ += 1;
            }
        }
    }
    NerScores { exact, overlap }
}

pub fn run_ner(path: &Path, lex: &Lexicon, out: &mut dyn Write) -> Result<(), Error> {
    let raw = std::fs::read_to_string(path)
        .map_err(Error::io(|| format!("reading {}", path.display())))?;
    let docs = crate::names::read(&raw);
    let rec = Recogniser::new(lex);
    let types = ["PER", "ORG", "LOC"];
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let t = std::time::Instant::now();
    let NerScores { exact, overlap } = score_ner(&docs, &rec);
    let secs = t.elapsed().as_secs_f64();
    writeln!(
        out,
        "{}: {} documents, {} gold PER/ORG/LOC names",
        path.display(),
        docs.len(),
        docs.iter()
            .map(|d| d.gold.iter().filter(|g| g.2 != "MISC").count())
            .sum::<usize>()
    )?;
    writeln!(
        out,
        "{:<6} {:>7} {:>7} {:>7}   {:>7} {:>7} {:>7}",
        "type", "P", "R", "F1", "P~", "R~", "F1~"
    )?;
    let mut te = Prf::default();
    let mut to = Prf::default();
    let row = |out: &mut dyn Write, ty: &str, e: Prf, o: Prf| {
        writeln!(
            out,
            "{ty:<6} {:>7.3} {:>7.3} {:>7.3}   {:>7.3} {:>7.3} {:>7.3}",
            e.p(),
            e.r(),
            e.f(),
            o.p(),
            o.r(),
            o.f()
        )
    };
    for ty in types {
        let e = exact.get(ty).copied().unwrap_or_default();
        let o = overlap.get(ty).copied().unwrap_or_default();
        te.add(e);
        to.add(o);
        row(out, ty, e, o)?;
    }
    row(out, "all", te, to)?;
    writeln!(out, "(exact spans, then ~ overlapping spans; predictions on MISC spans not counted; {:.1} MB/s)", bytes as f64 / 1e6 / secs.max(1e-9))?;
    Ok(())
}

/// One re3d document with its people, organisations and places
/// (confidence at least 0.5), and the nationality spans, which no mention
/// is scored against.
struct Re3dDoc {
    text: String,
    /// The byte offset of each character, and the text's length.
    bytes: Vec<usize>,
    gold: Vec<(usize, usize, &'static str)>,
    nationality: Vec<(usize, usize)>,
}

fn read_re3d(dir: &Path) -> Result<Vec<Re3dDoc>, Error> {
    let read = |name: &str| -> Result<Vec<serde_json::Value>, Error> {
        let p = dir.join(name);
        let raw = std::fs::read_to_string(&p)
            .map_err(Error::io(|| format!("reading {}", p.display())))?;
        raw.lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(i, l)| {
                serde_json::from_str(l).map_err(|source| Error::Json {
                    what: format!("{}:{}: not a JSON line", p.display(), i + 1),
                    source,
                })
            })
            .collect()
    };
    let mut docs: BTreeMap<String, Re3dDoc> = BTreeMap::new();
    for d in read("documents.json")? {
        let (Some(id), Some(text)) = (d["_id"].as_str(), d["text"].as_str()) else {
            continue;
        };
        docs.insert(
            id.to_string(),
            Re3dDoc {
                bytes: text
                    .char_indices()
                    .map(|x| x.0)
                    .chain(std::iter::once(text.len()))
                    .collect(),
                text: text.to_string(),
                gold: Vec::new(),
                nationality: Vec::new(),
            },
        );
    }
    for e in read("entities.json")? {
        let conf = e["confidence"].as_f64().unwrap_or(0.0);
        let (Some(id), Some(b), Some(en), Some(ty)) = (
            e["documentId"].as_str(),
            e["begin"].as_u64(),
            e["end"].as_u64(),
            e["type"].as_str(),
        ) else {
            continue;
        };
        let Some(doc) = docs.get_mut(id) else {
            continue;
        };
        // re3d counts characters; spans here are bytes.
        let (Some(&b), Some(&en)) = (doc.bytes.get(b as usize), doc.bytes.get(en as usize)) else {
            continue;
        };
        if conf < 0.5 {
            continue;
        }
        match ty {
            "Person" => doc.gold.push((b, en, "PER")),
            "Organisation" => doc.gold.push((b, en, "ORG")),
            "Location" => doc.gold.push((b, en, "LOC")),
            "Nationality" => doc.nationality.push((b, en)),
            _ => {}
        }
    }
    Ok(docs.into_values().collect())
}

/// `entente eval re3d`: the recogniser's people, organisations and places
/// against re3d's (exact spans). A country may be either: re3d types
/// "Syria" as an organisation where it acts and as a location where it is
/// a place, so a country mention takes the type of the gold span it
/// matches (else counts as a location).
pub fn run_re3d(dirs: &[&Path], lex: &Lexicon, out: &mut dyn Write) -> Result<(), Error> {
    let rec = Recogniser::new(lex);
    let date = NaiveDate::from_ymd_opt(2017, 1, 1).unwrap_or_default();
    let mut total: BTreeMap<String, Prf> = BTreeMap::new();
    for dir in dirs {
        let docs = read_re3d(dir)?;
        let mut by: BTreeMap<String, Prf> = BTreeMap::new();
        for d in &docs {
            let sentences = text::sentences(&d.text);
            let tokens = text::tokens(&d.text);
            let mentions = rec.recognise(&d.text, &sentences, &tokens, date);
            let preds: Vec<(usize, usize, &str)> = mentions
                .iter()
                .filter(|m| !m.rule.starts_with("coref:pronoun"))
                .map(|m| {
                    let (s, e) = (m.span[0], m.span[1]);
                    let ty = match m.actor.kind {
                        ActorType::Country => d
                            .gold
                            .iter()
                            .find(|g| g.0 == s && g.1 == e)
                            .map_or("LOC", |g| g.2),
                        _ => conll_type(m),
                    };
                    (s, e, ty)
                })
                .collect();
            crate::names::score(&d.gold, &preds, &d.nationality, &mut by);
        }
        writeln!(out, "{}: {} documents", dir.display(), docs.len())?;
        print_prf(out, &by)?;
        for (k, v) in by {
            total.entry(k).or_default().add(v);
        }
    }
    if dirs.len() > 1 {
        writeln!(out, "all folders")?;
        print_prf(out, &total)?;
    }
    writeln!(
        out,
        "(exact spans; gold at confidence >= 0.5; predictions on Nationality spans not counted)"
    )?;
    Ok(())
}

fn print_prf(out: &mut dyn Write, by: &BTreeMap<String, Prf>) -> Result<(), Error> {
    writeln!(
        out,
        "  {:<6} {:>7} {:>7} {:>7} {:>6}",
        "type", "P", "R", "F1", "gold"
    )?;
    let mut all = Prf::default();
    for ty in ["PER", "ORG", "LOC"] {
        let x = by.get(ty).copied().unwrap_or_default();
        all.add(x);
        writeln!(
            out,
            "  {ty:<6} {:>7.3} {:>7.3} {:>7.3} {:>6}",
            x.p(),
            x.r(),
            x.f(),
            x.tp + x.fn_
        )?;
    }
    writeln!(
        out,
        "  {:<6} {:>7.3} {:>7.3} {:>7.3} {:>6}",
        "all",
        all.p(),
        all.r(),
        all.f(),
        all.tp + all.fn_
    )?;
    Ok(())
}

/// The country an ACLED actor name belongs to: a country named in it
/// ("Military Forces of Azerbaijan (2003-)", "Protesters (Israel)"), else the
/// event's own country (local actors are named without one).
fn acled_country(actor: &str, row_iso3: &str, names: &[(String, String)]) -> String {
    let lower = actor.to_lowercase();
    let bytes = lower.as_bytes();
    let word_at = |i: usize, len: usize| {
        (i == 0 || !bytes[i - 1].is_ascii_alphabetic())
            && bytes.get(i + len).is_none_or(|b| !b.is_ascii_alphabetic())
    };
    // The longest country name that occurs as whole words wins ("South Sudan" over "Sudan").
    names
        .iter()
        .filter(|(name, _)| {
            lower
                .match_indices(name.as_str())
                .any(|(i, _)| word_at(i, name.len()))
        })
        .max_by_key(|(name, _)| name.len())
        .map(|(_, code)| code.clone())
        .unwrap_or_else(|| row_iso3.to_string())
}

/// How often the note names actor1's country (through any mention with that country).
pub fn run_acled_actors(path: &Path, lex: &Lexicon, out: &mut dyn Write) -> Result<(), Error> {
    let raw = std::fs::read(path).map_err(Error::io(|| format!("reading {}", path.display())))?;
    let rows = csv_rows(&raw).map_err(Error::csv(path))?;
    let mut names: Vec<(String, String)> = Vec::new();
    for c in &lex.countries {
        for n in std::iter::once(&c.name)
            .chain(&c.aliases)
            .chain(&c.adjectives)
        {
            if n.len() > 3 {
                names.push((n.to_lowercase(), c.code.clone()));
            }
        }
    }
    let rec = Recogniser::new(lex);
    let (mut total, mut found, mut any_mention) = (0usize, 0usize, 0usize);
    let mut by_inter: HashMap<String, (usize, usize)> = HashMap::new();
    for row in &rows {
        let (Some(notes), Some(actor1)) = (row.get("notes"), row.get("actor1")) else {
            continue;
        };
        if notes.trim().is_empty() || actor1.trim().is_empty() {
            continue;
        }
        let iso3 = row.get("iso3").map(String::as_str).unwrap_or("");
        let want = acled_country(actor1, iso3, &names);
        let date = row
            .get("event_date")
            .and_then(|d| NaiveDate::parse_from_str(d, "%d-%b-%y").ok())
            .unwrap_or_default();
        let sentences = text::sentences(notes);
        let tokens = text::tokens(notes);
        let mentions = rec.recognise(notes, &sentences, &tokens, date);
        total += 1;
        any_mention += usize::from(!mentions.is_empty());
        let ok = mentions
            .iter()
            .any(|m| m.actor.country.as_deref() == Some(want.as_str()));
        found += usize::from(ok);
        let inter = row.get("inter1").cloned().unwrap_or_default();
        let e = by_inter.entry(inter).or_default();
        e.0 += 1;
        e.1 += usize::from(ok);
    }
    writeln!(out, "ACLED {}: {total} notes", path.display())?;
    writeln!(
        out,
        "actor1's country recognised in the note: {found}/{total} = {:.1}%",
        100.0 * found as f64 / total.max(1) as f64
    )?;
    writeln!(
        out,
        "notes with any actor mention: {:.1}%",
        100.0 * any_mention as f64 / total.max(1) as f64
    )?;
    let labels = [
        ("1", "state forces"),
        ("2", "rebels"),
        ("3", "political militias"),
        ("4", "identity militias"),
        ("5", "rioters"),
        ("6", "protesters"),
        ("7", "civilians"),
        ("8", "external/other"),
    ];
    for (k, label) in labels {
        if let Some((n, f)) = by_inter.get(k) {
            writeln!(
                out,
                "  inter1={k} {label:<20} {f:>5}/{n:<5} {:.1}%",
                100.0 * *f as f64 / (*n).max(1) as f64
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn re3d_reader_counts_characters_and_keeps_confident_names() {
        let dir = std::env::temp_dir().join(format!("entente-re3d-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        std::fs::write(
            dir.join("documents.json"),
            r#"{ "_id" : "d1", "text" : "Café owners in Aleppo met Syrian officials." }"#,
        )
        .expect("write");
        std::fs::write(
            dir.join("entities.json"),
            [
                r#"{ "begin" : 15, "end" : 21, "type" : "Location", "value" : "Aleppo", "documentId" : "d1", "confidence" : 1 }"#,
                r#"{ "begin" : 15, "end" : 21, "type" : "Organisation", "value" : "Aleppo", "documentId" : "d1", "confidence" : 0 }"#,
                r#"{ "begin" : 26, "end" : 32, "type" : "Nationality", "value" : "Syrian", "documentId" : "d1", "confidence" : 1 }"#,
            ]
            .join("\n"),
        )
        .expect("write");
        let docs = read_re3d(&dir).expect("reads");
        std::fs::remove_dir_all(&dir).ok();
        let d = &docs[0];
        assert_eq!(d.gold.len(), 1);
        let (s, e, ty) = d.gold[0];
        assert_eq!((&d.text[s..e], ty), ("Aleppo", "LOC"));
        assert_eq!(&d.text[d.nationality[0].0..d.nationality[0].1], "Syrian");
    }

    #[test]
    fn conll_reader_rebuilds_spans() {
        let raw = "-DOCSTART- -X- O O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP B-MISC\ncall NN I-NP O\n\nPeter NNP B-NP B-PER\nBlackburn NNP I-NP I-PER\n";
        let docs = crate::names::read(raw);
        assert_eq!(docs.len(), 1);
        let d = &docs[0];
        assert_eq!(d.text, "EU rejects German call\nPeter Blackburn");
        let spans: Vec<(&str, &str)> = d
            .gold
            .iter()
            .map(|g| (&d.text[g.0..g.1], g.2.as_str()))
            .collect();
        assert_eq!(
            spans,
            vec![
                ("EU", "ORG"),
                ("German", "MISC"),
                ("Peter Blackburn", "PER")
            ]
        );
    }

    #[test]
    fn acled_actor_country() {
        let names = vec![
            ("azerbaijan".to_string(), "AZE".to_string()),
            ("israel".to_string(), "ISR".to_string()),
        ];
        assert_eq!(
            acled_country("Military Forces of Azerbaijan (2003-)", "ARM", &names),
            "AZE"
        );
        assert_eq!(acled_country("Protesters (Israel)", "ISR", &names), "ISR");
        assert_eq!(
            acled_country("Unidentified Armed Group", "SYR", &names),
            "SYR"
        );
    }
}
