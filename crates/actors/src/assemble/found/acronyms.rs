//! An organisation's acronym given in brackets after its name ("the
//! Democratic Union Party (PYD)") names it for the rest of the document,
//! whatever the acronym's letters (many are of the name in another
//! language). Only organisations and groups: after a person or a place a
//! bracket holds a party, an agency or a country.

use super::*;
use std::collections::{HashMap, HashSet};

/// Whether `w` reads as an acronym: 2 to 8 capitals or digits, opening with
/// a capital.
pub(super) fn is_acronym(w: &str) -> bool {
    (2..=8).contains(&w.len())
        && w.starts_with(|c: char| c.is_ascii_uppercase())
        && w.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

impl Ctx<'_> {
    pub(in crate::assemble) fn acronyms(&mut self) {
        // Acronym -> the mention it names (the first one given).
        let mut aliases: HashMap<&str, usize> = HashMap::new();
        for (i, m) in self.out.iter().enumerate() {
            if !matches!(m.actor.kind, ActorType::Organisation | ActorType::Group) {
                continue;
            }
            let Some(inner) = self.text[m.e..].strip_prefix(" (") else {
                continue;
            };
            let Some(close) = inner.find(')') else {
                continue;
            };
            let acr = &inner[..close];
            if is_acronym(acr) {
                aliases.entry(acr).or_insert(i);
            }
        }
        if aliases.is_empty() {
            return;
        }
        self.index_out();
        let mut new = Vec::new();
        let mut drop = HashSet::new();
        // An acronym opens with a capital: one pass over the capitalised
        // word starts finds every use of every acronym.
        for &(at, _) in &self.capitals {
            let len = self.text.as_bytes()[at..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
            let end = at + len;
            let Some(&i) = aliases.get(&self.text[at..end]) else {
                continue;
            };
            if self.text[end..].starts_with(|c: char| c.is_alphanumeric()) {
                continue;
            }
            // The tagger's own reading of the acronym gives way; any other
            // mention there stays.
            let mut taken = false;
            for o in self.overlapping(at, end) {
                if o.rule.starts_with("ner:") && (o.s, o.e) == (at, end) {
                    drop.insert((at, end));
                } else {
                    taken = true;
                }
            }
            if taken {
                continue;
            }
            let of = &self.out[i];
            new.push(M {
                s: at,
                e: end,
                sent: self.sent_of(at),
                actor: of.actor.clone(),
                person: None,
                rule: format!("alias:acronym:{}", of.rule),
                evidence: Some([of.s, of.e]),
                discovered: of.discovered,
            });
        }
        self.out
            .retain(|m| !(m.rule.starts_with("ner:") && drop.contains(&(m.s, m.e))));
        self.out.extend(new);
    }
}

#[cfg(test)]
mod tests {
    use super::is_acronym;

    #[test]
    fn acronyms_are_short_capitals() {
        assert!(is_acronym("PYD") && is_acronym("G20") && is_acronym("SDF"));
        assert!(
            !is_acronym("P")
                && !is_acronym("Pyd")
                && !is_acronym("2020")
                && !is_acronym("ABCDEFGHI")
        );
    }
}
