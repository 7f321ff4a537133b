//! An organisation's acronym given in brackets after its name ("the
//! Democratic Union Party (PYD)") names it for the rest of the document,
//! whatever the acronym's letters (many are of the name in another
//! language). Only organisations and groups: after a person or a place a
//! bracket holds a party, an agency or a country.

use super::*;

/// Whether `w` reads as an acronym: 2 to 8 capitals or digits, opening with
/// a capital.
fn is_acronym(w: &str) -> bool {
    (2..=8).contains(&w.len())
        && w.starts_with(|c: char| c.is_ascii_uppercase())
        && w.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

impl Ctx<'_> {
    pub(in crate::assemble) fn acronyms(&mut self) {
        let mut aliases: Vec<(&str, usize)> = Vec::new();
        for (i, m) in self.out.iter().enumerate() {
            if !matches!(m.actor.kind, ActorType::Organisation | ActorType::Group) {
                continue;
            }
            let after = &self.text[m.e..];
            let Some(inner) = after.strip_prefix(" (") else {
                continue;
            };
            let Some(close) = inner.find(')') else {
                continue;
            };
            let acr = &inner[..close];
            if is_acronym(acr) && !aliases.iter().any(|a| a.0 == acr) {
                aliases.push((acr, i));
            }
        }
        if aliases.is_empty() {
            return;
        }
        self.index_out();
        let mut new = Vec::new();
        let mut drop = Vec::new();
        for (acr, i) in aliases {
            let of = &self.out[i];
            for (at, _) in self.text.match_indices(acr) {
                let end = at + acr.len();
                let bounded = !self.text[..at].ends_with(|c: char| c.is_alphanumeric())
                    && !self.text[end..].starts_with(|c: char| c.is_alphanumeric());
                // The tagger's own reading of the acronym gives way; any
                // other mention there stays.
                let mut taken = false;
                for o in self.overlapping(at, end) {
                    if o.rule.starts_with("ner:") && (o.s, o.e) == (at, end) {
                        drop.push((at, end));
                    } else {
                        taken = true;
                    }
                }
                if !bounded || taken {
                    continue;
                }
                let actor = of.actor.clone();
                new.push(M {
                    s: at,
                    e: end,
                    sent: self.sent_of(at),
                    actor,
                    person: None,
                    rule: format!("alias:acronym:{}", of.rule),
                    evidence: Some([of.s, of.e]),
                    discovered: of.discovered,
                });
            }
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
