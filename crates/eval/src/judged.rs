//! The judged sample: coded events that people judged against their
//! sentences (`data/judged.tsv`), and the comparison of fresh output with
//! them. An event whose source, target, CAMEO code and modality are as they
//! were judged keeps its judgement; any other is "changed" (to be judged
//! again) or "gone".

use model::{Event, Modality};

/// One judged event.
#[derive(Debug, Clone, PartialEq)]
pub struct Judged {
    pub corpus: String,
    pub doc: String,
    pub sentence: usize,
    pub span: [usize; 2],
    pub source: String,
    pub target: String,
    pub cameo: String,
    pub modality: String,
    pub date: String,
    /// `ok`, `country` or `wrong`.
    pub j_source: String,
    pub j_target: String,
    /// `ok`, `near` or `wrong`.
    pub j_family: String,
    /// `ok` or `wrong`.
    pub j_modality: String,
    pub j_date: String,
    pub note: String,
}

impl Judged {
    /// Source, target, family and modality all right.
    pub fn strict(&self) -> bool {
        self.j_source == "ok"
            && self.j_target == "ok"
            && self.j_family == "ok"
            && self.j_modality == "ok"
    }

    /// The same, forgiving a wrong sector (right country) and a neighbouring family.
    pub fn lenient(&self) -> bool {
        matches!(self.j_source.as_str(), "ok" | "country")
            && matches!(self.j_target.as_str(), "ok" | "country")
            && matches!(self.j_family.as_str(), "ok" | "near")
            && self.j_modality == "ok"
    }
}

/// The judged sample shipped with the crate.
pub const JUDGED: &str = include_str!("../data/judged.tsv");

#[derive(Debug, thiserror::Error, PartialEq)]
#[error("judged.tsv:{line}: {problem}")]
pub struct JudgedError {
    pub line: usize,
    pub problem: String,
}

const COLUMNS: [&str; 16] = [
    "corpus",
    "doc",
    "sentence",
    "start",
    "end",
    "source",
    "target",
    "cameo",
    "modality",
    "date",
    "j_source",
    "j_target",
    "j_family",
    "j_modality",
    "j_date",
    "note",
];

/// Reads the judged sample.
pub fn parse(src: &str) -> Result<Vec<Judged>, JudgedError> {
    let mut out = Vec::new();
    let mut header = false;
    for (i, line) in src.lines().enumerate() {
        let err = |problem: String| JudgedError {
            line: i + 1,
            problem,
        };
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        if !header {
            if c != COLUMNS {
                return Err(err(format!("expected the header {}", COLUMNS.join(" "))));
            }
            header = true;
            continue;
        }
        if c.len() != COLUMNS.len() {
            return Err(err(format!(
                "{} columns, expected {}",
                c.len(),
                COLUMNS.len()
            )));
        }
        let num = |k: usize| {
            c[k].parse::<usize>()
                .map_err(|_| err(format!("{} is not a number: {:?}", COLUMNS[k], c[k])))
        };
        for (k, allowed) in [
            (10, &["ok", "country", "wrong"][..]),
            (11, &["ok", "country", "wrong"]),
            (12, &["ok", "near", "wrong"]),
            (13, &["ok", "wrong"]),
            (14, &["ok", "wrong"]),
        ] {
            if !allowed.contains(&c[k]) {
                return Err(err(format!(
                    "{} must be one of {}, not {:?}",
                    COLUMNS[k],
                    allowed.join("/"),
                    c[k]
                )));
            }
        }
        let s = |k: usize| c[k].to_string();
        out.push(Judged {
            corpus: s(0),
            doc: s(1),
            sentence: num(2)?,
            span: [num(3)?, num(4)?],
            source: s(5),
            target: s(6),
            cameo: s(7),
            modality: s(8),
            date: s(9),
            j_source: s(10),
            j_target: s(11),
            j_family: s(12),
            j_modality: s(13),
            j_date: s(14),
            note: s(15),
        });
    }
    if !header {
        return Err(JudgedError {
            line: 0,
            problem: "no header line".into(),
        });
    }
    Ok(out)
}

/// What became of one judged event in fresh output.
#[derive(Debug, Clone, PartialEq)]
pub enum Fate {
    /// Coded as judged: the judgement holds.
    Same,
    /// The trigger still codes, differently: the events now coded there.
    Changed(Vec<Event>),
    /// Nothing is coded at the trigger any more.
    Gone,
}

fn modality_str(m: Modality) -> &'static str {
    m.as_str()
}

/// Compares a judged event with the events now coded in its document.
pub fn fate(j: &Judged, events: &[Event]) -> Fate {
    let at: Vec<&Event> = events.iter().filter(|e| e.span == j.span).collect();
    if at.is_empty() {
        return Fate::Gone;
    }
    let same = at.iter().any(|e| {
        e.source.actor.code == j.source
            && e.target.actor.code == j.target
            && e.cameo == j.cameo
            && modality_str(e.modality) == j.modality
    });
    if same {
        Fate::Same
    } else {
        Fate::Changed(at.into_iter().cloned().collect())
    }
}

/// Totals over the sample.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tally {
    pub judged: usize,
    pub same: usize,
    pub same_strict: usize,
    pub same_lenient: usize,
    pub changed: usize,
    pub gone: usize,
    pub gone_strict: usize,
    pub gone_lenient: usize,
}

impl Tally {
    pub fn add(&mut self, j: &Judged, f: &Fate) {
        self.judged += 1;
        match f {
            Fate::Same => {
                self.same += 1;
                self.same_strict += usize::from(j.strict());
                self.same_lenient += usize::from(j.lenient());
            }
            Fate::Changed(_) => self.changed += 1,
            Fate::Gone => {
                self.gone += 1;
                self.gone_strict += usize::from(j.strict());
                self.gone_lenient += usize::from(j.lenient());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_sample_reads_and_counts() {
        let all = parse(JUDGED).expect("judged.tsv parses");
        assert_eq!(all.len(), 300);
        assert_eq!(all.iter().filter(|j| j.corpus == "guardian").count(), 150);
        assert!(
            all.iter().filter(|j| j.strict()).count() <= all.iter().filter(|j| j.lenient()).count()
        );
    }

    #[test]
    fn bad_rows_name_their_line() {
        let head = COLUMNS.join("\t");
        let e = parse(&format!("{head}\nx\ty\n")).expect_err("short row");
        assert_eq!(e.line, 2);
        let row = "guardian\td\t0\t1\t2\tA\tB\t190\tasserted\t2019\tok\tok\tmaybe\tok\tok\t";
        let e = parse(&format!("# c\n{head}\n{row}\n")).expect_err("bad value");
        assert_eq!(e.line, 3);
        assert!(
            e.problem.starts_with("j_family must be one of"),
            "{}",
            e.problem
        );
        assert!(parse("").is_err());
    }
}
