//! Mentions the lexicon does not name outright: places from the gazetteer,
//! actors located by a place ("protesters in Haifa", "Lagos police") and
//! unknown names (given-name, title and organisation-suffix cues).
//!
//! Precision first: a false person in every sentence is worse than a miss,
//! so each rule needs a positive cue and gives up on anything odd.

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

    /// The most likely place of a gazetteer key (a document-level country
    /// vote): one in a country named in its own sentence `k`, else the one
    /// whose country the document names most often, else one in a country
    /// of the document's unambiguous places ("Santa Terezinha de Itaipu,
    /// Parana": Brazil's Paraná), else the most populous.
    fn pick_place(&self, g: u32, k: Option<usize>) -> Option<u32> {
        let list = self.idx.place_groups.get(g as usize)?;
        self.pick_from(list, k)
    }

    /// A name in the slot of a wider area ("in Jaque (Darien)", "Caura,
    /// Bolivar state") is the region when the gazetteer has one of that name.
    fn pick_place_at(&self, g: u32, k: usize, s: usize, e: usize) -> Option<u32> {
        let list = self.idx.place_groups.get(g as usize)?;
        let info = |p: u32| &self.idx.places[p as usize];
        if let Some(c) = self.paired_country(list, s, e) {
            let admin = self.admin_slot(s, e);
            let mut in_c = list.iter().copied().filter(|&p| info(p).country == c);
            let first = in_c.next();
            if let Some(p) = std::iter::once(first)
                .flatten()
                .chain(in_c)
                .find(|&p| !admin || info(p).region)
                .or(first)
            {
                return Some(p);
            }
        }
        if self.admin_slot(s, e) {
            let regions: Vec<u32> = list
                .iter()
                .copied()
                .filter(|&p| self.idx.places[p as usize].region)
                .collect();
            if !regions.is_empty() {
                return self.pick_from(&regions, Some(k));
            }
        }
        self.pick_from(list, Some(k))
    }

    /// The country a place and the wider area named next to it share: "La
    /// Paz, Baja California Sur" is Mexico's La Paz, "San Antonio
    /// (Valparaiso)" Chile's, and the area itself is the region of that
    /// country ("Rio Claro, Lara": Venezuela's Lara).
    fn paired_country(&self, list: &[u32], s: usize, e: usize) -> Option<String> {
        let info = |p: u32| &self.idx.places[p as usize];
        let i = self.all_atoms.partition_point(|x| x.0 < s);
        let sep = |a: usize, b: usize| self.text.get(a..b).is_some_and(area_separator);
        // A seat names its city too ("San Cristobal, Bogota").
        let group = |tk: Tk| match tk {
            Tk::Place(g) => self.idx.place_groups.get(g as usize),
            Tk::Seat(si) => self
                .idx
                .seat_places
                .get(si as usize)
                .copied()
                .flatten()
                .and_then(|g| self.idx.place_groups.get(g as usize)),
            _ => None,
        };
        // The wider area after this place ("municipality" may be an agent atom between).
        let next = self.all_atoms[(i + 1).min(self.all_atoms.len())..]
            .iter()
            .take(2)
            .find(|x| !matches!(x.2, Tk::Agent(_)));
        if let Some(&(ns, _, tk)) = next {
            if let Some(areas) = group(tk).filter(|_| sep(e, ns)) {
                // A region of that name first, else a city ("Cordoba, Veracruz").
                for region in [true, false] {
                    for &p in list {
                        let c = &info(p).country;
                        if areas
                            .iter()
                            .any(|&q| (info(q).region || !region) && info(q).country == *c)
                        {
                            return Some(c.clone());
                        }
                    }
                }
            }
        }
        // The narrower place before this area.
        let (_, pe, tk) = *self.all_atoms.get(i.checked_sub(1)?)?;
        let narrower = group(tk).filter(|_| sep(pe, s))?;
        list.iter()
            .map(|&p| info(p))
            .filter(|p| p.region)
            .find(|p| narrower.iter().any(|&q| info(q).country == p.country))
            .map(|p| p.country.clone())
    }

    /// Whether `[s, e)` stands where news names an administrative area:
    /// in brackets or after a comma following another capitalised name, or
    /// before "state", "province", "region", "department", "governorate".
    fn admin_slot(&self, s: usize, e: usize) -> bool {
        const AREA: &[&str] = &[
            "state",
            "province",
            "region",
            "department",
            "governorate",
            "prefecture",
            "oblast",
        ];
        let after = self
            .text
            .get(e..)
            .and_then(|r| r.strip_prefix(' '))
            .and_then(|r| r.split(|c: char| !c.is_alphabetic()).next())
            .unwrap_or("");
        if AREA.contains(&after) {
            return true;
        }
        let before = self.text.get(..s).unwrap_or("");
        let lead = before.trim_end_matches(' ');
        let Some(mark) = lead.chars().last() else {
            return false;
        };
        if !matches!(mark, '(' | ',') {
            return false;
        }
        let prev = lead[..lead.len() - mark.len_utf8()].trim_end();
        prev.chars()
            .last()
            .is_some_and(|c| c.is_alphabetic() || c == ')')
            && prev
                .rsplit(|c: char| c.is_whitespace() || c == '(')
                .next()
                .and_then(|w| w.chars().next())
                .is_some_and(char::is_uppercase)
    }

    fn pick_from(&self, list: &[u32], k: Option<usize>) -> Option<u32> {
        let country = |p: u32| &self.idx.places[p as usize].country;
        if let Some(k) = k {
            let lo = self.sent_cc.partition_point(|x| x.0 < k);
            let here = &self.sent_cc[lo..];
            let here = &here[..here.partition_point(|x| x.0 == k)];
            if let Some(&p) = list
                .iter()
                .find(|&&p| here.iter().any(|x| x.1 == country(p)))
            {
                return Some(p);
            }
        }
        let mut best: Option<(u32, u32)> = None;
        for &p in list {
            let n = self.doc_cc.get(country(p).as_str()).copied().unwrap_or(0);
            if n > 0 && best.is_none_or(|b| n > b.1) {
                best = Some((p, n));
            }
        }
        best.map(|b| b.0)
            .or_else(|| {
                list.iter()
                    .find(|&&p| self.place_cc.contains(country(p)))
                    .copied()
            })
            .or(list.first().copied())
    }

    /// An unmapped region (no gazetteer city in it) in a country the
    /// document never names, in a document that names others, is more
    /// likely a namesake missing from the gazetteer ("Donga" in a text
    /// about Nigeria read as Benin's department): it gets no country.
    /// Cities keep theirs: on ACLED notes, leaving small cities uncoded
    /// lost more right countries than wrong ones.
    fn weak_place(&self, p: u32) -> bool {
        self.idx.places.get(p as usize).is_some_and(|info| {
            info.region
                && info.population == 0
                && !self.doc_cc.is_empty()
                && !self.doc_cc.contains_key(info.country.as_str())
        })
    }

    /// Counts the countries the document names through countries,
    /// organisations with a home country (`seats` false) or seats (true).
    pub(super) fn count_countries(&mut self, atoms: &[Atom], seats: bool) {
        let idx: &'a crate::index::Index = self.idx;
        for a in atoms {
            let cc: Option<&'a str> = match a.tk {
                Tk::Country(c, _) if !seats => {
                    idx.countries.get(c as usize).map(|c| c.code.as_str())
                }
                Tk::Org(o) if !seats => idx
                    .orgs
                    .get(o as usize)
                    .map(|o| o.country.as_str())
                    .filter(|c| !matches!(*c, "" | "IGO" | "NGO" | "IMG" | "MNC")),
                Tk::Seat(s) if seats => idx.seats.get(s as usize).map(|s| s.country.as_str()),
                _ => None,
            };
            if let Some(cc) = cc {
                *self.doc_cc.entry(cc).or_insert(0) += 1;
                self.sent_cc.push((a.sent, cc));
            }
        }
        self.sent_cc.sort_unstable();
    }

    /// A seat named like a place of another country ("Tripoli" in a text
    /// about Lebanon, "Sucre" about Colombia) becomes that place when the
    /// document names the other country and not the seat's.
    pub(super) fn seats_as_places(&self, atoms: &mut [Atom]) {
        for j in 0..atoms.len() {
            let a = &atoms[j];
            let Tk::Seat(si) = a.tk else { continue };
            // "La Paz, Baja California Sur": a wider area of another
            // country right after makes the seat's namesake there.
            if let (Some(Some(g)), Some(seat), Some(next)) = (
                self.idx.seat_places.get(si as usize),
                self.idx.seats.get(si as usize),
                atoms.get(j + 1),
            ) {
                let sep = self
                    .text
                    .get(a.e..next.s)
                    .is_some_and(|t| matches!(t.trim(), "," | "("));
                if let (true, Tk::Place(g2)) = (sep, next.tk) {
                    let info = |p: &u32| &self.idx.places[*p as usize];
                    let here = self.idx.place_groups.get(*g as usize);
                    let areas = self.idx.place_groups.get(g2 as usize);
                    if let (Some(here), Some(areas)) = (here, areas) {
                        let elsewhere = here.iter().any(|p| {
                            let c = &info(p).country;
                            *c != seat.country
                                && areas
                                    .iter()
                                    .any(|q| info(q).region && info(q).country == *c)
                        });
                        if elsewhere {
                            let g = *g;
                            atoms[j].tk = Tk::Place(g);
                            continue;
                        }
                    }
                }
            }
            let a = &mut atoms[j];
            let Tk::Seat(si) = a.tk else { continue };
            let (Some(Some(g)), Some(seat)) = (
                self.idx.seat_places.get(si as usize),
                self.idx.seats.get(si as usize),
            ) else {
                continue;
            };
            if self.doc_cc.contains_key(seat.country.as_str()) {
                continue;
            }
            let other = self.idx.place_groups.get(*g as usize).is_some_and(|l| {
                l.iter().any(|&p| {
                    let c = &self.idx.places[p as usize].country;
                    *c != seat.country && self.doc_cc.contains_key(c.as_str())
                })
            });
            if other {
                a.tk = Tk::Place(*g);
            }
        }
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
            let before = self.prev_word(a.s).filter(|w| {
                let t = self.word(*w);
                self.sent_of(w.0) == a.sent
                    && self.capitalised(w.0, w.1)
                    && !is_stop(t)
                    && !OPENERS.contains(&t)
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

    /// Countries of the document's place names that name one country only.
    pub(super) fn collect_place_countries(&mut self, atoms: &[Atom]) {
        for a in atoms {
            let Tk::Place(g) = a.tk else { continue };
            let Some(list) = self.idx.place_groups.get(g as usize) else {
                continue;
            };
            let mut cs = list.iter().map(|&p| &self.idx.places[p as usize].country);
            if let Some(first) = cs.next() {
                if cs.all(|c| c == first) {
                    self.place_cc.insert(first.clone());
                }
            }
        }
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

    /// Whether a capitalised gazetteer match reads as a place here, not as
    /// part of a longer name ("Florence Nightingale", "Mr Jackson").
    fn place_context_ok(&self, s: usize, e: usize) -> bool {
        if self.all_caps(s, e) && !self.dateline(s, e) {
            return false;
        }
        let k = self.sent_of(s);
        if let Some(pw) = self.prev_word(s).filter(|w| self.sent_of(w.0) == k) {
            let w = self.word(pw);
            if Self::title_role(w).is_some() {
                return false;
            }
            if self.capitalised(pw.0, pw.1)
                && !is_stop(w)
                && !among(PLACE_PRE, w)
                && !self.covered_by_lexicon(pw.0, pw.1)
            {
                return false;
            }
        }
        if let Some(nw) = self.next_word(e).filter(|w| self.sent_of(w.0) == k) {
            let w = self.word(nw);
            if self.capitalised(nw.0, nw.1)
                && !among(PLACE_HEADS, w)
                && !self.covered_by_lexicon(nw.0, nw.1)
            {
                return false;
            }
        }
        true
    }

    /// Whether a lexicon name (not a place, not an agent noun such as
    /// "Security") covers `[s, e)`. Atoms do not overlap and are sorted, so
    /// only the last one starting at or before `s` can.
    fn covered_by_lexicon(&self, s: usize, e: usize) -> bool {
        let i = self.all_atoms.partition_point(|x| x.0 <= s);
        i.checked_sub(1)
            .and_then(|j| self.all_atoms.get(j))
            .is_some_and(|&(_, b, tk)| e <= b && !matches!(tk, Tk::Place(_) | Tk::Agent(_)))
    }

    /// Atoms overlapping `[s, e)`.
    fn atoms_in(&self, s: usize, e: usize) -> &[(usize, usize, Tk)] {
        let i = self.all_atoms.partition_point(|x| x.1 <= s);
        let j = self.all_atoms.partition_point(|x| x.0 < e).max(i);
        &self.all_atoms[i..j]
    }

    /// Country of a place-like atom: place (picked), seat or country.
    fn atom_country(&self, tk: Tk, k: Option<usize>) -> Option<(String, String)> {
        match tk {
            Tk::Place(g) => {
                let pi = self.pick_place(g, k)?;
                if self.weak_place(pi) {
                    return None;
                }
                let p = &self.idx.places[pi as usize];
                Some((p.country.clone(), p.source.clone()))
            }
            Tk::Seat(s) => {
                let s = self.idx.seats.get(s as usize)?;
                Some((s.country.clone(), s.source.clone()))
            }
            Tk::Country(..) => self
                .country_code(tk)
                .map(|(c, _, src)| (c.to_string(), src.to_string())),
            _ => None,
        }
    }

    fn located(&mut self, s: usize, e: usize, agent: u32, cc: &str, psrc: &str) {
        let ag = &self.idx.agents[agent as usize];
        let code = format!("{cc}{}", ag.role);
        let name = format!("{cc} {}", ag.term);
        let rule = format!("compose:located:{}+{psrc}", ag.source);
        let kind = ag.kind;
        self.push_composed([s, e], &code, &name, kind, rule);
    }

    /// "<Place> residents", "Baku police": a place right before an agent
    /// noun locates it. Returns the next atom index when it applied.
    pub(super) fn located_prefix(
        &mut self,
        atoms: &[Atom],
        i: usize,
        cc: &str,
        psrc: &str,
    ) -> Option<usize> {
        let a = atoms.get(i)?;
        let n = atoms.get(i + 1).filter(|n| n.sent == a.sent)?;
        let Tk::Agent(ag) = n.tk else { return None };
        if !self.only_space(a.e, n.s) || self.idx.agents[ag as usize].office.is_some() {
            return None;
        }
        // "Carabobo state", "Kaduna State": a region's own name, not its government.
        if matches!(a.tk, Tk::Place(_)) && self.idx.agents[ag as usize].term == "state" {
            return None;
        }
        self.located(a.s, n.e, ag, cc, psrc);
        Some(i + 2)
    }

    /// "protesters in Haifa", "residents of Idlib", "police in Bat Galim
    /// Square of Haifa city": an agent noun without a country, then a
    /// locating preposition and a place or country in the same clause.
    pub(super) fn located_suffix(&mut self, atoms: &[Atom], i: usize) -> Option<usize> {
        let a = atoms.get(i)?;
        let Tk::Agent(ag) = a.tk else { return None };
        if self.idx.agents[ag as usize].office.is_some() {
            return None;
        }
        // "Aminyar Company in Faryab": a capitalised noun after a
        // capitalised word ends a name, it is no generic actor.
        if self.capitalised(a.s, a.e)
            && self
                .prev_word(a.s)
                .is_some_and(|w| self.capitalised(w.0, w.1) && !is_stop(self.word(w)))
        {
            return None;
        }
        let j = i + 1;
        let p = atoms
            .get(j)
            .filter(|p| p.sent == a.sent && p.s < a.e + 60)?;
        {
            let gap = self.text.get(a.e..p.s)?;
            if gap.contains([',', ';', ':', '(', ')', '"', '\n', '.']) {
                return None;
            }
            let words: Vec<&str> = gap.split_whitespace().collect();
            let first_ok = words.first().is_some_and(|w| among(LOCATING, w));
            let rest_ok = words
                .iter()
                .skip(1)
                .all(|w| w.starts_with(char::is_uppercase) || among(PLACE_FILLER, w));
            if !(first_ok && rest_ok) {
                return None;
            }
            if let Some((cc, psrc)) = self.atom_country(p.tk, Some(p.sent)) {
                if matches!(p.tk, Tk::Place(_)) && !self.place_context_ok(p.s, p.e) {
                    return None;
                }
                self.located(a.s, p.e, ag, &cc, &psrc);
                return Some(j + 1);
            }
        }
        // Other atoms (an agent noun, a person) end the phrase.
        None
    }

    /// The place pass: gazetteer matches not inside another mention, in a
    /// place-like context, and not the surname of someone named.
    pub(super) fn places(&mut self, atoms: &[Atom]) {
        let surnames: std::collections::HashSet<String, crate::index::FxBuild> = self
            .out
            .iter()
            .filter(|m| m.actor.kind == ActorType::Person)
            .filter_map(|m| m.actor.name.split_whitespace().last().map(fold))
            .collect();
        let list = std::mem::take(&mut self.place_atoms);
        self.index_out();
        let mut skip_to = 0;
        for i in list {
            if i < skip_to {
                continue;
            }
            let a = &atoms[i];
            let Tk::Place(g) = a.tk else { continue };
            if self.overlapping(a.s, a.e).next().is_some()
                || with_folded(&self.text[a.s..a.e], |f| surnames.contains(f))
                || !self.place_context_ok(a.s, a.e)
            {
                continue;
            }
            let Some(pi) = self.pick_place_at(g, a.sent, a.s, a.e) else {
                continue;
            };
            let info = &self.idx.places[pi as usize];
            let weak = self.weak_place(pi);
            let (cc, src, region, name) = (
                if weak {
                    String::new()
                } else {
                    info.country.clone()
                },
                info.source.clone(),
                info.region,
                info.name.clone(),
            );
            if !cc.is_empty() {
                if let Some(j) = self.located_prefix(atoms, i, &cc, &src) {
                    skip_to = j;
                    continue;
                }
            }
            let id = format!(
                "{}:{}:{cc}",
                if region { "region" } else { "place" },
                fold(&name)
            );
            let actor = actor_from_code(&cc, &name, &id, ActorType::Place);
            self.push(a.s, a.e, actor, None, src, None, false);
        }
    }

    /// Capitalised runs from `pos`: words one space apart in one sentence,
    /// with name particles ("bin", "van") and, when `org`, connectors
    /// ("of", "for") inside.
    fn run_at(&self, pos: usize, org: bool) -> Run {
        let mut words = Vec::new();
        let Some(we) = self.name_word_at(pos) else {
            return Run { words };
        };
        let k = self.sent_of(pos);
        words.push((pos, we));
        let mut p = we;
        // "Mr. Smith", "S. Waugh", "Edward D. Smith": the full stop of a
        // title or an initial does not end the run.
        let dot_ok = |w: (usize, usize)| {
            (Self::title_role(self.word(w)).is_some() && w.1 - w.0 <= 4) || self.is_initial(w)
        };
        if self.text[p..].starts_with(". ") && dot_ok((pos, we)) {
            p += 1;
        }
        while words.len() < 7 {
            let Some(nw) = self.next_word(p).filter(|w| self.sent_of(w.0) == k) else {
                break;
            };
            let w = self.word(nw);
            if self.capitalised(nw.0, nw.1) {
                words.push(nw);
                p = nw.1;
                if self.text[p..].starts_with(". ") && self.is_initial(nw) {
                    p += 1;
                }
                continue;
            }
            // Not capitalised: particles and connectors are lower-case ASCII,
            // so no folding is needed to compare.
            let f = w;
            // "Johnson Controls Inc and Lear Corp" are two companies.
            let after_suffix = words
                .last()
                .is_some_and(|l| ORG_SUFFIX.iter().any(|(x, _)| *x == self.word(*l)));
            let inner = PARTICLES.contains(&f)
                || (org && ORG_CONNECT.contains(&f) && !(after_suffix && (f == "and" || f == "&")));
            // "Joost van der Westhuizen": up to two particles in a row.
            let mut n2 = self.next_word(nw.1);
            let mut second = None;
            if let Some(w2) =
                n2.filter(|w| !self.capitalised(w.0, w.1) && among(PARTICLES, self.word(*w)))
            {
                second = Some(w2);
                n2 = self.next_word(w2.1);
            }
            match n2 {
                Some(n2) if inner && self.capitalised(n2.0, n2.1) => {
                    words.push(nw);
                    words.extend(second);
                    words.push(n2);
                    p = n2.1;
                }
                _ => break,
            }
        }
        // Connectors never end a run.
        while words.last().is_some_and(|w| !self.capitalised(w.0, w.1)) {
            words.pop();
        }
        Run { words }
    }

    /// Whether an out mention is a bare country or place (which a longer
    /// name may absorb: "Kenyan Athletics Federation", "Bank of Israel").
    fn bare_place_like(m: &M) -> bool {
        !m.discovered
            && (m.actor.kind == ActorType::Country
                || (m.actor.kind == ActorType::Place && !m.rule.starts_with("compose")))
    }

    /// Unknown names: organisations by suffix or head, persons by title or
    /// given name. Runs overlapping other mentions are left alone.
    pub(super) fn discover_names(&mut self) {
        self.index_out();
        let mut pos = 0;
        let mut new: Vec<M> = Vec::new();
        let mut drop: Vec<(usize, usize)> = Vec::new();
        while let Some((at, c)) = self.next_capital(pos) {
            pos = at;
            // Inside a lexicon mention (not a bare country or place, which a
            // longer name may absorb): go on after it.
            if let Some(m) = self
                .overlapping(pos, pos + 1)
                .find(|m| !Self::bare_place_like(m))
            {
                pos = m.e.max(pos + 1);
                continue;
            }
            // A lone capitalised word (the common case: sentence starts,
            // surnames) is a name only after a title; decide that before
            // building a run.
            let Some(we) = self.name_word_at(pos) else {
                pos += c.len_utf8();
                continue;
            };
            // Sentence-initial function words ("The", "In", "But") start
            // no name; the run from the next word is the same without them.
            let first = &self.text[pos..we];
            if is_stop(first) && Self::title_role(first).is_none() {
                pos = we;
                continue;
            }
            let mut after = we;
            if self.text[we..].starts_with(". ") {
                after += 1;
            }
            let joins = self.next_word(after).is_some_and(|nw| {
                let w = self.word(nw);
                self.capitalised(nw.0, nw.1) || PARTICLES.contains(&w) || ORG_CONNECT.contains(&w)
            });
            let titled = self
                .prev_word(pos)
                .is_some_and(|pw| Self::title_role(self.word(pw)).is_some());
            if !joins && !titled {
                pos = we.max(pos + c.len_utf8());
                continue;
            }
            let run = self.run_at(pos, true);
            let Some(&(_, end)) = run.words.last() else {
                pos += c.len_utf8();
                continue;
            };
            if let Some((m, absorbed)) = self.org_from_run(&run.words) {
                // "Economist Joel Naroff of First Union": the person before.
                if m.s > pos {
                    let prun = self.run_at(pos, false);
                    let words: Vec<(usize, usize)> =
                        prun.words.into_iter().filter(|w| w.1 < m.s).collect();
                    if let Some(p) = self.person_from_run(&words) {
                        new.push(p);
                    }
                }
                drop.extend(absorbed);
                new.push(m);
                pos = end.max(pos + c.len_utf8());
                continue;
            }
            // One capitalised word alone is a name only after a title.
            if run.words.len() == 1 && !titled {
                pos = end.max(pos + c.len_utf8());
                continue;
            }
            // Persons take no connectors: re-read the run without them, and
            // go on after it ("Florence Nightingale and Mr Jackson").
            let prun = self.run_at(pos, false);
            let pend = prun.words.last().map_or(pos, |w| w.1);
            if let Some(m) = self.person_from_run(&prun.words) {
                new.push(m);
            }
            pos = pend.max(pos + c.len_utf8());
        }
        if !drop.is_empty() {
            self.out.retain(|m| !drop.contains(&(m.s, m.e)));
        }
        self.out.extend(new);
    }

    /// Mentions overlapping `[s, e)`, through the sorted `out_index`
    /// (mentions are shorter than `MAX_SPAN` bytes).
    fn overlapping(&self, s: usize, e: usize) -> impl Iterator<Item = &M> {
        const MAX_SPAN: usize = 400;
        let from = self.out_index.partition_point(|x| x.0 + MAX_SPAN <= s);
        self.out_index[from..]
            .iter()
            .take_while(move |x| x.0 < e)
            .filter_map(move |x| self.out.get(x.1))
            .filter(move |m| m.s < e && s < m.e)
    }

    /// Rebuilds `out_index` after `out` changed.
    fn index_out(&mut self) {
        self.out_index = self.out.iter().enumerate().map(|(i, m)| (m.s, i)).collect();
        self.out_index.sort_unstable();
    }

    fn org_from_run(&self, words: &[(usize, usize)]) -> Option<(M, Vec<(usize, usize)>)> {
        let mut ws: &[(usize, usize)] = words;
        while ws.first().is_some_and(|w| {
            let t = self.word(*w);
            is_stop(t) || t == "the"
        }) {
            ws = &ws[1..];
        }
        if ws.len() < 2 {
            return None;
        }
        let first = self.word(ws[0]);
        let last = self.word(ws[ws.len() - 1]).trim_end_matches('.');
        let has_connector = ws.iter().any(|w| {
            let t = self.word(*w);
            t == "of" || t == "for"
        });
        // "Lynn Reaser of Barnett Banks Inc": unless the run opens with an
        // organisation head ("Bank of Poland"), the name is after the last
        // "of"/"for".
        let head = ORG_HEADS.iter().any(|(x, _)| *x == first);
        if has_connector && !head {
            if let Some(cut) = ws.iter().rposition(|w| {
                let t = self.word(*w);
                t == "of" || t == "for"
            }) {
                ws = &ws[cut + 1..];
            }
            if ws.len() < 2 {
                return None;
            }
        }
        let first = self.word(ws[0]);
        let has_connector = has_connector && head;
        let role = if let Some((_, r)) = ORG_SUFFIX.iter().find(|(x, _)| *x == last) {
            // A suffix after a connector ("Ministry of Foreign Affairs Group"?)
            // is fine; a bare "<Word> United" needs a place or capital word.
            *r
        } else if let Some((_, r)) = ORG_HEADS
            .iter()
            .find(|(x, _)| *x == first)
            .filter(|_| has_connector)
        {
            *r
        } else if first == "FC" {
            ""
        } else {
            return None;
        };
        if ws.iter().all(|w| self.all_caps(w.0, w.1)) {
            return None;
        }
        let (s, e) = (ws[0].0, ws[ws.len() - 1].1);
        // A name the lexicon or gazetteer knows whole ("West Bank", "Kansas
        // City") is not a new organisation.
        if self
            .atoms_in(s, e)
            .iter()
            .any(|&(a, b, _)| a <= s && e <= b)
        {
            return None;
        }
        // Country from absorbed bare country/place mentions or place atoms.
        let mut cc: Option<String> = None;
        let mut absorbed = Vec::new();
        for m in self.overlapping(s, e) {
            if !Self::bare_place_like(m) {
                return None;
            }
            cc = cc.or_else(|| m.actor.country.clone());
            absorbed.push((m.s, m.e));
        }
        for &(_, _, tk) in self.atoms_in(s, e) {
            {
                match tk {
                    Tk::Person(_) | Tk::Org(_) => return None,
                    Tk::Place(g) => {
                        // Small towns named like words ("Party of God") are
                        // weak evidence; cities are not.
                        let big = self
                            .pick_place(g, None)
                            .and_then(|p| self.idx.places.get(p as usize))
                            .is_some_and(|p| p.population >= 100_000);
                        if cc.is_none() && big {
                            cc = self.atom_country(tk, None).map(|x| x.0);
                        }
                    }
                    Tk::Seat(_) | Tk::Country(..) => {
                        if cc.is_none() {
                            cc = self.atom_country(tk, None).map(|x| x.0);
                        }
                    }
                    Tk::Agent(_) => {}
                }
            }
        }
        let code = match &cc {
            Some(c) => format!("{c}{role}"),
            None => String::new(),
        };
        let mut actor = self.discovered((s, e), &code, ActorType::Organisation);
        if cc.is_none() && !role.is_empty() {
            actor.role = Some(role.to_string());
        }
        let k = self.sent_of(s);
        Some((
            M {
                s,
                e,
                sent: k,
                actor,
                person: None,
                rule: "discover:name-org".into(),
                evidence: None,
                discovered: true,
            },
            absorbed,
        ))
    }

    fn person_from_run(&self, words: &[(usize, usize)]) -> Option<M> {
        let mut ws: &[(usize, usize)] = words;
        let mut role: Option<&str> = None;
        let mut evidence: Option<Span> = None;
        // Title before the run, in lower case ("coach Paul Smith") or as an
        // agent noun of the lexicon ("spokesman Ali Hassan").
        if let Some(pw) = ws.first().and_then(|w| self.prev_word(w.0)) {
            if !self.capitalised(pw.0, pw.1) {
                if let Some(r) = Self::title_role(self.word(pw)) {
                    role = Some(r);
                    evidence = Some([pw.0, pw.1]);
                }
            }
        }
        // Capitalised titles opening the run: "Gen. Ahmed Hassan", "Mr Smith".
        while let Some(r) = ws.first().and_then(|w| Self::title_role(self.word(*w))) {
            if ws.len() < 2 {
                return None;
            }
            role = Some(if r.is_empty() { role.unwrap_or("") } else { r });
            evidence = Some([ws[0].0, ws[0].1]);
            ws = &ws[1..];
        }
        // A leading country adjective gives the country: "Kenyan Paul Tergat".
        let mut cc: Option<String> = None;
        if let Some(m) = ws
            .first()
            .and_then(|w| self.overlapping(w.0, w.1).next())
            .filter(|m| m.actor.kind == ActorType::Country)
        {
            let m_end = m.e;
            cc = m.actor.country.clone();
            evidence = Some([m.s, m.e]);
            let k = ws.iter().position(|w| w.0 >= m_end).unwrap_or(ws.len());
            ws = &ws[k..];
        }
        while ws.first().is_some_and(|w| is_stop(self.word(*w))) {
            ws = &ws[1..];
        }
        // "Economist Paul Jones": a capitalised sentence-initial word that
        // is not a name opens the sentence, not the name.
        if ws.len() >= 3 {
            let w0 = ws[0];
            let k = self.sent_of(w0.0);
            let at_start = self.text[self.sent_start(k).min(w0.0)..w0.0]
                .trim_start_matches(['"', '\'', '\u{201C}', '\u{2018}', ' '])
                .is_empty();
            if at_start && !with_folded(self.word(w0), |f| self.idx.given.contains(f)) {
                ws = &ws[1..];
            }
        }
        let titled = role.is_some();
        if ws.is_empty() || ws.len() > 4 || (!titled && ws.len() < 2) {
            return None;
        }
        let (s, e) = (ws[0].0, ws[ws.len() - 1].1);
        let first = self.word(ws[0]);
        let last = self.word(ws[ws.len() - 1]);
        // "S. Waugh", not "W D L G" (a table's header).
        let initial = ws.len() >= 2
            && self.is_initial(ws[0])
            && self.word(ws[ws.len() - 1]).chars().count() >= 2;
        // "Jean-Michel Monin": the first part of a hyphenated given name.
        let given = |w: &str| {
            with_folded(w, |f| {
                self.idx.given.contains(f)
                    || f.split_once('-')
                        .is_some_and(|(a, _)| self.idx.given.contains(a))
            })
        };
        let surname_first = (2..=3).contains(&ws.len())
            && among(SURNAME_FIRST, first)
            && ws.iter().skip(1).all(|w| !self.is_initial(*w));
        if !titled && !initial && !surname_first && !given(first) {
            return None;
        }
        if ws.iter().skip(1).all(|w| self.is_initial(*w)) && !titled {
            return None;
        }
        if ws.iter().any(|w| {
            let t = self.word(*w);
            self.all_caps(w.0, w.1) || (w.0 > s && is_stop(t)) || t.ends_with("'s")
        }) || is_org_word(last)
            || NOT_PERSON_LAST.contains(&last)
            || ORG_SUFFIX.iter().any(|(x, _)| *x == last)
        {
            return None;
        }
        if self.overlapping(s, e).next().is_some() || self.overlaps_atom(s, e) {
            return None;
        }
        // "Santa Terezinha de Itaipu" is a town: a place of several words
        // inside the run.
        if self
            .atoms_in(s, e)
            .iter()
            .any(|&(a, b, tk)| matches!(tk, Tk::Place(_)) && self.text[a..b].contains(' '))
        {
            return None;
        }
        // A country after the name: "Paul Tergat (Kenya)".
        if cc.is_none() {
            let after = self.text.get(e..).unwrap_or("");
            let t = after.trim_start();
            if let Some(inner) = t.strip_prefix('(') {
                let start = e + (after.len() - t.len()) + 1;
                let lead = inner.len() - inner.trim_start().len();
                if let Some(&(a, b, tk)) = self
                    .all_atoms
                    .iter()
                    .find(|x| x.0 == start + lead && matches!(x.2, Tk::Country(..)))
                {
                    if self.text[b..].trim_start().starts_with(')') {
                        cc = self.country_code(tk).map(|x| x.0.to_string());
                        evidence = Some([a, b]);
                    }
                }
            }
        }
        // "Paul Tergat, a Kenyan runner", "Ali Hassan, Syria's envoy": an
        // apposition opening with a country adjective or possessive.
        if cc.is_none() {
            let after = self.text.get(e..).unwrap_or("");
            if let Some(r) = after.strip_prefix(", ") {
                let mut off = e + 2;
                if let Some(art) = ["a ", "an ", "the "].iter().find(|a| r.starts_with(**a)) {
                    off += art.len();
                }
                let at = self.atoms_in(off, off + 1).first().filter(|x| x.0 == off);
                if let Some(&(a, b, tk)) = at {
                    let ok = match tk {
                        Tk::Country(_, crate::index::Form::Adjective) => true,
                        Tk::Country(_, crate::index::Form::Name) => self
                            .text
                            .get(b..)
                            .is_some_and(|t| t.starts_with("'s ") || t.starts_with("\u{2019}s ")),
                        _ => false,
                    };
                    if ok {
                        cc = self.country_code(tk).map(|x| x.0.to_string());
                        evidence = Some([a, b]);
                    }
                }
            }
        }
        // "Kenyan runner Paul Tergat": a bare country word and one
        // lower-case noun right before.
        if cc.is_none() {
            let k = self.sent_of(s);
            if let Some(m) = self.overlapping(s.saturating_sub(60), s).find(|m| {
                m.actor.kind == ActorType::Country && m.sent == k && m.e < s && s - m.e <= 30
            }) {
                let gap = &self.text[m.e..s];
                let words: Vec<&str> = gap.split_whitespace().collect();
                // One noun: "Kenyan runner", not "Israel told" or "joins the".
                if words.len() == 1
                    && gap.starts_with(' ')
                    && words.iter().all(|w| {
                        w.chars().all(|c| c.is_lowercase() || c == '-')
                            && !NOT_NOUN.contains(w)
                            && !w.ends_with("ed")
                            && (!w.ends_with('s') || w.ends_with("ss"))
                    })
                {
                    cc = m.actor.country.clone();
                    evidence = Some([m.s, m.e]);
                }
            }
        }
        let r = role.unwrap_or("");
        let code = cc.as_ref().map_or(String::new(), |c| format!("{c}{r}"));
        let mut actor: Actor = self.discovered((s, e), &code, ActorType::Person);
        if cc.is_none() && !r.is_empty() {
            actor.role = Some(r.to_string());
        }
        let rule = if titled {
            "discover:name-title"
        } else if initial {
            "discover:name-initial"
        } else if surname_first && !given(first) {
            "discover:name-surname-first"
        } else {
            "discover:name-given"
        };
        Some(M {
            s,
            e,
            sent: self.sent_of(s),
            actor,
            person: None,
            rule: rule.into(),
            evidence,
            discovered: true,
        })
    }
}
