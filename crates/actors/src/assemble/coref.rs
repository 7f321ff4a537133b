//! Light coreference: surnames and office phrases that name someone
//! mentioned earlier, and pronouns with one clear antecedent.

use super::*;

impl Ctx<'_> {
    /// Later references to people already named: a full name or surname
    /// alone ("Schnayer", "Herzog") after the first full mention.
    pub(super) fn coref_names(&mut self) {
        // fold(name) -> (index of the first mention); None when ambiguous.
        let mut full: HashMap<String, Option<usize>, FxBuild> = HashMap::default();
        let mut sur: HashMap<String, Option<usize>, FxBuild> = HashMap::default();
        let text = self.text;
        // A lexicon person matched by the surname alone ("Abbott" for Tony
        // Abbott) is a reference, not an introduction: it names whoever the
        // document introduced under that surname, if anyone.
        let bare = |m: &M| {
            m.person.is_some()
                && m.actor.kind == ActorType::Person
                && !text[m.s..m.e].contains(' ')
                && m.actor.name.contains(' ')
        };
        for (i, m) in self.out.iter().enumerate() {
            if !(m.discovered || m.person.is_some()) || m.rule.starts_with("coref") || bare(m) {
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
        let unsure = self.surnames_in_document(&bare);
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
            // A title of the other sex names someone else ("Ms Abbott" after Tony Abbott).
            let hit = hit.filter(|&(_, j)| {
                let t = self.title_before(pos);
                t.is_none() || self.sex_of(&self.out[j]).is_none_or(|x| Some(x) == t)
            });
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
        for b in unsure.into_iter().rev() {
            self.out.remove(b);
        }
    }

    /// A surname alone that the lexicon read as its own person resolves
    /// to the person of that surname named earlier in the document ("the
    /// shadow home secretary, Diane Abbott, ... Abbott said" is not Tony
    /// Abbott). When two people of that surname were named before it, it
    /// names neither: the mention is to be dropped rather than guessed (the
    /// indices returned, dropped once `coref_names` no longer needs them).
    fn surnames_in_document(&mut self, bare: &dyn Fn(&M) -> bool) -> Vec<usize> {
        let text = self.text;
        // Surname -> the people introduced under it, in text order.
        let mut intros: HashMap<String, Vec<usize>, FxBuild> = HashMap::default();
        let mut any_bare = false;
        // A one-word person found by a title or a given name ("Sir Keir",
        // "Mr Lai") is no one yet: it too names whoever was introduced so.
        let single = |m: &M| {
            m.person.is_none()
                && m.discovered
                && m.actor.kind == ActorType::Person
                && !m.actor.name.contains(' ')
                && !m.rule.starts_with("coref")
        };
        let bare = |m: &M| bare(m) || single(m);
        for (i, m) in self.out.iter().enumerate() {
            any_bare |= bare(m);
            if m.actor.kind != ActorType::Person || m.rule.starts_with("coref") || bare(m) {
                continue;
            }
            let name: &str = match m.person {
                Some(p) => &self.idx.people[p as usize].name,
                None => &m.actor.name,
            };
            if let Some(last) = name
                .split_whitespace()
                .last()
                .filter(|_| name.contains(' '))
            {
                intros.entry(fold(last)).or_default().push(i);
            }
        }
        if !any_bare || intros.is_empty() {
            return Vec::new();
        }
        for list in intros.values_mut() {
            list.sort_by_key(|&i| self.out[i].s);
        }
        let mut drop = Vec::new();
        for b in 0..self.out.len() {
            let m = &self.out[b];
            if !bare(m) {
                continue;
            }
            let key = if m.person.is_some() {
                &text[m.s..m.e]
            } else {
                m.actor.name.as_str()
            };
            let Some(list) = found::with_folded(key, |f| intros.get(f)) else {
                continue;
            };
            // "Ms Abbott" is none of the men of that surname, and not the
            // lexicon's Tony Abbott either.
            let title = self.title_before(m.s);
            let fits = |i: usize| {
                title.is_none() || self.sex_of(&self.out[i]).is_none_or(|x| Some(x) == title)
            };
            let before: Vec<usize> = list[..list.partition_point(|&i| self.out[i].s < m.s)]
                .iter()
                .copied()
                .filter(|&i| fits(i))
                .collect();
            let Some(&j) = before.first() else {
                if title.is_some() && self.name_sex(m).is_some_and(|x| Some(x) != title) {
                    drop.push(b);
                }
                continue;
            };
            let same = |a: &M, b: &M| match (a.person, b.person) {
                (Some(x), Some(y)) => x == y,
                (None, None) => a.actor.id == b.actor.id,
                _ => false,
            };
            if before.iter().any(|&i| !same(&self.out[i], &self.out[j])) {
                drop.push(b);
                continue;
            }
            let first = &self.out[j];
            if same(first, m) {
                continue;
            }
            let (actor, person) = match first.person {
                Some(p) => (self.person_actor(p, m.sent, false).0, Some(p)),
                None => (first.actor.clone(), None),
            };
            let evidence = Some([first.s, first.e]);
            let discovered = first.discovered;
            let m = &mut self.out[b];
            m.actor = actor;
            m.person = person;
            m.rule = "coref:surname".into();
            m.evidence = evidence;
            m.discovered = discovered;
        }
        drop
    }

    /// he/him/his/she/her -> the one person named in this or the previous
    /// sentence, when there is exactly one.
    pub(super) fn coref_pronouns(&mut self) {
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
            if PRONOUNS.iter().any(|p| p.eq_ignore_ascii_case(w)) && !generic_pronoun(text, pos, we)
            {
                let k = self.sent_of(pos);
                // `out` is sorted by start: only mentions from the previous
                // sentence's start up to here can be antecedents.
                let from = self.sent_start(k.saturating_sub(1));
                let lo = self.out.partition_point(|m| m.s < from);
                let hi = self.out.partition_point(|m| m.s < pos);
                let near = self.out.get(lo..hi).unwrap_or(&[]);
                // Named antecedents only: a chain of pronouns would carry
                // an early guess too far.
                // "she" never goes to a man, "he" never to a woman, where a
                // given name or a title says which.
                let want = if w.eq_ignore_ascii_case("she") || w.eq_ignore_ascii_case("her") {
                    b'f'
                } else {
                    b'm'
                };
                let mut cands = near.iter().filter(|m| {
                    m.actor.kind == ActorType::Person
                        && (m.sent == k || m.sent + 1 == k)
                        && self.sex_of(m).is_none_or(|x| x == want)
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

    /// A person mention's sex where its words say it: a title before or
    /// opening it, else its (or its lexicon person's) first given name of
    /// known sex.
    /// The sex the title right before byte `s` gives, if any.
    fn title_before(&self, s: usize) -> Option<u8> {
        self.text[..s]
            .split_whitespace()
            .next_back()
            .and_then(title_sex)
    }

    fn sex_of(&self, m: &M) -> Option<u8> {
        let own = &self.text[m.s..m.e];
        if let Some(x) = self
            .title_before(m.s)
            .or_else(|| own.split_whitespace().find_map(title_sex))
        {
            return Some(x);
        }
        self.name_sex(m)
    }

    /// The sex the first given name of a mention's person says, if any:
    /// for a lexicon person the row's full name, else the mention's words.
    fn name_sex(&self, m: &M) -> Option<u8> {
        let own = &self.text[m.s..m.e];
        let name = match m.person {
            Some(p) => self
                .idx
                .people
                .get(p as usize)
                .map_or(own, |x| x.name.as_str()),
            None => own,
        };
        // The first given name decides, even when it is either sex's.
        let first = name
            .split_whitespace()
            .map(fold)
            .find(|w| self.idx.given.contains(w))?;
        self.idx.given_sex.get(&first).copied()
    }
}

/// The sex a title gives: "Mr", "Sir", "King" a man's; "Ms", "Dame",
/// "Queen" a woman's.
fn title_sex(w: &str) -> Option<u8> {
    const MEN: &[&str] = &["mr", "sir", "king", "prince", "lord", "mister"];
    const WOMEN: &[&str] = &[
        "ms", "mrs", "miss", "dame", "queen", "princess", "lady", "madam",
    ];
    let w = w.trim_end_matches('.').to_ascii_lowercase();
    if MEN.contains(&w.as_str()) {
        Some(b'm')
    } else if WOMEN.contains(&w.as_str()) {
        Some(b'f')
    } else {
        None
    }
}

/// Whether the pronoun at `pos..end` is half of a generic "he or she",
/// "his or her", "he/she": it names nobody.
fn generic_pronoun(text: &str, pos: usize, end: usize) -> bool {
    const PAIR: &[&str] = &["he", "she", "his", "her", "him", "hers"];
    let after = text[end..].trim_start();
    let next = after
        .strip_prefix("or ")
        .or_else(|| after.strip_prefix('/'))
        .map(|r| {
            r.trim_start()
                .split(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or("")
        });
    let before = text[..pos].trim_end();
    let prev = before
        .strip_suffix(" or")
        .or_else(|| before.strip_suffix('/'))
        .map(|r| {
            r.trim_end()
                .rsplit(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or("")
        });
    [next, prev]
        .into_iter()
        .flatten()
        .any(|w| PAIR.iter().any(|p| p.eq_ignore_ascii_case(w)))
}
