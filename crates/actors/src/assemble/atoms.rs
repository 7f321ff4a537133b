//! What the lexicon names where: the atoms (countries, agents, people,
//! organisations, places) found in the text, and the place candidates the
//! gazetteer offers at capitalised words.

use super::*;

impl Ctx<'_> {
    /// Lexicon matches: word-bounded, case-checked, longest first, no overlaps.
    pub(super) fn atoms(&self) -> Vec<Atom> {
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
    pub(super) fn place_candidates(
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

    pub(super) fn overlaps_atom(&self, s: usize, e: usize) -> bool {
        let i = self.atom_spans.partition_point(|a| a.1 <= s);
        self.atom_spans.get(i).is_some_and(|a| a.0 < e)
    }
}
