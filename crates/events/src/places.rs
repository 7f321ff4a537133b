//! Event places: the capitals and cities of 100,000 people or more of the
//! project's one gazetteer (the lexicon's `places.tsv`, GeoNames), found
//! after "in/at/near/from".

use crate::clause::Sent;
use crate::verbs::LexError;
use lexicon::norm::{fold, fold_char};
use lexicon::Lexicon;
use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::OnceLock;

/// Cities this big (and every capital) are event places; smaller towns
/// share their names with too many words and people.
pub const MIN_POPULATION: u64 = 100_000;

#[derive(Debug, Clone, PartialEq)]
pub struct PlaceEntry {
    pub name: String,
    pub country: String,
    pub capital: bool,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
    /// The place's id as events cite it: `places.tsv:GEONAMEID`, or the
    /// row's `file:line` for a user's row without a GeoNames id.
    pub id: String,
}

/// Place names keyed by their first word (case-sensitive, as written in news).
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    pub entries: Vec<PlaceEntry>,
    /// first word -> (name split into words, entry index), longest names first.
    index: crate::wordtab::WordTable<Vec<(Vec<String>, usize)>>,
}

/// A place found in a sentence: words `[start, end)`.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceHit {
    pub start: usize,
    pub end: usize,
    pub entry: usize,
}

impl Gazetteer {
    /// The event places of the built-in lexicon (read once per process).
    pub fn builtin() -> Result<Gazetteer, LexError> {
        static BUILTIN: OnceLock<Result<Gazetteer, LexError>> = OnceLock::new();
        BUILTIN
            .get_or_init(|| {
                let lex = Lexicon::builtin_places().map_err(|e| match e {
                    lexicon::LexiconError::Parse {
                        file,
                        line,
                        message,
                    } => LexError::Parse {
                        file,
                        line,
                        message,
                    },
                })?;
                Ok(Gazetteer::from_lexicon(&lex))
            })
            .clone()
    }

    /// The event places of a lexicon's gazetteer: its capitals and cities of
    /// [`MIN_POPULATION`] or more, under their names and aliases. A name
    /// that is also another country's name, alias, adjective or demonym
    /// ("Armenia", a Colombian city; "Brits", a South African town) is left
    /// out: "in Armenia" places an event in Armenia, never in Colombia.
    pub fn from_lexicon(lex: &Lexicon) -> Gazetteer {
        let mut country_words: std::collections::HashMap<String, Vec<&str>> = Default::default();
        for c in &lex.countries {
            let words = std::iter::once(&c.name)
                .chain(&c.aliases)
                .chain(&c.adjectives)
                .chain(&c.demonyms);
            for w in words {
                country_words.entry(fold(w)).or_default().push(&c.code);
            }
        }
        let foreign = |name: &str, own: &str| {
            country_words
                .get(&fold(name))
                .is_some_and(|cs| cs.iter().any(|c| *c != own))
        };
        let mut g = Gazetteer::default();
        for p in &lex.places {
            let (Some(lat), Some(lon)) = (p.lat, p.lon) else {
                continue;
            };
            let capital = p.is_capital();
            if p.kind != "city" || !(capital || p.population >= MIN_POPULATION) {
                continue;
            }
            let k = g.entries.len();
            g.entries.push(PlaceEntry {
                name: p.name.clone(),
                country: p.country.clone(),
                capital,
                lat,
                lon,
                population: p.population,
                id: if p.geonameid.is_empty() {
                    p.source.to_string()
                } else {
                    format!("places.tsv:{}", p.geonameid)
                },
            });
            let mut seen = HashSet::new();
            for name in std::iter::once(&p.name).chain(&p.aliases) {
                if foreign(name, &p.country) {
                    continue;
                }
                let words = split_name(&plain(name));
                if !seen.insert(words.clone()) {
                    continue;
                }
                if let Some(first) = words.first() {
                    g.index.get_or_insert_with(first, Vec::new).push((words, k));
                }
            }
        }
        // Longest names first; then capitals, then the most populous (Paris, not Paris, Texas).
        let entries = &g.entries;
        for v in g.index.values_mut() {
            v.sort_by(|a, b| {
                b.0.len()
                    .cmp(&a.0.len())
                    .then(entries[b.1].capital.cmp(&entries[a.1].capital))
                    .then(entries[b.1].population.cmp(&entries[a.1].population))
            });
        }
        g
    }

    /// Places introduced by a locative preposition in the sentence.
    pub fn find(&self, text: &str, sent: &Sent) -> Vec<PlaceHit> {
        let mut out = Vec::new();
        for i in 0..sent.words.len() {
            // All six are prepositions: the tag settles most words.
            if sent.words[i].tag != crate::tagger::Tag::Prep
                || !matches!(
                    sent.words[i].lower.as_str(),
                    "in" | "at" | "near" | "from" | "outside" | "around"
                )
            {
                continue;
            }
            let mut j = i + 1;
            if sent.words.get(j).is_some_and(|w| w.lower == "the") {
                j += 1;
            }
            if let Some(h) = self.match_at(text, sent, j) {
                // "near San Vicente Coatlan" names no town called San: a
                // capitalised word right after is part of a longer name.
                let longer = sent
                    .words
                    .get(h.end)
                    .is_some_and(|w| w.capitalised && w.tag == crate::tagger::Tag::Word);
                // Nor does "in the Commonwealth of Australia" name the
                // Philippine city Commonwealth: a mention that goes on past
                // the name is a longer name.
                let inside = sent.words[h.start]
                    .mention
                    .and_then(|m| sent.mentions.get(m))
                    .is_some_and(|m| m.end > h.end);
                if !longer && !inside {
                    out.push(h);
                }
            }
        }
        out
    }

    /// Capitals and cities of 500,000 or more named anywhere in the sentence
    /// (not as its first word).
    pub fn anywhere(&self, text: &str, sent: &Sent) -> Vec<PlaceHit> {
        let mut out = Vec::new();
        let mut j = 0;
        while j < sent.words.len() {
            // Without a preposition only big, unambiguous places count: many
            // small towns share their names with words and people.
            if j > 0 && sent.words[j].capitalised && sent.words[j].mention.is_none() {
                if let Some(h) = self.match_at(text, sent, j) {
                    j = h.end;
                    let e = &self.entries[h.entry];
                    if e.capital || e.population >= 500_000 {
                        out.push(h);
                    }
                    continue;
                }
            }
            j += 1;
        }
        out
    }

    /// The longest place name starting at word `j`.
    pub fn match_at(&self, text: &str, sent: &Sent, j: usize) -> Option<PlaceHit> {
        let orig = |i: usize| {
            sent.words
                .get(i)
                .and_then(|w| text.get(w.span[0]..w.span[1]))
                .unwrap_or("")
        };
        let cands = self.index.get(&plain(orig(j)))?;
        for (words, k) in cands {
            let n = words.len();
            if j + n > sent.words.len() {
                continue;
            }
            // The first word is the key just looked up.
            if (1..n).all(|d| plain(orig(j + d)) == words[d]) {
                return Some(PlaceHit {
                    start: j,
                    end: j + n,
                    entry: *k,
                });
            }
        }
        None
    }
}

/// `s` with Latin diacritics folded and its case kept: news writes
/// "Asuncion" and "Brasilia" as often as GeoNames' "Asunción" and
/// "Brasília", and the gazetteer keeps one spelling of each.
fn plain(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut one = String::new();
    for c in s.chars() {
        one.clear();
        fold_char(c, &mut one);
        if c.is_uppercase() {
            out.extend(one.chars().flat_map(char::to_uppercase));
        } else {
            out.push_str(&one);
        }
    }
    Cow::Owned(out)
}

fn split_name(name: &str) -> Vec<String> {
    // Same word boundaries as the tokeniser: letters/digits runs, other chars alone.
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            cur.push(c);
        } else {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            if !c.is_whitespace() {
                out.push(c.to_string());
            }
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gazetteer_loads() {
        let g = Gazetteer::builtin().expect("places.tsv parses");
        assert!(g.entries.len() > 5000);
        let first = |name: &str| {
            g.index
                .get(name)
                .and_then(|v| v.first())
                .map(|(_, k)| &g.entries[*k])
        };
        let baku = first("Baku");
        assert_eq!(
            baku.map(|e| (e.country.as_str(), e.capital, e.id.as_str())),
            Some(("AZE", true, "places.tsv:587084"))
        );
        assert_eq!(first("Haifa").map(|e| e.country.as_str()), Some("ISR"));
        // Country names are never event places of another country: not
        // Yerevan's Malatia-Sebastia (GeoNames alternate "Bangladesh"), not
        // Armenia in Colombia, not Brits in South Africa.
        for country in ["Bangladesh", "Armenia", "Brits", "Laos", "Albania"] {
            assert_eq!(first(country), None, "{country}");
        }
        // Diacritics need not be written ("Asuncion" for "Asunción").
        assert_eq!(first("Asuncion").map(|e| e.name.as_str()), Some("Asunción"));
        assert_eq!(plain("Brasília"), "Brasilia");
        assert_eq!(plain("Ḩamāh"), "Ḩamah");
        // A country's own name may be its capital's alias (Kuwait City).
        assert_eq!(first("Kuwait").map(|e| e.country.as_str()), Some("KWT"));
        // Cities of under 100,000 are not event places; capitals are.
        assert!(g
            .entries
            .iter()
            .all(|e| e.capital || e.population >= 100_000));
        assert!(g
            .entries
            .iter()
            .any(|e| e.capital && e.population < 100_000));
    }
}
