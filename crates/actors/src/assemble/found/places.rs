//! Which place a name means, and actors located by a place: choosing
//! between places of the same name (capitals, the wider area named next to
//! it, the document's countries), seats standing for places, and
//! "protesters in Haifa", "Lagos police".

use super::*;

impl<'a> Ctx<'a> {
    /// The most likely place of a gazetteer key (a document-level country
    /// vote): one in a country named in its own sentence `k`, else the one
    /// whose country the document names most often, else one in a country
    /// of the document's unambiguous places ("Santa Terezinha de Itaipu,
    /// Parana": Brazil's Paraná), else the most populous.
    pub(super) fn pick_place(&self, g: u32, k: Option<usize>) -> Option<u32> {
        let list = self.idx.place_groups.get(g as usize)?;
        self.pick_from(list, k)
    }

    /// A name in the slot of a wider area ("in Jaque (Darien)", "Caura,
    /// Bolivar state") is the region when the gazetteer has one of that name.
    pub(super) fn pick_place_at(&self, g: u32, k: usize, s: usize, e: usize) -> Option<u32> {
        let list = self.idx.place_groups.get(g as usize)?;
        let info = |p: u32| &self.idx.places[p as usize];
        if let Some(c) = self.paired_country(list, s, e) {
            let admin = self.admin_slot(s, e);
            let mut in_c = list.iter().copied().filter(|&p| info(p).country == c);
            let first = in_c.next();
            if let Some(p) = std::iter::once(first)
                .flatten()
                .chain(in_c)
                .find(|&p| !admin || info(p).region)
                .or(first)
            {
                return Some(p);
            }
        }
        if self.admin_slot(s, e) {
            let regions: Vec<u32> = list
                .iter()
                .copied()
                .filter(|&p| self.idx.places[p as usize].region)
                .collect();
            if !regions.is_empty() {
                return self.pick_from(&regions, Some(k));
            }
        }
        self.pick_from(list, Some(k))
    }

    /// The country a place and the wider area named next to it share: "La
    /// Paz, Baja California Sur" is Mexico's La Paz, "San Antonio
    /// (Valparaiso)" Chile's, and the area itself is the region of that
    /// country ("Rio Claro, Lara": Venezuela's Lara).
    pub(super) fn paired_country(&self, list: &[u32], s: usize, e: usize) -> Option<String> {
        let info = |p: u32| &self.idx.places[p as usize];
        let i = self.all_atoms.partition_point(|x| x.0 < s);
        let sep = |a: usize, b: usize| self.text.get(a..b).is_some_and(area_separator);
        // A seat names its city too ("San Cristobal, Bogota").
        let group = |tk: Tk| match tk {
            Tk::Place(g) => self.idx.place_groups.get(g as usize),
            Tk::Seat(si) => self
                .idx
                .seat_places
                .get(si as usize)
                .copied()
                .flatten()
                .and_then(|g| self.idx.place_groups.get(g as usize)),
            _ => None,
        };
        // The wider area after this place ("municipality" may be an agent atom between).
        let next = self.all_atoms[(i + 1).min(self.all_atoms.len())..]
            .iter()
            .take(2)
            .find(|x| !matches!(x.2, Tk::Agent(_)));
        if let Some(&(ns, _, tk)) = next {
            if let Some(areas) = group(tk).filter(|_| sep(e, ns)) {
                // A region of that name first, else a city ("Cordoba, Veracruz").
                for region in [true, false] {
                    for &p in list {
                        let c = &info(p).country;
                        if areas
                            .iter()
                            .any(|&q| (info(q).region || !region) && info(q).country == *c)
                        {
                            return Some(c.clone());
                        }
                    }
                }
            }
        }
        // The narrower place before this area.
        let (_, pe, tk) = *self.all_atoms.get(i.checked_sub(1)?)?;
        let narrower = group(tk).filter(|_| sep(pe, s))?;
        list.iter()
            .map(|&p| info(p))
            .filter(|p| p.region)
            .find(|p| narrower.iter().any(|&q| info(q).country == p.country))
            .map(|p| p.country.clone())
    }

    /// Whether `[s, e)` stands where news names an administrative area:
    /// in brackets or after a comma following another capitalised name, or
    /// before "state", "province", "region", "department", "governorate".
    pub(super) fn admin_slot(&self, s: usize, e: usize) -> bool {
        const AREA: &[&str] = &[
            "state",
            "province",
            "region",
            "department",
            "governorate",
            "prefecture",
            "oblast",
        ];
        let after = self
            .text
            .get(e..)
            .and_then(|r| r.strip_prefix(' '))
            .and_then(|r| r.split(|c: char| !c.is_alphabetic()).next())
            .unwrap_or("");
        if AREA.contains(&after) {
            return true;
        }
        let before = self.text.get(..s).unwrap_or("");
        let lead = before.trim_end_matches(' ');
        let Some(mark) = lead.chars().last() else {
            return false;
        };
        if !matches!(mark, '(' | ',') {
            return false;
        }
        let prev = lead[..lead.len() - mark.len_utf8()].trim_end();
        prev.chars()
            .last()
            .is_some_and(|c| c.is_alphabetic() || c == ')')
            && prev
                .rsplit(|c: char| c.is_whitespace() || c == '(')
                .next()
                .and_then(|w| w.chars().next())
                .is_some_and(char::is_uppercase)
    }

    pub(super) fn pick_from(&self, list: &[u32], k: Option<usize>) -> Option<u32> {
        let country = |p: u32| &self.idx.places[p as usize].country;
        if let Some(k) = k {
            let lo = self.sent_cc.partition_point(|x| x.0 < k);
            let here = &self.sent_cc[lo..];
            let here = &here[..here.partition_point(|x| x.0 == k)];
            if let Some(&p) = list
                .iter()
                .find(|&&p| here.iter().any(|x| x.1 == country(p)))
            {
                return Some(p);
            }
        }
        let mut best: Option<(u32, u32)> = None;
        for &p in list {
            let n = self.doc_cc.get(country(p).as_str()).copied().unwrap_or(0);
            if n > 0 && best.is_none_or(|b| n > b.1) {
                best = Some((p, n));
            }
        }
        best.map(|b| b.0)
            .or_else(|| {
                list.iter()
                    .find(|&&p| self.place_cc.contains(country(p)))
                    .copied()
            })
            .or(list.first().copied())
    }

    /// An unmapped region (no gazetteer city in it) in a country the
    /// document never names, in a document that names others, is more
    /// likely a namesake missing from the gazetteer ("Donga" in a text
    /// about Nigeria read as Benin's department): it gets no country.
    /// Cities keep theirs: on ACLED notes, leaving small cities uncoded
    /// lost more right countries than wrong ones.
    pub(super) fn weak_place(&self, p: u32) -> bool {
        self.idx.places.get(p as usize).is_some_and(|info| {
            info.region
                && info.population == 0
                && !self.doc_cc.is_empty()
                && !self.doc_cc.contains_key(info.country.as_str())
        })
    }

    /// Counts the countries the document names through countries,
    /// organisations with a home country (`seats` false) or seats (true).
    pub(in crate::assemble) fn count_countries(&mut self, atoms: &[Atom], seats: bool) {
        let idx: &'a crate::index::Index = self.idx;
        for a in atoms {
            let cc: Option<&'a str> = match a.tk {
                Tk::Country(c, _) if !seats => {
                    idx.countries.get(c as usize).map(|c| c.code.as_str())
                }
                Tk::Org(o) if !seats => idx
                    .orgs
                    .get(o as usize)
                    .map(|o| o.country.as_str())
                    .filter(|c| !matches!(*c, "" | "IGO" | "NGO" | "IMG" | "MNC")),
                Tk::Seat(s) if seats => idx.seats.get(s as usize).map(|s| s.country.as_str()),
                _ => None,
            };
            if let Some(cc) = cc {
                *self.doc_cc.entry(cc).or_insert(0) += 1;
                self.sent_cc.push((a.sent, cc));
            }
        }
        self.sent_cc.sort_unstable();
    }

    /// A seat named like a place of another country ("Tripoli" in a text
    /// about Lebanon, "Sucre" about Colombia) becomes that place when the
    /// document names the other country and not the seat's.
    pub(in crate::assemble) fn seats_as_places(&self, atoms: &mut [Atom]) {
        for j in 0..atoms.len() {
            let a = &atoms[j];
            let Tk::Seat(si) = a.tk else { continue };
            // "La Paz, Baja California Sur": a wider area of another
            // country right after makes the seat's namesake there.
            if let (Some(Some(g)), Some(seat), Some(next)) = (
                self.idx.seat_places.get(si as usize),
                self.idx.seats.get(si as usize),
                atoms.get(j + 1),
            ) {
                let sep = self
                    .text
                    .get(a.e..next.s)
                    .is_some_and(|t| matches!(t.trim(), "," | "("));
                if let (true, Tk::Place(g2)) = (sep, next.tk) {
                    let info = |p: &u32| &self.idx.places[*p as usize];
                    let here = self.idx.place_groups.get(*g as usize);
                    let areas = self.idx.place_groups.get(g2 as usize);
                    if let (Some(here), Some(areas)) = (here, areas) {
                        let elsewhere = here.iter().any(|p| {
                            let c = &info(p).country;
                            *c != seat.country
                                && areas
                                    .iter()
                                    .any(|q| info(q).region && info(q).country == *c)
                        });
                        if elsewhere {
                            let g = *g;
                            atoms[j].tk = Tk::Place(g);
                            continue;
                        }
                    }
                }
            }
            let a = &mut atoms[j];
            let Tk::Seat(si) = a.tk else { continue };
            let (Some(Some(g)), Some(seat)) = (
                self.idx.seat_places.get(si as usize),
                self.idx.seats.get(si as usize),
            ) else {
                continue;
            };
            if self.doc_cc.contains_key(seat.country.as_str()) {
                continue;
            }
            let other = self.idx.place_groups.get(*g as usize).is_some_and(|l| {
                l.iter().any(|&p| {
                    let c = &self.idx.places[p as usize].country;
                    *c != seat.country && self.doc_cc.contains_key(c.as_str())
                })
            });
            if other {
                a.tk = Tk::Place(*g);
            }
        }
    }

    /// Countries of the document's place names that name one country only.
    pub(in crate::assemble) fn collect_place_countries(&mut self, atoms: &[Atom]) {
        for a in atoms {
            let Tk::Place(g) = a.tk else { continue };
            let Some(list) = self.idx.place_groups.get(g as usize) else {
                continue;
            };
            let mut cs = list.iter().map(|&p| &self.idx.places[p as usize].country);
            if let Some(first) = cs.next() {
                if cs.all(|c| c == first) {
                    self.place_cc.insert(first.clone());
                }
            }
        }
    }

    /// Whether a capitalised gazetteer match reads as a place here, not as
    /// part of a longer name ("Florence Nightingale", "Mr Jackson").
    pub(super) fn place_context_ok(&self, s: usize, e: usize) -> bool {
        if self.all_caps(s, e) && !self.dateline(s, e) {
            return false;
        }
        let k = self.sent_of(s);
        if let Some(pw) = self.prev_word(s).filter(|w| self.sent_of(w.0) == k) {
            let w = self.word(pw);
            if Self::title_role(w).is_some() {
                return false;
            }
            if self.capitalised(pw.0, pw.1)
                && !is_stop(w)
                && !among(PLACE_PRE, w)
                && !self.covered_by_lexicon(pw.0, pw.1)
            {
                return false;
            }
            if self.after_name_particle(s) {
                return false;
            }
        }
        if let Some(nw) = self.next_word(e).filter(|w| self.sent_of(w.0) == k) {
            let w = self.word(nw);
            if self.capitalised(nw.0, nw.1)
                && !among(PLACE_HEADS, w)
                && !self.covered_by_lexicon(nw.0, nw.1)
            {
                return false;
            }
        }
        true
    }

    /// "Zamboanga del Norte", "Rio de Janeiro": whether the word at `s`
    /// follows a name particle that follows a capitalised word, so that it
    /// ends a longer name.
    pub(super) fn after_name_particle(&self, s: usize) -> bool {
        let k = self.sent_of(s);
        let Some(pw) = self.prev_word(s).filter(|w| self.sent_of(w.0) == k) else {
            return false;
        };
        matches!(
            self.word(pw),
            "del" | "de" | "da" | "do" | "dos" | "das" | "di" | "du"
        ) && self
            .prev_word(pw.0)
            .filter(|w| self.sent_of(w.0) == k)
            .is_some_and(|p2| self.capitalised(p2.0, p2.1))
    }

    /// Whether a lexicon name (not a place, not an agent noun such as
    /// "Security") covers `[s, e)`. Atoms do not overlap and are sorted, so
    /// only the last one starting at or before `s` can.
    pub(super) fn covered_by_lexicon(&self, s: usize, e: usize) -> bool {
        let i = self.all_atoms.partition_point(|x| x.0 <= s);
        i.checked_sub(1)
            .and_then(|j| self.all_atoms.get(j))
            .is_some_and(|&(_, b, tk)| e <= b && !matches!(tk, Tk::Place(_) | Tk::Agent(_)))
    }

    /// Atoms overlapping `[s, e)`.
    pub(super) fn atoms_in(&self, s: usize, e: usize) -> &[(usize, usize, Tk)] {
        let i = self.all_atoms.partition_point(|x| x.1 <= s);
        let j = self.all_atoms.partition_point(|x| x.0 < e).max(i);
        &self.all_atoms[i..j]
    }

    /// Country of a place-like atom: place (picked), seat or country.
    pub(super) fn atom_country(&self, tk: Tk, k: Option<usize>) -> Option<(String, String)> {
        match tk {
            Tk::Place(g) => {
                let pi = self.pick_place(g, k)?;
                if self.weak_place(pi) {
                    return None;
                }
                let p = &self.idx.places[pi as usize];
                Some((p.country.clone(), p.source.clone()))
            }
            Tk::Seat(s) => {
                let s = self.idx.seats.get(s as usize)?;
                Some((s.country.clone(), s.source.clone()))
            }
            Tk::Country(..) => self
                .country_code(tk)
                .map(|(c, _, src)| (c.to_string(), src.to_string())),
            _ => None,
        }
    }

    pub(super) fn located(&mut self, s: usize, e: usize, agent: u32, cc: &str, psrc: &str) {
        let ag = &self.idx.agents[agent as usize];
        let code = format!("{cc}{}", ag.role);
        let name = format!("{cc} {}", ag.term);
        let rule = format!("compose:located:{}+{psrc}", ag.source);
        let kind = ag.kind;
        self.push_composed([s, e], &code, &name, kind, rule);
    }

    /// "<Place> residents", "Baku police": a place right before an agent
    /// noun locates it. Returns the next atom index when it applied.
    pub(in crate::assemble) fn located_prefix(
        &mut self,
        atoms: &[Atom],
        i: usize,
        cc: &str,
        psrc: &str,
    ) -> Option<usize> {
        let a = atoms.get(i)?;
        let n = atoms.get(i + 1).filter(|n| n.sent == a.sent)?;
        let Tk::Agent(ag) = n.tk else { return None };
        if !self.only_space(a.e, n.s) || self.idx.agents[ag as usize].office.is_some() {
            return None;
        }
        // "Carabobo state", "Kaduna State": a region's own name, not its government.
        if matches!(a.tk, Tk::Place(_)) && self.idx.agents[ag as usize].term == "state" {
            return None;
        }
        self.located(a.s, n.e, ag, cc, psrc);
        Some(i + 2)
    }

    /// "protesters in Haifa", "residents of Idlib", "police in Bat Galim
    /// Square of Haifa city": an agent noun without a country, then a
    /// locating preposition and a place or country in the same clause.
    pub(in crate::assemble) fn located_suffix(
        &mut self,
        atoms: &[Atom],
        i: usize,
    ) -> Option<usize> {
        let a = atoms.get(i)?;
        let Tk::Agent(ag) = a.tk else { return None };
        if self.idx.agents[ag as usize].office.is_some() {
            return None;
        }
        // "Aminyar Company in Faryab": a capitalised noun after a
        // capitalised word ends a name, it is no generic actor.
        if self.capitalised(a.s, a.e)
            && self
                .prev_word(a.s)
                .is_some_and(|w| self.capitalised(w.0, w.1) && !is_stop(self.word(w)))
        {
            return None;
        }
        let j = i + 1;
        let p = atoms
            .get(j)
            .filter(|p| p.sent == a.sent && p.s < a.e + 60)?;
        {
            let gap = self.text.get(a.e..p.s)?;
            if gap.contains([',', ';', ':', '(', ')', '"', '\n', '.']) {
                return None;
            }
            let words: Vec<&str> = gap.split_whitespace().collect();
            let first_ok = words.first().is_some_and(|w| among(LOCATING, w));
            let rest_ok = words
                .iter()
                .skip(1)
                .all(|w| w.starts_with(char::is_uppercase) || among(PLACE_FILLER, w));
            if !(first_ok && rest_ok) {
                return None;
            }
            if let Some((cc, psrc)) = self.atom_country(p.tk, Some(p.sent)) {
                if matches!(p.tk, Tk::Place(_)) && !self.place_context_ok(p.s, p.e) {
                    return None;
                }
                self.located(a.s, p.e, ag, &cc, &psrc);
                return Some(j + 1);
            }
        }
        // Other atoms (an agent noun, a person) end the phrase.
        None
    }

    /// The place pass: gazetteer matches not inside another mention, in a
    /// place-like context, and not the surname of someone named.
    pub(in crate::assemble) fn places(&mut self, atoms: &[Atom]) {
        let surnames: std::collections::HashSet<String, crate::index::FxBuild> = self
            .out
            .iter()
            .filter(|m| m.actor.kind == ActorType::Person)
            .filter_map(|m| m.actor.name.split_whitespace().last().map(fold))
            .collect();
        let list = std::mem::take(&mut self.place_atoms);
        self.index_out();
        let mut skip_to = 0;
        for i in list {
            if i < skip_to {
                continue;
            }
            let a = &atoms[i];
            let Tk::Place(g) = a.tk else { continue };
            if self.overlapping(a.s, a.e).next().is_some()
                || with_folded(&self.text[a.s..a.e], |f| surnames.contains(f))
                || !self.place_context_ok(a.s, a.e)
            {
                continue;
            }
            let Some(pi) = self.pick_place_at(g, a.sent, a.s, a.e) else {
                continue;
            };
            let info = &self.idx.places[pi as usize];
            let weak = self.weak_place(pi);
            let (cc, src, region, name) = (
                if weak {
                    String::new()
                } else {
                    info.country.clone()
                },
                info.source.clone(),
                info.region,
                info.name.clone(),
            );
            if !cc.is_empty() {
                if let Some(j) = self.located_prefix(atoms, i, &cc, &src) {
                    skip_to = j;
                    continue;
                }
            }
            let id = format!(
                "{}:{}:{cc}",
                if region { "region" } else { "place" },
                fold(&name)
            );
            let actor = actor_from_code(&cc, &name, &id, ActorType::Place);
            self.push(a.s, a.e, actor, None, src, None, false);
        }
    }
}
