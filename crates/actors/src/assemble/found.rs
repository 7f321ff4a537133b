//! Mentions the lexicon does not name outright: places from the gazetteer,
//! actors located by a place ("protesters in Haifa", "Lagos police") and
//! unknown names (given-name, title and organisation-suffix cues).
//!
//! Precision first: a false person in every sentence is worse than a miss,
//! so each rule needs a positive cue and gives up on anything odd.

mod acronyms;
mod outlets;
mod places;
mod tagged;
mod unknown;

use super::{actor_from_code, is_org_word, is_stop, Atom, Ctx, M};
use crate::index::Tk;
use lexicon::norm::fold;
use model::{Actor, ActorType, Span};

/// Prepositions that locate an actor: "protesters in Haifa".
const LOCATING: &[&str] = &[
    "in", "of", "from", "near", "at", "outside", "around", "across",
];
/// Words allowed between the preposition and the place: "in Bat Galim
/// Square of Haifa city", "in the town of Idlib".
const PLACE_FILLER: &[&str] = &[
    "the",
    "of",
    "in",
    "city",
    "town",
    "village",
    "district",
    "province",
    "governorate",
    "region",
    "area",
    "square",
    "camp",
    "county",
    "state",
    "suburb",
    "neighbourhood",
    "neighborhood",
    "municipality",
    "capital",
    "port",
    "central",
    "northern",
    "southern",
    "eastern",
    "western",
    "north",
    "south",
    "east",
    "west",
];
/// Capitalised words after a place that keep it a place ("Lagos State").
const PLACE_HEADS: &[&str] = &[
    "city",
    "state",
    "province",
    "governorate",
    "district",
    "region",
    "county",
    "oblast",
    "municipality",
    "prefecture",
    "area",
    "division",
    "department",
    "island",
    "islands",
];
/// Capitalised words before a place that keep it a place ("North Darfur" is
/// in the gazetteer; "Greater Manchester", "Central Aleppo" are not).
const PLACE_PRE: &[&str] = &[
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "greater", "upper", "lower", "downtown", "rural", "old",
];
/// Title words before a name: (folded word, role or "").
const TITLES: &[(&str, &str)] = &[
    ("mr", ""),
    ("mrs", ""),
    ("ms", ""),
    ("miss", ""),
    ("dr", ""),
    ("sir", ""),
    ("dame", ""),
    ("lord", ""),
    ("lady", ""),
    ("coach", ""),
    ("striker", ""),
    ("midfielder", ""),
    ("defender", ""),
    ("goalkeeper", ""),
    ("captain", ""),
    ("skipper", ""),
    ("manager", ""),
    ("batsman", ""),
    ("bowler", ""),
    ("winger", ""),
    ("forward", ""),
    ("playmaker", ""),
    ("champion", ""),
    ("president", "GOV"),
    ("premier", "GOV"),
    ("chancellor", "GOV"),
    ("minister", "GOV"),
    ("governor", "GOV"),
    ("gov", "GOV"),
    ("mayor", "GOV"),
    ("spokesman", "GOV"),
    ("spokeswoman", "GOV"),
    ("king", "GOV"),
    ("queen", "GOV"),
    ("prince", "GOV"),
    ("princess", "GOV"),
    ("emir", "GOV"),
    ("senator", "LEG"),
    ("sen", "LEG"),
    ("rep", "LEG"),
    ("congressman", "LEG"),
    ("congresswoman", "LEG"),
    ("general", "MIL"),
    ("gen", "MIL"),
    ("colonel", "MIL"),
    ("col", "MIL"),
    ("lieutenant", "MIL"),
    ("lt", "MIL"),
    ("brigadier", "MIL"),
    ("admiral", "MIL"),
    ("sergeant", "MIL"),
    ("sgt", "MIL"),
    ("commander", "MIL"),
    ("judge", "JUD"),
    ("justice", "JUD"),
    ("prosecutor", "JUD"),
    ("bishop", "REL"),
    ("archbishop", "REL"),
    ("cardinal", "REL"),
    ("pope", "REL"),
    ("rabbi", "REL"),
    ("imam", "REL"),
    ("sheikh", "REL"),
    ("cleric", "REL"),
    ("reverend", "REL"),
    ("rev", "REL"),
];
/// Last words that make a capitalised run an organisation: (word, role).
const ORG_SUFFIX: &[(&str, &str)] = &[
    ("Inc", "BUS"),
    ("Corp", "BUS"),
    ("Ltd", "BUS"),
    ("Plc", "BUS"),
    ("PLC", "BUS"),
    ("LLC", "BUS"),
    ("AG", "BUS"),
    ("SA", "BUS"),
    ("Co", "BUS"),
    ("Company", "BUS"),
    ("Corporation", "BUS"),
    ("Group", ""),
    ("Holdings", "BUS"),
    ("Bank", "BUS"),
    ("Airlines", "BUS"),
    ("Airways", "BUS"),
    ("Party", ""),
    ("Ministry", "GOV"),
    ("Council", ""),
    ("Union", ""),
    ("Association", ""),
    ("Federation", ""),
    ("Club", ""),
    ("United", ""),
    ("City", ""),
    ("FC", ""),
    ("University", "EDU"),
    ("College", "EDU"),
    ("Institute", "EDU"),
    ("Agency", "GOV"),
    ("Committee", ""),
    ("Commission", ""),
    ("Front", ""),
    ("Movement", ""),
    ("Brigade", "UAF"),
    ("Brigades", "UAF"),
    ("Division", "UAF"),
    ("Battalion", "UAF"),
    ("Battalions", "UAF"),
    ("Regiment", "UAF"),
    ("Militia", "UAF"),
    ("Militias", "UAF"),
    ("Resistance", "UAF"),
    ("Legion", "UAF"),
    ("Army", "MIL"),
    ("Police", "COP"),
    ("Foundation", ""),
    ("Organisation", ""),
    ("Organization", ""),
    ("Alliance", ""),
    ("League", ""),
    ("Court", "JUD"),
];
/// First words that make "<Head> of|for <Name>" an organisation.
const ORG_HEADS: &[(&str, &str)] = &[
    ("Ministry", "GOV"),
    ("University", "EDU"),
    ("Bank", "BUS"),
    ("Council", ""),
    ("Union", ""),
    ("Association", ""),
    ("Federation", ""),
    ("Committee", ""),
    ("Commission", ""),
    ("Party", ""),
    ("Army", "MIL"),
    ("Front", ""),
    ("Movement", ""),
    ("Agency", "GOV"),
    ("Institute", "EDU"),
    ("Department", "GOV"),
    ("Office", "GOV"),
    ("Church", "REL"),
    ("Bank", "BUS"),
];
/// Last words that make a run a thing rather than a person ("Victoria
/// Station", "John Lewis Partnership" is caught by ORG words).
const NOT_PERSON_LAST: &[&str] = &[
    "Street",
    "Road",
    "Square",
    "Station",
    "Avenue",
    "Park",
    "Airport",
    "Bridge",
    "Hall",
    "Hotel",
    "Hospital",
    "Stadium",
    "River",
    "Lake",
    "Island",
    "Islands",
    "Bay",
    "Valley",
    "Cup",
    "Prize",
    "Award",
    "Awards",
    "Day",
    "Festival",
    "Open",
    "Games",
    "Championship",
    "Championships",
    "Trophy",
    "Memorial",
    "Act",
    "Museum",
    "Gallery",
    "Cathedral",
    "Church",
    "Mosque",
    "Centre",
    "Center",
    "School",
    "Times",
    "Post",
    "News",
    "Journal",
    "Show",
    "Tower",
    "Palace",
    "Gate",
    "House",
    "Market",
    "Mall",
    "Fund",
    "Index",
    "Media",
    "Prison",
    "Camp",
    "Beach",
    "Mountains",
    "Hills",
    "Forest",
    "Desert",
    "Sea",
    "Ocean",
    "Canal",
    "Highway",
    "Building",
    "Plaza",
    "Port",
    "Province",
    "State",
    "District",
    "County",
    "Accord",
    "Accords",
    "Agreement",
    "Treaty",
    "Plan",
    "Doctrine",
    "Initiative",
    "Report",
    "Summit",
    "Conference",
    "Talks",
    "Process",
    "Declaration",
    "Convention",
    "Protocol",
    "Strategy",
    "Programme",
    "Program",
    "Project",
    "Law",
    "Bill",
    "Code",
    "Rule",
    "Rules",
    "Line",
    "Corridor",
    "Pipeline",
    "Field",
    "Fields",
    "Era",
    "War",
    "Wars",
    "Revolution",
];
/// Lower-case words that end the "<Country adjective> <noun> <Name>" cue.
const NOT_NOUN: &[&str] = &[
    "the", "a", "an", "and", "or", "to", "of", "in", "on", "at", "by", "for", "with", "from",
    "said", "says", "told", "asked", "as", "is", "was", "has", "had", "will", "would", "can",
    "that", "than", "but", "hit", "met", "let", "put", "sent", "urged", "called",
];
/// Frequent Chinese, Korean and Vietnamese family names, written first:
/// "Wang Donghai", "Kim Dae-jung", "Nguyen Van Thieu". Short forms that are
/// English words or pronouns ("He", "Ma", "Do", "Ho") are left out.
const SURNAME_FIRST: &[&str] = &[
    "bui", "cai", "cao", "chen", "cho", "choi", "dang", "deng", "ding", "dong", "duong", "feng",
    "gao", "guo", "han", "hoang", "huang", "jang", "jiang", "jung", "kang", "kim", "liang", "liu",
    "luo", "ngo", "nguyen", "pan", "park", "peng", "pham", "phan", "qian", "shen", "song", "tang",
    "tian", "tran", "wang", "xiao", "xie", "xu", "xue", "yang", "yao", "yoon", "yuan", "zeng",
    "zhang", "zhao", "zheng", "zhou", "zhu",
];
/// Lower-case words that may sit inside a name: "Ahmed bin Salman".
const PARTICLES: &[&str] = &[
    "bin", "ibn", "bint", "al", "el", "de", "da", "di", "du", "dos", "das", "del", "van", "von",
    "der", "den", "la", "le",
];
/// Lower-case words that may sit inside an organisation's name.
const ORG_CONNECT: &[&str] = &["of", "for", "and", "&", "the", "on", "de"];

/// One capitalised run: its words (spans) in order.
struct Run {
    words: Vec<(usize, usize)>,
}

/// The text between a place and the wider area named after it: ", " or
/// " (", after an optional area noun ("Cordoba municipality, Veracruz").
fn area_separator(gap: &str) -> bool {
    const AREA_NOUNS: &[&str] = &[
        "municipality",
        "district",
        "province",
        "city",
        "town",
        "village",
        "county",
        "department",
        "state",
        "region",
        "governorate",
        "subdivision",
        "commune",
    ];
    let g = gap.trim();
    let g = AREA_NOUNS
        .iter()
        .find_map(|n| g.strip_prefix(n))
        .unwrap_or(g)
        .trim();
    matches!(g, "," | "(")
}

/// Whether `w` is one of the lower-case ASCII `list` words, case aside;
/// no allocation (these checks run at every capitalised word).
fn among(list: &[&str], w: &str) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// `f(folded w)`, folding ASCII words on the stack.
pub(super) fn with_folded<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 32];
    if w.is_ascii() && w.len() <= buf.len() {
        for (b, c) in buf.iter_mut().zip(w.bytes()) {
            *b = c.to_ascii_lowercase();
        }
        if let Ok(s) = std::str::from_utf8(&buf[..w.len()]) {
            return f(s);
        }
    }
    f(&fold(w))
}

impl<'a> Ctx<'a> {
    fn word(&self, w: (usize, usize)) -> &str {
        self.text.get(w.0..w.1).unwrap_or("")
    }

    /// "the US dollar", "the Lebanese pound", "Turkish lira": a country
    /// word naming a currency is no actor, and no hint of where the text is.
    pub(super) fn drop_currencies(&self, atoms: &mut Vec<Atom>) {
        const CURRENCY: &[&str] = &[
            "dollar",
            "dollars",
            "pound",
            "pounds",
            "lira",
            "liras",
            "euro",
            "euros",
            "rupee",
            "rupees",
            "peso",
            "pesos",
            "rouble",
            "roubles",
            "ruble",
            "rubles",
            "yuan",
            "yen",
            "riyal",
            "riyals",
            "rial",
            "rials",
            "dinar",
            "dinars",
            "franc",
            "francs",
            "shekel",
            "shekels",
            "rand",
            "naira",
            "hryvnia",
            "won",
            "currency",
            "bonds",
            "treasuries",
        ];
        let text = self.text;
        atoms.retain(|a| {
            if !matches!(a.tk, Tk::Country(..)) {
                return true;
            }
            let next = text
                .get(a.e..)
                .and_then(|r| r.strip_prefix(' '))
                .and_then(|r| r.split(|c: char| !c.is_alphabetic()).next())
                .unwrap_or("");
            !CURRENCY.contains(&next)
        });
    }

    /// A one-word organisation inside a longer capitalised name is not
    /// that organisation: "Trinamool Congress" and "National Congress
    /// Party" are not the US Congress. Capitalised "National" before a
    /// capitalised word is a name part, not the agent noun ("a British
    /// national").
    pub(super) fn drop_name_parts(&self, atoms: &mut Vec<Atom>) {
        const NAME_PART_AGENTS: &[&str] = &["national", "nationals"];
        // Sentence-initial words that do not start a name either.
        const OPENERS: &[&str] = &[
            "Why", "How", "What", "Where", "Who", "So", "Yet", "Even", "Only", "Until", "Once",
            "Will", "Can", "Did", "Does", "Has", "Have", "Is", "Was", "Should", "Would", "Could",
            "Here", "There", "Today", "Tonight", "Not", "Neither", "Nor", "Under", "Against",
            "Without", "Through", "Between", "Among", "Like", "Unlike", "Until", "Whether",
        ];
        let text = self.text;
        let mut keep = vec![true; atoms.len()];
        for (i, a) in atoms.iter().enumerate() {
            let Tk::Agent(ag) = a.tk else { continue };
            let term = self
                .idx
                .agents
                .get(ag as usize)
                .map_or("", |x| x.term.as_str());
            if NAME_PART_AGENTS.contains(&term)
                && self.capitalised(a.s, a.e)
                && self
                    .next_word(a.e)
                    .is_some_and(|w| self.sent_of(w.0) == a.sent && self.capitalised(w.0, w.1))
            {
                keep[i] = false;
            }
        }
        // Whether a non-agent, non-place atom kept so far covers `[s, e)`.
        // Atoms are sorted and do not overlap: only the last one starting
        // at or before `s` can cover it.
        let covered = |s: usize, e: usize, keep: &[bool]| {
            let j = atoms.partition_point(|b| b.s <= s);
            j.checked_sub(1).is_some_and(|j| {
                let b = &atoms[j];
                keep[j] && e <= b.e && !matches!(b.tk, Tk::Agent(_) | Tk::Place(_))
            })
        };
        for i in 0..atoms.len() {
            let a = &atoms[i];
            if !matches!(a.tk, Tk::Org(_)) || !keep[i] || text[a.s..a.e].contains(' ') {
                continue;
            }
            // An acronym ("PKK", "YPG") after a capitalised adjective of
            // identity is that organisation: "Kurdish PKK", "Sunni ISIS",
            // "Houthi SPA" are not longer names.
            let acronym = acronyms::is_acronym(&text[a.s..a.e]);
            let before = self.prev_word(a.s).filter(|w| {
                let t = self.word(*w);
                // Not a given name ("Julian", "Sami") before the acronym.
                let identity = acronym
                    && identity_adjective(t)
                    && !with_folded(t, |f| self.idx.given.contains(f));
                self.sent_of(w.0) == a.sent
                    && self.capitalised(w.0, w.1)
                    && !is_stop(t)
                    && !OPENERS.contains(&t)
                    && !identity
                    && !covered(w.0, w.1, &keep)
            });
            let after = self.next_word(a.e).filter(|w| {
                self.sent_of(w.0) == a.sent
                    && is_org_word(self.word(*w))
                    && !covered(w.0, w.1, &keep)
            });
            if before.is_some() || after.is_some() {
                keep[i] = false;
            }
        }
        let mut k = keep.iter();
        atoms.retain(|_| k.next().copied().unwrap_or(true));
    }

    /// The word right before `pos` (one space apart, same line): its span.
    fn prev_word(&self, pos: usize) -> Option<(usize, usize)> {
        let head = self.text.get(..pos)?;
        let h = head.strip_suffix(' ')?;
        if h.ends_with(' ') {
            return None;
        }
        let e = h.len();
        let s = h
            .char_indices()
            .rev()
            .take_while(|(_, c)| text::chars::is_alphanumeric(*c) || *c == '-' || *c == '.')
            .last()
            .map(|(i, _)| i)?;
        let s = (s..e).find(|&i| {
            self.text[i..]
                .chars()
                .next()
                .is_some_and(text::chars::is_alphanumeric)
        })?;
        Some((s, h.trim_end_matches('.').len().max(s)))
    }

    /// The word right after `pos` (one space apart): its span.
    fn next_word(&self, pos: usize) -> Option<(usize, usize)> {
        let rest = self.text.get(pos..)?;
        let r = rest.strip_prefix(' ')?;
        if r.starts_with(' ') {
            return None;
        }
        self.name_word_at(pos + 1).map(|e| (pos + 1, e))
    }

    /// A word as in names: also "O'Neill" and "N'Djamena" (an apostrophe
    /// inside, but not the possessive "'s").
    fn name_word_at(&self, pos: usize) -> Option<usize> {
        let mut e = self.word_at(pos)?;
        while let Some(rest) = self.text.get(e..) {
            let Some(q) = rest
                .chars()
                .next()
                .filter(|c| *c == '\'' || *c == '\u{2019}')
            else {
                break;
            };
            let after = &rest[q.len_utf8()..];
            let possessive =
                after.starts_with('s') && !after[1..].starts_with(|c: char| c.is_alphanumeric());
            if possessive || !after.starts_with(|c: char| c.is_alphabetic()) {
                break;
            }
            match self.word_at(e + q.len_utf8()) {
                Some(e2) => e = e2,
                None => break,
            }
        }
        Some(e)
    }

    /// A single capital letter: an initial ("S. Waugh").
    fn is_initial(&self, w: (usize, usize)) -> bool {
        let t = self.word(w);
        t.chars().count() == 1 && t.starts_with(|c: char| c.is_uppercase())
    }

    fn all_caps(&self, s: usize, e: usize) -> bool {
        let w = self.text.get(s..e).unwrap_or("");
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(|c| c.is_lowercase())
    }

    /// A CoNLL/agency dateline: the place opens its line and a date follows
    /// ("ROTTERDAM 1996-08-30").
    fn dateline(&self, s: usize, e: usize) -> bool {
        let line_start = self.text[..s].rfind('\n').map_or(0, |i| i + 1);
        let next = self
            .text
            .get(e..)
            .unwrap_or("")
            .trim_start_matches([',', ' '])
            .split_whitespace()
            .next()
            .unwrap_or("");
        const MONTHS: &[&str] = &[
            "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
        ];
        let date_like = (next.starts_with(|c: char| c.is_ascii_digit())
            && next.contains(['-', '/']))
            || MONTHS.contains(&fold(next.trim_end_matches('.')).get(..3).unwrap_or(""));
        self.text[line_start..s].trim().is_empty() && date_like
    }

    /// Asked at nearly every capitalised word: one probe of a table built
    /// once, on the word lower-cased on the stack (titles are ASCII).
    fn title_role(w: &str) -> Option<&'static str> {
        static TABLE: std::sync::OnceLock<
            std::collections::HashMap<&'static str, &'static str, crate::index::FxBuild>,
        > = std::sync::OnceLock::new();
        let table = TABLE.get_or_init(|| {
            let mut m = std::collections::HashMap::default();
            for (t, r) in TITLES {
                m.entry(*t).or_insert(*r);
            }
            m
        });
        let w = w.trim_end_matches('.');
        let mut buf = [0u8; 16];
        if !w.is_ascii() || w.len() > buf.len() {
            return None;
        }
        for (b, c) in buf.iter_mut().zip(w.bytes()) {
            *b = c.to_ascii_lowercase();
        }
        let lower = std::str::from_utf8(&buf[..w.len()]).ok()?;
        table.get(lower).copied()
    }
}

/// A capitalised adjective of people or creed by its ending ("Kurdish",
/// "Islamist", "Alawite", "Sunni", "Houthi"), not itself upper case.
fn identity_adjective(w: &str) -> bool {
    !acronyms::is_acronym(w)
        && ["ish", "ist", "ite", "i", "ian", "ese"]
            .iter()
            .any(|suf| w.len() > suf.len() + 2 && w.ends_with(suf))
}
