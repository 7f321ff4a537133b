//! From folded-text matches to mentions: atom selection, phrase assembly
//! (compositions, titles, offices, appositions), unknown names and places
//! (`found`), then surname and pronoun coreference.

mod atoms;
mod coref;
mod found;
mod names;

use crate::index::{Form, FxBuild, Index, Tk};
use chrono::NaiveDate;
use lexicon::codes::country_and_role;
use lexicon::norm::{fold, fold_with_map};
use lexicon::PartialDate;
use model::{Actor, ActorType, Mention, Sentence, Span, TimeExpr, Token};
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
    tokens: &[Token],
    times: &[TimeExpr],
    doc_date: NaiveDate,
) -> Vec<Mention> {
    let mut cx = Ctx::new(idx, text, sentences, times, doc_date);
    let atoms = cx.prepared_atoms();
    cx.count_countries(&atoms, true);
    cx.collect_place_countries(&atoms);
    cx.assemble(&atoms);
    cx.discover_names();
    // Before the gazetteer's places, so that a team or a person named like a
    // town ("Kent", "Washington") is not a place; a tagged place the
    // gazetteer knows is left to it, which gives its country.
    let later = cx.tagged_names(tokens);
    cx.places(&atoms);
    cx.add_free(later);
    cx.acronyms();
    cx.outlets();
    cx.coref_names();
    cx.coref_pronouns();
    cx.finish()
}

/// The name tagger's view of a document (`crate::names`): per sentence,
/// the word spans and the words with their lexicon hints.
pub fn name_words(
    idx: &Index,
    text: &str,
    sentences: &[Sentence],
    tokens: &[Token],
) -> syntax::ner::DocumentWords {
    let d = NaiveDate::default();
    let mut cx = Ctx::new(idx, text, sentences, &[], d);
    cx.prepared_atoms();
    cx.name_words(tokens, true)
}

impl<'a> Ctx<'a> {
    fn new(
        idx: &'a Index,
        text: &'a str,
        sentences: &[Sentence],
        times: &[TimeExpr],
        doc_date: NaiveDate,
    ) -> Ctx<'a> {
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
                // Times come in text order: read the sentence's, not all of them.
                let lo = times.partition_point(|t| t.span[0] < sp[0]);
                times[lo..]
                    .iter()
                    .take_while(|t| t.span[0] <= sp[1])
                    .filter(|t| t.span[0] >= sp[0] && t.span[1] <= sp[1])
                    .find_map(|t| PartialDate::parse(&t.value))
                    .map(|d| (d.first_day(), true))
                    .unwrap_or((doc_date, false))
            })
            .collect();
        Ctx {
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
        }
    }

    /// The lexicon matches, cleaned up as every later pass expects.
    fn prepared_atoms(&mut self) -> Vec<Atom> {
        let mut atoms = self.atoms();
        self.drop_currencies(&mut atoms);
        self.count_countries(&atoms, false);
        self.seats_as_places(&mut atoms);
        self.drop_name_parts(&mut atoms);
        // Agent nouns may be part of names ("United Energy Company"), so only
        // other matches stop a run of capitalised words.
        // Places too: "Paul Jackson" and "Manchester United" are names.
        self.atom_spans = atoms
            .iter()
            .filter(|a| !matches!(a.tk, Tk::Agent(_) | Tk::Place(_)))
            .map(|a| (a.s, a.e))
            .collect();
        self.all_atoms = atoms.iter().map(|a| (a.s, a.e, a.tk)).collect();
        atoms
    }
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
        // "many of Ukrainian descent", "Norwegian-built cars": a
        // country word that tells where people or things come from acts
        // for no one.
        let after = &self.text[a.e..];
        let next = after
            .trim_start_matches(' ')
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        let hyphened = after.strip_prefix('-').is_some_and(|r| {
            ["built", "made", "born", "designed", "manufactured"]
                .iter()
                .any(|w| r.starts_with(w))
        });
        if hyphened
            || matches!(
                next,
                "descent" | "origin" | "origins" | "ancestry" | "heritage" | "extraction"
            )
        {
            return;
        }
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
