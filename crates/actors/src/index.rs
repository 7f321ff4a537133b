//! The recogniser's tables: every lexicon surface form folded into one
//! table of keys looked up at word starts, each key pointing at the
//! entities it may name.

use lexicon::norm::fold;
use lexicon::{Lexicon, PartialDate};
use model::ActorType;
use std::collections::HashMap;

/// How a surface form names its country.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Name,
    Adjective,
    Demonym,
}

/// What a key may name; indices into the recogniser's tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tk {
    Country(u32, Form),
    Seat(u32),
    Person(u32),
    Org(u32),
    Agent(u32),
    /// A gazetteer key: index into `Index::place_groups`.
    Place(u32),
}

impl Tk {
    /// Lower wins when one key names several kinds of thing.
    pub fn rank(self) -> u8 {
        match self {
            Tk::Person(_) => 0,
            Tk::Org(_) => 1,
            Tk::Country(..) => 2,
            Tk::Seat(_) => 3,
            Tk::Agent(_) => 4,
            Tk::Place(_) => 5,
        }
    }
}

/// Per word of a surface form: 0 any case, 1 capitalised, 2 all upper case.
pub type CasePolicy = Vec<u8>;

#[derive(Debug, Clone)]
pub struct Target {
    pub tk: Tk,
    pub case: CasePolicy,
    pub imported: bool,
}

pub struct CInfo {
    pub code: String,
    pub name: String,
    pub source: String,
}

pub struct SInfo {
    pub name: String,
    pub country: String,
    pub kind: String,
    pub source: String,
}

pub struct RInfo {
    pub code: String,
    pub office: String,
    pub start: Option<PartialDate>,
    pub end: Option<PartialDate>,
    pub source: String,
}

pub struct PInfo {
    pub id: String,
    pub name: String,
    pub roles: Vec<RInfo>,
}

pub struct OInfo {
    pub id: String,
    pub name: String,
    pub code: String,
    pub kind: ActorType,
    pub country: String,
    pub source: String,
}

pub struct AInfo {
    pub term: String,
    pub role: String,
    pub kind: ActorType,
    pub office: Option<String>,
    pub source: String,
}

/// A small multiply-rotate hasher (the Fx hash of rustc) for the place and
/// given-name tables: looked up at every capitalised word, where SipHash's
/// DoS resistance buys nothing (the keys are our own).
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl FxHasher {
    fn add(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        // Whole words, then the zero-padded tail, built without a copy (a
        // variable-length copy is a `memcpy` call per key).
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.add(u64::from_le_bytes(b));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let v = rest
                .iter()
                .enumerate()
                .fold(0u64, |v, (i, &b)| v | (u64::from(b) << (8 * i)));
            self.add(v);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

pub type FxBuild = std::hash::BuildHasherDefault<FxHasher>;

/// Short single-word names ("Bab", "Susa") collide with words and name
/// parts; they need a city this big.
const SHORT_NAME_MIN_POP: u64 = 50_000;
/// A place named like a given name ("Adam", "Victoria") needs this many
/// people to be read as the place.
const GIVEN_NAME_MIN_POP: u64 = 500_000;

/// A gazetteer row, as the recogniser needs it.
pub struct PlInfo {
    pub name: String,
    pub country: String,
    pub region: bool,
    pub population: u64,
    pub source: String,
}

/// Place names too common as English words (or too short) to be read as
/// places when capitalised: sentence-initial "Most", "Police", "Reading";
/// compared folded.
const PLACE_STOP: &[&str] = &[
    // Generic geography that ISO 3166-2 uses as region names ("Gulf" is a
    // province of Papua New Guinea) and continents, which are no country.
    "africa",
    "america",
    "antarctica",
    "arctic",
    "asia",
    "atlantic",
    "border",
    "capital",
    "center",
    "europe",
    "frontier",
    "gulf",
    "highlands",
    "interior",
    "islands",
    "lakes",
    "littoral",
    "lowlands",
    "oceania",
    "pacific",
    "plateau",
    "sea",
    // Words and names that are also small towns.
    "adam",
    "come",
    "god",
    "wan",
    "airport",
    "alliance",
    "along",
    "basic",
    "bar",
    "bath",
    "battle",
    "bear",
    "best",
    "bid",
    "borne",
    "brick",
    "bury",
    "buy",
    "can",
    "canton",
    "central",
    "centre",
    "coast",
    "commerce",
    "concord",
    "date",
    "deal",
    "defiance",
    "dual",
    "eagle",
    "east",
    "eastern",
    "enterprise",
    "fate",
    "federal",
    "fleet",
    "goes",
    "gold",
    "green",
    "hit",
    "holiday",
    "hook",
    "hope",
    "independence",
    "liberal",
    "liberty",
    "luck",
    "male",
    "man",
    "manage",
    "march",
    "marks",
    "mine",
    "mission",
    "mobile",
    "most",
    "much",
    "name",
    "nice",
    "normal",
    "north",
    "northern",
    "of",
    "officer",
    "opportunity",
    "orange",
    "pace",
    "paradise",
    "police",
    "pool",
    "pop",
    "pre",
    "progress",
    "reading",
    "republic",
    "rest",
    "retreat",
    "rich",
    "roles",
    "sake",
    "sale",
    "same",
    "savage",
    "say",
    "semi",
    "shaping",
    "soul",
    "south",
    "southern",
    "split",
    "spoken",
    "spring",
    "street",
    "summit",
    "surprise",
    "tank",
    "time",
    "torn",
    "tour",
    "turn",
    "un",
    "union",
    "university",
    "van",
    "victory",
    "ware",
    "wells",
    "west",
    "western",
    "young",
];

/// Aliases of smaller places are mostly transliteration variants that
/// collide with words and names; only bigger places keep them.
const ALIAS_MIN_POP: u64 = 100_000;

/// Folded lexicon keys, looked up at word starts only: a key matches where
/// the text before it and after it is no letter or digit, so a lookup from
/// each word start at each following non-alphanumeric char finds every
/// match an automaton over all positions would keep, at a small fraction
/// of the cost (most word starts need one probe).
#[derive(Default)]
pub struct Keys {
    /// Key or key prefix -> (index into `targets` or `NONE`, whether a
    /// longer key goes on from here).
    map: HashMap<Box<str>, (u32, bool), FxBuild>,
    /// First bytes of keys: other word starts need no probe.
    first: Vec<bool>,
    /// Most words are no key: rejected here without a probe.
    shape: Shapes,
    max_len: usize,
}

/// A bit per string, at a cheap hash of its first eight bytes and length
/// (small, so it stays in cache while a hash table's buckets would not): a
/// string never recorded is nearly always rejected, one recorded always
/// passes.
#[derive(Default)]
pub struct Shapes {
    bits: Vec<u64>,
    /// log2 of the number of bits.
    order: u32,
}

impl Shapes {
    /// A filter of `2^order` bits holding `strings`.
    fn of<'a>(order: u32, strings: impl IntoIterator<Item = &'a str>) -> Shapes {
        let mut f = Shapes {
            bits: vec![0u64; 1 << order.saturating_sub(6)],
            order,
        };
        for k in strings {
            let (slot, bit) = f.slot(k.as_bytes());
            f.bits[slot] |= bit;
        }
        f
    }

    /// Where `s` is recorded: (word, bit).
    #[inline]
    fn slot(&self, s: &[u8]) -> (usize, u64) {
        let v = s
            .iter()
            .take(8)
            .enumerate()
            .fold(s.len() as u64, |v, (i, &b)| v ^ (u64::from(b) << (8 * i)));
        let h = (v.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - self.order)) as usize;
        (h >> 6, 1u64 << (h & 63))
    }

    /// False only when `s` was surely never recorded.
    #[inline]
    pub fn may_contain(&self, s: &str) -> bool {
        let (slot, bit) = self.slot(s.as_bytes());
        self.bits.get(slot).is_some_and(|m| m & bit != 0)
    }
}

const NONE: u32 = u32::MAX;

impl Keys {
    fn build(keys: &HashMap<String, u32>) -> Keys {
        let mut map: HashMap<Box<str>, (u32, bool), FxBuild> = HashMap::default();
        let mut first = vec![false; 256];
        let mut max_len = 0;
        for (k, &v) in keys {
            let Some(&b0) = k.as_bytes().first() else {
                continue;
            };
            first[b0 as usize] = true;
            max_len = max_len.max(k.len());
            map.entry(k.as_str().into()).or_insert((NONE, false)).0 = v;
            // A longer key may go on wherever this one has a char that is
            // no letter or digit: the text has one there too.
            for (j, c) in k.char_indices().skip(1) {
                if !text::chars::is_alphanumeric(c) {
                    map.entry(k[..j].into()).or_insert((NONE, false)).1 = true;
                }
            }
        }
        // 32 KB: asked at nearly every word start, so it must stay in the
        // nearest cache; a few per cent of words pass by chance.
        let shape = Shapes::of(18, map.keys().map(|k| &**k));
        Keys {
            map,
            first,
            shape,
            max_len,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Every key in `norm` with no letter or digit right before or after
    /// it, as `(start, end, value)`, ordered by end, longest first.
    pub fn find(&self, norm: &str, out: &mut Vec<(usize, usize, u32)>) {
        let bytes = norm.as_bytes();
        let from = out.len();
        let mut i = 0;
        let mut prev_alnum = false;
        while i < bytes.len() {
            let b = bytes[i];
            let (alnum, len) = char_at(norm, i);
            if !alnum {
                // A key may open with a char that is no letter or digit
                // ("'ndrangheta").
                if !prev_alnum && self.first[b as usize] {
                    self.walk(norm, i, i + len, out);
                }
                prev_alnum = false;
                i += len;
                continue;
            }
            // A word start: its end first (ASCII a byte at a time).
            let mut e = i + len;
            loop {
                e += text::tokens::ascii_alnum_run(&bytes[e..]).0;
                match bytes.get(e) {
                    Some(&c) if !c.is_ascii() => {
                        let (alnum, l) = char_at(norm, e);
                        if !alnum {
                            break;
                        }
                        e += l;
                    }
                    _ => break,
                }
            }
            if self.first[b as usize] && e - i <= self.max_len && self.probe(norm, i, e, out) {
                let (_, l) = char_at(norm, e);
                self.walk(norm, i, e + l, out);
            }
            prev_alnum = true;
            i = e;
        }
        out[from..].sort_unstable_by_key(|&(s, e, _)| (e, std::cmp::Reverse(e - s)));
    }

    /// Looks `norm[a..e]` up, recording a key; whether a longer key goes on.
    #[inline]
    fn probe(&self, norm: &str, a: usize, e: usize, out: &mut Vec<(usize, usize, u32)>) -> bool {
        let key = &norm[a..e];
        if !self.shape.may_contain(key) {
            return false;
        }
        match self.map.get(key) {
            Some(&(v, more)) => {
                if v != NONE {
                    out.push((a, e, v));
                }
                more
            }
            None => false,
        }
    }

    /// Keys starting at `a`, from `k` on: probes at each char that is no
    /// letter or digit (and at the text's end) while a longer key may go on.
    fn walk(&self, norm: &str, a: usize, mut k: usize, out: &mut Vec<(usize, usize, u32)>) {
        let n = norm.len();
        while k < n {
            if k - a > self.max_len {
                return;
            }
            let (alnum, len) = char_at(norm, k);
            if !alnum && !self.probe(norm, a, k, out) {
                return;
            }
            k += len;
        }
        if k == n && k - a <= self.max_len {
            self.probe(norm, a, n, out);
        }
    }
}

/// Whether the char at byte `i` of `s` is a letter or digit, and its length.
#[inline(always)]
fn char_at(s: &str, i: usize) -> (bool, usize) {
    match s.as_bytes().get(i) {
        Some(b) if b.is_ascii() => (b.is_ascii_alphanumeric(), 1),
        Some(_) => s
            .get(i..)
            .and_then(|r| r.chars().next())
            .map_or((false, 1), |c| {
                (text::chars::is_alphanumeric(c), c.len_utf8())
            }),
        None => (false, 1),
    }
}

pub struct Index {
    pub keys: Keys,
    pub targets: Vec<Vec<Target>>,
    pub countries: Vec<CInfo>,
    pub seats: Vec<SInfo>,
    pub people: Vec<PInfo>,
    pub orgs: Vec<OInfo>,
    pub agents: Vec<AInfo>,
    /// Office -> people (own rows only) who ever held it.
    pub offices: HashMap<String, Vec<u32>>,
    pub places: Vec<PlInfo>,
    /// Places sharing one folded key, most populous first.
    pub place_groups: Vec<Vec<u32>>,
    /// Folded place name -> (group, case policy).
    pub place_keys: HashMap<String, (u32, CasePolicy), FxBuild>,
    /// Folded first words of place keys of several words.
    pub place_prefixes: std::collections::HashSet<String, FxBuild>,
    /// Place keys and their first words: a capitalised word that is
    /// neither is passed over without probing either table.
    pub place_shapes: Shapes,
    /// Per seat: the place group of the same name when it has readings
    /// in other countries.
    pub seat_places: Vec<Option<u32>>,
    /// Folded given names.
    pub given: std::collections::HashSet<String, FxBuild>,
    /// Folded given names that are a woman's (`b'f'`) or a man's (`b'm'`).
    pub given_sex: HashMap<String, u8, FxBuild>,
}

/// Case policy of a surface written in our own lexicon: capitalised words
/// must be capitalised in the text, short acronyms ("US", "UN") upper case,
/// so that "us" and "chad" in running text are not countries.
fn own_case(surface: &str) -> CasePolicy {
    surface
        .split(' ')
        .map(|w| {
            let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
            match letters.first() {
                Some(c) if c.is_uppercase() => {
                    if letters.len() >= 2
                        && letters.len() <= 3
                        && letters.iter().all(|c| c.is_uppercase())
                    {
                        2
                    } else {
                        1
                    }
                }
                _ => 0,
            }
        })
        .collect()
}

/// PETRARCH phrases lost their case: capitalised words stay capitalised, and
/// two-letter words ("US", "UN") must be upper case.
fn imported_case(surface: &str) -> CasePolicy {
    surface
        .split(' ')
        .map(|w| {
            let n = w.chars().filter(|c| c.is_alphabetic()).count();
            match w.chars().next() {
                Some(c) if c.is_uppercase() => {
                    if n <= 2 {
                        2
                    } else {
                        1
                    }
                }
                _ => 0,
            }
        })
        .collect()
}

/// `src.to_string()` (`file:line`) without the formatting machinery: run
/// for every gazetteer row at start-up.
fn source_text(src: &lexicon::Source) -> String {
    let mut digits = [0u8; 20];
    let mut n = src.line;
    let mut k = digits.len();
    loop {
        k -= 1;
        digits[k] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let mut out = String::with_capacity(src.file.len() + 1 + digits.len() - k);
    out.push_str(&src.file);
    out.push(':');
    for &d in &digits[k..] {
        out.push(char::from(d));
    }
    out
}

struct Builder {
    keys: HashMap<String, u32>,
    targets: Vec<Vec<Target>>,
}

impl Builder {
    fn add(&mut self, surface: &str, tk: Tk, imported: bool, any_case: bool) {
        self.add_cased(surface, tk, imported, any_case, false);
    }

    /// `relaxed`: only the first word's case is checked (and acronyms stay
    /// upper case), for group names that notes write as "Al shabaab
    /// militants" or "Islamic state fighters".
    fn add_cased(&mut self, surface: &str, tk: Tk, imported: bool, any_case: bool, relaxed: bool) {
        let surface = surface.split_whitespace().collect::<Vec<_>>().join(" ");
        if surface.is_empty() {
            return;
        }
        let key = fold(&surface);
        if key.trim().is_empty() {
            return;
        }
        let mut case = if any_case {
            vec![0; surface.split(' ').count()]
        } else if imported {
            imported_case(&surface)
        } else {
            own_case(&surface)
        };
        if relaxed {
            for p in case.iter_mut().skip(1) {
                if *p == 1 {
                    *p = 0;
                }
            }
        }
        let n = self.targets.len() as u32;
        let id = *self.keys.entry(key).or_insert(n);
        if id == n {
            self.targets.push(Vec::new());
        }
        let list = &mut self.targets[id as usize];
        // One entity per key: the first form given wins (name, then adjective).
        let same = |t: &Target| match (t.tk, tk) {
            (Tk::Country(a, _), Tk::Country(b, _)) => a == b,
            (a, b) => a == b,
        };
        if !list.iter().any(same) {
            list.push(Target { tk, case, imported });
        }
        // "the Kremlin" is also written "Kremlin".
        if let Some(rest) = surface
            .strip_prefix("the ")
            .or_else(|| surface.strip_prefix("The "))
        {
            if !any_case {
                self.add(rest, tk, imported, false);
            }
        }
    }
}

impl Index {
    pub fn build(lex: &Lexicon) -> Index {
        let mut b = Builder {
            keys: HashMap::new(),
            targets: Vec::new(),
        };
        let mut countries = Vec::new();
        for c in &lex.countries {
            let i = countries.len() as u32;
            countries.push(CInfo {
                code: c.code.clone(),
                name: c.name.clone(),
                source: source_text(&c.source),
            });
            b.add(&c.name, Tk::Country(i, Form::Name), false, false);
            for a in &c.aliases {
                b.add(a, Tk::Country(i, Form::Name), false, false);
            }
            for a in &c.adjectives {
                b.add(a, Tk::Country(i, Form::Adjective), false, false);
            }
            for a in &c.demonyms {
                b.add(a, Tk::Country(i, Form::Demonym), false, false);
            }
        }
        let mut seats = Vec::new();
        for s in &lex.seats {
            let i = seats.len() as u32;
            seats.push(SInfo {
                name: s.name.clone(),
                country: s.country.clone(),
                kind: s.kind.clone(),
                source: source_text(&s.source),
            });
            b.add(&s.name, Tk::Seat(i), false, false);
        }
        let mut people: Vec<PInfo> = Vec::new();
        let mut by_id: HashMap<String, u32> = HashMap::new();
        for (imported, rows) in [(false, &lex.people), (true, &lex.imported_people)] {
            for r in rows.iter() {
                let i = *by_id.entry(r.id.clone()).or_insert_with(|| {
                    people.push(PInfo {
                        id: r.id.clone(),
                        name: r.name.clone(),
                        roles: Vec::new(),
                    });
                    (people.len() - 1) as u32
                });
                let p = &mut people[i as usize];
                if p.roles.is_empty() {
                    b.add(&r.name, Tk::Person(i), imported, false);
                    for a in &r.aliases {
                        b.add(a, Tk::Person(i), imported, false);
                    }
                }
                p.roles.push(RInfo {
                    code: r.code.clone(),
                    office: r.office.clone(),
                    start: r.start,
                    end: r.end,
                    source: source_text(&r.source),
                });
            }
        }
        let mut offices: HashMap<String, Vec<u32>> = HashMap::new();
        for (i, p) in people.iter().enumerate() {
            if p.id.starts_with("petrarch:") {
                continue;
            }
            for r in &p.roles {
                let list = offices.entry(r.office.clone()).or_default();
                if list.last() != Some(&(i as u32)) {
                    list.push(i as u32);
                }
            }
        }
        let mut orgs = Vec::new();
        for (imported, rows) in [
            (false, &lex.organisations),
            (true, &lex.imported_organisations),
        ] {
            for o in rows.iter() {
                let i = orgs.len() as u32;
                orgs.push(OInfo {
                    id: o.id.clone(),
                    name: o.name.clone(),
                    code: o.code.clone(),
                    kind: o.kind,
                    country: o.country.clone(),
                    source: source_text(&o.source),
                });
                // Armed and social groups of several words are matched
                // whatever the case of their later words, and with a space
                // for a hyphen ("Al shabaab" for "al-Shabaab"): event notes
                // and wire copy write them loosely. Institutions keep their
                // case ("National Assembly" is not "national assembly").
                let relaxed = !imported && o.kind == ActorType::Group;
                for a in std::iter::once(&o.name).chain(&o.aliases) {
                    b.add_cased(a, Tk::Org(i), imported, false, relaxed);
                    if relaxed && a.contains('-') {
                        b.add_cased(&a.replace('-', " "), Tk::Org(i), imported, false, relaxed);
                    }
                }
            }
        }
        let mut agents = Vec::new();
        for (imported, rows) in [(false, &lex.agents), (true, &lex.imported_agents)] {
            for a in rows.iter() {
                let i = agents.len() as u32;
                agents.push(AInfo {
                    term: a.term.clone(),
                    role: a.role.clone(),
                    kind: a.kind,
                    office: a.office.clone(),
                    source: source_text(&a.source),
                });
                b.add(&a.term, Tk::Agent(i), imported, true);
                for p in &a.plurals {
                    b.add(p, Tk::Agent(i), imported, true);
                }
            }
        }
        let given: std::collections::HashSet<String, FxBuild> =
            lex.given_names.iter().map(|g| fold(&g.name)).collect();
        let given_sex: HashMap<String, u8, FxBuild> = lex
            .given_names
            .iter()
            .filter(|g| g.sex == "f" || g.sex == "m")
            .map(|g| (fold(&g.name), g.sex.as_bytes()[0]))
            .collect();
        let mut places = Vec::new();
        let mut place_groups: Vec<Vec<u32>> = Vec::new();
        let mut group_of: HashMap<String, u32> = HashMap::new();
        // Places stay out of the automaton: tens of thousands of short names
        // would make it report a match inside nearly every word. They are
        // looked up at capitalised word starts instead.
        let mut place_keys: HashMap<String, (u32, CasePolicy), FxBuild> = HashMap::default();
        let place_stop: std::collections::HashSet<&str, FxBuild> =
            PLACE_STOP.iter().copied().collect();
        let mut order: Vec<usize> = (0..lex.places.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(lex.places[i].population));
        for pi in order {
            let p = &lex.places[pi];
            let i = places.len() as u32;
            places.push(PlInfo {
                name: p.name.clone(),
                country: p.country.clone(),
                region: p.kind == "region",
                population: p.population,
                source: source_text(&p.source),
            });
            // Hand-written aliases (place_aliases.tsv) are safe at any size.
            let aliases: &[String] = if p.population >= ALIAS_MIN_POP {
                &p.aliases
            } else {
                &p.aliases[..p.hand_aliases]
            };
            for n in std::iter::once(&p.name).chain(aliases) {
                let key = fold(n);
                let letters = key.chars().filter(|c| c.is_alphabetic()).count();
                let one_word = !key.contains(' ');
                if letters < 3 || place_stop.contains(key.as_str()) {
                    continue;
                }
                // A short or given-name-like small place is no key of its
                // own, but it is another reading of a bigger place's key
                // (Somalia's Bari region beside Italy's Bari), for the
                // document's countries to choose.
                if ((one_word && letters <= 4 && p.population < SHORT_NAME_MIN_POP)
                    || (one_word && given.contains(&key) && p.population < GIVEN_NAME_MIN_POP))
                    && !group_of.contains_key(&key)
                {
                    continue;
                }
                // Names are mostly single-spaced already: their key is `key`.
                let single = !n.starts_with(' ')
                    && !n.ends_with(' ')
                    && !n.contains("  ")
                    && !n.contains(|c: char| c.is_whitespace() && c != ' ');
                let surface = if single {
                    std::borrow::Cow::Borrowed(n.as_str())
                } else {
                    std::borrow::Cow::Owned(n.split_whitespace().collect::<Vec<_>>().join(" "))
                };
                let skey = if single { key.clone() } else { fold(&surface) };
                let g = *group_of.entry(key).or_insert_with(|| {
                    place_groups.push(Vec::new());
                    (place_groups.len() - 1) as u32
                });
                let list = &mut place_groups[g as usize];
                if !list.contains(&i) {
                    list.push(i);
                }
                place_keys
                    .entry(skey)
                    .or_insert_with(|| (g, own_case(&surface)));
            }
        }
        // First word as the recogniser sees it: up to the first character
        // that ends a word there (space, or punctuation other than - ' .).
        let place_prefixes: std::collections::HashSet<String, FxBuild> = place_keys
            .keys()
            .filter_map(|k| {
                let cut = k.find(|c: char| !c.is_alphanumeric())?;
                Some(k[..cut].to_string())
            })
            .collect();
        // 128 KB: asked at capitalised words only, and about one word in
        // fifty passes by chance.
        let place_shapes = Shapes::of(
            20,
            place_keys
                .keys()
                .chain(place_prefixes.iter())
                .map(String::as_str),
        );
        // Seats whose name is also a place elsewhere ("Tripoli" in Lebanon,
        // "Sucre" in Colombia): the document's countries may choose that.
        let seat_places = seats
            .iter()
            .map(|s| {
                let (g, _) = place_keys.get(&fold(&s.name))?;
                let list = place_groups.get(*g as usize)?;
                list.iter()
                    .any(|&p| places[p as usize].country != s.country)
                    .then_some(*g)
            })
            .collect();
        Index {
            keys: Keys::build(&b.keys),
            targets: b.targets,
            countries,
            seats,
            people,
            orgs,
            agents,
            offices,
            places,
            place_groups,
            place_prefixes,
            place_shapes,
            place_keys,
            seat_places,
            given,
            given_sex,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_text_is_display() {
        for line in [0, 7, 10, 99, 12345, usize::MAX] {
            let src = lexicon::Source {
                file: "places.tsv".into(),
                line,
            };
            assert_eq!(source_text(&src), src.to_string());
        }
    }

    /// The lookup finds exactly the word-bounded occurrences of every key
    /// (what an automaton over all positions, filtered, would keep).
    #[test]
    fn keys_find_every_bounded_match() {
        let words = [
            "us",
            "u.s.",
            "u.s",
            "al shabaab",
            "al",
            "'ndrangheta",
            "opec+",
            "washington, d.c.",
            "washington",
            "man",
            "sao paulo",
            "são",
            "iran",
        ];
        let keys: HashMap<String, u32> = words
            .iter()
            .enumerate()
            .map(|(i, w)| (w.to_string(), i as u32))
            .collect();
        let k = Keys::build(&keys);
        let text = "the u.s. and us, al shabaab's man in washington, d.c. (opec+) \
                    'ndrangheta human iran-backed são paulo al-us u.s.a washington";
        let mut got = Vec::new();
        k.find(text, &mut got);
        let alnum_at = |i: usize| {
            text[i..]
                .chars()
                .next()
                .is_some_and(text::chars::is_alphanumeric)
        };
        let alnum_before = |i: usize| {
            text[..i]
                .chars()
                .next_back()
                .is_some_and(text::chars::is_alphanumeric)
        };
        let mut want = Vec::new();
        for (w, &v) in &keys {
            for s in 0..text.len() {
                if text.is_char_boundary(s) && text[s..].starts_with(w.as_str()) {
                    let e = s + w.len();
                    if !alnum_before(s) && !alnum_at(e) {
                        want.push((s, e, v));
                    }
                }
            }
        }
        want.sort_unstable_by_key(|&(s, e, _)| (e, std::cmp::Reverse(e - s)));
        assert_eq!(got, want);
        assert!(got.len() > 10, "{got:?}");
    }
}
