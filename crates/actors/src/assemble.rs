//! From folded-text matches to mentions: atom selection, phrase assembly
//! (compositions, titles, offices, appositions), unknown names and places
//! (`found`), then surname and pronoun coreference.

mod found;

use crate::index::{Form, FxBuild, Index, Tk};
use chrono::NaiveDate;
use lexicon::codes::country_and_role;
use lexicon::norm::{fold, fold_with_map};
use lexicon::PartialDate;
use model::{Actor, ActorType, Mention, Sentence, Span, TimeExpr};
use std::collections::{HashMap, HashSet};

/// A lexicon match kept after boundary, case and overlap checks.
struct Atom {
    s: usize,
    e: usize,
    tk: Tk,
    /// Every person the surface may name (shared surnames).
    alts: Vec<u32>,
    sent: usize,
}

/// A mention under construction.
struct M {
    s: usize,
    e: usize,
    sent: usize,
    actor: Actor,
    /// The lexicon person, so later references re-read the office by date.
    person: Option<u32>,
    rule: String,
    evidence: Option<Span>,
    discovered: bool,
}

/// Words that may stand between a country word and an agent noun.
const MODS: &[&str] = &[
    "new",
    "former",
    "ex",
    "then",
    "acting",
    "interim",
    "current",
    "top",
    "senior",
    "late",
    "outgoing",
    "incoming",
    "own",
    "deputy",
    "vice",
    "chief",
    "leading",
    "veteran",
    "prominent",
    "powerful",
    "ruling",
    "main",
];
/// Of those, the ones after which the office holder is someone else.
const NOT_HOLDER: &[&str] = &[
    "former", "ex", "deputy", "vice", "late", "outgoing", "incoming", "acting", "interim",
];
const BACKED: &[&str] = &[
    "-backed",
    "-funded",
    "-sponsored",
    "-supported",
    "-led",
    "-allied",
    "-aligned",
    "-armed",
];
/// Capitalised words that do not start a name.
const STOP: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "As",
    "By",
    "For",
    "From",
    "Of",
    "To",
    "With",
    "He",
    "She",
    "It",
    "His",
    "Her",
    "They",
    "We",
    "I",
    "This",
    "That",
    "These",
    "Those",
    "But",
    "And",
    "Or",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "Since",
    "Last",
    "Next",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Sir",
    "According",
    "Despite",
    "During",
    "Given",
    "However",
    "Meanwhile",
    "Some",
    "Many",
    "Recently",
    "Today",
    "Yesterday",
    "Now",
    "Then",
    "Also",
    "Both",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
/// Last words that make a capitalised run an organisation, not a person.
const ORG_WORDS: &[&str] = &[
    "Coalition",
    "Commission",
    "Committee",
    "Council",
    "Dialogue",
    "Awards",
    "Award",
    "Party",
    "Front",
    "Forces",
    "Army",
    "Union",
    "Movement",
    "Organisation",
    "Organization",
    "Group",
    "Company",
    "Bank",
    "Ministry",
    "Agency",
    "Institute",
    "University",
    "Foundation",
    "Association",
    "Congregation",
    "Centre",
    "Center",
    "Corporation",
    "Network",
    "Alliance",
    "League",
    "Federation",
    "Office",
    "Department",
    "Court",
    "Assembly",
    "Brigade",
    "Brigades",
    "Battalion",
    "Guard",
    "Police",
    "Service",
    "Services",
    "Fund",
    "Programme",
];
/// Agent nouns that, after a bare country name, say what someone studies
/// or reports on rather than whom they act for.
const ABOUT: &[&str] = &[
    "expert",
    "experts",
    "analyst",
    "analysts",
    "specialist",
    "specialists",
    "researcher",
    "researchers",
    "scholar",
    "scholars",
    "correspondent",
    "correspondents",
    "editor",
    "editors",
    "watcher",
    "watchers",
    "observer",
    "observers",
];
const PRONOUNS: &[&str] = &["he", "him", "his", "she", "her"];

struct Ctx<'a> {
    idx: &'a Index,
    text: &'a str,
    sents: Vec<Span>,
    /// Per sentence: the date offices are read at, and whether a time
    /// expression of the sentence gave it.
    dates: Vec<(NaiveDate, bool)>,
    atom_spans: Vec<(usize, usize)>,
    /// Every lexicon match (places included), for the name pass.
    all_atoms: Vec<(usize, usize, Tk)>,
    /// Countries named in the document (countries, seats, organisations
    /// with a home country) and how often: they decide between places of
    /// the same name.
    doc_cc: HashMap<&'a str, u32>,
    /// `(sentence, country)` for the same names, in text order: a country
    /// named in the place's own sentence decides first.
    sent_cc: Vec<(usize, &'a str)>,
    /// Place atoms left for the place pass (after names are found).
    place_atoms: Vec<usize>,
    /// Countries of unambiguous place names in the document.
    place_cc: HashSet<String>,
    /// `(start, index into out)`, sorted; rebuilt by `index_out`.
    out_index: Vec<(usize, usize)>,
    out: Vec<M>,
    /// Every capitalised word start and its first character, in text order
    /// (two passes scan them; one scan of the text finds them).
    capitals: Vec<(usize, char)>,
}

pub fn run(
    idx: &Index,
    text: &str,
    sentences: &[Sentence],
    times: &[TimeExpr],
    doc_date: NaiveDate,
) -> Vec<Mention> {
    // Spans come from another stage: clamp them onto char boundaries so a
    // malformed one can never make a slice panic.
    let snap = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let mut sents: Vec<Span> = sentences
        .iter()
        .map(|s| [snap(s.span[0]), snap(s.span[1].max(s.span[0]))])
        .collect();
    sents.sort_unstable();
    let dates = sents
        .iter()
        .map(|sp| {
            times
                .iter()
                .filter(|t| t.span[0] >= sp[0] && t.span[1] <= sp[1])
                .find_map(|t| PartialDate::parse(&t.value))
                .map(|d| (d.first_day(), true))
                .unwrap_or((doc_date, false))
        })
        .collect();
    let mut cx = Ctx {
        idx,
        text,
        sents,
        dates,
        atom_spans: Vec::new(),
        all_atoms: Vec::new(),
        doc_cc: HashMap::new(),
        sent_cc: Vec::new(),
        place_atoms: Vec::new(),
        place_cc: HashSet::new(),
        out_index: Vec::new(),
        out: Vec::new(),
        capitals: capital_starts(text),
    };
    let mut atoms = cx.atoms();
    cx.drop_currencies(&mut atoms);
    cx.count_countries(&atoms, false);
    cx.seats_as_places(&mut atoms);
    cx.drop_name_parts(&mut atoms);
    // Agent nouns may be part of names ("United Energy Company"), so only
    // other matches stop a run of capitalised words.
    // Places too: "Paul Jackson" and "Manchester United" are names.
    cx.atom_spans = atoms
        .iter()
        .filter(|a| !matches!(a.tk, Tk::Agent(_) | Tk::Place(_)))
        .map(|a| (a.s, a.e))
        .collect();
    cx.all_atoms = atoms.iter().map(|a| (a.s, a.e, a.tk)).collect();
    cx.count_countries(&atoms, true);
    cx.collect_place_countries(&atoms);
    cx.assemble(&atoms);
    cx.discover_names();
    cx.places(&atoms);
    cx.coref_names();
    cx.coref_pronouns();
    cx.finish()
}

/// Whether byte `pos` of `s` is surely no word start, by its bytes alone:
/// inside a char, or right after an ASCII letter or digit.
fn mid_word(s: &str, pos: usize) -> bool {
    (pos > 0 && s.as_bytes()[pos - 1].is_ascii_alphanumeric()) || !s.is_char_boundary(pos)
}

/// Whether no letter or digit comes right before byte `pos` of `s` (a
/// char boundary).
fn no_word_before(s: &str, pos: usize) -> bool {
    !s[..pos].ends_with(|c: char| text::chars::is_alphanumeric(c))
}

/// Where words start with an upper-case letter, and that letter.
fn capital_starts(text: &str) -> Vec<(usize, char)> {
    use text::bytes::{in_range, load8, HI};
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 40);
    let mut pos = 0;
    while pos < bytes.len() {
        // Eight bytes at a time while none is 'A'..='Z' or non-ASCII.
        if let Some(w) = load8(bytes, pos) {
            if (w & HI) | in_range(w, b'A', b'Z') == 0 {
                pos += 8;
                continue;
            }
        }
        let b = bytes[pos];
        // Cheap byte tests first: lower-case ASCII or inside a word.
        if (b.is_ascii() && !b.is_ascii_uppercase()) || mid_word(text, pos) {
            pos += 1;
            continue;
        }
        let Some(c) = text[pos..].chars().next() else {
            break;
        };
        if c.is_uppercase() && no_word_before(text, pos) {
            out.push((pos, c));
        }
        pos += c.len_utf8();
    }
    out
}

/// The first byte of `b` that is h, s (either case) or non-ASCII, eight
/// bytes at a time: the pronoun pass looks at those only.
fn pronoun_byte(b: &[u8]) -> Option<usize> {
    use text::bytes::{eq_byte, load8, HI, LO};
    let mut i = 0;
    while let Some(w) = load8(b, i) {
        // Setting 0x20 lowers ASCII letters (and leaves no other byte equal
        // to 'h' or 's').
        let folded = w | (LO * 0x20);
        let hit = eq_byte(folded, b'h') | eq_byte(folded, b's') | (w & HI);
        if hit != 0 {
            return Some(i + (hit.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    b.get(i..)?
        .iter()
        .position(|x| matches!(x, b'h' | b'H' | b's' | b'S') || !x.is_ascii())
        .map(|k| i + k)
}

/// Whether `w` is in `STOP`; through a set built on first use, as this is
/// asked at nearly every capitalised word.
pub(crate) fn is_stop(w: &str) -> bool {
    static SET: std::sync::OnceLock<HashSet<&'static str, FxBuild>> = std::sync::OnceLock::new();
    SET.get_or_init(|| STOP.iter().copied().collect())
        .contains(w)
}

/// Whether `w` is in `ORG_WORDS` (as `is_stop`).
pub(crate) fn is_org_word(w: &str) -> bool {
    static SET: std::sync::OnceLock<HashSet<&'static str, FxBuild>> = std::sync::OnceLock::new();
    SET.get_or_init(|| ORG_WORDS.iter().copied().collect())
        .contains(w)
}

fn is_combining(c: char) -> bool {
    ('\u{300}'..='\u{36F}').contains(&c)
}

fn case_ok(policy: &[u8], orig: &str) -> bool {
    // Most rows allow any case: nothing to read then.
    if policy.iter().all(|&p| p == 0) {
        return true;
    }
    for (p, w) in policy.iter().zip(orig.split_whitespace()) {
        let mut letters = w.chars().filter(|&c| text::chars::is_alphabetic(c));
        match p {
            1 if !letters.next().is_some_and(|c| c.is_uppercase()) => return false,
            2 if !letters.all(|c| c.is_uppercase()) => return false,
            _ => {}
        }
    }
    true
}

fn actor_from_code(code: &str, name: &str, id: &str, kind: ActorType) -> Actor {
    let (country, role) = country_and_role(code);
    Actor {
        code: code.to_string(),
        country,
        role,
        name: name.to_string(),
        id: id.to_string(),
        kind,
    }
}

impl<'a> Ctx<'a> {
    fn sent_of(&self, pos: usize) -> usize {
        self.sents
            .partition_point(|s| s[0] <= pos)
            .saturating_sub(1)
    }

    fn sent_start(&self, k: usize) -> usize {
        self.sents.get(k).map_or(0, |s| s[0])
    }

    fn date(&self, k: usize) -> (NaiveDate, bool) {
        self.dates
            .get(k)
            .copied()
            .unwrap_or((NaiveDate::MIN, false))
    }

    /// Lexicon matches: word-bounded, case-checked, longest first, no overlaps.
    fn atoms(&self) -> Vec<Atom> {
        if self.idx.keys.is_empty() {
            return Vec::new();
        }
        let text = self.text;
        let (norm, map) = fold_with_map(text);
        let mut cands: Vec<(bool, usize, usize, Tk, Vec<u32>)> = Vec::new();
        let mut found = Vec::new();
        self.idx.keys.find(&norm, &mut found);
        for (a, b, value) in found {
            let (Some(&os), Some(&last)) = (map.get(a), map.get(b.wrapping_sub(1))) else {
                continue;
            };
            let (os, last) = (os as usize, last as usize);
            let Some(lc) = text.get(last..).and_then(|s| s.chars().next()) else {
                continue;
            };
            let mut oe = last + lc.len_utf8();
            while let Some(c) = text
                .get(oe..)
                .and_then(|s| s.chars().next())
                .filter(|c| is_combining(*c))
            {
                oe += c.len_utf8();
            }
            let Some(orig) = text.get(os..oe) else {
                continue;
            };
            let Some(targets) = self.idx.targets.get(value as usize) else {
                continue;
            };
            // Among the targets whose case fits: our own rows if any, else
            // imported ones; the best-ranked kind, and every person (one
            // pass, no allocation unless a person is named).
            let mut own = false;
            let mut best: Option<Tk> = None;
            let mut alts: Vec<u32> = Vec::new();
            for t in targets {
                if (own && t.imported) || !case_ok(&t.case, orig) {
                    continue;
                }
                if !own && !t.imported {
                    own = true;
                    best = None;
                    alts.clear();
                }
                if best.is_none_or(|b| t.tk.rank() < b.rank()) {
                    best = Some(t.tk);
                }
                if let Tk::Person(p) = t.tk {
                    alts.push(p);
                }
            }
            let Some(best) = best else {
                continue;
            };
            cands.push((!own, os, oe, best, alts));
        }
        self.place_candidates(&norm, &map, &mut cands);
        // Our own rows first, longest leftmost; imported rows only fill the
        // gaps, so a PETRARCH phrase ("the US") never hides our own match.
        cands.sort_by(|x, y| x.0.cmp(&y.0).then(x.1.cmp(&y.1)).then(y.2.cmp(&x.2)));
        let mut taken: Vec<(usize, usize)> = Vec::new();
        let mut out: Vec<Atom> = Vec::new();
        for (imported, s, e, tk, alts) in cands {
            let i = taken.partition_point(|t| t.1 <= s);
            if taken.get(i).is_some_and(|t| t.0 < e) {
                continue;
            }
            if !imported && out.last().is_some_and(|l| s < l.e) {
                continue;
            }
            taken.insert(i, (s, e));
            out.push(Atom {
                s,
                e,
                tk,
                alts,
                sent: self.sent_of(s),
            });
        }
        out.sort_by_key(|a| a.s);
        out
    }

    /// Gazetteer names starting at capitalised word starts: the longest
    /// folded run of up to five words that is a place key.
    #[allow(clippy::type_complexity)]
    fn place_candidates(
        &self,
        norm: &str,
        map: &[u32],
        cands: &mut Vec<(bool, usize, usize, Tk, Vec<u32>)>,
    ) {
        if self.idx.place_keys.is_empty() {
            return;
        }
        let text = self.text;
        let nb = norm.as_bytes();
        // Only capitalised word starts can open a name: visit those (their
        // first folded byte) rather than every byte of the text.
        let mut i = 0;
        for &(pos, _) in &self.capitals {
            // Folded and original bytes keep one offset apart across ASCII
            // text: try that first, else search.
            let guess = map
                .get(i)
                .map_or(i, |&o| i + pos.saturating_sub(o as usize));
            i = if map.get(guess) == Some(&(pos as u32))
                && (guess == 0 || map[guess - 1] < pos as u32)
            {
                guess
            } else {
                i + map
                    .get(i..)
                    .map_or(0, |m| m.partition_point(|&o| (o as usize) < pos))
            };
            if i >= nb.len() {
                break;
            }
            // A first word ended by ASCII punctuation or space that is no
            // key and starts none: nothing to find here (most capitalised
            // words). The loop below would stop at that word end too.
            let e = i + text::tokens::ascii_alnum_run(&nb[i..]).0;
            if e > i
                && nb.get(e).is_some_and(|&b| b.is_ascii() && b != b'\'')
                && (e - i > 48 || !self.idx.place_shapes.may_contain(&norm[i..e]))
            {
                continue;
            }
            // A word start follows a non-alphanumeric byte, and not a hyphen
            // or apostrophe inside a word ("Mayo-Sava").
            if i > 0
                && (nb[i - 1].is_ascii_alphanumeric()
                    || (matches!(nb[i - 1], b'-' | b'\'')
                        && i > 1
                        && nb[i - 2].is_ascii_alphanumeric()))
            {
                continue;
            }
            let start_ok = norm.is_char_boundary(i)
                && no_word_before(norm, i)
                && map
                    .get(i)
                    .and_then(|&o| text.get(o as usize..))
                    .and_then(|r| r.chars().next())
                    .is_some_and(|c| c.is_uppercase());
            if !start_ok {
                continue;
            }
            // Word ends up to five words / 48 bytes on, on one line.
            let mut best: Option<(usize, u32)> = None;
            let mut spaces = 0;
            let mut first_checked = false;
            let mut prev_alnum = false;
            let mut j = i;
            for (k, c) in norm[i..].char_indices() {
                let at = i + k;
                if at - i > 48 {
                    break;
                }
                let alnum = text::chars::is_alphanumeric(c);
                // "Moa'mineen", "N'Djamena": an apostrophe between letters
                // is inside the word ("Sana'a" is a key of its own).
                let inner_quote = c == '\''
                    && norm[at + 1..].starts_with(|d: char| text::chars::is_alphabetic(d))
                    && !norm[at + 1..].starts_with("s ");
                if !alnum && prev_alnum && !inner_quote {
                    // Neither a key nor the first word of one: no table
                    // needs asking (most capitalised words).
                    let maybe = self.idx.place_shapes.may_contain(&norm[i..at]);
                    if !first_checked && !maybe {
                        break;
                    }
                    // Longer runs too are mostly no key: the filter spares
                    // the probe.
                    if let Some((g, _)) = maybe
                        .then(|| self.idx.place_keys.get(&norm[i..at]))
                        .flatten()
                    {
                        best = Some((at, *g));
                    }
                    // Most capitalised words start no place name: stop at
                    // the first word unless some key goes on from it.
                    if !first_checked && !self.idx.place_prefixes.contains(&norm[i..at]) {
                        break;
                    }
                    first_checked = true;
                }
                if !(alnum || c == '-' || c == '\'' || c == '.' || c == ' ') {
                    break;
                }
                if c == ' ' {
                    spaces += 1;
                    if spaces > 4 || !prev_alnum && !norm[..at].ends_with('.') {
                        break;
                    }
                }
                prev_alnum = alnum;
                j = at + c.len_utf8();
            }
            // The text ends inside the run: its last word ends there too.
            if prev_alnum && j == norm.len() && j > i {
                if let Some((g, _)) = self.idx.place_keys.get(&norm[i..j]) {
                    best = Some((j, *g));
                }
            }
            if let Some((b, g)) = best {
                let policy = self.idx.place_keys.get(&norm[i..b]).map(|x| &x.1);
                let os = map.get(i).map(|&o| o as usize);
                let last = map.get(b - 1).map(|&o| o as usize);
                if let (Some(policy), Some(os), Some(last)) = (policy, os, last) {
                    let lc = text[last..].chars().next().map_or(1, |c| c.len_utf8());
                    let mut oe = last + lc;
                    while let Some(c) = text
                        .get(oe..)
                        .and_then(|s| s.chars().next())
                        .filter(|c| is_combining(*c))
                    {
                        oe += c.len_utf8();
                    }
                    if text.get(os..oe).is_some_and(|o| case_ok(policy, o)) {
                        cands.push((false, os, oe, Tk::Place(g), Vec::new()));
                    }
                }
            }
        }
    }

    fn overlaps_atom(&self, s: usize, e: usize) -> bool {
        let i = self.atom_spans.partition_point(|a| a.1 <= s);
        self.atom_spans.get(i).is_some_and(|a| a.0 < e)
    }

    /// The folded text between two offsets, trimmed.
    fn gap(&self, a: usize, b: usize) -> Option<String> {
        self.text.get(a..b).map(|g| fold(g).trim().to_string())
    }

    fn only_space(&self, a: usize, b: usize) -> bool {
        self.text
            .get(a..b)
            .is_some_and(|g| !g.is_empty() && g.chars().all(|c| c == ' ' || c == '\u{a0}'))
    }

    /// The next capitalised word start at or after `pos` and its first
    /// character: the start of every unknown-name and surname scan.
    fn next_capital(&self, pos: usize) -> Option<(usize, char)> {
        let i = self.capitals.partition_point(|c| c.0 < pos);
        self.capitals.get(i).copied()
    }

    /// A word starting at `pos`: letters/digits with inner hyphens or dots.
    fn word_at(&self, pos: usize) -> Option<usize> {
        let rest = self.text.get(pos..)?;
        let bytes = rest.as_bytes();
        let mut end = 0;
        let mut prev_alnum = false;
        let mut i = 0;
        // ASCII a byte at a time; other chars decoded (none is '-' or '.').
        while let Some(&b) = bytes.get(i) {
            if b.is_ascii_alphanumeric() {
                i += 1;
                end = i;
                prev_alnum = true;
            } else if b.is_ascii() {
                if (b == b'-' || b == b'.')
                    && prev_alnum
                    && rest[i + 1..].starts_with(|d: char| text::chars::is_alphanumeric(d))
                {
                    prev_alnum = false;
                    i += 1;
                } else {
                    break;
                }
            } else {
                match rest[i..].chars().next() {
                    Some(c) if text::chars::is_alphanumeric(c) => {
                        i += c.len_utf8();
                        end = i;
                        prev_alnum = true;
                    }
                    _ => break,
                }
            }
        }
        (end > 0).then_some(pos + end)
    }

    fn capitalised(&self, s: usize, e: usize) -> bool {
        self.text
            .get(s..e)
            .and_then(|w| w.chars().next())
            .is_some_and(|c| c.is_uppercase())
    }

    /// A run of capitalised words right after `pos` (one space), not lexicon
    /// matches, at most four words.
    fn name_after(&self, pos: usize) -> Option<(usize, usize)> {
        let mut p = pos;
        let mut start = None;
        let mut end = pos;
        for _ in 0..4 {
            let sp = self
                .text
                .get(p..)?
                .chars()
                .take_while(|c| *c == ' ')
                .count();
            if sp != 1 {
                break;
            }
            let ws = p + 1;
            let Some(we) = self.word_at(ws) else { break };
            let w = &self.text[ws..we];
            if !self.capitalised(ws, we)
                || self.overlaps_atom(ws, we)
                || (start.is_none() && is_stop(w))
            {
                break;
            }
            start.get_or_insert(ws);
            end = we;
            p = we;
        }
        start.map(|s| (s, end))
    }

    /// Whether a capitalised run looks like a person's name: not a single
    /// sentence-initial word, no organisation word at its end, no adverb.
    fn plausible_person(&self, nm: (usize, usize)) -> bool {
        let name = &self.text[nm.0..nm.1];
        let words: Vec<&str> = name.split_whitespace().collect();
        let Some(last) = words.last() else {
            return false;
        };
        if is_org_word(last) || words.iter().any(|w| w.ends_with("ly") && w.len() > 5) {
            return false;
        }
        let k = self.sent_of(nm.0);
        let at_start = self.text[self.sent_start(k)..nm.0]
            .trim_start_matches(['"', '\'', '“', '‘', ' '])
            .is_empty();
        !(words.len() == 1 && at_start)
    }

    /// A name after a title, when it looks like a person's.
    fn person_name_after(&self, pos: usize) -> Option<(usize, usize)> {
        self.name_after(pos).filter(|nm| {
            let last = self.text[nm.0..nm.1]
                .split_whitespace()
                .last()
                .unwrap_or("");
            !is_org_word(last)
        })
    }

    /// A run of capitalised words ending right at `pos`, within the sentence.
    fn name_before(&self, pos: usize, floor: usize) -> Option<(usize, usize)> {
        let mut words = Vec::new();
        let mut p = pos;
        while words.len() < 4 {
            let head = self.text.get(floor..p)?;
            let ws = head
                .char_indices()
                .rev()
                .take_while(|(_, c)| c.is_alphanumeric() || *c == '-' || *c == '.')
                .last()
                .map(|(i, _)| floor + i)?;
            if ws >= p || !self.capitalised(ws, p) || self.overlaps_atom(ws, p) {
                break;
            }
            words.push((ws, p));
            if ws < floor + 1
                || !self.text[..ws].ends_with(' ')
                || self.text[..ws - 1].ends_with(' ')
            {
                break;
            }
            p = ws - 1;
        }
        // Drop sentence-initial function words ("The", "In").
        while let Some(&(s, e)) = words.last() {
            if is_stop(&self.text[s..e]) {
                words.pop();
            } else {
                break;
            }
        }
        let first = words.last()?;
        Some((first.0, pos))
    }

    /// "former" (or "ex-") among the few words before `pos` in its sentence.
    fn former_before(&self, pos: usize, k: usize) -> bool {
        let from = self.sent_start(k).max(pos.saturating_sub(40));
        let from = (from..=pos)
            .find(|i| self.text.is_char_boundary(*i))
            .unwrap_or(pos);
        let before = self.text.get(from..pos).unwrap_or("");
        let former_in_last_three = |w: &str| {
            w.split(|c: char| !c.is_alphanumeric())
                .rev()
                .filter(|s| !s.is_empty())
                .take(3)
                .any(|w| w.eq_ignore_ascii_case("former") || w.eq_ignore_ascii_case("ex"))
        };
        // ASCII text folds to its lower case: compare without folding.
        if before.is_ascii() {
            former_in_last_three(before)
        } else {
            former_in_last_three(&fold(before))
        }
    }

    /// The person a possibly shared surface names at sentence `k`: one
    /// already named in the document, else one in office at the date.
    fn pick_person(&self, alts: &[u32], k: usize) -> Option<u32> {
        if alts.len() <= 1 {
            return alts.first().copied();
        }
        if let Some(p) = alts
            .iter()
            .find(|p| self.out.iter().any(|m| m.person == Some(**p)))
        {
            return Some(*p);
        }
        let (d, _) = self.date(k);
        alts.iter()
            .find(|p| {
                self.idx.people[**p as usize]
                    .roles
                    .iter()
                    .any(|r| covers(r.start, r.end, d))
            })
            .or(alts.first())
            .copied()
    }

    /// The person's actor at sentence `k`, and the rule saying how.
    fn person_actor(&self, p: u32, k: usize, former: bool) -> (Actor, String) {
        let info = &self.idx.people[p as usize];
        let (d, from_time) = self.date(k);
        let covering = info
            .roles
            .iter()
            .filter(|r| covers(r.start, r.end, d))
            .max_by_key(|r| r.start);
        let ended = info
            .roles
            .iter()
            .filter(|r| r.end.is_some_and(|e| e.last_day() < d))
            .max_by_key(|r| r.end);
        let mk = |code: &str| actor_from_code(code, &info.name, &info.id, ActorType::Person);
        if former && !(from_time && covering.is_some()) {
            if let Some(r) = ended {
                return (mk(&r.code), format!("former:{}", r.source));
            }
        }
        if let Some(r) = covering {
            return (mk(&r.code), r.source.clone());
        }
        // Out of office at the date: the last (or first coming) role's country, as elite.
        let r = ended.or_else(|| info.roles.iter().min_by_key(|r| r.start));
        match r {
            Some(r) => {
                let (country, _) = country_and_role(&r.code);
                let code = format!("{}ELI", country.as_deref().unwrap_or(""));
                (mk(&code), format!("elite:{}", r.source))
            }
            None => (mk(""), "people".to_string()),
        }
    }

    /// Who held `office` for country `cc` at sentence `k`'s date (own rows).
    fn holder(&self, cc: &str, office: &str, k: usize) -> Option<u32> {
        let (d, _) = self.date(k);
        let mut best: Option<(u32, Option<PartialDate>)> = None;
        let ids = self
            .idx
            .offices
            .get(office)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        for &i in ids {
            let p = &self.idx.people[i as usize];
            for r in &p.roles {
                if r.office == office
                    && r.code.starts_with(cc)
                    && covers(r.start, r.end, d)
                    && best.is_none_or(|b| r.start > b.1)
                {
                    best = Some((i, r.start));
                }
            }
        }
        best.map(|b| b.0)
    }

    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        s: usize,
        e: usize,
        actor: Actor,
        person: Option<u32>,
        rule: String,
        evidence: Option<Span>,
        discovered: bool,
    ) {
        let sent = self.sent_of(s);
        self.out.push(M {
            s,
            e,
            sent,
            actor,
            person,
            rule,
            evidence,
            discovered,
        });
    }

    fn push_person(
        &mut self,
        s: usize,
        e: usize,
        p: u32,
        former: bool,
        rule_override: Option<&str>,
    ) {
        let k = self.sent_of(s);
        let (actor, rule) = self.person_actor(p, k, former);
        let rule = rule_override.map_or(rule, String::from);
        self.push(s, e, actor, Some(p), rule, None, false);
    }

    /// Code, name and source row of a country atom, borrowed from the index.
    fn country_code(&self, tk: Tk) -> Option<(&'a str, &'a str, &'a str)> {
        let idx: &'a Index = self.idx;
        match tk {
            Tk::Country(c, _) => idx
                .countries
                .get(c as usize)
                .map(|c| (c.code.as_str(), c.name.as_str(), c.source.as_str())),
            _ => None,
        }
    }

    fn discovered(&self, name_span: (usize, usize), code: &str, kind: ActorType) -> Actor {
        let name = self.text[name_span.0..name_span.1].to_string();
        let id = format!("discovered:{}", fold(&name));
        actor_from_code(code, &name, &id, kind)
    }

    /// `<Name>, (a|an|the)? ` right before `pos`: the apposition's name.
    fn appos_name_before(&self, pos: usize, k: usize) -> Option<(usize, usize)> {
        self.appos_name_before_art(pos, k).map(|(nm, _)| nm)
    }

    /// As `appos_name_before`, also saying whether an article opened the
    /// apposition ("X, the US energy company" against "X, Qatari media said").
    fn appos_name_before_art(&self, pos: usize, k: usize) -> Option<((usize, usize), bool)> {
        let floor = self.sent_start(k);
        let head = self.text.get(floor..pos)?;
        let mut h = head.trim_end();
        let mut article = false;
        for art in ["the", "a", "an", "The"] {
            if let Some(x) = h.strip_suffix(art) {
                if x.ends_with(' ') {
                    h = x.trim_end();
                    article = true;
                    break;
                }
            }
        }
        let h = h.strip_suffix(',')?;
        if h.ends_with(' ') {
            return None;
        }
        self.name_before(floor + h.len(), floor)
            .map(|nm| (nm, article))
    }

    fn assemble(&mut self, atoms: &[Atom]) {
        let mut i = 0;
        while i < atoms.len() {
            i = match atoms[i].tk {
                Tk::Country(..) => self.at_country(atoms, i),
                Tk::Agent(_) => self.at_agent(atoms, i),
                Tk::Person(_) => {
                    let a = &atoms[i];
                    if let Some(p) = self.pick_person(&a.alts, a.sent) {
                        let former = self.former_before(a.s, a.sent);
                        self.push_person(a.s, a.e, p, former, None);
                    }
                    i + 1
                }
                Tk::Org(o) => {
                    let a = &atoms[i];
                    let info = &self.idx.orgs[o as usize];
                    let mut actor = actor_from_code(&info.code, &info.name, &info.id, info.kind);
                    if !info.country.is_empty() {
                        actor.country = Some(info.country.clone());
                    }
                    let rule = info.source.clone();
                    self.push(a.s, a.e, actor, None, rule, None, false);
                    i + 1
                }
                Tk::Place(_) => {
                    // Decided after the name pass: "Paul Jackson" is a person.
                    self.place_atoms.push(i);
                    i + 1
                }
                Tk::Seat(s) => {
                    let a = &atoms[i];
                    let info = &self.idx.seats[s as usize];
                    if let Some(j) = self.located_prefix(atoms, i, &info.country, &info.source) {
                        i = j;
                        continue;
                    }
                    let code = if info.kind == "region" {
                        info.country.clone()
                    } else {
                        format!("{}GOV", info.country)
                    };
                    let id = format!("seat:{}", fold(&info.name));
                    let actor = actor_from_code(&code, &info.name, &id, ActorType::Place);
                    let rule = info.source.clone();
                    self.push(a.s, a.e, actor, None, rule, None, false);
                    i + 1
                }
            };
        }
    }

    fn country_mention(&mut self, a: &Atom) {
        let Some((cc, name, src)) = self.country_code(a.tk) else {
            return;
        };
        let actor = actor_from_code(cc, name, cc, ActorType::Country);
        self.push(a.s, a.e, actor, None, src.to_string(), None, false);
    }

    fn same_sent(atoms: &[Atom], i: usize, j: usize) -> bool {
        matches!((atoms.get(i), atoms.get(j)), (Some(a), Some(b)) if a.sent == b.sent)
    }

    fn at_country(&mut self, atoms: &[Atom], i: usize) -> usize {
        let c = &atoms[i];
        let Some((cc, cname, csrc)) = self.country_code(c.tk) else {
            return i + 1;
        };
        let next = atoms
            .get(i + 1)
            .filter(|_| Self::same_sent(atoms, i, i + 1));
        // Most country words stand alone: look at the gap only before an
        // agent noun (folding it allocates).
        let Some((ag_atom, agi)) = next.and_then(|n| match n.tk {
            Tk::Agent(agi) => Some((n, agi)),
            _ => None,
        }) else {
            self.country_mention(c);
            return i + 1;
        };
        let Some(g) = self.gap(c.e, ag_atom.s) else {
            self.country_mention(c);
            return i + 1;
        };
        // Parse the gap: possessive, "-backed", modifiers.
        let mut rest = g.as_str();
        let mut backed = false;
        if let Some(r) = rest.strip_prefix("'s").or_else(|| rest.strip_prefix('\'')) {
            rest = r;
        }
        for b in BACKED {
            if let Some(r) = rest.strip_prefix(b) {
                rest = r;
                backed = true;
            }
        }
        let words: Vec<&str> = rest.split_whitespace().collect();
        let raw_gap = &self.text[c.e..ag_atom.s];
        // "a Syria expert" is about Syria, not of it ("a Syrian expert").
        let about = matches!(c.tk, Tk::Country(_, Form::Name))
            && g.is_empty()
            && ABOUT.contains(&self.idx.agents[agi as usize].term.as_str());
        if about
            || !words.iter().all(|w| MODS.contains(w))
            || !raw_gap.ends_with(' ')
            || raw_gap.contains(['\n', ',', '(', ')'])
        {
            self.country_mention(c);
            return i + 1;
        }
        let former =
            words.iter().any(|w| *w == "former" || *w == "ex") || self.former_before(c.s, c.sent);
        let not_holder = former || words.iter().any(|w| NOT_HOLDER.contains(w));
        let ag = &self.idx.agents[agi as usize];
        let (role, akind, office, asrc) = (
            ag.role.clone(),
            ag.kind,
            ag.office.clone(),
            ag.source.clone(),
        );
        // Title before a known person: "Turkish President Recep Tayyip Erdogan".
        if !backed {
            if let Some(p_atom) = atoms
                .get(i + 2)
                .filter(|p| matches!(p.tk, Tk::Person(_)) && p.sent == c.sent)
            {
                if self.only_space(ag_atom.e, p_atom.s) {
                    if let Some(p) = self.pick_person(&p_atom.alts, p_atom.sent) {
                        self.push_person(c.s, p_atom.e, p, former, None);
                        return i + 3;
                    }
                }
            }
        }
        let code = format!("{cc}{role}");
        // Title before an unknown name: "Israeli businessman Aaron Fruchter".
        if !backed && akind == ActorType::Person {
            if let Some(nm) = self.person_name_after(ag_atom.e) {
                // "President Recep Tayyip [Erdogan]": first names before a
                // known surname belong to the known person.
                if let Some(p_atom) = atoms.iter().skip(i + 2).find(|a| a.s >= nm.1) {
                    if matches!(p_atom.tk, Tk::Person(_)) && self.only_space(nm.1, p_atom.s) {
                        if let Some(p) = self.pick_person(&p_atom.alts, p_atom.sent) {
                            self.push_person(c.s, p_atom.e, p, former, None);
                            return atoms
                                .iter()
                                .position(|a| a.s == p_atom.s)
                                .map_or(i + 2, |j| j + 1);
                        }
                    }
                }
                let actor = self.discovered(nm, &code, ActorType::Person);
                self.push(
                    c.s,
                    nm.1,
                    actor.clone(),
                    None,
                    "discover:apposition-title".into(),
                    Some([c.s, ag_atom.e]),
                    true,
                );
                self.owner_before(c.s, c.sent, &actor, [c.s, nm.1]);
                return i + 2;
            }
        }
        // An office: "the Israeli prime minister" is whoever held it then.
        if let (Some(off), false, false) = (&office, backed, not_holder) {
            if let Some(p) = self.holder(cc, off, c.sent) {
                self.push_person(c.s, ag_atom.e, p, false, Some("coref:office"));
                return i + 2;
            }
        }
        let rule = format!(
            "compose:{}{}+{}",
            if backed { "backed:" } else { "" },
            asrc,
            csrc
        );
        let kind = if backed { ActorType::Group } else { akind };
        let name = format!("{cname} {}", ag.term);
        self.push_composed([c.s, ag_atom.e], &code, &name, kind, rule);
        if !backed {
            self.appositions_before(c.s, c.sent, &code, akind, [c.s, ag_atom.e]);
        }
        i + 2
    }

    /// A composition of a country word and an agent noun ("Israeli Air Force").
    pub(super) fn push_composed(
        &mut self,
        span: Span,
        code: &str,
        name: &str,
        kind: ActorType,
        rule: String,
    ) {
        let actor = actor_from_code(code, name, &format!("compose:{code}"), kind);
        self.push(span[0], span[1], actor, None, rule, None, false);
    }

    /// "<Name>, an Israeli businessman" / "<Name>, the US energy company":
    /// the name before the apposition is discovered with its code.
    fn appositions_before(
        &mut self,
        pos: usize,
        k: usize,
        code: &str,
        kind: ActorType,
        evidence: Span,
    ) {
        let Some((nm, article)) = self.appos_name_before_art(pos, k) else {
            return;
        };
        if self.out.iter().any(|m| m.s < nm.1 && nm.0 < m.e) {
            return;
        }
        let (rule, kind) = match kind {
            ActorType::Person if self.plausible_person(nm) => {
                ("discover:apposition", ActorType::Person)
            }
            // Only companies and media are named by such appositions often
            // enough: "<Name>, the US energy company".
            // Without an article the phrase is usually the next clause's
            // subject ("in the Red Sea, Qatari state media reported").
            ActorType::Organisation | ActorType::Group
                if article && (code.ends_with("BUS") || code.ends_with("MED")) =>
            {
                ("discover:apposition-org", ActorType::Organisation)
            }
            _ => return,
        };
        let actor = self.discovered(nm, code, kind);
        self.push(nm.0, nm.1, actor, None, rule.into(), Some(evidence), true);
    }

    /// "<Org> (controlled by <discovered owner>)": the organisation takes
    /// the owner's country, as a business.
    fn owner_before(&mut self, pos: usize, k: usize, owner: &Actor, evidence: Span) {
        let floor = self.sent_start(k);
        let Some(head) = self.text.get(floor..pos) else {
            return;
        };
        let h = head.trim_end();
        let Some(h) = ["controlled by", "owned by"]
            .iter()
            .find_map(|v| h.strip_suffix(v))
        else {
            return;
        };
        let h = h.trim_end();
        let h = h
            .strip_suffix('(')
            .or_else(|| h.strip_suffix(','))
            .unwrap_or(h)
            .trim_end();
        let Some(nm) = self.name_before(floor + h.len(), floor) else {
            return;
        };
        if self.out.iter().any(|m| m.s < nm.1 && nm.0 < m.e) {
            return;
        }
        let Some(cc) = owner.country.clone() else {
            return;
        };
        let actor = self.discovered(nm, &format!("{cc}BUS"), ActorType::Organisation);
        self.push(
            nm.0,
            nm.1,
            actor,
            None,
            "discover:owner".into(),
            Some(evidence),
            true,
        );
    }

    fn at_agent(&mut self, atoms: &[Atom], i: usize) -> usize {
        let a = &atoms[i];
        let Tk::Agent(agi) = a.tk else { return i + 1 };
        let ag = &self.idx.agents[agi as usize];
        let (role, akind, office, asrc, term) = (
            ag.role.clone(),
            ag.kind,
            ag.office.clone(),
            ag.source.clone(),
            ag.term.clone(),
        );
        let next = atoms
            .get(i + 1)
            .filter(|_| Self::same_sent(atoms, i, i + 1));
        // Title before a known person: "President Isaac Herzog".
        if let Some(p_atom) = next.filter(|n| matches!(n.tk, Tk::Person(_))) {
            if self.only_space(a.e, p_atom.s) {
                if let Some(p) = self.pick_person(&p_atom.alts, p_atom.sent) {
                    let former = self.former_before(a.s, a.sent);
                    self.push_person(a.s, p_atom.e, p, former, None);
                    return i + 2;
                }
            }
        }
        // "<agent> of [the] <Country>": "President of Azerbaijan", "the army of Syria".
        if let Some(c) = next.filter(|n| matches!(n.tk, Tk::Country(..))) {
            let g = self.gap(a.e, c.s).unwrap_or_default();
            if g == "of" || g == "of the" {
                let Some((cc, cname, csrc)) = self.country_code(c.tk) else {
                    return i + 1;
                };
                let code = format!("{cc}{role}");
                let not_holder = self.former_before(a.s, a.sent)
                    || self.text[self.sent_start(a.sent)..a.s]
                        .trim_end()
                        .ends_with('-');
                if akind == ActorType::Person {
                    if let Some(nm) = self.appos_name_before(a.s, a.sent) {
                        if !self.out.iter().any(|m| m.s < nm.1 && nm.0 < m.e) {
                            let actor = self.discovered(nm, &code, ActorType::Person);
                            self.push(
                                nm.0,
                                nm.1,
                                actor,
                                None,
                                "discover:apposition".into(),
                                Some([a.s, c.e]),
                                true,
                            );
                            let composed = format!("{cname} {term}");
                            self.push_composed(
                                [a.s, c.e],
                                &code,
                                &composed,
                                akind,
                                format!("compose:{asrc}+{csrc}"),
                            );
                            return i + 2;
                        }
                    }
                }
                if let (Some(off), false) = (&office, not_holder) {
                    if let Some(p) = self.holder(cc, off, a.sent) {
                        self.push_person(a.s, c.e, p, false, Some("coref:office"));
                        return i + 2;
                    }
                }
                let composed = format!("{cname} {term}");
                self.push_composed(
                    [a.s, c.e],
                    &code,
                    &composed,
                    akind,
                    format!("compose:{asrc}+{csrc}"),
                );
                return i + 2;
            }
        }
        // "Rabbi Mark Schnayer of the US": title, unknown name, "of" country.
        if akind == ActorType::Person {
            if let Some(nm) = self.person_name_after(a.e) {
                if let Some(c) = next.filter(|n| matches!(n.tk, Tk::Country(..)) && n.s >= nm.1) {
                    let g = self.gap(nm.1, c.s).unwrap_or_default();
                    if g == "of" || g == "of the" {
                        if let Some((cc, _, _)) = self.country_code(c.tk) {
                            let actor =
                                self.discovered(nm, &format!("{cc}{role}"), ActorType::Person);
                            self.push(
                                a.s,
                                nm.1,
                                actor,
                                None,
                                "discover:apposition-title".into(),
                                Some([a.s, c.e]),
                                true,
                            );
                            return i + 1;
                        }
                    }
                }
            }
        }
        if let Some(j) = self.located_suffix(atoms, i) {
            return j;
        }
        i + 1
    }

    /// Later references to people already named: a full name or surname
    /// alone ("Schnayer", "Herzog") after the first full mention.
    fn coref_names(&mut self) {
        // fold(name) -> (index of the first mention); None when ambiguous.
        let mut full: HashMap<String, Option<usize>, FxBuild> = HashMap::default();
        let mut sur: HashMap<String, Option<usize>, FxBuild> = HashMap::default();
        for (i, m) in self.out.iter().enumerate() {
            if !(m.discovered || m.person.is_some()) || m.rule.starts_with("coref") {
                continue;
            }
            let name: &str = match m.person {
                Some(p) => &self.idx.people[p as usize].name,
                None => &m.actor.name,
            };
            // Whether the mention `o` names the same one: the same person
            // row, else the same actor id (compared without allocating).
            let same = |o: &Option<usize>, out: &Vec<M>| {
                o.is_some_and(|j| {
                    let n = &out[j];
                    match (n.person, m.person) {
                        (Some(a), Some(b)) => a == b,
                        (None, None) => n.actor.id == m.actor.id,
                        (Some(a), None) => a.to_string() == m.actor.id,
                        (None, Some(b)) => n.actor.id == b.to_string(),
                    }
                })
            };
            let f = fold(name);
            match full.get(&f) {
                Some(o) if !same(o, &self.out) => {
                    full.insert(f, None);
                }
                Some(_) => {}
                None => {
                    full.insert(f, Some(i));
                }
            }
            if m.actor.kind == ActorType::Person {
                if let Some(last) = name
                    .split_whitespace()
                    .last()
                    .filter(|_| name.contains(' '))
                {
                    let l = fold(last);
                    match sur.get(&l) {
                        Some(o) if !same(o, &self.out) => {
                            sur.insert(l, None);
                        }
                        Some(_) => {}
                        None => {
                            sur.insert(l, Some(i));
                        }
                    }
                }
            }
        }
        if full.is_empty() && sur.is_empty() {
            return;
        }
        // A hit's folded first word is a surname or a full name's first
        // word (folding goes char by char and words hold no space): most
        // capitalised words are neither, and need no run built.
        let firsts: HashSet<&str, FxBuild> = full
            .keys()
            .map(|f| f.split(' ').next().unwrap_or(""))
            .chain(sur.keys().map(String::as_str))
            .collect();
        // Per first and last byte, a bit per length of those words: an
        // ASCII word failing it is surely none of them (no hashing).
        let (mut by_first, mut by_last) = ([0u32; 256], [0u32; 256]);
        for f in &firsts {
            if let (Some(&a), Some(&z)) = (f.as_bytes().first(), f.as_bytes().last()) {
                let bit = 1u32 << f.len().min(31);
                by_first[usize::from(a)] |= bit;
                by_last[usize::from(z)] |= bit;
            }
        }
        let maybe_first = |w: &str| {
            let b = w.as_bytes();
            match (b.first(), b.last()) {
                (Some(&a), Some(&z)) if w.is_ascii() => {
                    let bit = 1u32 << b.len().min(31);
                    by_first[usize::from(a.to_ascii_lowercase())] & bit != 0
                        && by_last[usize::from(z.to_ascii_lowercase())] & bit != 0
                }
                _ => true,
            }
        };
        let mut taken: Vec<(usize, usize)> = self.out.iter().map(|m| (m.s, m.e)).collect();
        taken.sort_unstable();
        let free = |s: usize, e: usize, taken: &Vec<(usize, usize)>| {
            let i = taken.partition_point(|t| t.1 <= s);
            taken.get(i).is_none_or(|t| t.0 >= e)
        };
        let mut new = Vec::new();
        let mut pos = 0;
        let text = self.text;
        while let Some((at, c)) = self.next_capital(pos) {
            pos = at;
            let Some(we) = self.word_at(pos) else {
                pos += c.len_utf8();
                continue;
            };
            let w = &text[pos..we];
            if !maybe_first(w) || !found::with_folded(w, |f| firsts.contains(f)) {
                pos = we;
                continue;
            }
            // The longest run of capitalised words from here that is a known name.
            let mut ends = vec![we];
            let mut p = we;
            while ends.len() < 4 && text[p..].starts_with(' ') {
                match self.word_at(p + 1) {
                    Some(e2) if self.capitalised(p + 1, e2) => {
                        ends.push(e2);
                        p = e2;
                    }
                    _ => break,
                }
            }
            let mut hit = None;
            for &e in ends.iter().rev() {
                let found = found::with_folded(&text[pos..e], |f| {
                    full.get(f)
                        .copied()
                        .flatten()
                        .or_else(|| (e == we).then(|| sur.get(f).copied().flatten()).flatten())
                });
                if let Some(j) = found {
                    hit = Some((e, j));
                    break;
                }
            }
            match hit {
                Some((e, j)) if self.out[j].s < pos && free(pos, e, &taken) => {
                    let first = &self.out[j];
                    let k = self.sent_of(pos);
                    let (actor, person) = match first.person {
                        Some(p) => (self.person_actor(p, k, false).0, Some(p)),
                        None => (first.actor.clone(), None),
                    };
                    new.push(M {
                        s: pos,
                        e,
                        sent: k,
                        actor,
                        person,
                        rule: "coref:surname".into(),
                        evidence: Some([first.s, first.e]),
                        discovered: first.discovered,
                    });
                    taken.push((pos, e));
                    taken.sort_unstable();
                    pos = e;
                }
                _ => pos = we,
            }
        }
        self.out.extend(new);
    }

    /// he/him/his/she/her -> the one person named in this or the previous
    /// sentence, when there is exactly one.
    fn coref_pronouns(&mut self) {
        self.out.sort_by_key(|m| m.s);
        let text = self.text;
        let mut pos = 0;
        let mut added: Vec<M> = Vec::new();
        let bytes = text.as_bytes();
        while pos < text.len() {
            // Only h, s (either case) or a non-ASCII byte can start a
            // pronoun: other ASCII bytes are passed over below without
            // effect, and no word skip below passes a non-ASCII byte.
            match pronoun_byte(&bytes[pos..]) {
                Some(k) => pos += k,
                None => break,
            }
            // Cheap byte tests first: ASCII non-letters or inside a word.
            let b = bytes[pos];
            if (b.is_ascii() && !b.is_ascii_alphabetic()) || mid_word(text, pos) {
                pos += 1;
                continue;
            }
            // Every pronoun starts with h or s: skip other ASCII words whole.
            if b.is_ascii() && !matches!(b, b'h' | b'H' | b's' | b'S') {
                while pos < bytes.len() && bytes[pos].is_ascii_alphanumeric() {
                    pos += 1;
                }
                continue;
            }
            // An ASCII word after an ASCII byte that ends at an ASCII byte
            // other than '-' and '.' is that word for `word_at` too: when it
            // is no pronoun by its length, skip it without decoding.
            if b.is_ascii() && (pos == 0 || bytes[pos - 1].is_ascii()) {
                let mut e = pos + 1;
                while e < bytes.len() && bytes[e].is_ascii_alphanumeric() {
                    e += 1;
                }
                let plain = bytes
                    .get(e)
                    .is_none_or(|&n| n.is_ascii() && n != b'-' && n != b'.');
                if plain && !(2..=3).contains(&(e - pos)) {
                    pos = e;
                    continue;
                }
            }
            let Some(c) = text[pos..].chars().next() else {
                break;
            };
            if !(text::chars::is_alphabetic(c) && no_word_before(text, pos)) {
                pos += c.len_utf8();
                continue;
            }
            let Some(we) = self.word_at(pos) else {
                pos += c.len_utf8();
                continue;
            };
            // Compared without allocating: this runs for every word.
            let w = &text[pos..we];
            if PRONOUNS.iter().any(|p| p.eq_ignore_ascii_case(w)) {
                let k = self.sent_of(pos);
                // `out` is sorted by start: only mentions from the previous
                // sentence's start up to here can be antecedents.
                let from = self.sent_start(k.saturating_sub(1));
                let lo = self.out.partition_point(|m| m.s < from);
                let hi = self.out.partition_point(|m| m.s < pos);
                let near = self.out.get(lo..hi).unwrap_or(&[]);
                // Named antecedents only: a chain of pronouns would carry
                // an early guess too far.
                let mut cands = near.iter().filter(|m| {
                    m.actor.kind == ActorType::Person && (m.sent == k || m.sent + 1 == k)
                });
                let last = cands.clone().next_back();
                let one = last.is_some_and(|l| cands.all(|m| m.actor.id == l.actor.id));
                // A mention around the pronoun starts at most a few hundred
                // bytes before it (names are short).
                let upto = self.out.partition_point(|m| m.s <= pos);
                let inside = self.out[..upto]
                    .iter()
                    .rev()
                    .take_while(|m| m.s + 400 > pos)
                    .any(|m| pos < m.e);
                if one && !inside {
                    if let Some(last) = last {
                        let m = M {
                            s: pos,
                            e: we,
                            sent: k,
                            actor: last.actor.clone(),
                            person: last.person,
                            rule: "coref:pronoun".into(),
                            evidence: Some([last.s, last.e]),
                            discovered: last.discovered,
                        };
                        added.push(m);
                    }
                }
            }
            pos = we;
        }
        self.out.extend(added);
    }

    fn finish(mut self) -> Vec<Mention> {
        self.out.sort_by(|a, b| a.s.cmp(&b.s).then(b.e.cmp(&a.e)));
        let mut res: Vec<Mention> = Vec::new();
        let mut last_end = 0;
        for m in self.out {
            if m.s < last_end || m.s >= m.e {
                continue;
            }
            let Some(t) = self.text.get(m.s..m.e) else {
                continue;
            };
            last_end = m.e;
            res.push(Mention {
                span: [m.s, m.e],
                text: t.to_string(),
                sentence: m.sent,
                actor: m.actor,
                rule: m.rule,
                discovered: m.discovered,
                evidence: m.evidence,
            });
        }
        res
    }
}

fn covers(start: Option<PartialDate>, end: Option<PartialDate>, d: NaiveDate) -> bool {
    start.is_none_or(|s| s.first_day() <= d) && end.is_none_or(|e| d <= e.last_day())
}

#[cfg(test)]
mod tests {
    use super::capital_starts;

    /// The plain reading: a character that is upper case and not preceded
    /// by a letter or digit.
    fn reference(text: &str) -> Vec<(usize, char)> {
        let mut prev: Option<char> = None;
        let mut out = Vec::new();
        for (i, c) in text.char_indices() {
            if c.is_uppercase() && !prev.is_some_and(char::is_alphanumeric) {
                out.push((i, c));
            }
            prev = Some(c);
        }
        out
    }

    #[test]
    fn pronoun_bytes_match_the_plain_scan() {
        let plain = |b: &[u8]| {
            b.iter()
                .position(|x| matches!(x, b'h' | b'H' | b's' | b'S') || !x.is_ascii())
        };
        let text = "the quick brown fox; HE said: «ça» Shows 12345678 abcdefg Hx";
        let b = text.as_bytes();
        for i in 0..b.len() {
            assert_eq!(super::pronoun_byte(&b[i..]), plain(&b[i..]), "from {i}");
        }
        assert_eq!(super::pronoun_byte(b"abcdefgijklmnopqr"), None);
        assert_eq!(super::pronoun_byte(b"HHHHHHHHh"), Some(0));
        assert_eq!(super::pronoun_byte(b"\x08\x13\x28\x33\x48"), Some(4));
    }

    #[test]
    fn capital_starts_match_the_plain_reading() {
        for text in [
            "",
            "A",
            "the cat sat on the mat, quietly and alone",
            "Israeli businessman Aaron Fruchter met Erdoğan in Ankara.",
            "McDonald's iPhone ÉLAN (Zürich) «Ödön» ÆSIR 3D X-ray aB",
            "ééééééééÉ ñandú Ñandú мир Мир 東京 İstanbul",
            "lowercase words only here!!! then Z",
        ] {
            assert_eq!(capital_starts(text), reference(text), "{text:?}");
        }
    }
}
