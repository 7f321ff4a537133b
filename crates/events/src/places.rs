//! The gazetteer: capitals and cities (GeoNames) found after "in/at/near/from".

use crate::clause::Sent;
use crate::verbs::LexError;
use lexicon::table;

const PLACES_TSV: &str = include_str!("../data/places.tsv");

/// The columns of `places.tsv`.
pub const PLACES_HEADER: &[&str] = &[
    "name",
    "alternates",
    "country",
    "kind",
    "lat",
    "lon",
    "population",
    "geonameid",
];

#[derive(Debug, Clone, PartialEq)]
pub struct PlaceEntry {
    pub name: String,
    pub country: String,
    pub capital: bool,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
    pub geonameid: String,
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
    pub fn builtin() -> Result<Gazetteer, LexError> {
        Gazetteer::parse("places.tsv", PLACES_TSV)
    }

    pub fn parse(file: &str, src: &str) -> Result<Gazetteer, LexError> {
        let mut g = Gazetteer::default();
        for row in table::strict_rows(file, src, PLACES_HEADER)? {
            let err = |message: String| LexError::from(row.problem(message));
            let f = &row.cells;
            let lat: f64 = f[4]
                .parse()
                .map_err(|_| err(format!("bad lat {:?}", f[4])))?;
            let lon: f64 = f[5]
                .parse()
                .map_err(|_| err(format!("bad lon {:?}", f[5])))?;
            let population: u64 = f[6]
                .parse()
                .map_err(|_| err(format!("bad population {:?}", f[6])))?;
            let k = g.entries.len();
            g.entries.push(PlaceEntry {
                name: f[0].to_string(),
                country: f[2].to_string(),
                capital: f[3] == "capital",
                lat,
                lon,
                population,
                geonameid: f[7].to_string(),
            });
            for name in std::iter::once(f[0]).chain(f[1].split('|').filter(|a| !a.is_empty())) {
                let words = split_name(name);
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
        Ok(g)
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
                if !longer {
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
        let cands = self.index.get(orig(j))?;
        for (words, k) in cands {
            let n = words.len();
            if j + n > sent.words.len() {
                continue;
            }
            // The first word is the key just looked up.
            if (1..n).all(|d| orig(j + d) == words[d]) {
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
        let baku = g
            .index
            .get("Baku")
            .and_then(|v| v.first())
            .map(|(_, k)| &g.entries[*k]);
        assert_eq!(
            baku.map(|e| (e.country.as_str(), e.capital)),
            Some(("AZE", true))
        );
        let haifa = g
            .index
            .get("Haifa")
            .and_then(|v| v.first())
            .map(|(_, k)| g.entries[*k].country.clone());
        assert_eq!(haifa.as_deref(), Some("ISR"));
    }
}
