//! The judged sample: coded events that people judged against their
//! sentences (`data/judged.tsv`), and the comparison of fresh output with
//! them. An event whose source, target, CAMEO code and modality are as they
//! were judged keeps its judgement; any other is "changed" (to be judged
//! again) or "gone".

use model::Event;

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

/// Reads the judged sample (`file` names it in problems).
pub fn parse(file: &str, src: &str) -> Result<Vec<Judged>, lexicon::table::Problem> {
    let mut out = Vec::new();
    for row in lexicon::table::strict_rows(file, src, &COLUMNS)? {
        let c = &row.cells;
        let num = |k: usize| {
            c[k].parse::<usize>()
                .map_err(|_| row.problem(format!("{} is not a number: {:?}", COLUMNS[k], c[k])))
        };
        let scales: [(usize, &[&str]); 5] = [
            (10, &["ok", "country", "wrong"]),
            (11, &["ok", "country", "wrong"]),
            (12, &["ok", "near", "wrong"]),
            (13, &["ok", "wrong"]),
            (14, &["ok", "wrong"]),
        ];
        for (k, allowed) in scales {
            if !allowed.contains(&c[k]) {
                return Err(row.problem(format!(
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
    Ok(out)
}

/// The judgement of an event, if a row judged the same coding at the
/// same trigger.
pub fn judgement<'j>(all: &'j [Judged], doc: &str, e: &Event) -> Option<&'j Judged> {
    all.iter().find(|j| {
        j.doc == doc
            && j.span == e.span
            && j.source == e.source.actor.code
            && j.target == e.target.actor.code
            && j.cameo == e.cameo
            && j.modality == e.modality.as_str()
    })
}

/// Totals over the events now coded at the sample's triggers.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tally {
    /// Triggers in the sample.
    pub triggers: usize,
    /// Events now coded at them.
    pub events: usize,
    /// Of those, judged (a row judged the same coding).
    pub judged: usize,
    pub strict: usize,
    pub lenient: usize,
    /// Triggers where nothing is coded any more, and of those, how many
    /// had a strictly (leniently) right coding in the sample.
    pub gone: usize,
    pub gone_strict: usize,
    pub gone_lenient: usize,
}

impl Tally {
    /// Adds one trigger: its judged rows and the events now coded there.
    /// Returns the events no row judges.
    pub fn add<'e>(
        &mut self,
        rows: &[&Judged],
        all: &[Judged],
        doc: &str,
        now: &[&'e Event],
    ) -> Vec<&'e Event> {
        self.triggers += 1;
        if now.is_empty() {
            self.gone += 1;
            self.gone_strict += usize::from(rows.first().is_some_and(|j| j.strict()));
            self.gone_lenient += usize::from(rows.first().is_some_and(|j| j.lenient()));
            return Vec::new();
        }
        let mut unjudged = Vec::new();
        for e in now {
            self.events += 1;
            match judgement(all, doc, e) {
                Some(j) => {
                    self.judged += 1;
                    self.strict += usize::from(j.strict());
                    self.lenient += usize::from(j.lenient());
                }
                None => unjudged.push(*e),
            }
        }
        unjudged
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_sample_reads_and_counts() {
        let all = parse("judged.tsv", JUDGED).expect("judged.tsv parses");
        assert!(all.len() >= 300);
        assert_eq!(
            all[..300].iter().filter(|j| j.corpus == "guardian").count(),
            150
        );
        assert!(
            all.iter().filter(|j| j.strict()).count() <= all.iter().filter(|j| j.lenient()).count()
        );
    }

    #[test]
    fn bad_rows_name_their_line() {
        let head = COLUMNS.join("\t");
        let e = parse("j.tsv", &format!("{head}\nx\ty\n")).expect_err("short row");
        assert_eq!(e.line, 2);
        let row = "guardian\td\t0\t1\t2\tA\tB\t190\tasserted\t2019\tok\tok\tmaybe\tok\tok\tn";
        let e = parse("j.tsv", &format!("# c\n{head}\n{row}\n")).expect_err("bad value");
        assert_eq!(e.line, 3);
        assert!(
            e.message.starts_with("j_family must be one of"),
            "{}",
            e.message
        );
        assert!(parse("j.tsv", "").is_err());
    }
}
