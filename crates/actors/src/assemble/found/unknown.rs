//! Names no lexicon knows: runs of capitalised words that a given name, a
//! title or an organisation suffix marks as a person or an organisation.

use super::*;

impl Ctx<'_> {
    /// Capitalised runs from `pos`: words one space apart in one sentence,
    /// with name particles ("bin", "van") and, when `org`, connectors
    /// ("of", "for") inside.
    pub(super) fn run_at(&self, pos: usize, org: bool) -> Run {
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
    pub(super) fn bare_place_like(m: &M) -> bool {
        !m.discovered
            && (m.actor.kind == ActorType::Country
                || (m.actor.kind == ActorType::Place && !m.rule.starts_with("compose")))
    }

    /// Unknown names: organisations by suffix or head, persons by title or
    /// given name. Runs overlapping other mentions are left alone.
    pub(in crate::assemble) fn discover_names(&mut self) {
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
    pub(super) fn overlapping(&self, s: usize, e: usize) -> impl Iterator<Item = &M> {
        const MAX_SPAN: usize = 400;
        let from = self.out_index.partition_point(|x| x.0 + MAX_SPAN <= s);
        self.out_index[from..]
            .iter()
            .take_while(move |x| x.0 < e)
            .filter_map(move |x| self.out.get(x.1))
            .filter(move |m| m.s < e && s < m.e)
    }

    /// Rebuilds `out_index` after `out` changed.
    pub(super) fn index_out(&mut self) {
        self.out_index = self.out.iter().enumerate().map(|(i, m)| (m.s, i)).collect();
        self.out_index.sort_unstable();
    }

    pub(super) fn org_from_run(
        &self,
        words: &[(usize, usize)],
    ) -> Option<(M, Vec<(usize, usize)>)> {
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

    pub(super) fn person_from_run(&self, words: &[(usize, usize)]) -> Option<M> {
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
        if cc.is_none() {
            if let Some((c, ev)) = self.person_country(s, e) {
                cc = Some(c);
                evidence = Some(ev);
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

    /// The country a person's context gives: "Paul Tergat (Kenya)", "Paul
    /// Tergat, a Kenyan runner", "Ali Hassan, Syria's envoy", "Kenyan runner
    /// Paul Tergat"; with the span that says so.
    pub(super) fn person_country(&self, s: usize, e: usize) -> Option<(String, Span)> {
        // A country after the name: "Paul Tergat (Kenya)".
        {
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
                        if let Some(c) = self.country_code(tk) {
                            return Some((c.0.to_string(), [a, b]));
                        }
                    }
                }
            }
        }
        // "Paul Tergat, a Kenyan runner", "Ali Hassan, Syria's envoy": an
        // apposition opening with a country adjective or possessive.
        {
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
                        if let Some(c) = self.country_code(tk) {
                            return Some((c.0.to_string(), [a, b]));
                        }
                    }
                }
            }
        }
        // "Kenyan runner Paul Tergat": a bare country word and one
        // lower-case noun right before.
        {
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
                    if let Some(c) = m.actor.country.clone() {
                        return Some((c, [m.s, m.e]));
                    }
                }
            }
        }
        None
    }
}
