//! Names around a position: the capitalised name after or before a word,
//! whether it can be a person's, and the people, office holders and
//! appositions it may refer to.

use super::*;

impl<'a> Ctx<'a> {
    /// The folded text between two offsets, trimmed.
    pub(super) fn gap(&self, a: usize, b: usize) -> Option<String> {
        self.text.get(a..b).map(|g| fold(g).trim().to_string())
    }

    pub(super) fn only_space(&self, a: usize, b: usize) -> bool {
        self.text
            .get(a..b)
            .is_some_and(|g| !g.is_empty() && g.chars().all(|c| c == ' ' || c == '\u{a0}'))
    }

    /// The next capitalised word start at or after `pos` and its first
    /// character: the start of every unknown-name and surname scan.
    pub(super) fn next_capital(&self, pos: usize) -> Option<(usize, char)> {
        let i = self.capitals.partition_point(|c| c.0 < pos);
        self.capitals.get(i).copied()
    }

    /// A word starting at `pos`: letters/digits with inner hyphens or dots.
    pub(super) fn word_at(&self, pos: usize) -> Option<usize> {
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

    pub(super) fn capitalised(&self, s: usize, e: usize) -> bool {
        self.text
            .get(s..e)
            .and_then(|w| w.chars().next())
            .is_some_and(|c| c.is_uppercase())
    }

    /// A run of capitalised words right after `pos` (one space), not lexicon
    /// matches, at most four words.
    pub(super) fn name_after(&self, pos: usize) -> Option<(usize, usize)> {
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
    pub(super) fn plausible_person(&self, nm: (usize, usize)) -> bool {
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
    pub(super) fn person_name_after(&self, pos: usize) -> Option<(usize, usize)> {
        self.name_after(pos).filter(|nm| {
            let last = self.text[nm.0..nm.1]
                .split_whitespace()
                .last()
                .unwrap_or("");
            !is_org_word(last)
        })
    }

    /// A run of capitalised words ending right at `pos`, within the sentence.
    pub(super) fn name_before(&self, pos: usize, floor: usize) -> Option<(usize, usize)> {
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
    pub(super) fn former_before(&self, pos: usize, k: usize) -> bool {
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
    pub(super) fn pick_person(&self, alts: &[u32], k: usize) -> Option<u32> {
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
    pub(super) fn person_actor(&self, p: u32, k: usize, former: bool) -> (Actor, String) {
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
    pub(super) fn holder(&self, cc: &str, office: &str, k: usize) -> Option<u32> {
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

    /// `<Name>, (a|an|the)? ` right before `pos`: the apposition's name.
    pub(super) fn appos_name_before(&self, pos: usize, k: usize) -> Option<(usize, usize)> {
        self.appos_name_before_art(pos, k).map(|(nm, _)| nm)
    }

    /// As `appos_name_before`, also saying whether an article opened the
    /// apposition ("X, the US energy company" against "X, Qatari media said").
    pub(super) fn appos_name_before_art(
        &self,
        pos: usize,
        k: usize,
    ) -> Option<((usize, usize), bool)> {
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
}
