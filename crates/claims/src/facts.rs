//! Quantitative facts: shares, stakes, money and counts (casualties first),
//! each with what it measures, whose it is and towards whom.
//!
//! A number is read first (digits, words, percentages, currency signs,
//! qualifiers such as "about" or "at least"); its neighbours then decide the
//! measure, with the meaning of words kept in `data/measures.tsv`:
//! - `N% stake in X` -> `stake`; `N% of X's <share noun>` -> `import_share`,
//!   `supply_share`, ... with holder, counterpart and commodity;
//! - a currency -> `money`;
//! - a casualty word before or after the counted phrase -> `killed`,
//!   `injured`, `arrested`, ...; "no fatalities" -> `killed` 0;
//! - a counted noun -> `count`.

mod casualty;
mod number;
mod share;

use lexicon::table::{self, Problem};
use std::sync::OnceLock;

use crate::quotes::lex::{self, FnvMap, Tok, K};
use model::{ActorType, Fact, Mention, Participant, Sentence, TimeExpr, Token};

/// The built-in measure words, as written.
pub const MEASURES_TSV: &str = include_str!("../data/measures.tsv");

/// One row of `measures.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeasureWord {
    pub kind: String,
    pub word: String,
    pub value: String,
    pub example: Option<String>,
    pub line: usize,
}

/// The columns of `measures.tsv`.
pub const MEASURES_HEADER: &[&str] = &["kind", "word", "value", "example"];

/// Parses a measures table; every malformed line is an error naming its line.
pub fn parse_measures(tsv: &str) -> Result<Vec<MeasureWord>, Problem> {
    let mut out = Vec::new();
    for row in table::strict_rows("measures.tsv", tsv, MEASURES_HEADER)? {
        let f = &row.cells;
        let err = |m: &str| row.problem(m);
        if !matches!(
            f[0],
            "share" | "commodity" | "casualty" | "count" | "currency"
        ) {
            return Err(err(
                "kind must be share, commodity, casualty, count or currency",
            ));
        }
        if f[1].is_empty() || f[2].is_empty() {
            return Err(err("empty word or value"));
        }
        out.push(MeasureWord {
            kind: f[0].to_string(),
            word: f[1].to_lowercase(),
            value: f[2].to_string(),
            example: (f[3] != "-").then(|| f[3].to_string()),
            line: row.line,
        });
    }
    Ok(out)
}

struct Table {
    /// word -> its rows, in file order (keyed by the word alone so a lookup
    /// is one hash of a borrowed key; most words are in no row).
    by: FnvMap<String, Vec<MeasureWord>>,
    filter: lex::WordFilter,
    /// Every word `Cx::number` can start from (number words, articles,
    /// currencies): most tokens are settled by this filter alone.
    number_start: lex::WordFilter,
}

impl Table {
    fn get(&self, kind: &str, word: &str) -> Option<&MeasureWord> {
        if !self.filter.may_contain(word) {
            return None;
        }
        // A later row for the same (kind, word) replaces an earlier one.
        self.by.get(word)?.iter().rev().find(|r| r.kind == kind)
    }
}

fn table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        let rows = parse_measures(MEASURES_TSV).unwrap_or_default();
        let mut by: FnvMap<String, Vec<MeasureWord>> = FnvMap::default();
        for r in rows {
            by.entry(r.word.clone()).or_default().push(r);
        }
        let filter = lex::WordFilter::new(by.keys().map(String::as_str));
        let compounds: Vec<String> = TENS
            .iter()
            .flat_map(|t| UNITS[1..10].iter().map(move |u| format!("{t}-{u}")))
            .collect();
        let number_start = lex::WordFilter::new(
            UNITS
                .iter()
                .chain(TENS)
                .copied()
                .chain(FRACTIONS.iter().map(|f| f.0))
                .chain(NUMBER_NOUNS.iter().map(|n| n.0))
                .chain(["the", "a", "an"])
                .chain(compounds.iter().map(String::as_str))
                .chain(
                    by.iter()
                        .filter(|(_, rows)| rows.iter().any(|r| r.kind == "currency"))
                        .map(|(w, _)| w.as_str()),
                ),
        );
        Table {
            by,
            filter,
            number_start,
        }
    })
}

/// Every quantitative fact in `text`, in text order.
///
/// `tokens` is accepted for pipeline symmetry; numbers are lexed here so that
/// "1,200", "1.2" and "300m" read the same whatever the tokeniser does.
pub fn facts(
    text: &str,
    sentences: &[Sentence],
    _tokens: &[Token],
    mentions: &[Mention],
    times: &[TimeExpr],
) -> Vec<Fact> {
    let mut arena = String::new();
    let lexed = lex::Lexed::new(text, sentences, &mut arena);
    facts_in(&lexed, sentences, mentions, times)
}

/// As [`facts`] over a text already lexed (shared with [`crate::quotes::quotes_in`]).
pub fn facts_in(
    lexed: &lex::Lexed,
    sentences: &[Sentence],
    mentions: &[Mention],
    times: &[TimeExpr],
) -> Vec<Fact> {
    let text = lexed.text;
    let toks = &lexed.toks[..];
    let mut ms: Vec<&Mention> = mentions
        .iter()
        .filter(|m| m.span[0] < m.span[1] && m.span[1] <= text.len())
        .collect();
    ms.sort_by_key(|m| m.span[0]);
    let cx = Cx {
        text,
        toks,
        mentions: ms,
        sentences,
        times,
        t: table(),
    };
    let mut out = Vec::new();
    for &[a, b] in &lexed.units {
        let ua = toks.partition_point(|t| t.s < a);
        let ub = toks.partition_point(|t| t.e <= b).max(ua);
        cx.unit(ua, ub, &mut out);
    }
    out
}

/// People killed according to `facts`: a figure the text states as the
/// fatality count ("3 fatalities", "fatalities coded as 10") wins; otherwise
/// the sum of the `killed` counts; `Some(0)` when it says nobody died, `None`
/// when it says nothing.
pub fn fatalities(facts: &[Fact]) -> Option<u64> {
    let killed: Vec<&Fact> = facts.iter().filter(|f| f.measure == "killed").collect();
    let as_count = |f: &Fact| {
        if f.value.is_finite() && f.value > 0.0 {
            f.value.round() as u64
        } else {
            0
        }
    };
    let total = if let Some(f) = killed.iter().find(|f| f.rule == "fact/casualty:stated") {
        as_count(f)
    } else if killed.is_empty() {
        return None;
    } else {
        killed
            .iter()
            .map(|f| as_count(f))
            .fold(0u64, u64::saturating_add)
    };
    // "Fatalities split between 2 events": this record holds its share.
    match facts
        .iter()
        .find(|f| f.measure == "split" && f.value >= 1.0)
    {
        Some(s) => Some((total as f64 / s.value).round() as u64),
        None => Some(total),
    }
}

/// A number as read from the text.
#[derive(Debug, Clone)]
struct Num {
    /// Token range of the number itself (with scale and percent words).
    s: usize,
    e: usize,
    /// First token including qualifiers and currency prefix.
    from: usize,
    value: f64,
    approx: bool,
    percent: bool,
    currency: Option<String>,
    /// Read from an article ("a man"), only good for casualties.
    article: bool,
    /// A vague plural ("hundreds", "dozens").
    vague: bool,
}

struct Cx<'a> {
    text: &'a str,
    toks: &'a [Tok<'a>],
    mentions: Vec<&'a Mention>,
    sentences: &'a [Sentence],
    times: &'a [TimeExpr],
    t: &'static Table,
}

const QUALIFIERS: &[(&str, bool)] = &[
    ("about", true),
    ("approximately", true),
    ("around", true),
    ("nearly", true),
    ("almost", true),
    ("roughly", true),
    ("some", true),
    ("estimated", true),
    ("over", true),
    ("least", true),
    ("than", true),
    ("up", true),
    ("to", false),
    ("close", true),
    ("circa", true),
    ("another", false),
];

const UNITS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: &[&str] = &[
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

fn small_number(w: &str) -> Option<f64> {
    // Every form ("six" .. "seventy-seven") is 3 to 13 bytes and starts with
    // one of these letters: most words are settled without a scan.
    let b = w.as_bytes();
    if !(3..=13).contains(&b.len())
        || !matches!(b[0], b'e' | b'f' | b'n' | b'o' | b's' | b't' | b'z')
    {
        return None;
    }
    if let Some(i) = UNITS.iter().position(|&u| u == w) {
        return Some(i as f64);
    }
    if let Some(i) = TENS.iter().position(|&u| u == w) {
        return Some(20.0 + 10.0 * i as f64);
    }
    let (a, b) = w.split_once('-')?;
    let t = TENS.iter().position(|&u| u == a)?;
    let u = UNITS
        .iter()
        .position(|&x| x == b)
        .filter(|&u| (1..10).contains(&u))?;
    Some(20.0 + 10.0 * t as f64 + u as f64)
}

/// Fraction words and their values.
const FRACTIONS: &[(&str, f64)] = &[
    ("half", 0.5),
    ("one-half", 0.5),
    ("one-third", 1.0 / 3.0),
    ("third", 1.0 / 3.0),
    ("two-thirds", 2.0 / 3.0),
    ("one-quarter", 0.25),
    ("quarter", 0.25),
    ("three-quarters", 0.75),
    ("one-fifth", 0.2),
];

fn fraction_word(w: &str) -> Option<f64> {
    FRACTIONS.iter().find(|f| f.0 == w).map(|f| f.1)
}

/// Nouns that are a number by themselves: (word, value, vague).
const NUMBER_NOUNS: &[(&str, f64, bool)] = &[
    ("dozen", 12.0, false),
    ("dozens", 24.0, true),
    ("scores", 24.0, true),
    ("hundreds", 100.0, true),
    ("thousands", 1000.0, true),
    ("millions", 1e6, true),
];

fn scale(w: &str) -> Option<f64> {
    Some(match w {
        "thousand" | "k" => 1e3,
        "million" | "m" | "mn" | "mln" => 1e6,
        "billion" | "bn" | "b" | "bln" => 1e9,
        "trillion" | "tn" => 1e12,
        "hundred" => 1e2,
        _ => return None,
    })
}

fn plural(w: &str) -> String {
    match w {
        "person" | "people" | "persons" => "people".into(),
        "man" => "men".into(),
        "woman" => "women".into(),
        "child" | "children" => "children".into(),
        // Irregular plurals already: "men", "women", "policemen".
        _ if w.ends_with("men") => w.into(),
        "policeman" => "policemen".into(),
        _ if w.ends_with('s') => w.into(),
        _ if w.ends_with('y') && !w.ends_with("ey") => format!("{}ies", &w[..w.len() - 1]),
        _ => format!("{w}s"),
    }
}

fn animal_noun(w: &str) -> bool {
    matches!(
        w,
        "livestock"
            | "cattle"
            | "cows"
            | "cow"
            | "goats"
            | "goat"
            | "sheep"
            | "camels"
            | "camel"
            | "animals"
            | "animal"
            | "donkeys"
            | "horses"
            | "chickens"
            | "dogs"
            | "birds"
            | "fish"
    )
}

/// Nouns that name people, for "a man was killed" and the unit of counts.
fn person_noun(w: &str) -> bool {
    const P: &[&str] = &[
        "person",
        "people",
        "persons",
        "man",
        "men",
        "woman",
        "women",
        "child",
        "children",
        "civilian",
        "civilians",
        "soldier",
        "soldiers",
        "policeman",
        "policemen",
        "officer",
        "officers",
        "militant",
        "militants",
        "fighter",
        "fighters",
        "member",
        "members",
        "resident",
        "residents",
        "worker",
        "workers",
        "protester",
        "protesters",
        "demonstrator",
        "demonstrators",
        "student",
        "students",
        "farmer",
        "farmers",
        "villager",
        "villagers",
        "boy",
        "boys",
        "girl",
        "girls",
        "brother",
        "brothers",
        "journalist",
        "journalists",
        "commander",
        "troops",
        "gunman",
        "gunmen",
        "rebel",
        "rebels",
        "insurgent",
        "insurgents",
        "citizen",
        "citizens",
        "refugee",
        "refugees",
        "migrant",
        "migrants",
        "police",
        "policewoman",
        "guard",
        "guards",
        "teenager",
        "teenagers",
        "driver",
        "drivers",
        "victim",
        "victims",
        "others",
        "individuals",
        "individual",
        "personnel",
        "family",
        "families",
        "prisoner",
        "prisoners",
        "engineer",
        "engineers",
        "fisherman",
        "fishermen",
        "detainee",
        "detainees",
        "hostage",
        "hostages",
        "suspect",
        "suspects",
        "activist",
        "activists",
        "passenger",
        "passengers",
        "teacher",
        "teachers",
        "youth",
        "adolescent",
        "trader",
        "herder",
        "herders",
        "relative",
        "relatives",
        "son",
        "sons",
        "father",
        "daughter",
        "mother",
        "wife",
        "husband",
        "colonel",
        "trafficker",
        "bystander",
        "alderman",
        "head",
        "chairman",
        "elements",
        "element",
        "combatants",
        "doctor",
        "doctors",
        "official",
        "officials",
        "leader",
        "leaders",
        "militiaman",
        "militiamen",
    ];
    P.contains(&w)
}

impl<'a> Cx<'a> {
    fn w(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.lower)
    }

    fn sentence_of(&self, pos: usize) -> usize {
        let i = self.sentences.partition_point(|s| s.span[0] <= pos);
        if i == 0 {
            self.sentences.first().map_or(0, |s| s.index)
        } else {
            self.sentences[i - 1].index
        }
    }

    fn unit(&self, a: usize, b: usize, out: &mut Vec<Fact>) {
        let mut k = a;
        while k < b {
            // "no fatalities", "neither injuries nor fatalities": nobody died.
            if matches!(self.w(k), "no" | "neither" | "nor") {
                if let Some(f) = self.none_killed(k, b) {
                    if !out.iter().any(|o| o.span == f.span) {
                        out.push(f);
                    }
                }
            }
            // "fatalities split between 2 events": a stated count shared out.
            if matches!(self.w(k), "split" | "spread" | "distributed") {
                if let Some(f) = self.split(k, b) {
                    out.push(f);
                }
            }
            // "fatalities coded as 10": ACLED-style stated counts.
            if matches!(self.w(k), "fatalities" | "fatality") {
                if let Some(f) = self.coded_as(k, b) {
                    out.push(f);
                }
            }
            let Some(n) = self.number(k, b) else {
                k += 1;
                continue;
            };
            let next = n.e.max(k + 1);
            if let Some(f) = self.classify(&n, a, b) {
                out.push(f);
            }
            k = next;
        }
    }

    fn fact(&self, n: &Num, end: usize, measure: &str, value: f64, unit: &str, rule: &str) -> Fact {
        let s = self.toks[n.from].s;
        let e = self.toks[end.max(n.e) - 1].e.max(s);
        Fact {
            sentence: self.sentence_of(s),
            span: [s, e],
            measure: measure.to_string(),
            value,
            unit: unit.to_string(),
            approx: n.approx,
            holder: None,
            counterpart: None,
            commodity: None,
            asset: None,
            period: None,
            rule: rule.to_string(),
        }
    }

    fn classify(&self, n: &Num, a: usize, b: usize) -> Option<Fact> {
        if n.percent && !n.article {
            return Some(self.share(n, a, b));
        }
        if let Some(cur) = &n.currency {
            let mut f = self.fact(n, n.e, "money", n.value, cur, "fact/money");
            // "Azerbaijan paid $1.6 billion to Israel": payer before, payee after.
            let kinds = [
                ActorType::Organisation,
                ActorType::Country,
                ActorType::Group,
                ActorType::Person,
            ];
            f.holder = self.mention_before(self.toks[n.from].s, a, &kinds);
            f.counterpart = self.counterpart_after(n.e, b, f.holder.as_ref());
            f.commodity = (a..b)
                .find_map(|k| self.t.get("commodity", self.w(k)))
                .map(|r| r.value.clone());
            f.period = self.period(a, b);
            return Some(f);
        }
        if let Some(f) = self.casualty(n, a, b) {
            return Some(f);
        }
        if n.article {
            return None;
        }
        self.count(n, b)
    }

    fn is_mark(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            t.k == K::Punct
                && self.text[t.s..]
                    .chars()
                    .next()
                    .is_some_and(lex::is_quote_mark)
        })
    }

    /// The time expression of the unit: a range first, else the first one.
    fn period(&self, a: usize, b: usize) -> Option<String> {
        let (s, e) = (self.toks.get(a)?.s, self.toks.get(b.checked_sub(1)?)?.e);
        let inside: Vec<&TimeExpr> = self
            .times
            .iter()
            .filter(|t| s <= t.span[0] && t.span[1] <= e)
            .collect();
        inside
            .iter()
            .find(|t| t.value.contains('/'))
            .or_else(|| inside.first())
            .map(|t| t.value.clone())
    }

    /// "3,000 troops", "hundreds of attacks".
    fn count(&self, n: &Num, b: usize) -> Option<Fact> {
        let mut j = n.e;
        if self.w(j) == "of" && n.vague {
            j += 1;
        }
        // Allow up to two modifiers: "hundreds of Israeli Air Force attacks".
        for k in j..b.min(j + 5) {
            if let Some(row) = self.t.get("count", self.w(k)) {
                let f = self.fact(n, k + 1, "count", n.value, &row.value, "fact/count");
                return Some(f);
            }
            if self.toks[k].k != K::Word {
                break;
            }
        }
        None
    }
}

fn is_aux(w: &str) -> bool {
    matches!(
        w,
        "were"
            | "was"
            | "have"
            | "has"
            | "had"
            | "been"
            | "be"
            | "are"
            | "is"
            | "reportedly"
            | "being"
    )
}

fn part(m: &Mention) -> Participant {
    Participant {
        actor: m.actor.clone(),
        text: m.text.clone(),
        span: m.span,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_are_plural_once() {
        for (w, p) in [
            ("child", "children"),
            ("children", "children"),
            ("civilian", "civilians"),
            ("civilians", "civilians"),
            ("women", "women"),
            ("policeman", "policemen"),
            ("casualty", "casualties"),
        ] {
            assert_eq!(plural(w), p, "{w}");
        }
    }

    #[test]
    fn measures_table_parses_without_duplicates() {
        let rows = parse_measures(MEASURES_TSV).expect("measures.tsv parses");
        let mut seen = std::collections::HashSet::new();
        for r in &rows {
            assert!(
                seen.insert((r.kind.clone(), r.word.clone())),
                "duplicate {:?}",
                r
            );
        }
        let mut sorted = rows.clone();
        sorted.sort_by(|a, b| (&a.kind, &a.word).cmp(&(&b.kind, &b.word)));
        assert_eq!(
            rows, sorted,
            "measures.tsv rows are kept sorted by kind, word"
        );
    }

    #[test]
    fn every_measure_example_codes() {
        let mut bad = Vec::new();
        for r in parse_measures(MEASURES_TSV).expect("parses") {
            let Some(ex) = &r.example else { continue };
            let fs = facts(ex, &[], &[], &[], &[]);
            let ok = match r.kind.as_str() {
                "casualty" => fs.iter().any(|f| f.measure == r.value),
                "count" => fs.iter().any(|f| f.unit == r.value),
                "currency" => fs.iter().any(|f| f.measure == "money" && f.unit == r.value),
                "share" => fs.iter().any(|f| f.measure == r.value),
                _ => true,
            };
            if !ok {
                bad.push(format!(
                    "measures.tsv:{} {:?} -> {:?}",
                    r.line,
                    ex,
                    fs.iter()
                        .map(|f| (&f.measure, f.value, &f.unit))
                        .collect::<Vec<_>>()
                ));
            }
        }
        assert!(bad.is_empty(), "examples not coded:\n{}", bad.join("\n"));
    }

    #[test]
    fn fatalities_prefers_stated_figures() {
        let fs = facts(
            "A child was killed by a gunman. 2 fatalities.",
            &[],
            &[],
            &[],
            &[],
        );
        assert_eq!(fatalities(&fs), Some(2));
        let fs = facts(
            "Two Somali citizens and four Kenyan citizens died in the crash.",
            &[],
            &[],
            &[],
            &[],
        );
        assert_eq!(fatalities(&fs), Some(6));
        let fs = facts("No fatalities nor injuries reported.", &[], &[], &[], &[]);
        assert_eq!(fatalities(&fs), Some(0));
        let fs = facts("Police arrested 20 protesters.", &[], &[], &[], &[]);
        assert_eq!(fatalities(&fs), None);
    }
}
