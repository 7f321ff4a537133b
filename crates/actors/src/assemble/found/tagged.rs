//! Names the trained name tagger finds (`syntax::ner`) where neither the
//! lexicon nor the heuristics of `unknown` found one: people, organisations
//! and places no list knows. Each gets what the context says of its country
//! and the tagger's margin in its rule (`ner:ORG@2.4`), so it can be traced
//! and filtered.

use super::*;
use model::Token;
use syntax::ner::{hint, NameKind};

/// Tagged names less sure than this (the margin between the tag chosen
/// and the next best, in weight units) are left out.
const MIN_MARGIN: f32 = 8.0;

/// The atom of what a lexicon match names, for the tagger's hints.
fn hint_kind(tk: Tk) -> &'static str {
    match tk {
        Tk::Country(_, crate::index::Form::Name) => "country",
        Tk::Country(_, crate::index::Form::Adjective) => "country-adjective",
        Tk::Country(_, crate::index::Form::Demonym) => "demonym",
        Tk::Seat(_) => "seat",
        Tk::Person(_) => "person",
        Tk::Org(_) => "organisation",
        Tk::Agent(_) => "agent",
        Tk::Place(_) => "place",
    }
}

impl Ctx<'_> {
    /// Per sentence: the words (the treebank's split of the tokens) and the
    /// tagger's view of them, with a hint from the lexicon match covering
    /// each word, else from the given-name list.
    ///
    /// Unless `all`, sentences whose capitalised words are all inside
    /// lexicon matches other than gazetteer places (or a function word
    /// opening the sentence) are left
    /// empty: the tagger could add nothing there that would be kept, and
    /// most of its time would go to them.
    pub(in crate::assemble) fn name_words(
        &self,
        tokens: &[Token],
        all: bool,
    ) -> syntax::ner::DocumentWords {
        let toks: Vec<(usize, usize)> = tokens.iter().map(|t| (t.span[0], t.span[1])).collect();
        let mut words = Vec::with_capacity(toks.len() + toks.len() / 8);
        syntax::words::split(self.text, &toks, &mut words);
        let mut spans: Vec<Vec<(usize, usize)>> = vec![Vec::new(); self.sents.len()];
        let mut hints: Vec<Vec<u64>> = vec![Vec::new(); self.sents.len()];
        let mut open = vec![all; self.sents.len()];
        let mut ai = 0;
        for w in words {
            let k = self.sent_of(w.0);
            let (Some(sp), Some(hs)) = (spans.get_mut(k), hints.get_mut(k)) else {
                continue;
            };
            // Atoms are sorted and do not overlap: walk them alongside.
            while self.all_atoms.get(ai).is_some_and(|a| a.1 <= w.0) {
                ai += 1;
            }
            let in_atom = self
                .all_atoms
                .get(ai)
                .filter(|a| a.0 <= w.0 && w.1 <= a.1)
                .copied();
            let capital = self.capitalised(w.0, w.1);
            let h = match in_atom {
                Some((s, _, tk)) => hint(hint_kind(tk), s == w.0),
                None if capital
                    && with_folded(&self.text[w.0..w.1], |f| self.idx.given.contains(f)) =>
                {
                    hint("given", true)
                }
                None => 0,
            };
            // A gazetteer place is no mention yet: the tagger may still
            // read it as a team or a person ("Kent", "Washington").
            let known = in_atom.is_some_and(|a| !matches!(a.2, Tk::Place(_)));
            if capital && !known && !open[k] {
                let opener = sp.is_empty()
                    && with_folded(&self.text[w.0..w.1], |f| is_stop(f) || f == "the");
                open[k] = !opener;
            }
            sp.push(w);
            hs.push(h);
        }
        for (k, o) in open.iter().enumerate() {
            if !o {
                spans[k].clear();
                hints[k].clear();
            }
        }
        let words = syntax::ner::document(self.text, &spans, &hints);
        (spans, words)
    }

    /// Adds the tagger's people, organisations and places that no mention
    /// covers yet. A name may take in bare country and place mentions
    /// ("Bank of Israel"); a lone surname of a person already named is left
    /// to coreference.
    /// Returns the tagged places the gazetteer may know, for `add_free`
    /// once the gazetteer's places are in.
    pub(in crate::assemble) fn tagged_names(&mut self, tokens: &[Token]) -> Vec<M> {
        let Ok(tagger) = syntax::ner::builtin() else {
            return Vec::new();
        };
        let (spans, words) = self.name_words(tokens, false);
        let names = tagger.document_names(&words);
        self.index_out();
        // Last words of people named in full: a lone surname is left to
        // coreference.
        let surnames: std::collections::HashSet<&str> = self
            .out
            .iter()
            .filter(|m| m.actor.kind == ActorType::Person)
            .filter_map(|m| self.text[m.s..m.e].rsplit_once(' ').map(|x| x.1))
            .collect();
        let mut new: Vec<M> = Vec::new();
        let mut drop = std::collections::HashSet::new();
        let mut later = Vec::new();
        for (sp, names) in spans.iter().zip(names) {
            for name in names {
                let (Some(first), Some(last)) = (sp.get(name.start), sp.get(name.end - 1)) else {
                    continue;
                };
                let (s, e) = (first.0, last.1);
                // Tagged names never overlap one another.
                let Some((m, absorbed)) = self.tagged(s, e, name.kind, name.margin, &surnames)
                else {
                    continue;
                };
                if m.actor.kind == ActorType::Place && self.gazetteer_has(s, e) {
                    later.push(m);
                    continue;
                }
                drop.extend(absorbed);
                new.push(m);
            }
        }
        if !drop.is_empty() {
            self.out.retain(|m| !drop.contains(&(m.s, m.e)));
        }
        self.out.extend(new);
        later
    }

    /// Whether a gazetteer place covers `[s, e)`.
    fn gazetteer_has(&self, s: usize, e: usize) -> bool {
        self.atoms_in(s, e)
            .iter()
            .any(|&(a, b, tk)| matches!(tk, Tk::Place(_)) && a <= s && e <= b)
    }

    /// Adds the mentions that nothing found since overlaps.
    pub(in crate::assemble) fn add_free(&mut self, ms: Vec<M>) {
        self.index_out();
        let free: Vec<M> = ms
            .into_iter()
            .filter(|m| self.overlapping(m.s, m.e).next().is_none())
            .collect();
        self.out.extend(free);
    }

    /// The mention for one tagged name, with the bare mentions it takes in;
    /// `None` when the name is not new.
    fn tagged(
        &self,
        s: usize,
        e: usize,
        kind: NameKind,
        margin: f32,
        surnames: &std::collections::HashSet<&str>,
    ) -> Option<(M, Vec<(usize, usize)>)> {
        if margin < MIN_MARGIN {
            return None;
        }
        let kind = match kind {
            NameKind::Person => ActorType::Person,
            NameKind::Organisation => ActorType::Organisation,
            NameKind::Location => ActorType::Place,
            NameKind::Misc => return None,
        };
        // "Diane Abbott", tagged as "Diane" before the lexicon's surname of
        // Tony Abbott: a given name and the surname after it are one person,
        // someone else than the lexicon's.
        let mut e = e;
        if kind == ActorType::Person
            && self.text[e..].starts_with(' ')
            && self
                .idx
                .given
                .contains(&lexicon::norm::fold(&self.text[s..e]))
        {
            if let Some(m) = self.overlapping(e + 1, e + 2).find(|m| {
                m.s == e + 1
                    && m.actor.kind == ActorType::Person
                    && !m.discovered
                    && !self.text[m.s..m.e].contains(' ')
            }) {
                e = m.e;
            }
        }
        let name = &self.text[s..e];
        // Possessives and stray punctuation belong to no name.
        if !name.chars().next().is_some_and(char::is_alphanumeric) {
            return None;
        }
        let mut absorbed = Vec::new();
        let mut cc: Option<String> = None;
        let mut evidence: Option<Span> = None;
        for m in self.overlapping(s, e) {
            let inside = s <= m.s && m.e <= e && (m.s, m.e) != (s, e);
            // "Andrei Medvedev" is not the lexicon's Medvedev: a one-word
            // person match inside a longer tagged person name is someone else.
            let other_person = kind == ActorType::Person
                && m.actor.kind == ActorType::Person
                && !m.discovered
                && !self.text[m.s..m.e].contains(' ');
            let place = Self::bare_place_like(m) && kind != ActorType::Place;
            if !(inside && (place || other_person)) {
                return None;
            }
            if cc.is_none() && place {
                cc = m.actor.country.clone();
                evidence = Some([m.s, m.e]);
            }
            absorbed.push((m.s, m.e));
        }
        if kind == ActorType::Person && !name.contains(' ') && surnames.contains(name) {
            return None;
        }
        if cc.is_none() && kind == ActorType::Person {
            if let Some((c, ev)) = self.person_country(s, e) {
                cc = Some(c);
                evidence = Some(ev);
            }
        }
        // A country or seat inside an organisation's or a place's name
        // gives its country; so does a gazetteer place inside a place
        // ("Rakhine State", "Baghdad province").
        if cc.is_none() && matches!(kind, ActorType::Organisation | ActorType::Place) {
            for &(a, b, tk) in self.atoms_in(s, e) {
                let fits = match tk {
                    Tk::Seat(_) | Tk::Country(..) => true,
                    Tk::Place(_) => kind == ActorType::Place && !self.after_name_particle(a),
                    _ => false,
                };
                if let Some((c, _)) = fits.then(|| self.atom_country(tk, None)).flatten() {
                    cc = Some(c);
                    evidence = Some([a, b]);
                    break;
                }
            }
        }
        // "the 35th Brigade", "Hamza Division": an armed or other body's
        // head word gives its role; its country may come from where it acts.
        let role = (kind == ActorType::Organisation)
            .then(|| name.rsplit(' ').next())
            .flatten()
            .and_then(|last| ORG_SUFFIX.iter().find(|(x, _)| *x == last))
            .map(|(_, r)| *r)
            .filter(|r| !r.is_empty());
        let code = cc.clone().unwrap_or_default();
        let mut actor = self.discovered((s, e), &code, kind);
        if cc.is_none() {
            actor.role = role.map(str::to_string);
        }
        let label = match kind {
            ActorType::Person => "PER",
            ActorType::Place => "LOC",
            _ => "ORG",
        };
        Some((
            M {
                s,
                e,
                sent: self.sent_of(s),
                actor,
                person: None,
                rule: format!("ner:{label}@{margin:.1}"),
                evidence,
                discovered: true,
            },
            absorbed,
        ))
    }
}
