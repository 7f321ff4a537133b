//! The event coder: patterns + clause analysis -> CAMEO events with modality, date and place.
//!
//! Per sentence: lay the actor mentions over the words (plus capitals no
//! mention covers, which stand for their country, and generic nouns from
//! `data/generic.tsv` such as "protesters" or "gunmen", whose country is an
//! adjacent country word, a city named in the sentence, or the country the
//! text was last about); find every pattern match (the most specific per
//! trigger; a trigger inside a longer match belongs to it); get roles from
//! the clause analyser (`clause.rs`); then apply CAMEO conventions:
//! - a planned material act is an intent (`will send aid` -> 033), a planned
//!   or conditional ("unless ...") hostile act a threat (`will impose
//!   sanctions` -> 1312), a refused cooperative act a rejection (`refused to
//!   deploy peacekeepers` -> 122, asserted);
//! - dissent (14x) with no named target is aimed at the source's government;
//! - "X said Y must ..." is a demand (100) from X to Y, and "X said Y's bases
//!   would be red lines" a predicate noun from the speaker about Y.
//!
//! Modality comes from the verb group before the trigger and from an
//! enclosing if-clause; the date from the nearest time expression (same
//! clause first); the place from "in/at/near/from <city>".

use chrono::NaiveDate;
use model::{
    Actor, ActorType, Event, Mention, Modality, Participant, Place, Quote, Sentence, Speaker,
    TimeExpr, Token,
};

use crate::cameo::CameoTable;
use crate::clause::Sent;
use crate::generic::Generic;
use crate::morph::{is_participle, is_past};
use crate::places::{Gazetteer, PlaceHit};
use crate::senses::Senses;
use crate::tagger::Tag;
use crate::verbs::{Elem, Kind, LexError, Pattern, VerbLexicon};

/// Built once, shared by every document.
#[derive(Debug, Clone)]
pub struct EventCoder {
    pub verbs: VerbLexicon,
    pub cameo: CameoTable,
    /// Event places: the capitals and cities of 100,000 or more of the
    /// lexicon's gazetteer.
    pub places: Gazetteer,
    pub generic: Generic,
    /// Second senses of trigger verbs ("released a statement").
    pub senses: Senses,
    /// The gazetteer's places with coordinates (cities of 15,000 people
    /// or more and first-level regions), by the source the recogniser names
    /// in a mention's rule (`places.tsv:LINE`): where `places` finds no
    /// place for an event, a place mention gives it.
    pub lexicon_places: std::collections::HashMap<Box<str>, LexiconPlace>,
    /// The lexicon's nouns for a country's people ("Palestinians",
    /// "Briton"): named as those harmed, they are its civilians. With the
    /// country, whether the word is also its adjective ("Palestinian").
    pub people_nouns: std::collections::HashMap<Box<str>, (Box<str>, bool)>,
    /// The pattern the reported-demand rule codes with ("X said Y must ...").
    must: usize,
    /// Check each sentence's events against its dependency parse
    /// (`grammar.rs`). Off by default for now: parsing every sentence that
    /// codes an event costs about ten times the rest of the pipeline.
    pub grammar: bool,
}

/// What an event's place needs of an actor lexicon place (kept small: the
/// lexicon has tens of thousands).
#[derive(Debug, Clone, PartialEq)]
pub struct LexiconPlace {
    pub name: Box<str>,
    pub country: Box<str>,
    pub lat: f64,
    pub lon: f64,
}

/// Where a sentence is: the country of a place named in it, and the country
/// generic nouns take (that place, else the running context).
#[derive(Debug, Clone, Copy)]
struct Where<'a> {
    place: Option<&'a str>,
    /// The sentence's place, else the text's running context.
    located: Option<&'a str>,
    /// Whether a place (or a dateline) gave `located`, not only a
    /// country named with an actor.
    placed: bool,
    generic: Option<&'a str>,
}

/// Events left out by a check, counted by the check's reason.
pub type LeftOut = std::collections::BTreeMap<&'static str, usize>;

/// A pattern matched at a trigger word.
#[derive(Debug, Clone)]
struct Match {
    pattern: usize,
    trigger: usize,
    /// One past the last matched word.
    end: usize,
    targets: Vec<usize>,
    sources: Vec<usize>,
    specificity: usize,
}

/// Words that keep a verb group going when looking back from a trigger for modality.
const GROUP_WORDS: &[&str] = &[
    "to",
    "be",
    "expected",
    "plans",
    "plan",
    "planned",
    "planning",
    "set",
    "scheduled",
    "going",
    "due",
    "intends",
    "intend",
    "intended",
    "trying",
    "tries",
    "tried",
    "try",
    "attempting",
    "attempted",
    "attempts",
    "seeks",
    "sought",
    "seeking",
    "decided",
    "decides",
    "decide",
    "agreed",
    "agree",
    "agrees",
    "wants",
    "want",
    "wanted",
    "continue",
    "continues",
    "continued",
    "hopes",
    "hope",
    "hoped",
    "likely",
    "able",
    "ready",
    "about",
    // "would not dare attack": a bare infinitive after "dare".
    "dare",
    "dares",
    "dared",
    "refused",
    "refuses",
    "refuse",
    "declined",
    "declines",
    "failed",
    "fails",
    "denied",
    "denies",
    "vowed",
    "vows",
    "pledged",
    "pledges",
    "promised",
    "promises",
    "threatened",
    "threatens",
    "prepared",
    "preparing",
    "prepares",
    "also",
    "then",
    "later",
    "further",
    "soon",
    "now",
    "still",
    "already",
    "reportedly",
    "allegedly",
    "formally",
    "officially",
    "upcoming",
    "forthcoming",
    "planned",
    "possible",
    "potential",
    "proposed",
    "would-be",
    "future",
    "next",
    "ahead",
    "of",
    "the",
    "a",
    "an",
    "its",
    "his",
    "her",
    "their",
    "'s",
];
const PLANNED: &[&str] = &[
    // Verbs of commitment before an infinitive: "agreed to withdraw" is an intent.
    "agreed",
    "agrees",
    "offered",
    "offers",
    "willing",
    "ready",
    "committed",
    "sworn",
    "swore",
    "will",
    "'ll",
    "shall",
    "expected",
    "likely",
    "plans",
    "plan",
    "planned",
    "planning",
    "scheduled",
    "going",
    "due",
    "intends",
    "intend",
    "intended",
    "upcoming",
    "forthcoming",
    "ahead",
    "vowed",
    "vows",
    "pledged",
    "pledges",
    "promised",
    "promises",
    // "threatened to hold a general strike": a threat, not the act.
    "threatened",
    "threatens",
    "threaten",
    "threatening",
    "proposed",
    "future",
    "next",
    "set",
    "preparing",
    "prepares",
    "prepared",
];
const HYPOTHETICAL: &[&str] = &[
    "could",
    "may",
    "might",
    "would",
    "should",
    "possible",
    "possibly",
    "perhaps",
    "potential",
    "must",
];
const NEGATING: &[&str] = &[
    "not", "n't", "never", "refused", "refuses", "refuse", "declined", "declines", "failed",
    "fails", "denied", "denies",
];

impl EventCoder {
    /// The coder over our built-in lexicons.
    pub fn builtin() -> Result<EventCoder, LexError> {
        EventCoder::with_verbs(VerbLexicon::builtin()?)
    }

    /// The coder with extra patterns (user files, PETRARCH overlays) after ours.
    pub fn with_verbs(verbs: VerbLexicon) -> Result<EventCoder, LexError> {
        EventCoder::assemble(verbs, Gazetteer::builtin()?)
    }

    /// The coder over our built-in verbs with a lexicon's gazetteer (see
    /// [`EventCoder::with_lexicon`]); unlike `builtin().with_lexicon(lex)`
    /// it never reads the built-in gazetteer a second time.
    pub fn for_lexicon(lex: &lexicon::Lexicon) -> Result<EventCoder, LexError> {
        Ok(EventCoder::assemble(VerbLexicon::builtin()?, Gazetteer::default())?.with_lexicon(lex))
    }

    fn assemble(mut verbs: VerbLexicon, places: Gazetteer) -> Result<EventCoder, LexError> {
        let must = verbs.patterns.len();
        let p = Pattern::parse(
            "rule:reported-demand",
            Kind::Noun,
            "must",
            "100",
            "Russia said that Sudan must return the helicopter.",
        )
        .map_err(|message| LexError::Parse {
            file: "rule".into(),
            line: 0,
            message,
        })?;
        // Indexed under no word: only the reported-demand rule uses it.
        verbs.patterns.push(Pattern {
            trigger: Vec::new(),
            ..p
        });
        Ok(EventCoder {
            verbs,
            cameo: CameoTable::builtin()?,
            places,
            generic: Generic::builtin()?,
            senses: Senses::builtin()?,
            lexicon_places: Default::default(),
            people_nouns: Default::default(),
            must,
            grammar: false,
        })
    }

    /// The coder with a lexicon's gazetteer (the built-in one with a
    /// user's `--lexicon` rows): its capitals and big cities as event places
    /// ([`Gazetteer::from_lexicon`]), and every place with coordinates for
    /// the recogniser's place mentions (see `lexicon_places`).
    pub fn with_lexicon(mut self, lex: &lexicon::Lexicon) -> EventCoder {
        self.places = Gazetteer::from_lexicon(lex);
        self.lexicon_places = lex
            .places
            .iter()
            .filter_map(|p| {
                Some((
                    p.source.to_string().into(),
                    LexiconPlace {
                        name: p.name.as_str().into(),
                        country: p.country.as_str().into(),
                        lat: p.lat?,
                        lon: p.lon?,
                    },
                ))
            })
            .collect();
        self.people_nouns = lex
            .countries
            .iter()
            .flat_map(|c| {
                c.demonyms.iter().map(|d| {
                    let adjective = c.adjectives.contains(d);
                    (d.as_str().into(), (c.code.as_str().into(), adjective))
                })
            })
            .collect();
        self
    }

    /// Codes every sentence of a document.
    pub fn code(
        &self,
        text: &str,
        sentences: &[Sentence],
        tokens: &[Token],
        mentions: &[Mention],
        times: &[TimeExpr],
        doc_date: NaiveDate,
    ) -> Vec<Event> {
        self.code_counted(text, sentences, tokens, mentions, times, doc_date)
            .0
    }

    /// Like [`EventCoder::code`], with the events the grammar check left
    /// out, counted by reason (`grammar:source-is-a-place`...), so that the
    /// caller can say so instead of dropping them silently.
    #[allow(clippy::too_many_arguments)]
    pub fn code_counted(
        &self,
        text: &str,
        sentences: &[Sentence],
        tokens: &[Token],
        mentions: &[Mention],
        times: &[TimeExpr],
        doc_date: NaiveDate,
    ) -> (Vec<Event>, LeftOut) {
        let mut out = Vec::new();
        let mut left_out = LeftOut::new();
        // The country the text is talking about, for generic actors ("protesters").
        let mut context = Context::default();
        // Mentions in text order (the recogniser's output) let each sentence take
        // its own run by binary search instead of scanning them all.
        let sorted = mentions.windows(2).all(|w| w[0].span[0] <= w[1].span[0]);
        for s in sentences {
            let local = if sorted {
                let lo = mentions.partition_point(|m| m.span[0] < s.span[0]);
                let hi = lo + mentions[lo..].partition_point(|m| m.span[0] < s.span[1]);
                &mentions[lo..hi]
            } else {
                mentions
            };
            self.code_sentence(
                text,
                s,
                tokens,
                local,
                times,
                doc_date,
                &mut context,
                (&mut out, &mut left_out),
            );
        }
        (out, left_out)
    }

    /// Like [`EventCoder::code`], then marks events told inside quotes with their speaker.
    #[allow(clippy::too_many_arguments)]
    pub fn code_with_quotes(
        &self,
        text: &str,
        sentences: &[Sentence],
        tokens: &[Token],
        mentions: &[Mention],
        times: &[TimeExpr],
        doc_date: NaiveDate,
        quotes: &[Quote],
    ) -> Vec<Event> {
        self.code_with_quotes_counted(text, sentences, tokens, mentions, times, doc_date, quotes)
            .0
    }

    /// [`EventCoder::code_with_quotes`] with the grammar check's count of
    /// what it left out (see [`EventCoder::code_counted`]).
    #[allow(clippy::too_many_arguments)]
    pub fn code_with_quotes_counted(
        &self,
        text: &str,
        sentences: &[Sentence],
        tokens: &[Token],
        mentions: &[Mention],
        times: &[TimeExpr],
        doc_date: NaiveDate,
        quotes: &[Quote],
    ) -> (Vec<Event>, LeftOut) {
        let (mut evs, left_out) =
            self.code_counted(text, sentences, tokens, mentions, times, doc_date);
        reported_by(&mut evs, quotes);
        (evs, left_out)
    }

    #[allow(clippy::too_many_arguments)]
    fn code_sentence(
        &self,
        text: &str,
        s: &Sentence,
        tokens: &[Token],
        mentions: &[Mention],
        times: &[TimeExpr],
        doc_date: NaiveDate,
        context: &mut Context,
        (out, left_out): (&mut Vec<Event>, &mut LeftOut),
    ) {
        let span = s.span;
        if span[0] > span[1] || text.get(span[0]..span[1]).is_none() {
            return;
        }
        // A wire dateline or byline ("KABUL (Reuters) - ", "AP - ") names
        // where and who reported, never who acted.
        let dateline = dateline_end(text, span);
        // Its place still tells where unnamed actors are ("MOSCOW - Police...").
        if context.country.is_none() {
            context.country = mentions
                .iter()
                .filter(|m| m.span[0] >= span[0] && m.span[1] <= dateline)
                // "AP - ": an agency's country is not where the story is.
                .filter(|m| matches!(m.actor.kind, ActorType::Place | ActorType::Country))
                .find_map(|m| m.actor.country.clone());
            context.placed = context.country.is_some();
        }
        let local: Vec<&Mention> = mentions
            .iter()
            .filter(|m| m.span[0] >= dateline && m.span[1] <= span[1] && m.span[0] < m.span[1])
            // A mention the recogniser could not code cannot be a participant.
            .filter(|m| !(m.actor.code.is_empty() && m.actor.country.is_none()))
            .collect();
        let first = Sent::from_refs_unclaused(text, span, tokens, &local);
        // The coder's own mentions (capitals, generic nouns), and recogniser
        // mentions a generic noun absorbed ("Indian" in "Indian civilians").
        let mut extra: Vec<Mention> = Vec::new();
        let mut dropped: Vec<[usize; 2]> = Vec::new();
        // Word indices are the same in every view of the sentence.
        let place_hits = self.places.find(text, &first);
        // Any city named in the sentence tells where generic actors are ("in Bat
        // Galim Square of Haifa city"), a place after in/at/near first.
        // Place names are ambiguous ("Bari", "Donga", "Tuban"): the country most
        // places of the sentence agree on wins, a later one on a tie ("in Berane,
        // Montenegro", "in Tuban district (Lahij)" name the wider area last).
        let place_country = {
            let mut votes: Vec<(usize, &str)> = Vec::new();
            let anywhere = if place_hits.is_empty() {
                self.places.anywhere(text, &first)
            } else {
                Vec::new()
            };
            for h in place_hits.iter().chain(&anywhere) {
                votes.push((
                    first.words[h.start].span[0],
                    self.places.entries[h.entry].country.as_str(),
                ));
            }
            for m in &local {
                let prev = first
                    .words
                    .partition_point(|w| w.span[1] <= m.span[0])
                    .checked_sub(1)
                    .map(|j| first.words[j].lower.as_str());
                // "in Somalia", "across Iraq", "from the southern Philippines jungle".
                let place = m.actor.kind == ActorType::Place
                    || (m.actor.kind == ActorType::Country
                        && m.actor.role.is_none()
                        && matches!(
                            prev,
                            Some(
                                "in" | ","
                                    | "("
                                    | "across"
                                    | "throughout"
                                    | "inside"
                                    | "northern"
                                    | "southern"
                                    | "eastern"
                                    | "western"
                                    | "central"
                                    | "northeastern"
                                    | "northwestern"
                                    | "southeastern"
                                    | "southwestern"
                            )
                        ));
                if let Some(c) = m.actor.country.as_deref().filter(|_| place) {
                    votes.push((m.span[0], c));
                    // A first-level region names the wider area: it outweighs
                    // one ambiguous town name.
                    if m.actor.id.starts_with("region:") {
                        votes.push((m.span[0], c));
                    }
                }
            }
            votes.sort_unstable();
            let mut best: Option<(usize, &str)> = None;
            for &(_, c) in &votes {
                let n = votes.iter().filter(|v| v.1 == c).count();
                if best.is_none_or(|(b, _)| n >= b) {
                    best = Some((n, c));
                }
            }
            best.map(|(_, c)| c.to_string())
        };
        // International actors (NGO, IGO...) have no country for generic nouns to inherit.
        // Nor do news agencies ("AFP - ... abducted by local gunmen").
        let named_country = local.iter().find_map(|m| {
            m.actor.country.clone().filter(|c| {
                m.actor.kind != ActorType::Person
                    && !is_international(c)
                    && m.actor.role.as_deref() != Some("MED")
            })
        });
        // A sentence without a trigger word codes nothing: it only moves the context.
        let any_trigger = first.words.iter().any(|w| {
            w.lower == "must"
                || (w.mention.is_none()
                    && w.tag == Tag::Word
                    && !self.verbs.triggered_by(&w.lower).is_empty())
        });
        if !any_trigger {
            advance_context(context, place_country, named_country);
            return;
        }
        // Capitals that no mention covers stand for their country ("visit Baku").
        let mut i = 0;
        while i < first.words.len() {
            if first.words[i].mention.is_none()
                && first.words[i].capitalised
                && first.words[i].span[0] >= dateline
            {
                if let Some(h) = self.places.match_at(text, &first, i) {
                    let e = &self.places.entries[h.entry];
                    if e.capital && (h.start..h.end).all(|j| first.words[j].mention.is_none()) {
                        let sp = [first.words[h.start].span[0], first.words[h.end - 1].span[1]];
                        extra.push(Mention {
                            span: sp,
                            text: text.get(sp[0]..sp[1]).unwrap_or("").to_string(),
                            sentence: s.index,
                            actor: Actor {
                                code: e.country.clone(),
                                country: Some(e.country.clone()),
                                role: None,
                                name: e.name.clone(),
                                id: e.id.clone(),
                                kind: ActorType::Place,
                            },
                            rule: "events/places.tsv:capital".into(),
                            discovered: false,
                            evidence: None,
                        });
                        i = h.end;
                        continue;
                    }
                }
            }
            i += 1;
        }
        // Generic nouns take the sentence's place, else the running context, else a country named here.
        let located = place_country.clone().or_else(|| context.country.clone());
        let placed = place_country.is_some() || context.placed;
        let generic_country = located.clone().or_else(|| named_country.clone());
        // "Hamza Division clashed with ...": a body no lexicon knows, with a
        // role from its head word but no country, acts where the sentence
        // is set (rule `<recogniser rule>+located`).
        if let Some(c) = located.as_deref() {
            for m in mentions.iter().filter(|m| {
                m.discovered
                    && m.actor.code.is_empty()
                    && m.actor.country.is_none()
                    && m.actor.kind == ActorType::Organisation
                    && m.span[0] >= dateline
                    && m.span[1] <= span[1]
            }) {
                let Some(role) = m.actor.role.as_deref() else {
                    continue;
                };
                let mut placed = m.clone();
                placed.actor.code = format!("{c}{role}");
                placed.actor.country = Some(c.to_string());
                placed.rule = format!("{}+located", m.rule);
                extra.push(placed);
            }
        }
        for h in self.generic.find(&first) {
            if (h.start..h.end).any(|j| {
                let inside = |m: &Mention| {
                    m.span[0] <= first.words[j].span[0] && first.words[j].span[1] <= m.span[1]
                };
                local
                    .iter()
                    .any(|m| !dropped.contains(&m.span) && inside(m))
                    || extra.iter().any(inside)
            }) {
                continue;
            }
            // Lower-case modifiers belong to the noun ("unidentified gunmen", "foreign troops").
            let mut start = h.start;
            // An acronym no lexicon knows names the group ("GNA forces", "NAF rebel forces").
            // So does a capitalised adjective no lexicon knows ("Islamic
            // militants", "Fulani militias"): the noun stays the actor.
            let acronym = |w: &crate::clause::Word| {
                let orig = text.get(w.span[0]..w.span[1]).unwrap_or("");
                let acr = orig.len() >= 2
                    && orig.len() <= 6
                    && orig
                        .bytes()
                        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
                let adjective = ["ic", "an", "ian", "ese", "ist", "ani"]
                    .iter()
                    .any(|e| w.lower.ends_with(e))
                    && w.lower.len() > 4;
                acr || adjective
            };
            while start > 0
                && start + 2 > h.start
                && first.words[start - 1].tag == Tag::Word
                && first.words[start - 1].mention.is_none()
                // Function words and verbs of saying are no modifiers ("as
                // angry traders", "but officials", "told police").
                && !NOT_MODIFIERS.contains(&first.words[start - 1].lower.as_str())
                && (!first.words[start - 1].capitalised || acronym(&first.words[start - 1]))
                && self
                    .verbs
                    .triggered_by(&first.words[start - 1].lower)
                    .is_empty()
            {
                start -= 1;
            }
            let foreign = (start..h.start).any(|j| {
                matches!(
                    first.words[j].lower.as_str(),
                    "foreign" | "international" | "western" | "multinational" | "coalition"
                )
            });
            // "Polish farmers", "military forces of India": an adjacent country word gives the country.
            let adjacent = start
                .checked_sub(1)
                .and_then(|j| first.words[j].mention)
                .or_else(|| {
                    (first.words.get(h.end).is_some_and(|w| w.lower == "of"))
                        .then(|| first.words.get(h.end + 1).and_then(|w| w.mention))
                        .flatten()
                })
                .and_then(|k| first.mentions[k].mention.actor.country.clone());
            let country = if foreign {
                None
            } else {
                adjacent.or_else(|| generic_country.clone())
            };
            let mut sp = [first.words[start].span[0], first.words[h.end - 1].span[1]];
            // A bare country word right before ("Indian civilians") joins the noun: one actor.
            if let Some(k) = start.checked_sub(1).and_then(|j| first.words[j].mention) {
                let adj = first.mentions[k].mention;
                // A group of its own ("Taliban", "Isis", "EU") rather than a
                // country's: its members are the group.
                let own_group =
                    matches!(adj.actor.kind, ActorType::Organisation | ActorType::Group)
                        && (adj.actor.role.is_some()
                            || adj.actor.country.is_none()
                            || is_international(&adj.actor.code));
                if !own_group && adj.actor.role.is_none() && adj.actor.kind != ActorType::Person {
                    sp[0] = adj.span[0];
                    dropped.push(adj.span);
                    extra.retain(|m| m.span != adj.span);
                } else if own_group && start == h.start && !dropped.contains(&adj.span) {
                    // "Houthi forces", "Taliban fighters", "Isis fighters", "EU
                    // officials": the group's own members are the group, one
                    // actor over both words.
                    let span = [adj.span[0], sp[1]];
                    let mut whole = adj.clone();
                    whole.text = text.get(span[0]..span[1]).unwrap_or("").to_string();
                    whole.span = span;
                    dropped.push(adj.span);
                    extra.retain(|m| m.span != adj.span);
                    extra.push(whole);
                    continue;
                }
            }
            let name = text.get(sp[0]..sp[1]).unwrap_or("").to_string();
            extra.push(Mention {
                span: sp,
                text: name.clone(),
                sentence: s.index,
                actor: Actor {
                    code: format!("{}{}", country.clone().unwrap_or_default(), h.role),
                    country,
                    role: Some(h.role.clone()),
                    name,
                    id: format!("generic:{}", h.role),
                    kind: ActorType::Group,
                },
                rule: "events/generic.tsv".into(),
                discovered: true,
                evidence: None,
            });
        }
        advance_context(context, place_country.clone(), named_country);
        let sent = if extra.is_empty() && dropped.is_empty() {
            first.with_clauses()
        } else {
            let mut all: Vec<&Mention> = local
                .iter()
                .copied()
                .filter(|m| !dropped.contains(&m.span))
                .chain(extra.iter())
                .collect();
            all.sort_by_key(|m| m.span[0]);
            first.relaid(span, &all)
        };
        // Without actors only unnamed protesters of a named place can act.
        if sent.mentions.is_empty() && place_country.is_none() {
            return;
        }
        let mut matches = self.matches(&sent);
        matches.extend(self.reported_demand(&sent));
        let before = out.len();
        let mut other_sense: Option<usize> = None;
        for m in matches {
            // "released a statement", "met the demands": the trigger's other
            // sense is no event; counted, not silent.
            let p = &self.verbs.patterns[m.pattern];
            let named = |o: &str| {
                p.elems
                    .iter()
                    .any(|e| matches!(e, Elem::Word(f) if f.iter().any(|w| w == o)))
            };
            // "took to the streets ... to celebrate 40 years of the
            // carnival", "in celebration of": crowds out to celebrate
            // protest nothing.
            let celebration = p.cameo.starts_with("14")
                && sent.words[m.end.min(sent.words.len())..]
                    .windows(2)
                    .any(|w| {
                        matches!(w[0].lower.as_str(), "to" | "in")
                            && matches!(w[1].lower.as_str(), "celebrate" | "celebration")
                    });
            if celebration
                || (p.kind == Kind::Verb
                    && self.senses.other_sense(&sent, m.trigger, &named).is_some())
            {
                if other_sense != Some(m.trigger) {
                    *left_out.entry("sense").or_insert(0) += 1;
                    other_sense = Some(m.trigger);
                }
                continue;
            }
            self.emit(
                text,
                s,
                &sent,
                &m,
                &place_hits,
                Where {
                    place: place_country.as_deref(),
                    located: located.as_deref(),
                    placed,
                    generic: generic_country.as_deref(),
                },
                times,
                doc_date,
                out,
            );
        }
        if self.grammar && out.len() > before {
            self.check_grammar(text, span, tokens, &sent, before, (out, left_out));
        }
    }

    /// Parses a sentence that coded events and checks them against the
    /// parse (`grammar::check`). Only such sentences are parsed: most have
    /// no event, and parsing is the costliest step.
    fn check_grammar(
        &self,
        text: &str,
        span: [usize; 2],
        tokens: &[Token],
        sent: &Sent,
        before: usize,
        (out, left_out): (&mut Vec<Event>, &mut LeftOut),
    ) {
        let Ok(syn) = syntax::Syntax::builtin() else {
            return;
        };
        let lo = tokens.partition_point(|t| t.span[0] < span[0]);
        let toks: Vec<(usize, usize)> = tokens[lo..]
            .iter()
            .take_while(|t| t.span[1] <= span[1])
            .map(|t| (t.span[0], t.span[1]))
            .collect();
        let parsed = syn.parse_tokens(text, &toks);
        let tree = crate::grammar::Tree::new(text, &parsed, syn);
        let mentions: Vec<&Mention> = sent.mentions.iter().map(|m| m.mention).collect();
        let question = text
            .get(span[0]..span[1])
            .is_some_and(|s| s.trim_end().ends_with('?'));
        let mut k = 0;
        out.retain_mut(|e| {
            k += 1;
            if k <= before {
                return true;
            }
            match crate::grammar::check(&tree, e, &mentions, question) {
                crate::grammar::Verdict::Keep => true,
                crate::grammar::Verdict::Drop(why) => {
                    *left_out.entry(why).or_insert(0) += 1;
                    false
                }
            }
        });
    }

    /// All pattern matches in a sentence, the most specific per trigger, nested ones dropped.
    fn matches(&self, sent: &Sent) -> Vec<Match> {
        let mut found: Vec<Match> = Vec::new();
        for t in 0..sent.words.len() {
            let w = &sent.words[t];
            if w.mention.is_some() || w.tag != Tag::Word {
                continue;
            }
            let mut best: Option<Match> = None;
            for &pi in self.verbs.triggered_by(&w.lower) {
                let p = &self.verbs.patterns[pi];
                if !self.pos_fits(sent, t, p) {
                    continue;
                }
                if let Some(m) = match_elems(sent, p, t) {
                    if best.as_ref().is_none_or(|b| m.specificity > b.specificity) {
                        best = Some(Match { pattern: pi, ..m });
                    }
                }
            }
            if let Some(b) = best {
                found.push(b);
            }
        }
        // A trigger inside a longer, more specific match is part of it ("refused to meet").
        let keep: Vec<bool> = found
            .iter()
            .map(|m| {
                !found.iter().any(|o| {
                    o.trigger < m.trigger
                        && m.trigger < o.end
                        && o.specificity >= m.specificity
                        && !std::ptr::eq(o, m)
                })
            })
            .collect();
        found
            .into_iter()
            .zip(keep)
            .filter(|(_, k)| *k)
            .map(|(m, _)| m)
            .collect()
    }

    /// "X said (that) Y must ...": a demand (100) from the speaker to Y.
    fn reported_demand(&self, sent: &Sent) -> Vec<Match> {
        let mut out = Vec::new();
        for u in 1..sent.words.len() {
            if sent.words[u].lower != "must" {
                continue;
            }
            // "... to Iraq that it must": a pronoun stands for the last actor before it.
            let tgt = match sent.words[u - 1].mention {
                Some(k) => k,
                None if sent.words[u - 1].tag == Tag::Pron => {
                    match (0..u - 1).rev().find_map(|j| sent.words[j].mention) {
                        Some(k) => k,
                        None => continue,
                    }
                }
                None => continue,
            };
            let from = sent.mentions[tgt].start;
            let Some(v) = (0..from).rev().find(|&j| {
                SPEECH.contains(&sent.words[j].lower.as_str())
                    || matches!(
                        sent.words[j].lower.as_str(),
                        "reiterated"
                            | "demanded"
                            | "reminder"
                            | "insisted"
                            | "concluded"
                            | "warning"
                    )
            }) else {
                continue;
            };
            let Some(src) = (0..v).rev().find_map(|j| sent.words[j].mention) else {
                continue;
            };
            out.push(Match {
                pattern: self.must,
                trigger: u,
                end: u + 1,
                targets: vec![tgt],
                sources: vec![src],
                specificity: 1,
            });
        }
        out
    }

    /// Whether word `t` can be this pattern's part of speech.
    fn pos_fits(&self, sent: &Sent, t: usize, p: &Pattern) -> bool {
        let prev = t.checked_sub(1).map(|i| &sent.words[i]);
        let prev2 = t.checked_sub(2).map(|i| &sent.words[i]);
        let nounish_before = match prev {
            Some(w) if matches!(w.tag, Tag::Det | Tag::Poss | Tag::PossPron | Tag::Number) => true,
            // "Israeli attacks", "military cooperation": an adjective or actor before.
            Some(w) if w.mention.is_some() => {
                !matches!(prev2.map(|x| x.tag), Some(Tag::Prep)) && p.kind == Kind::Noun
            }
            Some(w)
                if matches!(
                    w.lower.as_str(),
                    "upcoming" | "planned" | "recent" | "official" | "first" | "continued" | "new"
                ) =>
            {
                true
            }
            _ => false,
        };
        let verbish_before = match prev {
            Some(w) => {
                matches!(w.tag, Tag::Modal | Tag::Aux | Tag::Neg | Tag::Pron) || w.lower == "to"
            }
            None => false,
        };
        // A noun reading is out after a modal, `to`, a pronoun or do-support
        // ("will attack", "to visit", "they strike", "did visit").
        let verb_only_before = match prev {
            Some(w) => {
                matches!(w.tag, Tag::Modal | Tag::Pron)
                    || matches!(
                        w.lower.as_str(),
                        "to" | "do" | "does" | "did" | "n't" | "not"
                    )
            }
            None => false,
        };
        // After an auxiliary or modal a verb is bare, a participle or an -ing
        // form, never a third-person -s form: "there were clashes" is a noun.
        let third_person = {
            let w = sent.words[t].lower.as_str();
            w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us")
        };
        let after_aux = prev.is_some_and(|w| matches!(w.tag, Tag::Modal | Tag::Aux));
        match p.kind {
            Kind::Verb if after_aux && third_person => false,
            Kind::Verb => !nounish_before || verbish_before,
            Kind::Noun => !verb_only_before,
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn emit(
        &self,
        text: &str,
        s: &Sentence,
        sent: &Sent,
        m: &Match,
        places: &[PlaceHit],
        place_country: Where,
        times: &[TimeExpr],
        doc_date: NaiveDate,
        out: &mut Vec<Event>,
    ) {
        let p = &self.verbs.patterns[m.pattern];
        let Some(info) = self.cameo.get(&p.cameo) else {
            return;
        };
        let t = m.trigger;
        let clause = sent.words[t].clause;
        let is_trigger = |w: &str| !self.verbs.triggered_by(w).is_empty();
        // A noun pattern, or a verb's pattern matched as a noun ("demands by
        // militants", "the attack").
        let nominal = p.kind == Kind::Noun || used_as_noun(sent, t);
        // A bare fight noun ("a clash", "shoot-outs") is an event only when
        // told as having happened, not in "to avoid a clash" or "fears of clashes".
        let fight_noun = p.kind == Kind::Noun
            && FIGHT_NOUNS.contains(&sent.words[t].lower.as_str())
            && !p.elems.iter().any(|e| matches!(e, Elem::Target));
        if fight_noun && !told_fight(sent, t) {
            return;
        }
        // "was mediated by X", and the reduced relative "forces supported by Iran".
        // Also after an apposition comma: "Assad, supported by Moscow, ...".
        // Adverbs between count for nothing: ", possibly supported by".
        let mut b = t;
        while b > 0 && sent.words[b - 1].tag == Tag::Adv {
            b -= 1;
        }
        let after_actor = b > 0
            && (sent.words[b - 1].mention.is_some()
                || (b > 1
                    && sent.words[b - 1].tag == Tag::Comma
                    && sent.words[b - 2].mention.is_some()));
        // "a Turkish engineer abducted by", "British men killed fighting":
        // an actor, or a country word and its noun, right before.
        let after_noun = after_actor
            || (t > 1
                && sent.words[t - 2].mention.is_some()
                && sent.words[t - 1].mention.is_none()
                && sent.words[t - 1].tag == Tag::Word
                && !sent.words[t - 1].capitalised);
        let by_follows = sent.words.get(t + 1).is_some_and(|w| w.lower == "by");
        let reduced = after_noun && by_follows;
        // A verb of harm that no one does intransitively, right after its
        // noun and with no object ("five Palestinians killed Saturday in",
        // "Britons killed fighting Isis"), is a reduced relative: a passive.
        let harm_reduced =
            p.kind == Kind::Verb && after_noun && !by_follows && reduced_harm(sent, t);
        // "is opposed to", "is committed to": adjectival, not passive, unless an agent follows.
        let adjectival = sent
            .words
            .get(t + 1)
            .is_some_and(|w| matches!(w.lower.as_str(), "to" | "with"))
            && sent.by_agent(t + 1, clause, 8).is_none();
        // "were found dead": whoever found them is no killer; only signs of
        // violence told with it make it a killing by someone unnamed.
        // So is "the body of a man was found with gunshot wounds".
        let body_found = sent.words[t].lower == "found"
            && sent.words[t.saturating_sub(8)..t]
                .iter()
                .any(|w| matches!(w.lower.as_str(), "body" | "bodies" | "corpse" | "corpses"));
        let found_dead = sent.words[t].lower == "found"
            && (body_found || sent.words.get(t + 1).is_some_and(|w| w.lower == "dead"));
        if p.trigger.iter().any(|w| w == "found") && p.cameo == "1823" && !found_dead {
            return;
        }
        if found_dead && !violence_told(text, s.span) {
            return;
        }
        let passive = p.kind == Kind::Verb
            && (sent.is_passive(t) || reduced || harm_reduced)
            && (!adjectival || found_dead)
            && is_participle(&sent.words[t].lower);
        let mut how_src = "slot";
        let mut how_tgt = "slot";
        let mut confidence: f64 = 0.9;
        let mut sources = m.sources.clone();
        let mut targets: Vec<usize> = m
            .targets
            .iter()
            .map(|&k| sent.named_by_of(k).unwrap_or(k))
            .collect();
        targets.dedup();
        let mut implicit_perpetrator = None;
        if passive {
            // "killed fighting Isis": what follows belongs to another verb.
            if harm_reduced {
                targets.clear();
            }
            if sources.is_empty() && !found_dead {
                if let Some(a) = sent.by_agent(t + 1, clause, 8) {
                    sources = sent.compound_right(a);
                    how_src = "by-agent";
                }
            }
            // "strike by US forces, possibly supported by France": the
            // reduced relative is about the actor right before it.
            let before = [b.wrapping_sub(1), b.wrapping_sub(2)]
                .into_iter()
                .find_map(|i| sent.words.get(i).and_then(|w| w.mention));
            if targets.is_empty() && reduced && after_actor {
                if let Some(k) = before.filter(|k| !sources.contains(k)) {
                    targets = sent.compound_left(k);
                    how_tgt = "passive-subject";
                }
            }
            if targets.is_empty() {
                if let Some(k) = sent.subject(t, &is_trigger) {
                    targets = subject_group(sent, k);
                    how_tgt = "passive-subject";
                    // "In Barra, Alagoas, the body of a man was found": the
                    // places listed before the victim are where, not whom.
                    if is_force(&p.cameo) && !targets.iter().all(|&k| sent.bare_place(k)) {
                        targets.retain(|&k| !sent.bare_place(k));
                    }
                }
                // "In Joinville, Santa Catarina, an inmate was stabbed": with no
                // named victim, force hit the people of the place named before.
                if targets.is_empty() && is_force(&p.cameo) {
                    if let Some(k) = sent.venue_before(t, &is_trigger) {
                        targets = vec![k];
                        how_tgt = "passive-subject";
                    }
                }
            }
            // No agent: the subjects were acted on, not acting on each other.
            // Violence told as done to someone ("a man was shot dead in
            // Guadalajara") still has a perpetrator: unnamed, of the place.
            if sources.is_empty() {
                let Some(c) = self.unnamed_perpetrator(sent, t, m.end, p, &targets, place_country)
                else {
                    return;
                };
                // Arrests are the police's; violence an unknown perpetrator's.
                let (who, how) = if p.cameo == "173" {
                    (&POLICE, "implicit-police")
                } else {
                    (&PERPETRATORS, "implicit-perpetrator")
                };
                implicit_perpetrator = Some(implied(&c, who, sent.words[t].span));
                how_src = how;
                confidence = 0.4;
            } else {
                confidence = 0.85;
            }
        } else {
            // "X said Y's bases would be red lines": a predicate noun after a
            // copula is the speaker's act about the actor in between.
            if sources.is_empty() && targets.is_empty() && p.kind == Kind::Noun {
                if let Some((src, tgt)) = reported_predicate(sent, t) {
                    sources = vec![src];
                    targets = vec![tgt];
                    how_src = "speaker";
                    how_tgt = "predicate";
                    confidence = 0.6;
                }
            }
            if sources.is_empty() && p.kind == Kind::Noun {
                if let Some(k) = sent.possessor(t) {
                    sources = sent.compound_left(k);
                    how_src = "possessive";
                    confidence = 0.85;
                }
            }
            if sources.is_empty() && nominal {
                if let Some(k) = sent
                    .by_agent(m.end.max(t + 1), clause, 2)
                    .or_else(|| sent.blamed_on(m.end.max(t + 1), clause))
                {
                    sources = sent.compound_right(k);
                    targets.retain(|x| !sources.contains(x));
                    how_src = "by-agent";
                    confidence = 0.8;
                }
            }
            // "support from France", "pressure from Washington": the giver,
            // also where a verb's pattern matched the noun ("with likely
            // support from"); but "withdrawal from Syria" is a place left.
            if sources.is_empty()
                && (nominal || noun_before_from(sent, t))
                && !AWAY_NOUNS.contains(&sent.words[t].lower.as_str())
            {
                if let Some(k) = sent.agent_after(m.end.max(t + 1), clause, 2, &["from"]) {
                    sources = sent.compound_right(k);
                    targets.retain(|x| !sources.contains(x));
                    how_src = "from-agent";
                    confidence = 0.8;
                }
            }
            if sources.is_empty() && (p.kind == Kind::Verb || targets.len() < 2) {
                // The target's own country cannot be the subject ("targeting Israel, attempting to block Israel").
                let tgt_actors: Vec<&Actor> = targets
                    .iter()
                    .map(|&k| &sent.mentions[k].mention.actor)
                    .collect();
                // Two armed groups of one code may still fight ("Turkish forces
                // shelled regime forces"): only force between named groups keeps them.
                let skip = |k: usize| {
                    let m = sent.mentions[k].mention;
                    tgt_actors.iter().any(|a| {
                        same_actor(a, &m.actor)
                            && !(is_force(&p.cameo) && groups_apart(a, &m.actor))
                    })
                };
                // "urged Iran to accept": the one asked is the one to act.
                let asked = match infinitive_under(sent, t) {
                    Some((Governor::Request | Governor::Control, Some(k))) if !skip(k) => Some(k),
                    _ => None,
                };
                // "airstrikes by the coalition": an agent is named, though
                // not as an actor, so the clause's subject is not it.
                let after = m.end.max(t + 1);
                let unnamed_agent = nominal
                    && sent.words.get(after).is_some_and(|w| w.lower == "by")
                    && sent.by_agent(after, clause, 2).is_none();
                if let Some(k) = asked {
                    sources = vec![k];
                    how_src = "asked";
                } else if let Some(k) = intent_owner(sent, t).filter(|&k| !skip(k)) {
                    sources = sent.compound_left(k);
                    how_src = "intent-owner";
                } else if unnamed_agent || thing_as_agent(sent, t) {
                } else if let Some(k) = sent.subject_except(t, &is_trigger, &skip).filter(|_| {
                    // "unrepentant about travelling to Syria": a gerund's
                    // subject acts, unless the law holds it.
                    let gerund = p.kind == Kind::Verb && sent.words[t].lower.ends_with("ing");
                    !nominal || !reacted_to(sent, t, gerund)
                }) {
                    sources = subject_group(sent, k);
                    how_src = "subject";
                    if p.kind == Kind::Noun {
                        // "students staged mass demonstrations": a light verb
                        // before the noun makes the subject its agent.
                        let light = sent.words[t.saturating_sub(4)..t]
                            .iter()
                            .any(|w| LIGHT_VERBS.contains(&w.lower.as_str()));
                        confidence = if light { 0.75 } else { 0.6 };
                    }
                }
            }
            // Where talks, visits or agreements happen is no party to them
            // ("ministers meeting in Luxembourg"); threats, coercion,
            // protest and force may aim at the place's people.
            let cooperative = matches!(
                p.cameo.get(..2),
                Some("01" | "02" | "03" | "04" | "05" | "06" | "07" | "08")
            );
            // "were meeting in the insurgent stronghold of Fallujah": whoever
            // a locative phrase names is where, not a partner.
            let venue = |k: usize| {
                cooperative
                    && (sent.venue(k, &is_trigger)
                        || matches!(
                            sent.preposition_of(k, &is_trigger),
                            Some("in" | "at" | "inside" | "outside" | "near")
                        ))
            };
            // "fought for Russia", "died fighting for the Palestinian
            // cause": whom force is used for is no target of it.
            // "fought alongside the Kurds", "fought with Washington against
            // Isis": a side fought with is no target either.
            let for_side = |k: usize| {
                is_force(&p.cameo)
                    && match sent.preposition_of(k, &is_trigger) {
                        Some("for" | "alongside") => true,
                        Some("with") => sent.words[sent.mentions[k].end..]
                            .iter()
                            .take(8)
                            .any(|w| w.lower == "against"),
                        _ => false,
                    }
            };
            // "fighting under the banner of HTS", "on behalf of Iran": whom
            // one acts for.
            let behalf = |k: usize| {
                let start = sent.phrase_start(k, &is_trigger);
                start >= 2
                    && sent.words[start - 1].lower == "of"
                    && matches!(sent.words[start - 2].lower.as_str(), "banner" | "behalf")
            };
            // "attacks in 29 countries other than Iraq and Syria": a list
            // set apart names whom the act did not reach.
            let set_apart = |k: usize| {
                let first = sent.compound_left(k)[0];
                let p = sent.phrase_start(first, &is_trigger);
                let w = |i: usize| p.checked_sub(i).map(|i| sent.words[i].lower.as_str());
                matches!(w(1), Some("except" | "excluding"))
                    || (w(1) == Some("than") && matches!(w(2), Some("other" | "rather")))
                    || (w(1) == Some("for") && w(2) == Some("except"))
            };
            // "sanctions lifted under former president Obama": whose time it
            // was; "rallied on the streets of Kathmandu": where.
            let when_or_where = |k: usize| {
                // Past a title's adjective: "under former president Obama".
                let start = sent.phrase_start(k, &is_trigger);
                let mut b = start;
                while b > 0
                    && start - b < 2
                    && matches!(sent.words[b - 1].lower.as_str(), "former" | "late" | "then")
                {
                    b -= 1;
                }
                (b > 0 && matches!(sent.words[b - 1].lower.as_str(), "under" | "during"))
                    || (!is_force(&p.cameo)
                        && start >= 2
                        && sent.words[start - 1].lower == "of"
                        && matches!(
                            sent.words[start - 2].lower.as_str(),
                            "streets" | "street" | "square" | "squares" | "centre" | "center"
                        ))
            };
            let not_object =
                |k: usize| venue(k) || for_side(k) || behalf(k) || set_apart(k) || when_or_where(k);
            // "airstrikes by Turkey on Syria": after an agent named after the
            // trigger, only the phrase right after it tells the object.
            let (from, reach) = match sources.iter().map(|&k| sent.mentions[k].end).max() {
                Some(end) if how_src == "by-agent" && end > t => (end, 3),
                _ => (m.end.max(t + 1), 14),
            };
            if targets.is_empty() {
                // A noun's other party follows a preposition that fits the
                // act: "talks with", "aid to"; "attacks on", "the killing of".
                // Where force, coercion or protest happens tells whom it hit.
                let preps: (&[&str], &[&str]) = if cooperative {
                    (PARTNER_PREPS, &[])
                } else if is_force(&p.cameo) || p.cameo.starts_with("17") {
                    (HARM_PREPS, WHERE)
                } else {
                    (&HARM_PREPS[1..], WHERE)
                };
                // A pattern that names the agent after the noun
                // ("dissatisfaction from $") reads on like a clause.
                // "by annexing Crimea": a gerund after a preposition takes
                // a direct object like its verb.
                let gerund = p.kind == Kind::Verb
                    && sent.words[t].lower.ends_with("ing")
                    && t > 0
                    && sent.words[t - 1].tag == Tag::Prep;
                let found = if nominal
                    && !gerund
                    && how_src != "slot"
                    && p.cameo.starts_with("04")
                    && self.infinitive_at(sent, from)
                {
                    // "talks to discuss Syria": what about, not with whom.
                    None
                } else if nominal && !gerund && how_src != "slot" {
                    let dissent = matches!(p.cameo.get(..2), Some("11" | "12" | "14"));
                    sent.nominal_object(from, clause, preps, dissent, &not_object)
                        .or_else(|| {
                            is_force(&p.cameo)
                                .then(|| self.hit_by_verb_after(sent, from, &not_object))
                                .flatten()
                        })
                } else if p.cameo.starts_with("02") && !nominal && addressee_unnamed(sent, from) {
                    // "urged the international community to help calm
                    // Beijing's dispute": whom an appeal addresses is its
                    // direct object, here no actor.
                    None
                } else if sent.words.get(from).is_some_and(|w| {
                    w.mention.is_none()
                        && matches!(
                            w.lower.as_str(),
                            "it" | "them" | "him" | "her" | "us" | "me"
                        )
                }) {
                    // "condemn it, Russia vetoed", "release them, and the
                    // US ...": a pronoun no one resolved is the object.
                    None
                } else {
                    // A gerund's object is in its own phrase.
                    let reach = if gerund { reach.min(6) } else { reach };
                    // "held a cabinet meeting to discuss the UK's military
                    // response", "met to choose a new team": a purpose
                    // infinitive after a meeting tells what about, not
                    // with whom.
                    let reach = if p.cameo.starts_with("04") {
                        (from..(from + reach).min(sent.words.len()))
                            .find(|&i| self.infinitive_at(sent, i))
                            .map_or(reach, |i| i - from)
                    } else {
                        reach
                    };
                    sent.object_after_except(from, clause, reach, is_force(&p.cameo), &not_object)
                };
                if let Some(k) = found {
                    if !sources.contains(&k) {
                        targets = sent.compound_right(k);
                        how_tgt = "object";
                        confidence = confidence.min(0.8);
                    }
                }
            }
            // "the US won support from France": whoever gets what the giver
            // gives is the subject of the verb right before it.
            if targets.is_empty() && how_src == "from-agent" {
                let near = |k: usize| {
                    let end = sent.mentions[k].end;
                    end < t
                        && t - end <= 5
                        && sent.words[end..t]
                            .iter()
                            .all(|w| w.mention.is_none() && w.tag != Tag::Comma)
                };
                if let Some(k) = sent
                    .subject_except(t, &is_trigger, &|k| sources.contains(&k))
                    .filter(|&k| near(k))
                {
                    targets = subject_group(sent, k);
                    targets.retain(|x| !sources.contains(x));
                    how_tgt = "receiver";
                    confidence = confidence.min(0.6);
                }
            }
            let has_slot = p.elems.iter().any(|e| matches!(e, Elem::Target));
            if targets.is_empty() && !has_slot && sources.len() == 1 {
                if let Some(k) = sent.predicate_target(sources[0], t).filter(|&k| !venue(k)) {
                    targets = vec![k];
                    how_tgt = "predicate";
                    confidence = confidence.min(0.6);
                }
            }
        }
        // Those who report an event are no party to it (", killing 17
        // people, police said").
        targets.retain(|&k| !sent.reporter(k));
        // "their vehicle hit a roadside bomb", "stepped on a landmine":
        // whoever meets the weapon is its victim; someone unnamed of the
        // place laid it.
        if how_src == "subject"
            && INSTRUMENTS.contains(&sent.words[t].lower.as_str())
            && met_weapon(sent, t)
        {
            targets = std::mem::take(&mut sources);
            how_tgt = "weapon-met";
            let c = place_country
                .located
                .map(str::to_string)
                .or_else(|| {
                    targets
                        .first()
                        .and_then(|&k| sent.mentions[k].mention.actor.country.clone())
                })
                .unwrap_or_default();
            implicit_perpetrator = Some(implied(&c, &PERPETRATORS, sent.words[t].span));
            how_src = "implicit-perpetrator";
            confidence = 0.4;
        }
        // "A bomb exploded in Dhaka, killing 13 people": the participle's
        // subject is a weapon, so someone unnamed of the place did it (the
        // places listed before it, "In Sittwe, Rakhine, a shell killed",
        // are where).
        if !passive && sources.iter().all(|&k| sent.bare_place(k)) && instrument_subject(sent, t) {
            if let Some(c) = self.unnamed_perpetrator(sent, t, m.end, p, &targets, place_country) {
                implicit_perpetrator = Some(implied(&c, &PERPETRATORS, sent.words[t].span));
                how_src = "implicit-perpetrator";
                confidence = 0.4;
            }
        }
        // A town or region does not act: "the Manchester bomb attack", "the
        // Munich security conference warned", "talks in Sochi" tell where.
        // (A capital that stands for its government carries the role GOV, and
        // a seat such as "England" its people's acts: both stay.) With no other source, the rules below may still give the
        // act to the place's civilians or an unnamed perpetrator.
        let bare_town = |k: &usize| {
            let a = &sent.mentions[*k].mention.actor;
            // Seats ("England", "Idlib") stand for those who govern there.
            a.role.is_none()
                && a.kind == ActorType::Place
                && (a.id.starts_with("place:") || a.id.starts_with("region:"))
        };
        // With no subject at all, the place the sentence names before the
        // trigger ("in Joinville, Santa Catarina, an inmate was stabbed")
        // still tells whose civilians or perpetrators are meant.
        let town = sources
            .iter()
            .copied()
            .find(|k| bare_town(k))
            .or_else(|| {
                sources
                    .is_empty()
                    .then(|| sent.venue_before(t, &is_trigger))
                    .flatten()
            })
            .and_then(|k| sent.mentions[k].mention.actor.country.clone());
        sources.retain(|k| !bare_town(k));
        let place_here = place_country.place.or(town.as_deref());
        // Dissent with no named target is aimed at the source's own government
        // (CAMEO convention); a target that is the source's own country or city
        // ("Iraqi Kurds demonstrated in ... Kirkuk") names no one else.
        if p.cameo.starts_with("14") && sources.len() == 1 {
            let src = &sent.mentions[sources[0]].mention.actor;
            if targets
                .iter()
                .all(|&k| same_actor(src, &sent.mentions[k].mention.actor))
            {
                targets.clear();
            }
        }
        // "farmers protested in Sarande", "a sit-in was held in Jijel": dissent
        // whose subject is no actor comes from the civilians of the sentence's
        // place (CAMEO's <country>CVL); a place as its object names no target.
        let mut implicit_src = implicit_perpetrator;
        // Only a told protest: a lower-case verb ("Rally" mid-sentence is a
        // name) or a noun after a light verb ("held a protest"), asserted.
        let told_protest = || {
            let w = &sent.words[t];
            let verb = p.kind == Kind::Verb && !(w.capitalised && t > 0);
            // "a protest took place in X", "a sit-in was held", "protests erupted".
            let light = p.kind == Kind::Noun
                && (sent.words[t.saturating_sub(4)..t]
                    .iter()
                    .any(|w| LIGHT_VERBS.contains(&w.lower.as_str()))
                    || word_after(
                        sent,
                        t,
                        3,
                        &[
                            "held",
                            "staged",
                            "took",
                            "erupted",
                            "broke",
                            "organized",
                            "organised",
                        ],
                    ));
            (verb || light) && self.modality(sent, t, m.end, p) == Modality::Asserted
        };
        if sources.is_empty() && !passive && p.cameo.starts_with("14") && told_protest() {
            if let Some(c) = place_here {
                targets.retain(|&k| !sent.bare_place(k));
                implicit_src = Some(implied(c, &CIVILIANS, sent.words[t].span));
                how_src = "implicit-civilians";
                confidence = confidence.min(0.5);
            }
        }
        // "a shoot-out broke out in Belford Roxo", "there was a clash in X":
        // a fight told with no side named was between unnamed armed groups
        // of the place.
        let mut unnamed_sides = false;
        if sources.is_empty()
            && targets.iter().all(|&k| sent.bare_place(k))
            && implicit_src.is_none()
            && fight_noun
            && p.cameo == "190"
            && self.modality(sent, t, m.end, p) == Modality::Asserted
        {
            if let Some(c) = place_here {
                targets.clear();
                implicit_src = Some(implied(c, &ARMED_GROUP, sent.words[t].span));
                how_src = "implicit-side";
                unnamed_sides = true;
                confidence = confidence.min(0.4);
            }
        }
        let mut implicit = None;
        if unnamed_sides {
            implicit = implicit_src.clone();
            how_tgt = "implicit-side";
        } else if let (Some(src), true) = (&implicit_src, targets.is_empty()) {
            let c = src.actor.country.clone().unwrap_or_default();
            implicit = Some(implied(&c, &GOVERNMENT, sent.words[t].span));
            how_tgt = "implicit-government";
        }
        // Dissent comes from people: a place caught in a compound subject
        // ("in Iquique, Tarapaca, workers and members of the CUT marched")
        // is where it happened, not one more protester.
        if p.cameo.starts_with("14") && sources.len() > 1 {
            let bare_place = |k: &usize| {
                let a = &sent.mentions[*k].mention.actor;
                a.role.is_none() && a.kind == ActorType::Place
            };
            if !sources.iter().all(bare_place) {
                sources.retain(|k| !bare_place(k));
            }
        }
        if targets.is_empty() && p.cameo.starts_with("14") && !sources.is_empty() {
            let src = &sent.mentions[sources[0]].mention.actor;
            if let Some(c) = src
                .country
                .clone()
                .filter(|_| src.role.as_deref() != Some("GOV"))
            {
                implicit = Some(implied(&c, &GOVERNMENT, sent.words[t].span));
                how_tgt = "implicit-government";
                confidence = confidence.min(0.5);
            }
        }
        // Pairs: source x target, or members of one compound acting on each other.
        let mut pairs: Vec<(usize, usize, &str)> = Vec::new();
        let force = is_force(&p.cameo);
        // "clashes between A and B": a slot after between/among names both sides.
        let between = p.elems.iter().any(
            |e| matches!(e, Elem::Word(f) if f.iter().any(|w| w == "between" || w == "among")),
        ) || targets.first().is_some_and(|&k| {
            let mut i = sent.mentions[k].start;
            while i > 0 && matches!(sent.words[i - 1].tag, Tag::Det) {
                i -= 1;
            }
            i > 0 && matches!(sent.words[i - 1].lower.as_str(), "between" | "among")
        });
        // "A and B held talks", "gunmen and troops fought pitched battles":
        // a compound subject of a mutual predicate is both sides, whatever
        // else the clause names, unless a partner is marked ("talks with
        // C", "fought against C").
        // "fought alongside the SDF": allies, and no fight between the
        // compound's members either.
        if is_force(&p.cameo)
            && sent.words[t + 1..(t + 3).min(sent.words.len())]
                .iter()
                .any(|w| w.lower == "alongside")
        {
            return;
        }
        let both_sides = sources.len() >= 2
            && how_src == "subject"
            // An infinitive's subject is another clause's ("used Kurdish
            // groups as proxies to fight").
            && !(t > 0 && sent.words[t - 1].lower == "to")
            && !between
            && ((p.kind == Kind::Verb
                && (reciprocal(&sent.words[t].lower)
                    || MEETING_VERBS.contains(&sent.words[t].lower.as_str())))
                || MUTUAL_NOUNS.contains(&sent.words[t].lower.as_str()))
            && !p.cameo.starts_with("14")
            && !targets.iter().any(|&k| {
                matches!(
                    sent.preposition_of(k, &is_trigger),
                    Some("with" | "against" | "between" | "among")
                )
            });
        if both_sides {
            for j in 1..sources.len() {
                pairs.push((sources[0], sources[j], "compound"));
            }
            confidence = confidence.min(0.75);
        } else if !sources.is_empty() && !targets.is_empty() {
            for &a in &sources {
                for &b in &targets {
                    pairs.push((a, b, ""));
                }
            }
        } else {
            // A list in object position ("countries as varied as Indonesia,
            // Kyrgyzstan and Somalia", "meetings with Turkish and Israeli
            // officials") is no reciprocal predicate: only `between` makes one.
            let (group, mutual) = if targets.len() >= 2 {
                (&targets, between)
            } else {
                // "Damascus and Riyadh experienced missile attacks": a compound subject
                // of a noun acts on itself only for mutual nouns (talks, clashes...);
                // "Turkish forces and rebels shelled X" is no fight between them.
                // Protesters marching together do not protest against each other.
                // "upgraded their diplomatic ties": a mutual noun as object
                // makes the verb mutual.
                let mutual_object = || {
                    sent.words[t + 1..(t + 5).min(sent.words.len())]
                        .iter()
                        .any(|w| MUTUAL_NOUNS.contains(&w.lower.as_str()))
                };
                let mutual = ((p.kind == Kind::Verb
                    && (mutual_verb(&sent.words[t].lower) || mutual_object()))
                    || MUTUAL_NOUNS.contains(&sent.words[t].lower.as_str()))
                    && !p.cameo.starts_with("14");
                (&sources, mutual)
            };
            if group.len() >= 2 && mutual {
                if let Some(twos) = pairs_listed(sent, group) {
                    pairs.extend(twos.into_iter().map(|(a, b)| (a, b, "compound")));
                } else {
                    for j in 1..group.len() {
                        pairs.push((group[0], group[j], "compound"));
                    }
                }
                confidence = confidence.min(0.75);
            }
        }
        // One-sided force ("militants attacked a village", "X shelled Y town",
        // "were killed by X"): with no actor as target, CAMEO codes the civilians
        // of the place (else of the source's country) as the target.
        // Only a told act: an asserted verb with a direct object or a passive
        // ("attacked a village", "fired mortars at residential areas", "a farm
        // was attacked by X"), or a noun whose agent is marked ("an Isis
        // ambush"); not "prepared to fight", "Turkey does not attack", "attacks".
        let told = || {
            let agent_marked = matches!(how_src, "possessive" | "by-agent")
                || (how_src == "slot" && p.elems.iter().any(|e| matches!(e, Elem::Source)));
            // The source told right before the verb ("Saudi forces reportedly
            // fired"), not an actor a clause away.
            let near = how_src != "subject"
                || sources
                    .iter()
                    .all(|&k| t.saturating_sub(sent.mentions[k].end) <= 6);
            let verb_act = p.kind == Kind::Verb
                && is_past(&sent.words[t].lower)
                && !reciprocal(&sent.words[t].lower)
                && near
                && (passive || direct_object(sent, m.end.max(t + 1), clause));
            // "backed by US airstrikes", "with the help of Russian air
            // strikes": force told as someone's means aims at no one here.
            let means = p.kind == Kind::Noun && {
                let i = sent.possessor(t).map_or(t, |k| sent.mentions[k].start);
                i > 1
                    && matches!(
                        (
                            sent.words[i - 2].lower.as_str(),
                            sent.words[i - 1].lower.as_str()
                        ),
                        (
                            "backed" | "supported" | "aided" | "helped" | "covered",
                            "by"
                        ) | ("help" | "support" | "cover" | "backing", "of")
                    )
            };
            (verb_act || (p.kind == Kind::Noun && agent_marked && !means))
                && self.modality(sent, t, m.end, p) == Modality::Asserted
        };
        // "armed men clashed", "the army and AA clashed": a reciprocal force verb
        // with no named opponent fights an unnamed armed group of the place.
        // ("fought" alone is too vague: "prepared to fight hard"; and the
        // subject must be an armed or civil group, not a country or a person.)
        let unnamed_foe = force
            && p.kind == Kind::Verb
            && ["clash", "exchang", "skirmish"]
                .iter()
                .any(|w| sent.words[t].lower.starts_with(w))
            && is_past(&sent.words[t].lower)
            && !(t > 0 && sent.words[t - 1].lower == "to")
            && sources.iter().all(|&k| {
                let a = &sent.mentions[k].mention.actor;
                a.role.is_some() && a.kind != ActorType::Person
            })
            && self.modality(sent, t, m.end, p) == Modality::Asserted;
        if pairs.is_empty() && implicit.is_none() && !sources.is_empty() {
            // A fight with no named opponent was against an unnamed armed
            // group; force with no named target hit the place's civilians.
            let implied_target = if unnamed_foe {
                Some((&ARMED_GROUP, "implicit-opponent"))
            } else if (force || seizes_property(&p.cameo)) && told() {
                Some((&CIVILIANS, "implicit-civilians"))
            } else {
                None
            };
            let src = &sent.mentions[sources[0]].mention.actor;
            let country = place_country
                .generic
                .map(str::to_string)
                .or_else(|| src.country.clone());
            if let (Some((who, how)), Some(c)) = (implied_target, country) {
                implicit = Some(implied(&c, who, sent.words[t].span));
                how_tgt = how;
                confidence = confidence.min(0.5);
            }
        }
        if implicit_src.is_some() {
            pairs.clear();
            if implicit.is_some() {
                pairs.push((usize::MAX, usize::MAX, ""));
            }
            for &b in &targets {
                pairs.push((usize::MAX, b, ""));
            }
        } else if implicit.is_some() {
            for &a in &sources {
                pairs.push((a, usize::MAX, ""));
            }
        }
        if pairs.is_empty() {
            return;
        }
        let (date, precision, own_time) = pick_date(text, sent, t, times, doc_date);
        let modality = match self.modality(sent, t, m.end, p) {
            // "before UN peace talks resume in Geneva on 28 November": an
            // act its own time dates after the article has not happened
            // yet (unless told in the past: then the date is misread).
            Modality::Asserted
                if own_time && starts_after(&date, doc_date) && !told_past(sent, t) =>
            {
                Modality::Planned
            }
            m => m,
        };
        // CAMEO codes promised material cooperation as an intent (03x), not as
        // the act; a promised or conditional ("unless ...") hostile act is a threat (13x).
        let in_if = {
            let mut c = Some(clause);
            let mut found = false;
            while let Some(ci) = c {
                found |= matches!(
                    sent.subord.get(ci).and_then(|s| s.as_deref()),
                    Some("if" | "whether")
                );
                c = sent.parent.get(ci).copied().flatten();
            }
            found
        };
        let unless = sent.words[t..].iter().any(|w| w.lower == "unless");
        // "said they would boycott" is a reported intention; "might invade" is speculation.
        let reported_would = modality == Modality::Hypothetical
            && sent.words[t.saturating_sub(3)..t]
                .iter()
                .any(|w| w.lower == "would")
            && sent.words[..t]
                .iter()
                .any(|w| SPEECH.contains(&w.lower.as_str()));
        let future = (modality == Modality::Planned || reported_would) && !in_if;
        // "accused of planning to kill Castro", "preparing to attack": a
        // plot or a preparation is told of, not a threat made.
        let plotted = sent.words[t.saturating_sub(4)..t].iter().any(|w| {
            matches!(
                w.lower.as_str(),
                "planning"
                    | "plotting"
                    | "plotted"
                    | "plot"
                    | "preparing"
                    | "prepared"
                    | "prepares"
            )
        });
        let intent = if (future || unless) && !plotted && p.cameo.as_str() >= "14" {
            Some(threat_code(&p.cameo).to_string())
        } else if modality == Modality::Planned && unless {
            Some("130".to_string())
        } else {
            (modality == Modality::Planned)
                .then(|| intent_code(&p.cameo))
                .flatten()
        };
        // "refused to deploy peacekeepers": the refusal is the event (12x), asserted.
        let refused = modality == Modality::Negated && refusal_before(sent, t);
        let intent = if refused {
            reject_code(&p.cameo).map(String::from).or(intent)
        } else {
            intent
        };
        let modality = if refused && intent.is_some() {
            Modality::Asserted
        } else {
            modality
        };
        let (code, info) = match intent
            .as_deref()
            .and_then(|c| self.cameo.get(c).map(|i| (c.to_string(), i)))
        {
            Some((c, i)) => (c, i),
            None => (p.cameo.clone(), info),
        };
        let place =
            pick_place(sent, t, places, &self.places).or_else(|| self.mentioned_place(sent, t));
        let trig = sent.words[t].span;
        let means = if intent.is_none() {
            force_means(sent, t)
        } else {
            None
        };
        let (base_code, base_info) = (code, info);
        for (a, b, how) in pairs {
            let tgt = if b == usize::MAX {
                implicit.clone()
            } else {
                self.participant(text, sent, b, places)
            };
            let src = if a == usize::MAX {
                implicit_src.clone()
            } else {
                self.participant(text, sent, a, places)
            };
            let (Some(src), Some(mut tgt)) = (src, tgt) else {
                continue;
            };
            let conventional = conventional_code(
                &base_code,
                means,
                &src.actor,
                p.kind == Kind::Noun || used_as_noun(sent, t) || after_det_adjective(sent, t),
            );
            let (code, info) =
                match conventional.and_then(|(c, _)| self.cameo.get(c).map(|i| (c, i))) {
                    Some((c, i)) => (c.to_string(), i),
                    None => (base_code.clone(), base_info),
                };
            // "soldiers killed two Palestinians", "kidnapped a Briton": a
            // country's people harmed or seized are its civilians.
            // A word that is also the adjective is a noun only after "a" or
            // a count ("a Palestinian", not "the Palestinian administrators").
            let counted = |b: usize| {
                sent.mentions.get(b).is_some_and(|m| {
                    m.start > 0 && {
                        let w = &sent.words[m.start - 1];
                        w.tag == Tag::Number || matches!(w.lower.as_str(), "a" | "an")
                    }
                })
            };
            if (force || p.cameo.starts_with("17")) && tgt.actor.role.is_none() {
                let noun = self.people_nouns.get(tgt.text.as_str());
                if noun.is_some_and(|(c, adjective)| {
                    tgt.actor.country.as_deref() == Some(&**c) && (!adjective || counted(b))
                }) {
                    // As the recogniser composes "Iraqi civilians".
                    tgt.actor.role = Some("CVL".into());
                    tgt.actor.code = format!("{}CVL", tgt.actor.code);
                    tgt.actor.name = format!("{} civilian", tgt.actor.name);
                    tgt.actor.id = format!("compose:{}", tgt.actor.code);
                    tgt.actor.kind = ActorType::Group;
                }
            }
            // Domestic fighting ("clashes between pro-Houthi forces and pro-Hadi
            // forces") is between two groups that code alike: distinct mentions
            // of force are kept.
            // Both sides must be groups with a role: a bare country or city
            // ("Baku ... and Azerbaijan") is no side of a domestic fight.
            // (Force told as a threat, 138, is no fight yet: "troops will
            // strike troops" names no two sides.)
            // A visit is an official's: civilians, refugees or criminals
            // travelling ("British citizens who travelled to Syria") make none.
            if code == "042" && matches!(src.actor.role.as_deref(), Some("CVL" | "REF" | "CRM")) {
                continue;
            }
            let domestic = is_force(&code)
                && (b != usize::MAX || how_tgt == "implicit-opponent")
                && src.span != tgt.span
                && groups_apart(&src.actor, &tgt.actor);
            if same_actor(&src.actor, &tgt.actor) && !domestic && !unnamed_sides {
                continue;
            }
            // A country and one of its own bodies or people meet, appeal,
            // praise or help in no relation ("Hu Jintao met ... China",
            // "urged Europe to wait for ... America"): the bare country is a
            // topic, a venue or a speaker's. (Intents and concessions toward
            // one's own country are coded: "promised to democratize Serbia",
            // "withdrew from the Bosnian town".) A town of the
            // source's own country as target is where it happened: force,
            // coercion and the easing of restrictions (081) there touch its people ("regime
            // forces shelled Kinda", "arrested four managers in Aleppo",
            // "lifted a state of emergency in West Darfur"), a
            // protest there is against the government ("interns protested
            // in Haifa"), and anything else has no target named.
            let mut how_tgt = how_tgt;
            let tgt = if country_and_its_own(&src.actor, &tgt.actor) {
                let c = tgt.actor.country.clone().unwrap_or_default();
                let town = tgt.actor.role.is_none() && tgt.actor.kind == ActorType::Place;
                if matches!(code.get(..2), Some("01" | "02" | "04" | "05" | "06" | "07")) {
                    continue;
                } else if town
                    && (is_force(&code) || code.starts_with("17") || code.starts_with("081"))
                {
                    how_tgt = "implicit-civilians";
                    implied(&c, &CIVILIANS, trig)
                } else if town && code.starts_with("14") {
                    how_tgt = "implicit-government";
                    implied(&c, &GOVERNMENT, trig)
                } else if town {
                    continue;
                } else {
                    tgt
                }
            } else {
                tgt
            };
            let mut rule = if how.is_empty() {
                format!(
                    "{} src={how_src} tgt={how_tgt}{}",
                    p.id,
                    if passive { " passive" } else { "" }
                )
            } else {
                format!("{} {how}", p.id)
            };
            if let Some((_, why)) = conventional {
                rule.push_str(" means=");
                rule.push_str(why);
            }
            let ev = Event {
                sentence: s.index,
                span: trig,
                source: src,
                target: tgt,
                cameo: code.clone(),
                root: code[..2].to_string(),
                plover: info.plover.clone(),
                mode: info.mode.clone(),
                goldstein: info.goldstein,
                quad_class: info.quad,
                modality,
                reported_by: None,
                date: date.clone(),
                date_precision: precision.clone(),
                place: place.clone(),
                rule,
                confidence,
            };
            // Events come sentence by sentence: duplicates can only be at the tail.
            if !out
                .iter()
                .rev()
                .take_while(|e| e.sentence == ev.sentence)
                .any(|e: &Event| {
                    e.cameo == ev.cameo
                        && e.source.span == ev.source.span
                        && e.target.span == ev.target.span
                })
            {
                out.push(ev);
            }
        }
    }

    /// Whether word `i` is the "to" of an infinitive: a verb of the
    /// lexicon or of planning after it ("to discuss", "to choose").
    fn infinitive_at(&self, sent: &Sent, i: usize) -> bool {
        const PURPOSE: &[&str] = &[
            "discuss",
            "review",
            "prepare",
            "consider",
            "address",
            "resolve",
            "end",
            "choose",
            "select",
            "approve",
            "finalise",
            "finalize",
            "draft",
            "plan",
            "coordinate",
            "explore",
            "assess",
            "seek",
            "find",
            "decide",
            "set",
            "agree",
            "work",
        ];
        sent.words.get(i).is_some_and(|w| w.lower == "to")
            && sent.words.get(i + 1).is_some_and(|n| {
                n.mention.is_none()
                    && n.tag == Tag::Word
                    && !n.capitalised
                    && (PURPOSE.contains(&n.lower.as_str())
                        || self
                            .verbs
                            .triggered_by(n.lower.as_str())
                            .iter()
                            .any(|&q| self.verbs.patterns[q].kind == Kind::Verb)
                            && (!n.lower.ends_with('s') || n.lower.ends_with("ss")))
            })
    }

    fn participant(
        &self,
        text: &str,
        sent: &Sent,
        k: usize,
        places: &[PlaceHit],
    ) -> Option<Participant> {
        let at = sent.mentions.get(k)?;
        let m = at.mention;
        // A mention the recogniser could not code says nothing about who acted.
        if m.actor.code.is_empty() && m.actor.country.is_none() {
            return None;
        }
        let mut actor = m.actor.clone();
        if actor.country.is_none() && !is_international(&actor.code) {
            // "protesters in Haifa": the place right after gives the country.
            if let Some(h) = places
                .iter()
                .find(|h| h.start > at.end && h.start <= at.end + 2)
            {
                let c = self.places.entries[h.entry].country.clone();
                actor.code = format!("{c}{}", actor.code);
                actor.country = Some(c);
            }
        }
        let _ = text;
        Some(Participant {
            actor,
            text: m.text.clone(),
            span: m.span,
        })
    }

    /// "airstrikes (that have) killed scores of civilians": whom the force
    /// verb an event noun is the subject of hits, the noun's act hit too.
    fn hit_by_verb_after(
        &self,
        sent: &Sent,
        from: usize,
        skip: &dyn Fn(usize) -> bool,
    ) -> Option<usize> {
        let v = (from..sent.words.len().min(from + 10)).find(|&i| {
            let w = &sent.words[i];
            w.mention.is_none()
                && is_past(&w.lower)
                && !self.verbs.triggered_by(&w.lower).is_empty()
        })?;
        let force_verb = self
            .verbs
            .triggered_by(&sent.words[v].lower)
            .iter()
            .any(|&q| {
                let q = &self.verbs.patterns[q];
                q.kind == Kind::Verb && is_force(&q.cameo)
            });
        force_verb
            .then(|| sent.object_after_except(v + 1, sent.words[v].clause, 6, true, skip))
            .flatten()
    }

    /// The country of the unnamed perpetrator of violence told in the
    /// passive with no agent ("a police officer was shot dead in Diyala"),
    /// or of the police behind an arrest ("a man was arrested"):
    /// the sentence's place, else its running context, else the victim's
    /// country. None for fights (both sides are the subject), for acts not
    /// told as done, and where the harm may be no one's act ("killed in a
    /// car crash", "injured by the storm").
    fn unnamed_perpetrator(
        &self,
        sent: &Sent,
        t: usize,
        end: usize,
        p: &Pattern,
        targets: &[usize],
        place: Where,
    ) -> Option<String> {
        let w = sent.words[t].lower.as_str();
        // Assault, killing, firing, shelling, air strikes, massacres; not
        // occupation or expulsion ("after Isis was driven out").
        // A weapon that "targeted" a convoy was used by someone unnamed.
        let harm = matches!(p.cameo.get(..2), Some("18"))
            || matches!(
                p.cameo.as_str(),
                "173" | "193" | "194" | "195" | "200" | "202"
            )
            || (p.cameo == "190" && instrument_subject(sent, t));
        if !harm || reciprocal(w) || targets.is_empty() {
            return None;
        }
        // Told as past ("was killed", "have been shot"), not habitual ("journalists
        // are killed") or a reduced relative whose agent the text names elsewhere.
        let told_past = sent.words[t.saturating_sub(3)..t]
            .iter()
            .any(|x| matches!(x.lower.as_str(), "was" | "were" | "been"))
            || instrument_subject(sent, t);
        if !told_past {
            return None;
        }
        if sent
            .words
            .iter()
            .any(|w| NO_PERPETRATOR.contains(&w.lower.as_str()))
        {
            return None;
        }
        if self.modality(sent, t, end, p) != Modality::Asserted {
            return None;
        }
        let victim = &sent.mentions[targets[0]].mention.actor;
        // Victims are people or groups of people; "Isis has been beaten", "an
        // Israeli F-16 was shot down" tell of defeat or of a state's loss.
        let people = match victim.kind {
            ActorType::Person => true,
            ActorType::Group => victim.role.as_deref().is_some_and(|r| r != "GOV"),
            _ => false,
        };
        if !people {
            return None;
        }
        // Without a place, the victims' country stands for it; but soldiers
        // and named people are often hit abroad ("American soldiers were
        // killed", "Ken Bigley was beheaded"): their own country says
        // nothing of who did it, and the perpetrator keeps no country.
        let abroad = victim.kind == ActorType::Person || victim.role.as_deref() == Some("MIL");
        // A country named only with the victims ("American soldiers were
        // killed") is theirs, not the place's.
        // Nor is a context that only actors of the victims' country set
        // ("Two American soldiers were killed ..., the U.S. military said").
        let located = place
            .located
            .filter(|c| !abroad || place.placed || victim.country.as_deref() != Some(*c));
        let country = located
            .map(str::to_string)
            .or_else(|| (!abroad).then(|| victim.country.clone()).flatten())
            .filter(|c| !is_international(c));
        match country {
            Some(c) if !c.is_empty() => Some(c),
            _ if abroad => Some(String::new()),
            _ => None,
        }
    }

    fn modality(&self, sent: &Sent, t: usize, end: usize, p: &Pattern) -> Modality {
        let clause = sent.words[t].clause;
        // Inside an if-clause (or one nested in it).
        let mut c = Some(clause);
        while let Some(ci) = c {
            if matches!(
                sent.subord.get(ci).and_then(|s| s.as_deref()),
                Some("if" | "unless" | "whether")
            ) {
                return Modality::Hypothetical;
            }
            c = sent.parent.get(ci).copied().flatten();
        }
        // "will extend sanctions": a verb's pattern matched as a noun too.
        let nominal = p.kind == Kind::Noun || used_as_noun(sent, t);
        let mut group: Vec<&str> = Vec::new();
        let mut i = t;
        // An event noun's own verb and adjectives ("will extend new
        // sanctions", "may impose sanctions"): up to three plain words.
        let mut plain = 0;
        while i > 0 && group.len() < 8 {
            i -= 1;
            let w = &sent.words[i];
            if w.clause != clause {
                break;
            }
            let ok = matches!(w.tag, Tag::Aux | Tag::Modal | Tag::Neg | Tag::Adv)
                || GROUP_WORDS.contains(&w.lower.as_str())
                || (nominal
                    && (w.mention.is_some()
                        || w.tag == Tag::Poss
                        // "will hold talks", "likely to restart talks".
                        || LIGHT_VERBS.contains(&w.lower.as_str())));
            let ok = ok
                || (nominal
                    && plain < 3
                    // Only right before the noun, not past its verb.
                    && group.len() == plain
                    // A predicate noun ("would be considered red lines")
                    // is what a speaker calls something, not an act.
                    && !(i > 0
                        && matches!(
                            sent.words[i - 1].lower.as_str(),
                            "be" | "been" | "being" | "is" | "are" | "was" | "were"
                        ))
                    && matches!(w.tag, Tag::Word | Tag::Det)
                    && !w.capitalised
                    && {
                        plain += 1;
                        true
                    });
            if !ok {
                break;
            }
            group.push(w.lower.as_str());
        }
        // "ahead of X's visit": look a little further back for nouns.
        if p.kind == Kind::Noun
            && i >= 2
            && sent.words[i - 1].lower == "of"
            && sent.words[i - 2].lower == "ahead"
        {
            group.push("ahead");
        }
        if group.iter().any(|w| NEGATING.contains(w)) {
            return Modality::Negated;
        }
        // "the talks stalled", "talks appeared doomed", "cancelled the
        // visit": an event noun told as failed or called off did not happen.
        if p.kind == Kind::Noun && noun_failed(sent, t, end) {
            return Modality::Negated;
        }
        // "appealed for the withdrawal of", "prepare for an Israeli
        // withdrawal": an act asked or prepared for has not happened.
        if nominal || noun_before_from(sent, t) {
            if let Some(m) = noun_sought(sent, t) {
                return m;
            }
        }
        if nominal && noun_feared(sent, t) {
            return Modality::Hypothetical;
        }
        if group.iter().any(|w| HYPOTHETICAL.contains(w)) {
            return Modality::Hypothetical;
        }
        // "It is expected that X will ...": the clause's own modal counts.
        if group.iter().any(|w| PLANNED.contains(w)) {
            return Modality::Planned;
        }
        if p.kind == Kind::Verb {
            if let Some(m) = governed_infinitive(sent, t) {
                return m;
            }
        }
        // "Turkey's bid to start membership talks", "urged them to hold
        // talks": an event noun's light verb in an infinitive hangs on
        // what governs it, as a verb trigger would.
        if nominal {
            let light = (t.saturating_sub(4)..t)
                .rev()
                .take_while(|&l| sent.words[l].clause == clause)
                .find(|&l| LIGHT_VERBS.contains(&sent.words[l].lower.as_str()));
            if let Some(m) = light.and_then(|l| governed_infinitive(sent, l)) {
                return m;
            }
        }
        if let Some(m) = where_clause_modality(sent, t) {
            return m;
        }
        if denied_clause(sent, t) {
            return Modality::Negated;
        }
        if let Some(m) = gerund_governed(sent, t) {
            return m;
        }
        Modality::Asserted
    }
}

/// The modality of an infinitive verb at `i` from what governs it: a wish
/// or a request; a word of deciding, threatening or expecting makes it
/// meant to happen ("the decision to withdraw", "threatened to kill"), one
/// of power, leave or fear possible ("the power to detain", "levers to
/// pressure Moscow", "fear not being allowed to return"); else the
/// governing verb's own modal. Purpose clauses of acts ("took to the
/// streets to protest", "used artillery to bombard") tell what was done.
fn governed_infinitive(sent: &Sent, i: usize) -> Option<Modality> {
    if let Some(m) = infinitive_modality(sent, i) {
        return Some(m);
    }
    match infinitive_governor(sent, i) {
        Some(g) if INTENT_NOUNS_VERBS.contains(&g) => return Some(Modality::Planned),
        Some(g) if ABILITY_WORDS.contains(&g) => return Some(Modality::Hypothetical),
        _ => {}
    }
    governor_modality(sent, i)
}

/// A gerund's modality from the verb it hangs on: "barred the judges from
/// returning", "refrained from attacking" did not happen; "consider
/// accepting the offer" may.
fn gerund_governed(sent: &Sent, t: usize) -> Option<Modality> {
    const PREVENTING: &[&str] = &[
        "bar",
        "barred",
        "bars",
        "prevent",
        "prevented",
        "prevents",
        "stop",
        "stopped",
        "stops",
        "ban",
        "banned",
        "bans",
        "block",
        "blocked",
        "blocks",
        "prohibit",
        "prohibited",
        "prohibits",
        "forbid",
        "forbidden",
        "forbade",
        "refrain",
        "refrained",
        "refrains",
        "kept",
        "deter",
        "deterred",
        "restrain",
        "restrained",
    ];
    const WEIGHING: &[&str] = &[
        "consider",
        "considers",
        "considered",
        "considering",
        "contemplate",
        "contemplates",
        "contemplated",
        "contemplating",
        "weigh",
        "weighs",
        "weighed",
        "weighing",
        "mull",
        "mulls",
        "mulled",
        "mulling",
    ];
    if t == 0 || !sent.words[t].lower.ends_with("ing") {
        return None;
    }
    let before = &sent.words[t - 1];
    if WEIGHING.contains(&before.lower.as_str()) {
        return Some(Modality::Hypothetical);
    }
    if before.lower != "from" {
        return None;
    }
    let clause = sent.words[t].clause;
    let mut i = t - 1;
    while i > 0 && t - i <= 8 {
        i -= 1;
        let w = &sent.words[i];
        if w.clause != clause {
            break;
        }
        if PREVENTING.contains(&w.lower.as_str()) {
            // "did not stop them from attacking": the act went ahead.
            let negated = i > 0 && sent.words[i - 1].tag == Tag::Neg;
            return (!negated).then_some(Modality::Negated);
        }
    }
    None
}

/// Whether the trigger's clause is what someone denies: "denied that the
/// army attacked civilians", "rejected claims that its jets bombed ...",
/// "denied its forces shelled ...". Its subject and auxiliaries may stand
/// between.
fn denied_clause(sent: &Sent, t: usize) -> bool {
    let mut i = t;
    let mut claims = false;
    while i > 0 && t - i < 10 {
        i -= 1;
        let w = &sent.words[i];
        match w.lower.as_str() {
            "claims" | "claim" | "allegations" | "accusations" | "reports" | "suggestions"
            | "charges" => claims = true,
            "denied" | "denies" | "deny" | "denying" | "denial" | "denials" => return true,
            "rejected" | "rejects" | "reject" | "dismissed" | "dismisses" | "dismiss" => {
                return claims
            }
            _ if w.mention.is_some()
                || matches!(
                    w.tag,
                    Tag::Adv | Tag::Aux | Tag::Det | Tag::PossPron | Tag::Poss | Tag::Number
                )
                || w.lower == "that"
                || (w.tag == Tag::Word && !sent.words[i].lower.ends_with("ed")) => {}
            _ => return false,
        }
    }
    false
}

/// Whether the event noun at `t` (its pattern ending at word `end`) is
/// told as failed or called off: a predicate of failure right after it
/// ("talks stalled", "the talks appeared doomed") or before it ("stalled
/// talks"), or a verb of calling off right before it ("cancelled the visit").
fn noun_failed(sent: &Sent, t: usize, end: usize) -> bool {
    // Not "failed" or "collapsed": "Iran's attack failed" still happened.
    const FAILED: &[&str] = &[
        "stalled",
        "doomed",
        "deadlocked",
        "derailed",
        "cancelled",
        "canceled",
        "postponed",
        "suspended",
        "scrapped",
        "aborted",
    ];
    const CALLED_OFF: &[&str] = &[
        "cancelled",
        "canceled",
        "cancel",
        "cancels",
        "postponed",
        "postpone",
        "postpones",
        "scrapped",
        "scrap",
        "aborted",
        "abandoned",
        "shelved",
    ];
    let clause = sent.words[t].clause;
    let after = sent.words[end.max(t + 1).min(sent.words.len())..]
        .iter()
        .take(4)
        .take_while(|w| w.clause == clause && !matches!(w.tag, Tag::Comma | Tag::Punct))
        .any(|w| FAILED.contains(&w.lower.as_str()));
    let before = sent.words[t.saturating_sub(4)..t]
        .iter()
        .any(|w| CALLED_OFF.contains(&w.lower.as_str()));
    // "stalled talks", "the collapsed peace talks".
    let attributive = sent.words[t.saturating_sub(2)..t]
        .iter()
        .any(|w| FAILED.contains(&w.lower.as_str()));
    after || before || attributive
}

/// The modality of an event noun asked for or prepared for: the object of
/// "for" after a word of asking (hypothetical) or of planning (planned).
fn noun_sought(sent: &Sent, t: usize) -> Option<Modality> {
    // Beside the request verbs of `REQUESTING`.
    const ASKING: &[&str] = &[
        "appealing",
        "push",
        "demanding",
        "lobbied",
        "lobbying",
        "campaign",
        "campaigned",
        "campaigning",
        "hope",
        "hopes",
        "hoped",
        "wait",
        "waiting",
        "pressure",
        "clamour",
        "plea",
        "pleas",
        "pleaded",
    ];
    const PLANNING: &[&str] = &[
        "prepare",
        "prepares",
        "prepared",
        "preparing",
        "preparations",
        "plans",
        "plan",
        "ready",
        "readies",
        "readying",
        "date",
        "timetable",
        "schedule",
    ];
    // "counting on support from France", "sought support": wanted, not had.
    const COUNTING: &[&str] = &[
        "count",
        "counts",
        "counting",
        "rely",
        "relies",
        "relying",
        "depend",
        "depends",
        "depending",
        "banking",
    ];
    const SEEKING: &[&str] = &[
        "seek",
        "seeks",
        "seeking",
        "sought",
        "solicit",
        "soliciting",
    ];
    let i = before_noun_phrase(sent, t, 5, &|_| false)?;
    let w = sent.words[i].lower.as_str();
    if SEEKING.contains(&w) {
        return Some(Modality::Hypothetical);
    }
    if i == 0 {
        return None;
    }
    let g = sent.words[i - 1].lower.as_str();
    if w == "on" && COUNTING.contains(&g) {
        return Some(Modality::Hypothetical);
    }
    if w != "for" {
        return None;
    }
    if REQUESTING.contains(&g) || ASKING.contains(&g) {
        Some(Modality::Hypothetical)
    } else if PLANNING.contains(&g) {
        Some(Modality::Planned)
    } else {
        None
    }
}

/// Whether the event noun at `t` is what the clause's subject reacts to,
/// not what it does: the object of a verb of judging or telling ("Britain
/// condemned the attack on ..."), or a noun inside a phrase about it ("an
/// investigation into the killing", "the site of a car bomb explosion"),
/// what a passive's subject was hit by, or what the law holds an object
/// for. Of a `gerund`, only the last two.
fn reacted_to(sent: &Sent, t: usize, gerund: bool) -> bool {
    const REACTING: &[&str] = &[
        "condemn",
        "denounc",
        "deplor",
        "welcom",
        "critic",
        "blam",
        "investigat",
        "probe",
        "discuss",
        "report",
        "confirm",
        "prais",
        "mourn",
        "fear",
        "feared",
        "warn",
        "regret",
        "protest",
        "decr",
        "lament",
        "accus",
        "inquiry",
        "over",
        "against",
        "despite",
        "amid",
        "into",
        "about",
    ];
    const ABOUT: &[&str] = &[
        "site",
        "scene",
        "aftermath",
        "victims",
        "victim",
        "wake",
        "anniversary",
        "investigation",
        "probe",
        "inquiry",
        "report",
        "reports",
        "footage",
        "images",
        "evidence",
        "details",
        "news",
        "condemnation",
        "memory",
        "survivors",
        "families",
        "cause",
        "causes",
        "toll",
        "spate",
    ];
    let reacting = |w: &str| REACTING.iter().any(|r| w.starts_with(r));
    let Some(i) = before_noun_phrase(sent, t, 6, &reacting) else {
        return false;
    };
    let w = &sent.words[i];
    // "was killed on Sunday by a mortar attack": the subject of a passive
    // is what the act hit.
    if w.lower == "by" {
        return (i.saturating_sub(6)..i).any(|j| {
            sent.words[j].tag == Tag::Word
                && is_participle(&sent.words[j].lower)
                && sent.is_passive(j)
        });
    }
    // "arrested a man in the kidnapping of a girl", "charged over the
    // attack": whom the law holds is the suspect, not the one who acts.
    if matches!(w.lower.as_str(), "in" | "for" | "over" | "with") {
        // In the passive ("were arrested for refusing") the subject is
        // the suspect, and so the one who acted.
        return (i.saturating_sub(8)..i).any(|j| {
            LEGAL.iter().any(|l| sent.words[j].lower.starts_with(l)) && !sent.is_passive(j)
        });
    }
    if gerund {
        return false;
    }
    // "the site of a car bomb explosion", "warned of a war".
    if w.lower == "of" {
        return i > 0 && {
            let h = sent.words[i - 1].lower.as_str();
            ABOUT.contains(&h) || reacting(h)
        };
    }
    reacting(&w.lower)
}

/// "clashes between Iran and Israel, Syria and Israel, and Turkey and the
/// Kurds": a list of pairs, each joined by a bare "and" and parted from the
/// next by a comma, gives those pairs, not the first member against all.
/// A last member whose partner is no actor ("and Turkey and the Kurds") is
/// left out.
fn pairs_listed(sent: &Sent, group: &[usize]) -> Option<Vec<(usize, usize)>> {
    let mut group = group;
    if group.len() % 2 == 1 {
        let &last = group.last()?;
        let before = sent.mentions[group[group.len() - 2]].end..sent.mentions[last].start;
        let partner_unnamed = sent
            .words
            .get(sent.mentions[last].end)
            .is_some_and(|w| w.lower == "and")
            && sent
                .words
                .get(before)
                .is_some_and(|ws| ws.iter().any(|w| w.tag == Tag::Comma));
        if !partner_unnamed {
            return None;
        }
        group = &group[..group.len() - 1];
    }
    if group.len() < 4 {
        return None;
    }
    let between = |a: usize, b: usize| {
        let (from, to) = (sent.mentions[a].end, sent.mentions[b].start);
        (from <= to).then(|| &sent.words[from..to])
    };
    let mut out = Vec::new();
    for (i, two) in group.chunks(2).enumerate() {
        let inner = between(two[0], two[1])?;
        if inner.len() != 1 || inner[0].lower != "and" {
            return None;
        }
        if i > 0 {
            let outer = between(group[2 * i - 1], two[0])?;
            if !outer.iter().any(|w| w.tag == Tag::Comma) {
                return None;
            }
        }
        out.push((two[0], two[1]));
    }
    Some(out)
}

/// "the second deadly blast to strike Afghanistan", "the worst storm to
/// hit the region": an infinitive after an event or a hazard has that for
/// its subject, no actor.
fn thing_as_agent(sent: &Sent, t: usize) -> bool {
    const HAZARDS: &[&str] = &[
        "blast",
        "blasts",
        "explosion",
        "explosions",
        "storm",
        "storms",
        "quake",
        "earthquake",
        "earthquakes",
        "flood",
        "floods",
        "hurricane",
        "typhoon",
        "cyclone",
        "tsunami",
        "fire",
        "fires",
        "wave",
        "outbreak",
        "epidemic",
        "crisis",
        "scandal",
        "attack",
        "attacks",
        "bombing",
        "bombings",
    ];
    t >= 2 && sent.words[t - 1].lower == "to" && {
        let w = &sent.words[t - 2];
        w.mention.is_none()
            && w.tag == Tag::Word
            && !w.capitalised
            && HAZARDS.contains(&w.lower.as_str())
    }
}

/// Words of the law's hold on a suspect: "arrested in", "charged with".
const LEGAL: &[&str] = &[
    "arrest", "charg", "convict", "detain", "jail", "sentenc", "indict", "suspect", "question",
    "prosecut", "acquit", "extradit", "wanted", "imprison", "guilty",
];

/// The word right before the noun phrase that the noun at `t` heads, at
/// most `max` words back: actors, determiners, possessives, numbers,
/// adverbs and lower-case modifiers are in the phrase, participles and
/// words `stops` names are not.
fn before_noun_phrase(
    sent: &Sent,
    t: usize,
    max: usize,
    stops: &dyn Fn(&str) -> bool,
) -> Option<usize> {
    let first = t.saturating_sub(max);
    (first..t).rev().find(|&i| {
        let w = &sent.words[i];
        let inside_np = w.mention.is_some()
            || matches!(
                w.tag,
                Tag::Det | Tag::PossPron | Tag::Poss | Tag::Number | Tag::Adv
            )
            || (w.tag == Tag::Word
                && !w.capitalised
                && !is_participle(&w.lower)
                && !stops(&w.lower));
        !inside_np
    })
}

/// Words that never modify a generic noun before it.
const NOT_MODIFIERS: &[&str] = &[
    "as", "but", "yet", "so", "when", "than", "then", "also", "told", "said", "says", "say",
    "tell", "tells", "asked", "urged", "let", "saw", "see", "sees",
];

/// Event nouns whose "from" names what is left, not who acts.
pub(crate) const AWAY_NOUNS: &[&str] = &[
    "withdrawal",
    "withdrawals",
    "retreat",
    "pullout",
    "pull-out",
    "expulsion",
    "expulsions",
    "release",
    "evacuation",
    "departure",
    "return",
    "returns",
    "exit",
    "escape",
    "deportation",
    "deportations",
    "defection",
    "defections",
    "exile",
    "extradition",
    "extraditions",
    "imports",
    "exports",
    "flight",
    "ouster",
    "removal",
];

/// A trigger word after a determiner, preposition or possessive (adverbs
/// between): a noun, whatever pattern matched it ("with likely support").
/// "to maximise support from Trump": a verb's bare form right before
/// "from" is its noun (verbs of the lexicon take no "from" in that form).
fn noun_before_from(sent: &Sent, t: usize) -> bool {
    let w = sent.words[t].lower.as_str();
    sent.words.get(t + 1).is_some_and(|n| n.lower == "from")
        && !is_past(w)
        && !is_participle(w)
        && !w.ends_with("ing")
}

fn used_as_noun(sent: &Sent, t: usize) -> bool {
    let mut i = t;
    while i > 0 {
        i -= 1;
        match sent.words[i].tag {
            Tag::Adv => continue,
            // "to investigate", "set to arrive": an infinitive; "in
            // response to attacks" names a noun.
            Tag::Prep if sent.words[i].lower == "to" => {
                return sent.words[t].lower.ends_with('s');
            }
            // "two attacks", "the attack", "in attacks", "Iran's attack".
            Tag::Det | Tag::Prep | Tag::PossPron | Tag::Poss | Tag::Number => return true,
            Tag::Word => {
                return matches!(
                    sent.words[i].lower.as_str(),
                    "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten"
                )
            }
            _ => return false,
        }
    }
    false
}

/// "launched a major assault", "the first attack": a word between a
/// determiner and the trigger makes it a noun.
fn after_det_adjective(sent: &Sent, t: usize) -> bool {
    t >= 2
        && sent.words[t - 1].tag == Tag::Word
        && sent.words[t - 1].mention.is_none()
        && sent.words[t - 2].tag == Tag::Det
}

/// Where things happen moves the running context; an actor named moves it
/// only when nothing has placed the text yet ("Russia vetoed the
/// resolution" does not move a text set in Idlib).
fn advance_context(context: &mut Context, place: Option<String>, named: Option<String>) {
    if let Some(c) = place {
        context.country = Some(c);
        context.placed = true;
    } else if let Some(c) = named.filter(|_| context.country.is_none()) {
        context.country = Some(c);
        context.placed = false;
    }
}

/// The country a text is talking about so far, for generic actors
/// ("protesters"), and whether a place or a dateline set it.
#[derive(Debug, Default)]
struct Context {
    country: Option<String>,
    placed: bool,
}

/// Prepositions of place after an event noun.
const WHERE: &[&str] = &["in", "near", "outside", "across", "around", "throughout"];
/// Prepositions after a noun of cooperation that name the other party.
const PARTNER_PREPS: &[&str] = &["with", "between", "to", "among", "for", "toward", "towards"];
/// Prepositions after a noun of conflict that name its target; "of" (first)
/// only for force and coercion ("the killing of", "the arrest of").
const HARM_PREPS: &[&str] = &[
    "of",
    "on",
    "against",
    "at",
    "into",
    "toward",
    "towards",
    "upon",
    "with",
    "to",
    "between",
    "targeting",
];

/// Whether the participle at `t` is one of harm with no object after it
/// ("killed Saturday in", "killed fighting Isis", "shot dead near").
fn reduced_harm(sent: &Sent, t: usize) -> bool {
    const HARM: &[&str] = &[
        "killed",
        "abducted",
        "kidnapped",
        "wounded",
        "injured",
        "arrested",
        "detained",
        "executed",
        "beheaded",
        "shot",
        "captured",
        "murdered",
        "assassinated",
        "held",
        "seized",
        "tortured",
        "jailed",
        "imprisoned",
        "deported",
        "expelled",
        "massacred",
        "slain",
        "slaughtered",
        "stabbed",
    ];
    if !HARM.contains(&sent.words[t].lower.as_str()) {
        return false;
    }
    let mut n = t + 1;
    if sent.words.get(n).is_some_and(|w| w.lower == "dead") {
        n += 1;
    }
    let Some(w) = sent.words.get(n) else {
        return true;
    };
    // An object ("arrested around 50 people", "over 30 youths", "at least
    // five") or a target ("shot at a police station") follows.
    let counted = matches!(
        w.lower.as_str(),
        "around"
            | "over"
            | "about"
            | "nearly"
            | "almost"
            | "roughly"
            | "approximately"
            | "some"
            | "more"
            | "up"
            | "under"
            | "fewer"
            | "least"
    ) || (w.lower == "at"
        && sent.words.get(n + 1).is_some_and(|x| x.lower == "least"));
    if w.mention.is_some() || counted || (w.lower == "at" && sent.words[t].lower == "shot") {
        return false;
    }
    matches!(
        w.tag,
        Tag::Prep | Tag::Comma | Tag::Punct | Tag::Boundary | Tag::Rel | Tag::Subord
    ) || w.tag == Tag::Adv
        || crate::clause::is_day_word(&w.lower)
        || matches!(
            w.lower.as_str(),
            "overnight" | "last" | "this" | "early" | "late"
        )
        || (w.tag == Tag::Word && !w.capitalised && w.lower.ends_with("ing"))
}

/// Whether the verb at `t` is a participle after a clause whose subject is
/// a weapon: "a bomb exploded in X, killing ...", "two car bombs shook the
/// capital, killing 11 people and wounding 16".
fn instrument_participle(sent: &Sent, t: usize) -> bool {
    if !sent.words[t].lower.ends_with("ing") || t == 0 {
        return false;
    }
    // The comma that opens the participle clause, across "killing X and".
    let Some(comma) = (0..t)
        .rev()
        .take(20)
        .find(|&i| sent.words[i].tag == Tag::Comma && sent.words[i + 1].lower.ends_with("ing"))
    else {
        return false;
    };
    sent.words[comma.saturating_sub(20)..comma]
        .iter()
        .any(|w| w.mention.is_none() && INSTRUMENTS.contains(&w.lower.as_str()))
}

/// Whether a weapon does the harm the verb at `t` tells: in a participle
/// clause ("A bomb exploded in Dhaka, killing 13 people") or as the verb's
/// own subject ("an artillery shell hit a restaurant and injured three
/// civilians", "a roadside IED targeted a police vehicle").
fn instrument_subject(sent: &Sent, t: usize) -> bool {
    if instrument_participle(sent, t) {
        return true;
    }
    if !is_past(&sent.words[t].lower) || sent.is_passive(t) {
        return false;
    }
    let clause = sent.words[t].clause;
    for w in sent.words[..t].iter().rev().take(10) {
        if w.clause != clause || w.mention.is_some() || w.tag == Tag::Comma {
            return false;
        }
        if INSTRUMENTS.contains(&w.lower.as_str()) {
            return true;
        }
    }
    false
}

/// Whether the weapon noun at `t` is what someone ran into: "hit a
/// roadside bomb", "stepped on a landmine", "drove over a mine".
fn met_weapon(sent: &Sent, t: usize) -> bool {
    let before = &sent.words[t.saturating_sub(4)..t];
    // A noun: "a roadside bomb", "the mine".
    if !before.iter().any(|w| w.tag == Tag::Det) {
        return false;
    }
    before.iter().any(|w| {
        matches!(
            w.lower.as_str(),
            "hit" | "hits" | "struck" | "strikes" | "triggered" | "detonated"
        )
    }) || before.windows(2).any(|p| {
        matches!(p[0].lower.as_str(), "stepped" | "ran" | "drove" | "driven")
            && matches!(p[1].lower.as_str(), "on" | "over" | "into")
    })
}

/// Weapons that are told as doing harm ("a bomb killed ...").
const INSTRUMENTS: &[&str] = &[
    "bomb",
    "bombs",
    "blast",
    "blasts",
    "explosion",
    "explosions",
    "grenade",
    "grenades",
    "mine",
    "landmine",
    "ied",
    "device",
    "shell",
    "shells",
    "rocket",
    "rockets",
    "missile",
    "missiles",
    "mortar",
    "mortars",
    "gunfire",
    "shooting",
    "explosive",
    "explosives",
    "ieds",
    "landmines",
    "mines",
    "rcied",
    "vbied",
    "svbied",
];

/// The modality of a verb told as an infinitive under a wish or a request:
/// "seeking to put pressure", "aiming to win" intend it (planned); "urged
/// Iran to accept", "called on the EU to support" ask for it (hypothetical).
/// Other infinitives keep the modality of their clause: a purpose after an
/// act ("staged a strike to protest") is mostly carried out.
fn infinitive_modality(sent: &Sent, t: usize) -> Option<Modality> {
    match infinitive_under(sent, t)? {
        (Governor::Wish, _) => Some(Modality::Planned),
        (Governor::Request, _) => Some(Modality::Hypothetical),
        (Governor::Control, _) => None,
    }
}

/// The word before the "to" of an infinitive trigger ("gathered to
/// pledge": "gathered"), if the trigger is one.
fn infinitive_governor<'s>(sent: &'s Sent, t: usize) -> Option<&'s str> {
    infinitive_governor_at(sent, t).map(|g| sent.words[g].lower.as_str())
}

/// The modality of the verb an infinitive trigger hangs on ("Russia will
/// allow the Dalai Lama to visit", "could be used to strike"): what is
/// only allowed, planned or possible has not happened either.
fn governor_modality(sent: &Sent, t: usize) -> Option<Modality> {
    let g = infinitive_governor_at(sent, t)?;
    let clause = sent.words[g].clause;
    let before = sent.words[g.saturating_sub(3)..g]
        .iter()
        .rev()
        .take_while(|w| w.clause == clause && matches!(w.tag, Tag::Aux | Tag::Modal | Tag::Adv));
    let mut out = None;
    for w in before {
        let l = w.lower.as_str();
        if HYPOTHETICAL.contains(&l) {
            out = Some(Modality::Hypothetical);
        } else if matches!(l, "will" | "shall") {
            out = out.or(Some(Modality::Planned));
        }
    }
    out
}

/// "Plans are likely to be revived at Sochi, where Putin plays host to
/// Erdoğan": a present-tense "where" clause about the place of a future or
/// possible act is as future or possible as it.
fn where_clause_modality(sent: &Sent, t: usize) -> Option<Modality> {
    let clause = sent.words[t].clause;
    if !sent.relative.get(clause).copied().unwrap_or(false) || is_past(&sent.words[t].lower) {
        return None;
    }
    let opener = sent.words.iter().position(|w| w.clause == clause)?;
    if sent.words[opener].lower != "where" {
        return None;
    }
    let parent = sent.parent.get(clause).copied().flatten()?;
    let mut out = None;
    for w in sent.words[..opener].iter().filter(|w| w.clause == parent) {
        let l = w.lower.as_str();
        if matches!(l, "would" | "could" | "may" | "might") {
            out = Some(Modality::Hypothetical);
        } else if matches!(
            l,
            "will" | "'ll" | "shall" | "likely" | "expected" | "due" | "scheduled"
        ) {
            out = out.or(Some(Modality::Planned));
        }
    }
    out
}

/// Word index of the governor [`infinitive_governor`] names.
fn infinitive_governor_at(sent: &Sent, t: usize) -> Option<usize> {
    let w = &sent.words[t].lower;
    // "to" before an inflected form is a preposition ("to killing").
    if w.ends_with("ing") || w.ends_with("ed") {
        return None;
    }
    let j = infinitive_to(sent, t)? + 1;
    let mut g = j - 2;
    while g > 0 && sent.words[g].tag == Tag::Adv {
        g -= 1;
    }
    // The actor between governs nothing: "the decision by Trump to
    // withdraw", "expected Turkey to hand over".
    if let Some(k) = sent.words[g].mention {
        let start = sent.mentions[k].start;
        if start >= 2 {
            g = start - 1;
            if matches!(sent.words[g].lower.as_str(), "by" | "of") {
                g -= 1;
            }
        }
    }
    Some(g)
}

/// "Trump's sudden decision to withdraw": whose decision, plan or
/// threat it is does what the infinitive says.
fn intent_owner(sent: &Sent, t: usize) -> Option<usize> {
    // Beside the nouns of `INTENT_NOUNS_VERBS`.
    const ATTEMPTS: &[&str] = &[
        "bid",
        "order",
        "effort",
        "efforts",
        "attempt",
        "attempts",
        "push",
        "call",
        "determination",
        "readiness",
        "willingness",
    ];
    let w = &sent.words[t].lower;
    if w.ends_with("ing") || w.ends_with("ed") {
        return None;
    }
    let mut g = infinitive_to(sent, t)?;
    while g > 0 && sent.words[g - 1].tag == Tag::Adv {
        g -= 1;
    }
    let noun = g.checked_sub(1)?;
    let w = sent.words[noun].lower.as_str();
    if !INTENT_NOUNS_VERBS.contains(&w) && !ATTEMPTS.contains(&w) {
        return None;
    }
    // Back over adjectives ("sudden", "long-awaited") to the possessor.
    let mut i = noun;
    while i > 0 && noun - i < 4 {
        i -= 1;
        let w = &sent.words[i];
        if w.mention.is_some() {
            return w
                .mention
                .filter(|_| noun - i > 1 || sent.words[i + 1].tag == Tag::Poss);
        }
        let adjective = w.tag == Tag::Word && !w.capitalised;
        if !(w.tag == Tag::Poss || w.tag == Tag::Adv || adjective) {
            return None;
        }
    }
    None
}

/// Words of deciding, threatening, expecting and proposing whose
/// infinitive is meant to happen.
const INTENT_NOUNS_VERBS: &[&str] = &[
    "decision",
    "decisions",
    "decided",
    "decide",
    "decides",
    "plan",
    "plans",
    "threatened",
    "threatens",
    "threaten",
    "threatening",
    "threat",
    "threats",
    "prepared",
    "expect",
    "expects",
    "expected",
    "intention",
    "intent",
    "proposal",
    "proposed",
    "proposes",
    "propose",
    "promise",
    "pledge",
    "offer",
    "need",
    "needs",
    "needed",
    "supposed",
    "move",
    "vow",
    "ultimatum",
    "deadline",
    "bid",
    "bids",
];

/// Words of power, leave and fear whose infinitive may or may not happen.
const ABILITY_WORDS: &[&str] = &[
    "power",
    "powers",
    "right",
    "authority",
    "ability",
    "allowed",
    "permitted",
    "permission",
    "chance",
    "option",
    "options",
    "levers",
    "leverage",
    "capacity",
    "means",
    "tools",
    "fear",
    "feared",
    "fears",
    "afraid",
    "risk",
    "risks",
    "able",
    "unable",
    "mandate",
    "mandated",
];

/// The "to" of the infinitive at `t` (adverbs between), with a word
/// before it to govern it.
fn infinitive_to(sent: &Sent, t: usize) -> Option<usize> {
    let mut j = t;
    while j > 0 && sent.words[j - 1].tag == Tag::Adv {
        j -= 1;
    }
    if j >= 2 && sent.words[j - 1].lower == "to" && sent.words[j - 1].mention.is_none() {
        Some(j - 1)
    } else {
        None
    }
}

/// What governs an infinitive.
enum Governor {
    Wish,
    Request,
    /// "armed the Kurds to fight Isis", "sent troops to guard": the one
    /// made or enabled to act does it; whether it did is told elsewhere.
    Control,
}

/// The wish or request word governing the infinitive verb at `t`, and for
/// a request the mention asked to act ("urged Iran to accept": Iran).
fn infinitive_under(sent: &Sent, t: usize) -> Option<(Governor, Option<usize>)> {
    let j = infinitive_to(sent, t)? + 1;
    if WISHING.contains(&sent.words[j - 2].lower.as_str()) {
        return Some((Governor::Wish, None));
    }
    // The asked party between the request and its infinitive: a name, a
    // pronoun, or a short noun phrase ("urged the international community to").
    let mut g = j - 2;
    let mut steps = 0;
    let mut asked = None;
    let governs = |w: &crate::clause::Word| {
        let l = w.lower.as_str();
        w.mention.is_none() && (REQUESTING.contains(&l) || CONTROLLING.contains(&l))
    };
    while g > 0 && steps < 5 && !governs(&sent.words[g]) {
        let w = &sent.words[g];
        // "called on Iran to", "appealed to them to".
        let np = w.mention.is_some()
            || matches!(w.lower.as_str(), "on" | "upon")
            || (w.lower == "to" && g + 1 < j - 1)
            || matches!(w.tag, Tag::Pron | Tag::Det | Tag::PossPron)
            || (w.tag == Tag::Word && w.lower != "to");
        if !np {
            return None;
        }
        asked = asked.or(w.mention);
        g -= 1;
        steps += 1;
    }
    let w = sent.words[g].lower.as_str();
    if REQUESTING.contains(&w) {
        Some((Governor::Request, asked))
    } else if CONTROLLING.contains(&w) && asked.is_some() {
        Some((Governor::Control, asked))
    } else {
        None
    }
}

/// Words whose infinitive is wanted or attempted, not yet done.
const WISHING: &[&str] = &[
    "seek",
    "seeks",
    "seeking",
    "sought",
    "want",
    "wants",
    "wanted",
    "wanting",
    "wish",
    "wishes",
    "wished",
    "hope",
    "hopes",
    "hoped",
    "hoping",
    "aim",
    "aims",
    "aimed",
    "aiming",
    "bid",
    "order",
    "effort",
    "efforts",
    "bids",
    "eager",
    "determined",
];

/// Verbs that make, equip or send someone else to act ("armed X to ...");
/// not forms that are nouns as often ("forces", "arms", "orders").
const CONTROLLING: &[&str] = &[
    "arm",
    "armed",
    "arming",
    "train",
    "trains",
    "trained",
    "help",
    "helps",
    "helped",
    "helping",
    "enable",
    "enables",
    "enabled",
    "force",
    "forced",
    "ordered",
    "pay",
    "pays",
    "paid",
    "used",
    "using",
    "send",
    "sends",
    "sent",
    "sending",
    "deploy",
    "deployed",
    "deploys",
    "permit",
    "permitted",
    "compel",
    "compelled",
    "authorise",
    "authorised",
    "authorize",
    "authorized",
    "equip",
    "equipped",
    "fund",
    "funded",
    "recruit",
    "recruited",
    "hire",
    "hired",
    "mobilise",
    "mobilised",
    "mobilize",
    "mobilized",
    "raise",
    "raised",
];

/// Verbs that ask someone else to act ("urged X to ...").
const REQUESTING: &[&str] = &[
    "urge",
    "urges",
    "urged",
    "urging",
    "ask",
    "asks",
    "asked",
    "asking",
    "call",
    "calls",
    "called",
    "calling",
    "press",
    "pressed",
    "pressing",
    "encourage",
    "encouraged",
    "encourages",
    "invite",
    "invited",
    "invites",
    "request",
    "requested",
    "requests",
    "petition",
    "petitioned",
    "petitions",
    "demand",
    "demanded",
    "demands",
    "appeal",
    "appealed",
    "appeals",
    "persuade",
    "persuaded",
    "implored",
    "begged",
    "pushed",
    "pushing",
];

/// Whether a refusal governs the trigger ("refused to", "declined to", "will not").
fn refusal_before(sent: &Sent, t: usize) -> bool {
    let window = &sent.words[t.saturating_sub(4)..t];
    // "will not accept", "would not meet": a stated refusal.
    let future_not = window.windows(2).any(|p| {
        matches!(p[0].lower.as_str(), "will" | "would" | "'ll" | "shall")
            && matches!(p[1].lower.as_str(), "not" | "n't")
    });
    future_not
        || window.iter().any(|w| {
            matches!(
                w.lower.as_str(),
                "refused"
                    | "refuses"
                    | "refuse"
                    | "refusing"
                    | "declined"
                    | "declines"
                    | "rejected"
                    | "failed"
                    | "fails"
            )
        })
}

/// The CAMEO rejection of a cooperative act.
fn reject_code(cameo: &str) -> Option<&'static str> {
    Some(match &cameo[..2] {
        "03" | "05" => "120",
        "04" => "125",
        "06" if cameo.starts_with("061") => "1211",
        "06" if cameo.starts_with("062") => "1212",
        "06" => "121",
        "07" => "122",
        "08" if cameo.starts_with("084") => "1243",
        "08" if cameo.starts_with("085") => "1244",
        "08" if cameo.starts_with("086") => "1245",
        "08" if cameo.starts_with("087") => "1246",
        "08" => "124",
        _ => return None,
    })
}

/// The CAMEO threat matching a promised hostile act.
fn threat_code(cameo: &str) -> &'static str {
    match &cameo[..2] {
        "14" => "133",
        "16" if cameo.starts_with("163") => "1312",
        "16" => "131",
        "17" if cameo.starts_with("1723") => "1323",
        "17" if cameo.starts_with("1724") => "1324",
        "17" => "130",
        "18" | "19" | "20" if cameo.starts_with("192") => "1382",
        "18" | "19" | "20" => "138",
        _ => "130",
    }
}

/// The CAMEO "express intent" code for a planned material act (06x-08x).
fn intent_code(cameo: &str) -> Option<String> {
    let c = match cameo {
        "061" => "0311",
        "062" => "0312",
        "063" => "0313",
        "064" => "0314",
        "071" => "0331",
        "072" => "0332",
        "073" => "0333",
        "074" => "0334",
        "081" => "0351",
        "084" | "0841" | "0842" => "0353",
        "085" => "0354",
        "086" => "0355",
        "087" | "0871" | "0872" | "0873" | "0874" => "0356",
        _ if cameo.starts_with("05") => "032",
        _ if cameo.starts_with("06") => "031",
        _ if cameo.starts_with("07") => "033",
        _ if cameo.starts_with("08") => "035",
        _ => return None,
    };
    Some(c.to_string())
}

/// Whether a noun phrase (no actor) follows at `from` in the clause: the verb's direct object.
fn direct_object(sent: &Sent, from: usize, clause: usize) -> bool {
    let mut i = from;
    while let Some(w) = sent.words.get(i) {
        if w.clause != clause {
            return false;
        }
        match w.tag {
            Tag::Det | Tag::PossPron | Tag::Adv | Tag::Number => i += 1,
            Tag::Word => return w.mention.is_none(),
            _ => return false,
        }
    }
    false
}

/// Whether an appeal's addressee at `from` is a noun phrase naming no
/// actor before its infinitive ("the international community to ...",
/// "the world to ...").
fn addressee_unnamed(sent: &Sent, from: usize) -> bool {
    let words = &sent.words;
    if !words.get(from).is_some_and(|w| w.tag == Tag::Det) {
        return false;
    }
    (from + 1..(from + 5).min(words.len()))
        .take_while(|&i| words[i].mention.is_none())
        .find(|&i| words[i].tag != Tag::Word)
        .is_some_and(|i| i > from + 1 && words[i].lower == "to")
}

/// Two unnamed groups with a role ("villagers beat up four persons", "a mob
/// of locals killed two civilians", "Houthi forces shelled regime forces")
/// are different people even when they code alike; government bodies and
/// persons are not (a second mention is the same one).
fn groups_apart(a: &Actor, b: &Actor) -> bool {
    // An agent noun ("an Afghan soldier", "two men") is unnamed even when
    // it stands for one person.
    let unnamed = |x: &Actor| x.id.starts_with("compose:") || x.id.starts_with("generic:");
    let group = |x: &Actor| {
        (x.kind != ActorType::Person || unnamed(x)) && x.role.as_deref().is_some_and(|r| r != "GOV")
    };
    group(a) && group(b)
}

/// Signs that a death was violent, in the sentence or right after it ("two
/// men were found dead. Their bodies presented gunshot wounds").
fn violence_told(text: &str, span: [usize; 2]) -> bool {
    const CUES: &[&str] = &[
        "tortur",
        "gunshot",
        "shot",
        "bullet",
        "firearm",
        "stabb",
        "behead",
        "decapitat",
        "dismember",
        "tied",
        "handcuff",
        "strangl",
        "burn",
        "murder",
        "execut",
        "violence",
        "coup de grace",
        "killed",
        "wounds",
    ];
    let mut end = (span[1] + 300).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let Some(near) = text.get(span[0]..end) else {
        return false;
    };
    let near = near.to_lowercase();
    CUES.iter().any(|c| near.contains(c))
}

/// Seizing or destroying property (171 loot, set fire to; 1711 confiscate;
/// 1712 demolish): with no owner named, the place's civilians lose it.
/// Whatever force a sentence tells its means of near the trigger `t`, in
/// its clause or one nested with it: air power ("killed in air strikes",
/// "helicopters attacked ..., killing") or artillery and tanks ("a tank
/// opened fire and killed", "a mortar attack") or poison gas ("the
/// chemical attack in Douma").
fn force_means(sent: &Sent, t: usize) -> Option<Means> {
    let clause = sent.words[t].clause;
    let tied = |i: usize| {
        let c = sent.words[i].clause;
        c == clause || sent.nested_in(c, clause) || sent.nested_in(clause, c)
    };
    let lo = t.saturating_sub(12);
    let hi = (t + 10).min(sent.words.len());
    (lo..hi)
        .filter(|&i| i != t && tied(i))
        .filter_map(|i| {
            let w = sent.words[i].lower.as_str();
            let before = i.checked_sub(1).map(|b| sent.words[b].lower.as_str());
            let after = sent.words.get(i + 1).map(|n| n.lower.as_str());
            let means = match w {
                "chemical" | "chemicals" | "sarin" | "chlorine" | "novichok" | "mustard" => {
                    Means::Chemical
                }
                "gas"
                    if matches!(after, Some("attack" | "attacks")) || before == Some("poison") =>
                {
                    Means::Chemical
                }
                "airstrike" | "airstrikes" | "air-strike" | "air-strikes" | "warplane"
                | "warplanes" | "jet" | "jets" | "helicopter" | "helicopters" | "gunship"
                | "gunships" | "drone" | "drones" | "missile" | "missiles" | "aerial" => Means::Air,
                "air"
                    if matches!(
                        after,
                        Some(
                            "strike"
                                | "strikes"
                                | "raid"
                                | "raids"
                                | "attack"
                                | "attacks"
                                | "force"
                        )
                    ) =>
                {
                    Means::Air
                }
                // "killed in strikes on Sunday": strikes that kill are
                // from the air.
                "strikes" if matches!(before, Some("in" | "by")) => Means::Air,
                "artillery" | "tank" | "tanks" | "mortar" | "mortars" | "shell" | "shells"
                | "shelling" | "howitzer" | "howitzers" => Means::Artillery,
                _ => return None,
            };
            Some((i.abs_diff(t), means))
        })
        // Poison gas is the attack's own only right by it ("the suspected
        // chemical weapons attack", "attacked civilians with chemical
        // weapons"), not "strikes in response to the chemical attack".
        .filter(|&(d, m)| d <= 4 || !matches!(m, Means::Chemical))
        .min_by_key(|&(d, _)| d)
        .map(|(_, m)| m)
}

#[derive(Clone, Copy)]
enum Means {
    Chemical,
    Air,
    Artillery,
}

/// CAMEO keeps a military's force (19) apart from unconventional violence
/// (18): air power and artillery are military means whoever wields them,
/// and an attack or a launched assault by a state or its forces is
/// conventional force. Poison gas is a chemical weapon of mass destruction (2041).
/// Returns the code and the reason for the rule.
fn conventional_code(
    code: &str,
    means: Option<Means>,
    src: &Actor,
    noun: bool,
) -> Option<(&'static str, &'static str)> {
    let chemical = matches!(means, Some(Means::Chemical));
    if chemical && matches!(code, "180" | "182" | "1823" | "183" | "190") {
        return Some(("2041", "chemical"));
    }
    if !matches!(code, "180" | "182" | "1823") {
        return None;
    }
    match means {
        Some(Means::Chemical) => {}
        Some(Means::Air) => return Some(("195", "air")),
        Some(Means::Artillery) => return Some(("194", "artillery")),
        None => {}
    }
    let state = match src.role.as_deref() {
        None => src.kind == ActorType::Country,
        Some(r) => matches!(r, "GOV" | "MIL"),
    };
    (state && (code == "180" || (code == "182" && noun))).then_some(("190", "state"))
}

fn seizes_property(cameo: &str) -> bool {
    matches!(cameo, "171" | "1711" | "1712")
}

/// Material conflict (18x assault, 19x fight, 20x mass violence), which may have an implicit target.
fn is_force(cameo: &str) -> bool {
    matches!(cameo.get(..2), Some("18" | "19" | "20"))
}

/// Force verbs whose compound subject fights itself ("A and B clashed").
fn reciprocal(trigger: &str) -> bool {
    ["clash", "fight", "fought", "battl", "skirmish", "exchang"]
        .iter()
        .any(|p| trigger.starts_with(p))
}

/// Words that tell harm which need not be anyone's act: a passive killing
/// or injury in their sentence gets no unnamed perpetrator.
const NO_PERPETRATOR: &[&str] = &[
    "accident",
    "accidents",
    "crash",
    "crashed",
    "collision",
    "storm",
    "storms",
    "flood",
    "floods",
    "flooding",
    "earthquake",
    "landslide",
    "lightning",
    "avalanche",
    "hurricane",
    "cyclone",
    "typhoon",
    "tornado",
    "wildfire",
    "drowned",
    "disease",
    "virus",
    "coronavirus",
    "covid-19",
    "covid",
    "outbreak",
    "stampede",
    "collapse",
    "collapsed",
    "electrocuted",
];

/// Verbs that hand their subject to the event noun after them ("held talks").
const LIGHT_VERBS: &[&str] = &[
    "held",
    "holds",
    "hold",
    "holding",
    "staged",
    "stage",
    "stages",
    "began",
    "begin",
    "begins",
    "launched",
    "launch",
    "launches",
    "conducted",
    "conduct",
    "organized",
    "organised",
    "continued",
    "continue",
    "started",
    "start",
    "carried",
    "mounted",
    "made",
    "make",
    "took",
    "renewed",
    "resumed",
    "resume",
    "restart",
    "restarted",
    "reopen",
    "reopened",
    "performed",
    "did",
    "joined",
    "formed",
];

/// Verbs whose compound subject acts on itself: "A and B clashed",
/// "signed", "agreed", "met"; not "A and B condemned" or "sanctions".
fn mutual_verb(trigger: &str) -> bool {
    reciprocal(trigger)
        || MEETING_VERBS.contains(&trigger)
        || [
            "sign", "agree", "cooperat", "negotiat", "talk", "trade", "normali", "reconcil",
            "ally", "allied", "settl", "reach", "conclud", "renew", "restor", "resum",
        ]
        .iter()
        .any(|p| trigger.starts_with(p))
}

/// Verbs whose compound subject meets itself ("Baghdad and Washington met").
const MEETING_VERBS: &[&str] = &[
    "met",
    "meet",
    "meets",
    "meeting",
    "negotiated",
    "negotiate",
    "negotiating",
];

/// Nouns whose compound subject acts on itself ("Israel and Lebanon renewed negotiations").
const MUTUAL_NOUNS: &[&str] = &[
    "talks",
    "negotiations",
    "negotiation",
    "meeting",
    "meetings",
    "summit",
    "agreement",
    "agreements",
    "treaty",
    "accord",
    "deal",
    "cooperation",
    "ties",
    "relations",
    "clash",
    "clashes",
    "firefight",
    "firefights",
    "gunfight",
    "fighting",
    "war",
    "reconciliation",
    "consultations",
    "dialogue",
    "truce",
    "ceasefire",
];

/// Nouns of armed fights that may be told with no side named.
const FIGHT_NOUNS: &[&str] = &[
    "clash",
    "clashes",
    "firefight",
    "firefights",
    "gunfight",
    "gunfights",
    "shootout",
    "shootouts",
    "shoot-out",
    "shoot-outs",
];

/// A fight noun told as having happened: "a shoot-out broke out", "clashes
/// erupted", "there was a clash", "a firefight took place", "clashes were
/// reported"; not "fears of clashes" or "to avoid a clash".
fn told_fight(sent: &Sent, t: usize) -> bool {
    // The sides may come between: "a shoot-out between police and gunmen broke out".
    let happened = word_after(
        sent,
        t,
        11,
        &[
            "took",
            "erupted",
            "broke",
            "occurred",
            "ensued",
            "reported",
            "reportedly",
        ],
    );
    let there = sent.words[t.saturating_sub(4)..t]
        .windows(2)
        .any(|w| w[0].lower == "there" && matches!(w[1].lower.as_str(), "was" | "were"));
    happened || there
}

/// "the threat to peace from air strikes", "the risk of a war": an
/// event noun feared or risked has not happened.
fn noun_feared(sent: &Sent, t: usize) -> bool {
    const FEARED: &[&str] = &[
        "threat",
        "threats",
        "risk",
        "risks",
        "fear",
        "fears",
        "danger",
        "dangers",
        "prospect",
        "prospects",
        "possibility",
        "spectre",
        "specter",
        "likelihood",
    ];
    let mut i = t;
    let mut steps = 0;
    while i > 0 && steps < 8 {
        i -= 1;
        steps += 1;
        let w = &sent.words[i];
        if matches!(w.lower.as_str(), "of" | "from") {
            // "the threat to international peace from air strikes": one
            // phrase may come between the fear and its "from".
            return sent.words[i.saturating_sub(5)..i]
                .iter()
                .any(|x| FEARED.contains(&x.lower.as_str()));
        }
        let modifier = matches!(w.tag, Tag::Det | Tag::Number | Tag::Adv | Tag::Punct)
            || (w.tag == Tag::Word && w.mention.is_none())
            || w.mention.is_some();
        if !modifier {
            return false;
        }
    }
    false
}

/// Whether one of `words` stands within `reach` words after `t` ("a protest
/// took place", "clashes erupted"): an event noun told as having happened.
fn word_after(sent: &Sent, t: usize, reach: usize, words: &[&str]) -> bool {
    sent.words
        .get(t + 1..(t + 1 + reach).min(sent.words.len()))
        .unwrap_or(&[])
        .iter()
        .any(|w| words.contains(&w.lower.as_str()))
}

/// Verbs of saying whose subject is the source of a predicate noun.
const SPEECH: &[&str] = &[
    "confirmed",
    "added",
    "reiterated",
    "said",
    "says",
    "stated",
    "states",
    "declared",
    "declares",
    "warned",
    "warns",
    "announced",
    "insisted",
    "stressed",
    "claimed",
    "claims",
    "made",
    "clear",
    "told",
    "tells",
    "stressing",
    "warning",
];

/// For a noun right after a copula ("would be red lines"): the subject of an
/// earlier speech verb as source and the actor between it and the noun as target.
fn reported_predicate(sent: &Sent, t: usize) -> Option<(usize, usize)> {
    let mut i = t;
    while i > 0 && matches!(sent.words[i - 1].tag, Tag::Det | Tag::Adv) {
        i -= 1;
    }
    let cop = i.checked_sub(1).map(|j| sent.words[j].lower.as_str())?;
    if !matches!(
        cop,
        "be" | "is"
            | "are"
            | "was"
            | "were"
            | "been"
            | "considered"
            | "seen"
            | "regarded"
            | "deemed"
    ) {
        return None;
    }
    let v = (0..i).rev().find(|&j| {
        SPEECH.contains(&sent.words[j].lower.as_str()) && sent.words[j].mention.is_none()
    })?;
    let src = (0..v).rev().find_map(|j| sent.words[j].mention)?;
    let tgt = sent.predicate_target(src, t)?;
    let same = |a: usize, b: usize| {
        same_actor(
            &sent.mentions[a].mention.actor,
            &sent.mentions[b].mention.actor,
        )
    };
    (!same(src, tgt)).then_some((src, tgt))
}

/// The subject and its coordinated partners; not a list that a preposition
/// opens before a comma ("In the fight against Isis and al-Qaida, police
/// detained ...").
fn subject_group(sent: &Sent, k: usize) -> Vec<usize> {
    let mut group = sent.compound_left(k);
    let opens_pp = |m: usize| {
        let mut p = sent.mentions[m].start;
        while p > 0 && sent.words[p - 1].tag == Tag::Det {
            p -= 1;
        }
        p > 0 && sent.words[p - 1].tag == Tag::Prep && !sent.names_members(p)
    };
    let Some(j) = (0..group.len() - 1).rev().find(|&j| opens_pp(group[j])) else {
        return group;
    };
    // The list goes on after the first comma past that phrase; with none,
    // the subject is itself in it (a last resort in a prepositional phrase).
    let comma = |m: usize| {
        sent.words[sent.mentions[group[m - 1]].end..sent.mentions[group[m]].start]
            .iter()
            .any(|w| w.tag == Tag::Comma)
    };
    if let Some(from) = (j + 1..group.len()).find(|&m| comma(m)) {
        group.drain(..from);
    }
    group
}

fn is_international(code: &str) -> bool {
    ["IGO", "NGO", "IMG", "MNC"]
        .iter()
        .any(|p| code.starts_with(p))
}

/// One side is a bare country (no role) and the other belongs to it.
fn country_and_its_own(a: &Actor, b: &Actor) -> bool {
    a.country.is_some() && a.country == b.country && (a.role.is_none() != b.role.is_none())
}

/// Two participants are the same actor for coding: same country and role, or same code.
fn same_actor(a: &Actor, b: &Actor) -> bool {
    match (&a.country, &b.country) {
        (Some(x), Some(y)) => x == y && a.role == b.role,
        _ => a.code == b.code,
    }
}

/// Date of the event: the time expression nearest the trigger, same clause first.
fn pick_date(
    text: &str,
    sent: &Sent,
    t: usize,
    times: &[TimeExpr],
    doc_date: NaiveDate,
) -> (String, String, bool) {
    let _ = text;
    let first = sent.words.first().map(|w| w.span[0]).unwrap_or(0);
    let last = sent.words.last().map(|w| w.span[1]).unwrap_or(0);
    let trig = sent.words[t].span[0];
    let clause = sent.words[t].clause;
    let mut best: Option<(bool, usize, &TimeExpr)> = None;
    // Times come in text order (`text::times`): only the sentence's are read,
    // not the document's for every event.
    let lo = times.partition_point(|te| te.span[0] < first);
    let here = times[lo..].iter().take_while(|te| te.span[0] <= last);
    for te in here {
        if te.span[0] < first || te.span[1] > last || precision_of(&te.value).is_none() {
            continue;
        }
        if te.kind != "date" && te.kind != "time" {
            continue;
        }
        // The first word at or after the time (words are in text order).
        let wi = sent.words.partition_point(|w| w.span[0] < te.span[0]);
        let wi = if wi == sent.words.len() { 0 } else { wi };
        let other_clause = sent
            .words
            .get(wi)
            .map(|w| w.clause != clause)
            .unwrap_or(true);
        let dist = trig.abs_diff(te.span[0]);
        if best
            .as_ref()
            .is_none_or(|b| (other_clause, dist) < (b.0, b.1))
        {
            best = Some((other_clause, dist, te));
        }
    }
    // Whether the time is the trigger's own: in its clause, a few words away.
    let own = |other: bool, te: &TimeExpr| {
        let wi = sent.words.partition_point(|w| w.span[0] < te.span[0]);
        !other && wi.abs_diff(t) <= 6
    };
    match best.and_then(|(other, _, te)| {
        precision_of(&te.value).map(|p| (te.value.clone(), p.to_string(), own(other, te)))
    }) {
        Some(d) => d,
        None => (
            doc_date.format("%Y-%m-%d").to_string(),
            "document".to_string(),
            false,
        ),
    }
}

/// `day`, `month`, `year` or `range` for a normalised value; `None` when it is not a calendar date.
/// Where a wire dateline or byline at the start of the body ends ("KABUL
/// (Reuters) - ", "QUITO, Ecuador -- ", "AP - "), else the sentence start.
/// Only the body's first sentence has one, and only a short run of
/// capitalised words with an all-capitals word or a parenthesis in it
/// counts, so that "Turkey - a NATO member - ..." is no dateline.
fn dateline_end(text: &str, span: [usize; 2]) -> usize {
    let Some(before) = text.get(..span[0]) else {
        return span[0];
    };
    if !before.trim().is_empty() {
        return span[0];
    }
    let mut at = span[0];
    for _ in 0..2 {
        let Some(rest) = text.get(at..span[1]) else {
            break;
        };
        let mut n = rest.len().min(60);
        while !rest.is_char_boundary(n) {
            n -= 1;
        }
        let head = &rest[..n];
        let Some((cut, dash)) = [" -- ", " - ", " \u{2014} ", " \u{2013} "]
            .iter()
            .filter_map(|d| head.find(d).map(|i| (i, d.len())))
            .min()
        else {
            break;
        };
        let prefix = &rest[..cut];
        let words: Vec<&str> = prefix.split_whitespace().collect();
        let dateline_like = !words.is_empty()
            && words.len() <= 6
            && words.iter().all(|w| {
                w.trim_matches(|c: char| "(),.'".contains(c))
                    .chars()
                    .next()
                    .is_none_or(|c| c.is_uppercase() || c.is_ascii_digit())
            })
            && (prefix.contains('(')
                || words.iter().any(|w| {
                    let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
                    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
                }));
        if !dateline_like {
            break;
        }
        at += cut + dash;
    }
    at
}

/// Whether the trigger or the verb right before it is in the past tense
/// ("held talks on 28 May").
fn told_past(sent: &Sent, t: usize) -> bool {
    sent.words[t.saturating_sub(3)..=t]
        .iter()
        .any(|w| w.tag == Tag::Word && w.mention.is_none() && is_past(&w.lower))
}

/// Whether a date value of day, month or year precision begins after `day`.
fn starts_after(v: &str, day: NaiveDate) -> bool {
    let first = match precision_of(v) {
        Some("day") => v.get(..10).map(str::to_string),
        Some("month") => Some(format!("{v}-01")),
        Some("year") => Some(format!("{v}-01-01")),
        _ => None,
    };
    first
        .and_then(|f| NaiveDate::parse_from_str(&f, "%Y-%m-%d").ok())
        .is_some_and(|f| f > day)
}

pub fn precision_of(v: &str) -> Option<&'static str> {
    let b = v.as_bytes();
    if b.len() < 4 || !b[..3].iter().all(|c| c.is_ascii_digit()) {
        return None;
    }
    if v.contains('/') || !b[3].is_ascii_digit() || v.contains('W') {
        return Some("range");
    }
    match b.len() {
        4 => Some("year"),
        7 => Some("month"),
        10 => Some("day"),
        _ if b.len() > 10 => Some("day"),
        _ => Some("range"),
    }
}

impl EventCoder {
    /// The place a recognised mention names in the trigger's clause, nearest
    /// the trigger: a lexicon place ("in Anbar"), or the place an actor was
    /// located by ("militants in Anbar", whose span is the actor's).
    fn mentioned_place(&self, sent: &Sent, t: usize) -> Option<Place> {
        if self.lexicon_places.is_empty() {
            return None;
        }
        let clause = sent.words[t].clause;
        sent.mentions
            .iter()
            .filter(|m| sent.words[m.start].clause == clause)
            .filter_map(|m| {
                let rule = m.mention.rule.as_str();
                let (key, own) = match rule.strip_prefix("compose:located:") {
                    Some(r) => (r.rsplit('+').next().unwrap_or(r), false),
                    None => (rule, true),
                };
                let e = self.lexicon_places.get(key)?;
                Some((m.start.abs_diff(t), e, own.then_some(m.mention.span)))
            })
            .min_by_key(|x| x.0)
            .map(|(_, e, span)| Place {
                name: e.name.to_string(),
                country: Some(e.country.to_string()),
                lat: Some(e.lat),
                lon: Some(e.lon),
                span,
            })
    }
}

fn pick_place(sent: &Sent, t: usize, places: &[PlaceHit], g: &Gazetteer) -> Option<Place> {
    let clause = sent.words[t].clause;
    let h = places
        .iter()
        .filter(|h| sent.words[h.start].clause == clause)
        .min_by_key(|h| h.start.abs_diff(t))?;
    let e = &g.entries[h.entry];
    Some(Place {
        name: e.name.clone(),
        country: Some(e.country.clone()),
        lat: Some(e.lat),
        lon: Some(e.lon),
        span: Some([sent.words[h.start].span[0], sent.words[h.end - 1].span[1]]),
    })
}

/// Matches a pattern's elements after the trigger at `t`.
fn match_elems(sent: &Sent, p: &Pattern, t: usize) -> Option<Match> {
    let clause = sent.words[t].clause;
    let mut m = Match {
        pattern: 0,
        trigger: t,
        end: t + 1,
        targets: Vec::new(),
        sources: Vec::new(),
        // Counts open final slots while matching; the pattern's specificity
        // (a count over its elements) is only worked out for a match.
        specificity: 0,
    };
    if go(sent, &p.elems, 0, t + 1, clause, &mut m) {
        m.specificity = p.specificity().saturating_sub(m.specificity);
        Some(m)
    } else {
        None
    }
}

fn skippable(sent: &Sent, i: usize) -> bool {
    sent.words.get(i).is_some_and(|w| {
        w.mention.is_none() && matches!(w.tag, Tag::Det | Tag::PossPron | Tag::Adv | Tag::Poss)
    })
}

fn go(sent: &Sent, elems: &[Elem], k: usize, pos: usize, clause: usize, m: &mut Match) -> bool {
    let Some(e) = elems.get(k) else {
        m.end = pos;
        return true;
    };
    let in_clause = |i: usize| sent.words.get(i).is_some_and(|w| w.clause == clause);
    match e {
        Elem::Word(forms) => {
            // The literal itself, or after up to two determiners/adverbs ("sign an agreement").
            for j in pos..pos + 3 {
                if in_clause(j) && forms.iter().any(|f| *f == sent.words[j].lower) {
                    return go(sent, elems, k + 1, j + 1, clause, m);
                }
                if !skippable(sent, j) {
                    break;
                }
            }
            false
        }
        Elem::Prefix(stems) => {
            for j in pos..pos + 3 {
                if in_clause(j)
                    && stems
                        .iter()
                        .any(|f| sent.words[j].lower.starts_with(f.as_str()))
                {
                    return go(sent, elems, k + 1, j + 1, clause, m);
                }
                if !skippable(sent, j) {
                    break;
                }
            }
            false
        }
        Elem::Gap | Elem::Gap1 => {
            let from = usize::from(matches!(e, Elem::Gap1));
            // Before a literal that anchors the match ("fired 120mm mortars, IFVs,
            // grenade launchers, heavy machine guns and small arms at"), longer lists.
            let max = if matches!(elems.get(k + 1), Some(Elem::Word(_))) {
                20
            } else {
                7
            };
            for g in from..=max {
                let j = pos + g;
                // Lists inside the clause may be skipped ("mortars, grenade launchers and ...").
                if g > 0 && !in_clause(j - 1) {
                    break;
                }
                if go(sent, elems, k + 1, j, clause, m) {
                    return true;
                }
            }
            false
        }
        Elem::Target | Elem::Source => {
            let mut j = pos;
            let mut skipped = 0;
            while j < sent.words.len() && sent.words[j].mention.is_none() && skipped < 4 {
                let w = &sent.words[j];
                // "the positions of X", "a member of X": a head noun and `of` lead to the actor.
                let of_after_noun = matches!(w.lower.as_str(), "of" | "from") && j > pos;
                // "between pro-Hadi forces and ...": a prefix's hyphen.
                let prefix_hyphen = w.lower == "-"
                    && j > pos
                    && matches!(sent.words[j - 1].lower.as_str(), "pro" | "anti");
                if !(matches!(w.tag, Tag::Det | Tag::PossPron | Tag::Adv | Tag::Number)
                    || of_after_noun
                    || prefix_hyphen
                    || (w.tag == Tag::Word && !w.capitalised && w.lower.len() > 2))
                {
                    break;
                }
                // Articles are free: "the positions of the military forces of Azerbaijan".
                if !matches!(w.tag, Tag::Det | Tag::PossPron) {
                    skipped += 1;
                }
                j += 1;
            }
            let Some(k0) = sent.mention_starting(j).filter(|_| in_clause(j)) else {
                // A final target slot may stay empty ("Erdogan and Netanyahu met in
                // New York"): the clause analyser then looks for the roles.
                if k + 1 == elems.len() && matches!(e, Elem::Target) {
                    m.end = pos;
                    m.specificity += 1;
                    return true;
                }
                return false;
            };
            // Two slots in a row ("between + and +") must not swallow each other as a compound.
            let next_is_slot = elems
                .get(k + 2)
                .is_some_and(|e| matches!(e, Elem::Target | Elem::Source));
            let group = if next_is_slot {
                vec![k0]
            } else {
                sent.compound_right(k0)
            };
            let end = group.last().map(|&g| sent.mentions[g].end).unwrap_or(j + 1);
            let saved = (m.targets.len(), m.sources.len());
            if matches!(e, Elem::Target) {
                m.targets.extend(group);
            } else {
                m.sources.extend(group);
            }
            if go(sent, elems, k + 1, end, clause, m) {
                return true;
            }
            m.targets.truncate(saved.0);
            m.sources.truncate(saved.1);
            false
        }
    }
}

/// Marks events whose trigger lies inside a quote's content with the quote's speaker.
///
/// The first quote in `quotes` that holds the trigger wins. Quotes come in
/// text order, so that one is found by two binary searches instead of a scan
/// per event (quadratic on a document of thousands of quotes).
pub fn reported_by(events: &mut [Event], quotes: &[Quote]) {
    let sorted = quotes
        .windows(2)
        .all(|w| w[0].content_span[0] <= w[1].content_span[0]);
    // The greatest content end among the first i + 1 quotes.
    let reach: Vec<usize> = quotes
        .iter()
        .scan(0, |m, q| {
            *m = q.content_span[1].max(*m);
            Some(*m)
        })
        .collect();
    let holds =
        |q: &Quote, ev: &Event| q.content_span[0] <= ev.span[0] && ev.span[1] <= q.content_span[1];
    for ev in events.iter_mut() {
        let found = if sorted {
            // Among the quotes starting at or before the trigger, the first
            // that ends at or after it: where the running maximum gets there.
            let starts = quotes.partition_point(|q| q.content_span[0] <= ev.span[0]);
            let first = reach[..starts].partition_point(|&e| e < ev.span[1]);
            quotes[..starts].get(first)
        } else {
            quotes.iter().find(|q| holds(q, ev))
        };
        let Some(q) = found else {
            continue;
        };
        debug_assert!(holds(q, ev));
        ev.reported_by = match &q.speaker {
            Speaker::Actor(p) => Some(p.clone()),
            Speaker::Unresolved {
                text,
                span,
                country: Some(c),
            } => Some(Participant {
                actor: Actor {
                    code: c.clone(),
                    country: Some(c.clone()),
                    role: None,
                    name: text.clone(),
                    id: format!("unresolved:{text}"),
                    kind: ActorType::Group,
                },
                text: text.clone(),
                span: *span,
            }),
            Speaker::Unresolved { .. } => None,
        };
    }
}

/// Who an implied participant is: CAMEO role, what to call them, id, kind.
struct Unnamed(&'static str, &'static str, &'static str, ActorType);

const CIVILIANS: Unnamed = Unnamed("CVL", "civilians", "implicit:civilians", ActorType::Group);
const GOVERNMENT: Unnamed = Unnamed(
    "GOV",
    "government",
    "implicit:government",
    ActorType::Organisation,
);
const ARMED_GROUP: Unnamed = Unnamed(
    "UAF",
    "armed group",
    "implicit:armed-group",
    ActorType::Group,
);
const PERPETRATORS: Unnamed = Unnamed(
    "UAF",
    "unidentified perpetrators",
    "implicit:perpetrator",
    ActorType::Group,
);
const POLICE: Unnamed = Unnamed("COP", "police", "implicit:police", ActorType::Group);

/// An actor the text implies but does not name: "attacked a village" hits the
/// village's civilians, "armed men clashed" fought an unnamed armed group,
/// unnamed protesters protest against their government.
fn implied(country: &str, who: &Unnamed, span: [usize; 2]) -> Participant {
    let Unnamed(role, what, id, kind) = *who;
    Participant {
        actor: Actor {
            code: format!("{country}{role}"),
            country: (!country.is_empty()).then(|| country.to_string()),
            role: Some(role.to_string()),
            name: if country.is_empty() {
                what.to_string()
            } else {
                format!("{what} of {country}")
            },
            id: id.to_string(),
            kind,
        },
        text: String::new(),
        span,
    }
}
