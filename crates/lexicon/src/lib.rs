//! The lexicon: countries, seats of government, people with dated offices,
//! organisations, agent nouns, a gazetteer of cities and regions (with
//! hand-written aliases for news spellings) and a list of given names, parsed from the TSV files under `data/`, plus an importer
//! for PETRARCH/TABARI dictionaries.
//!
//! This crate opens no files: the built-in tables are compiled in, and user
//! overlays arrive as `(file name, contents)` pairs read by the caller.

#![forbid(unsafe_code)]

pub mod check;
pub mod codes;
pub mod date;
mod gazetteer;
pub mod norm;
pub mod petrarch;
pub mod table;
mod tsv;

use chrono::NaiveDate;
use model::{ActorType, Diagnostic};
use std::fmt;
use thiserror::Error;

pub use date::PartialDate;
pub use gazetteer::Gazetteer;

#[derive(Debug, Error)]
pub enum LexiconError {
    #[error("{file}:{line}: {message}")]
    Parse {
        file: String,
        line: usize,
        message: String,
    },
}

/// Where a row came from: `people.tsv:42`; used verbatim in mention rules.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Source {
    pub file: String,
    pub line: usize,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    pub code: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub adjectives: Vec<String>,
    pub demonyms: Vec<String>,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Seat {
    pub name: String,
    pub country: String,
    /// `capital`, `seat`, `city` or `region`.
    pub kind: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub source: Source,
}

/// One person in one office for one period.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonRole {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub code: String,
    pub office: String,
    /// `None`: since before anything we know of.
    pub start: Option<PartialDate>,
    /// `None`: still in office.
    pub end: Option<PartialDate>,
    pub source: Source,
}

impl PersonRole {
    /// Whether the period covers `date` (both ends inclusive, at their precision).
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.start.is_none_or(|s| s.first_day() <= date)
            && self.end.is_none_or(|e| date <= e.last_day())
    }

    /// Whether the period is wholly before `date`.
    pub fn ended_before(&self, date: NaiveDate) -> bool {
        self.end.is_some_and(|e| e.last_day() < date)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Organisation {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub code: String,
    /// `Organisation` or `Group` from the TSV; the PETRARCH importer also
    /// gives `Country` for bare country codes.
    pub kind: ActorType,
    pub country: String,
    pub source: Source,
}

/// A generic noun that makes an actor together with a country word.
#[derive(Debug, Clone, PartialEq)]
pub struct Agent {
    pub term: String,
    pub plurals: Vec<String>,
    pub role: String,
    pub kind: ActorType,
    pub office: Option<String>,
    pub example: String,
    pub source: Source,
}

/// A city or first-level region of `places.tsv` (GeoNames / ISO 3166-2).
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub name: String,
    pub aliases: Vec<String>,
    /// `city` or `region`.
    pub kind: String,
    /// For regions, the ISO 3166-2 type (`Province`, `Governorate`...); for
    /// cities, `capital` for a country's capital (GeoNames), else empty.
    pub subtype: String,
    /// ISO alpha-3 of the country the place is in.
    pub country: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// Inhabitants (for regions, of the gazetteer's cities in it; 0 unknown).
    pub population: u64,
    /// The GeoNames id of a city (event places cite it); empty for regions
    /// and for rows a user's table gives without one.
    pub geonameid: String,
    /// How many of `aliases`, from the front, come from `place_aliases.tsv`.
    /// Those were written by hand for news spellings, so unlike GeoNames
    /// alternates they are safe for places of any population.
    pub hand_aliases: usize,
    pub source: Source,
}

impl Place {
    /// A country's capital (GeoNames' country table names it).
    pub fn is_capital(&self) -> bool {
        self.kind == "city" && self.subtype == "capital"
    }
}

/// A row of `place_aliases.tsv`: news spellings of a gazetteer place
/// ("Anbar" for "Al Anbār"), added to every `places.tsv` row of that name
/// (folded) and country.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceAlias {
    pub name: String,
    pub country: String,
    pub aliases: Vec<String>,
    /// A note for reviewers; may be empty.
    pub why: String,
    pub source: Source,
}

/// A common given name (`given_names.tsv`), the cue for unknown persons.
#[derive(Debug, Clone, PartialEq)]
pub struct GivenName {
    pub name: String,
    /// `m`, `f` or `u` (either or unknown).
    pub sex: String,
    pub source: Source,
}

/// Everything entente knows before reading a document.
///
/// Rows from PETRARCH imports are kept apart (`imported_*`) so that our own
/// rows win when both name the same thing.
#[derive(Debug, Default, Clone)]
pub struct Lexicon {
    pub countries: Vec<Country>,
    pub seats: Vec<Seat>,
    pub people: Vec<PersonRole>,
    pub organisations: Vec<Organisation>,
    pub agents: Vec<Agent>,
    pub places: Vec<Place>,
    /// Applied to `places` already; kept so that an overlay replacing a
    /// place row gets them again.
    pub place_aliases: Vec<PlaceAlias>,
    pub given_names: Vec<GivenName>,
    pub imported_people: Vec<PersonRole>,
    pub imported_organisations: Vec<Organisation>,
    pub imported_agents: Vec<Agent>,
}

/// The compiled-in data files, by name.
pub const BUILTIN_FILES: [(&str, &str); 8] = [
    ("countries.tsv", include_str!("../data/countries.tsv")),
    ("seats.tsv", include_str!("../data/seats.tsv")),
    ("people.tsv", include_str!("../data/people.tsv")),
    (
        "organisations.tsv",
        include_str!("../data/organisations.tsv"),
    ),
    ("agents.tsv", include_str!("../data/agents.tsv")),
    ("places.tsv", include_str!("../data/places.tsv")),
    (
        "place_aliases.tsv",
        include_str!("../data/place_aliases.tsv"),
    ),
    ("given_names.tsv", include_str!("../data/given_names.tsv")),
];

/// A parsed set of tables, before merging.
#[derive(Debug, Default)]
pub(crate) struct Tables {
    pub countries: Vec<Country>,
    pub seats: Vec<Seat>,
    pub people: Vec<PersonRole>,
    pub organisations: Vec<Organisation>,
    pub agents: Vec<Agent>,
    pub places: Vec<Place>,
    pub place_aliases: Vec<PlaceAlias>,
    pub given_names: Vec<GivenName>,
}

fn first_error(problems: Vec<check::Problem>) -> Result<(), LexiconError> {
    match problems.into_iter().next() {
        Some(p) => Err(LexiconError::Parse {
            file: p.file,
            line: p.line,
            message: p.message,
        }),
        None => Ok(()),
    }
}

impl Lexicon {
    /// The lexicon compiled into the binary.
    pub fn builtin() -> Result<Lexicon, LexiconError> {
        let mut lex = Lexicon::default();
        let files: Vec<(String, String)> = BUILTIN_FILES
            .iter()
            .map(|(n, c)| (n.to_string(), c.to_string()))
            .collect();
        lex.overlay(&files)?;
        Ok(lex)
    }

    /// Only the gazetteer of the built-in lexicon: its countries, places and
    /// place aliases (for stages that need places, not actors).
    pub fn builtin_places() -> Result<Lexicon, LexiconError> {
        let mut lex = Lexicon::default();
        let files: Vec<(String, String)> = BUILTIN_FILES
            .iter()
            .filter(|(n, _)| matches!(*n, "countries.tsv" | "places.tsv" | "place_aliases.tsv"))
            .map(|(n, c)| (n.to_string(), c.to_string()))
            .collect();
        lex.overlay(&files)?;
        Ok(lex)
    }

    /// Adds or overrides entries from user files: `(file name, contents)` pairs,
    /// read by the caller (this crate opens no files). Rows whose key (`code`,
    /// `name`, `id`, `term`) is already known replace the old rows; for people
    /// all periods of an overlaid `id` are replaced. `place_aliases.tsv` rows
    /// only add aliases, to the places of the merged gazetteer; a row naming
    /// no place there is an error.
    pub fn overlay(&mut self, files: &[(String, String)]) -> Result<(), LexiconError> {
        let mut t = Tables::default();
        for (name, contents) in files {
            let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
            let problems = tsv::load_into(base, contents, &mut t);
            first_error(problems)?;
        }
        merge(&mut self.countries, t.countries, |c| c.code.clone());
        merge(&mut self.seats, t.seats, |s| norm::fold(&s.name));
        merge(&mut self.people, t.people, |p| p.id.clone());
        merge(&mut self.organisations, t.organisations, |o| o.id.clone());
        merge(&mut self.agents, t.agents, |a| a.term.clone());
        merge(&mut self.places, t.places, |p| {
            format!("{}\t{}\t{}", norm::fold(&p.name), p.country, p.kind)
        });
        merge(&mut self.given_names, t.given_names, |g| {
            norm::fold(&g.name)
        });
        self.place_aliases.extend(t.place_aliases);
        self.apply_place_aliases()?;
        self.countries.sort_by(|a, b| a.code.cmp(&b.code));
        self.seats.sort_by(|a, b| a.name.cmp(&b.name));
        self.people
            .sort_by(|a, b| a.id.cmp(&b.id).then(a.start.cmp(&b.start)));
        self.organisations.sort_by(|a, b| a.id.cmp(&b.id));
        self.agents.sort_by(|a, b| a.term.cmp(&b.term));
        // Places keep file order (country, kind, population): overlays append.
        self.given_names.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(())
    }

    /// Imports PETRARCH/TABARI dictionaries (`Phoenix.*.actors.txt`,
    /// `*.agents.txt`) as an in-memory overlay. Odd lines are reported, not
    /// fatal: the returned diagnostics name `file:line`.
    pub fn import_petrarch(&mut self, files: &[(String, String)]) -> Vec<Diagnostic> {
        let mut diags = Vec::new();
        for (name, contents) in files {
            let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
            if base.to_ascii_lowercase().contains("agents") {
                let (agents, d) = petrarch::import_agents(base, contents);
                self.imported_agents.extend(agents);
                diags.extend(d);
            } else {
                let (entries, d) = petrarch::import_actors(base, contents);
                for e in entries {
                    match e {
                        petrarch::Entry::Person(p) => self.imported_people.push(p),
                        petrarch::Entry::Organisation(o) => self.imported_organisations.push(o),
                    }
                }
                diags.extend(d);
            }
        }
        diags
    }

    /// Puts every `place_aliases` alias among the hand-written aliases at the
    /// front of its places' `aliases` (idempotent: overlays call it again).
    fn apply_place_aliases(&mut self) -> Result<(), LexiconError> {
        if self.place_aliases.is_empty() {
            return Ok(());
        }
        let mut rows_of: std::collections::HashMap<(String, &str), Vec<usize>> =
            std::collections::HashMap::new();
        for (i, p) in self.places.iter().enumerate() {
            rows_of
                .entry((norm::fold(&p.name), p.country.as_str()))
                .or_default()
                .push(i);
        }
        let mut targets = Vec::with_capacity(self.place_aliases.len());
        for a in &self.place_aliases {
            match rows_of.get(&(norm::fold(&a.name), a.country.as_str())) {
                Some(rows) => targets.push(rows.clone()),
                None => {
                    return Err(LexiconError::Parse {
                        file: a.source.file.clone(),
                        line: a.source.line,
                        message: format!(
                            "no place `{}` in `{}` in places.tsv to give aliases to",
                            a.name, a.country
                        ),
                    })
                }
            }
        }
        for (a, rows) in self.place_aliases.iter().zip(targets) {
            for i in rows {
                let p = &mut self.places[i];
                for alias in &a.aliases {
                    let key = norm::fold(alias);
                    if key == norm::fold(&p.name)
                        || p.aliases[..p.hand_aliases]
                            .iter()
                            .any(|x| norm::fold(x) == key)
                    {
                        continue;
                    }
                    // A GeoNames alternate spelled the same moves up.
                    if let Some(j) = p.aliases[p.hand_aliases..]
                        .iter()
                        .position(|x| norm::fold(x) == key)
                    {
                        p.aliases.remove(p.hand_aliases + j);
                    }
                    p.aliases.insert(p.hand_aliases, alias.clone());
                    p.hand_aliases += 1;
                }
            }
        }
        Ok(())
    }

    pub fn country(&self, code: &str) -> Option<&Country> {
        self.countries
            .binary_search_by(|c| c.code.as_str().cmp(code))
            .ok()
            .map(|i| &self.countries[i])
    }

    /// The gazetteer rows (cities and regions), in file order.
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// A name index over [`Lexicon::places`]; build once and keep.
    pub fn gazetteer(&self) -> Gazetteer<'_> {
        Gazetteer::new(&self.places)
    }

    /// All office periods of one person (own rows first, then imported).
    pub fn roles_of<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a PersonRole> + 'a {
        self.people
            .iter()
            .chain(self.imported_people.iter())
            .filter(move |p| p.id == id)
    }

    /// Who held `office` for `country` on `date` (own rows only).
    pub fn office_holder(
        &self,
        country: &str,
        office: &str,
        date: NaiveDate,
    ) -> Option<&PersonRole> {
        self.people
            .iter()
            .filter(|p| p.office == office && p.code.starts_with(country) && p.covers(date))
            .max_by_key(|p| p.start)
    }
}

/// Replaces rows of `base` whose key appears in `extra`, then appends `extra`.
fn merge<T>(base: &mut Vec<T>, extra: Vec<T>, key: impl Fn(&T) -> String) {
    if extra.is_empty() {
        return;
    }
    let keys: std::collections::HashSet<String> = extra.iter().map(&key).collect();
    base.retain(|r| !keys.contains(&key(r)));
    base.extend(extra);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    const COUNTRIES: &str = "code\tname\taliases\tadjectives\tdemonyms\n\
        AZE\tAzerbaijan\t\tAzerbaijani\tAzerbaijanis\n\
        ISR\tIsrael\t\tIsraeli\tIsraelis\n";
    const PEOPLE: &str = "id\tname\taliases\tcode\toffice\tstart\tend\n\
        lapid-yair\tYair Lapid\tLapid\tISRGOV\tforeign_minister\t2021-06-13\t2022-07-01\n\
        lapid-yair\tYair Lapid\tLapid\tISRGOV\thead_of_government\t2022-07-01\t2022-12-29\n\
        lapid-yair\tYair Lapid\tLapid\tISROPP\topposition_leader\t2022-12-29\t\n";

    #[test]
    fn loads_and_overrides() {
        let mut lex = Lexicon::default();
        lex.overlay(&files(&[
            ("countries.tsv", COUNTRIES),
            ("people.tsv", PEOPLE),
        ]))
        .unwrap();
        assert_eq!(lex.countries.len(), 2);
        assert_eq!(lex.country("ISR").unwrap().adjectives, vec!["Israeli"]);
        let d = NaiveDate::from_ymd_opt(2022, 9, 20).unwrap();
        let holder = lex.office_holder("ISR", "head_of_government", d).unwrap();
        assert_eq!(holder.id, "lapid-yair");
        assert_eq!(holder.source.to_string(), "people.tsv:3");
        // Same id overrides every period of that person.
        let over = "id\tname\taliases\tcode\toffice\tstart\tend\n\
            lapid-yair\tYair Lapid\t\tISRGOV\tother\t2020\t\n";
        lex.overlay(&files(&[("user/people.tsv", over)])).unwrap();
        assert_eq!(lex.roles_of("lapid-yair").count(), 1);
    }

    #[test]
    fn errors_name_file_and_line() {
        let mut lex = Lexicon::default();
        let bad = "code\tname\taliases\tadjectives\tdemonyms\nAZE\tAzerbaijan\n";
        let err = lex.overlay(&files(&[("countries.tsv", bad)])).unwrap_err();
        assert_eq!(err.to_string(), "countries.tsv:2: expected 5 columns (code, name, aliases, adjectives, demonyms), found 2");
        let err = lex.overlay(&files(&[("colours.tsv", bad)])).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("colours.tsv:0: unknown lexicon file"),
            "{err}"
        );
    }

    const PLACES: &str = "name\taliases\tkind\tsubtype\tcountry\tlat\tlon\tpopulation\n\
        Tā'izz\tTaiz\tcity\t\tYEM\t13.58\t44.02\t615222\n\
        Al Anbār\t\tregion\tGovernorate\tIRQ\t\t\t0\n\
        Tā'izz\tTāizz\tregion\tGovernorate\tYEM\t13.58\t44.02\t957394\n";
    const ALIASES: &str = "# news spellings\n\
        name\tcountry\taliases\twhy\n\
        Al Anbar\tIRQ\tAnbar|Al-Anbar\tarticle dropped\n\
        Ta'izz\tYEM\tTaizz|Taiz\n";

    #[test]
    fn place_aliases_apply_and_survive_overlays() {
        let mut lex = Lexicon::default();
        lex.overlay(&files(&[
            ("places.tsv", PLACES),
            ("place_aliases.tsv", ALIASES),
        ]))
        .unwrap();
        let anbar = &lex.places[1];
        assert_eq!(anbar.aliases, vec!["Anbar", "Al-Anbar"]);
        assert_eq!(anbar.hand_aliases, 2);
        // Both rows of the name (city and region) get them; a GeoNames
        // alternate folding alike ("Tāizz") gives way to the hand-written one.
        assert_eq!(lex.places[0].aliases, vec!["Taizz", "Taiz"]);
        assert_eq!(lex.places[0].hand_aliases, 2);
        assert_eq!(lex.places[2].aliases, vec!["Taizz", "Taiz"]);
        let g = lex.gazetteer();
        assert_eq!(g.best("anbar").map(|p| p.kind.as_str()), Some("region"));
        assert_eq!(g.lookup("Taizz").len(), 2);
        // A user's places.tsv row replacing ours keeps our aliases, and a
        // user's place_aliases.tsv adds to them.
        let over = "name\taliases\tkind\tsubtype\tcountry\tlat\tlon\tpopulation\n\
            Al Anbār\tAnbar Province\tregion\tGovernorate\tIRQ\t33.4\t43.3\t0\n";
        let more = "name\tcountry\taliases\twhy\nAl Anbār\tIRQ\tAnbar|Al Anbar\t\n";
        lex.overlay(&files(&[
            ("mine/places.tsv", over),
            ("mine/place_aliases.tsv", more),
        ]))
        .unwrap();
        let anbar = lex.places.iter().find(|p| p.country == "IRQ").unwrap();
        assert_eq!(anbar.aliases, vec!["Anbar", "Al-Anbar", "Anbar Province"]);
        assert_eq!(anbar.hand_aliases, 2);
        assert_eq!(lex.places.len(), 3);
        // An alias for a place the gazetteer lacks is an error at its line.
        let bad = "name\tcountry\taliases\twhy\nAtlantis\tGRC\tPoseidonia\t\n";
        let err = lex
            .overlay(&files(&[("place_aliases.tsv", bad)]))
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "place_aliases.tsv:2: no place `Atlantis` in `GRC` in places.tsv to give aliases to"
        );
    }

    #[test]
    fn builtin_loads() {
        // The data files are written by hand; they must always load.
        Lexicon::builtin().unwrap();
    }
}
