//! Reading the eight TSV tables into typed rows; every problem names `file:line`.

use crate::table::{rows, Problem};
use crate::{
    Agent, Country, GivenName, Organisation, PartialDate, PersonRole, Place, PlaceAlias, Seat,
    Source, Tables,
};
use model::ActorType;

pub const COUNTRIES: &[&str] = &["code", "name", "aliases", "adjectives", "demonyms"];
pub const SEATS: &[&str] = &["name", "country", "kind", "lat", "lon"];
pub const PEOPLE: &[&str] = &["id", "name", "aliases", "code", "office", "start", "end"];
pub const ORGANISATIONS: &[&str] = &["id", "name", "aliases", "code", "type", "country"];
pub const AGENTS: &[&str] = &["term", "plural", "role", "type", "office", "example"];
pub const PLACES: &[&str] = &[
    "name",
    "aliases",
    "kind",
    "subtype",
    "country",
    "lat",
    "lon",
    "population",
    "geonameid",
];
pub const PLACE_ALIASES: &[&str] = &["name", "country", "aliases", "why"];
pub const GIVEN_NAMES: &[&str] = &["name", "sex", "source"];

/// The header each file must have.
pub fn header_for(file: &str) -> Option<&'static [&'static str]> {
    Some(match file {
        "countries.tsv" => COUNTRIES,
        "seats.tsv" => SEATS,
        "people.tsv" => PEOPLE,
        "organisations.tsv" => ORGANISATIONS,
        "agents.tsv" => AGENTS,
        "places.tsv" => PLACES,
        "place_aliases.tsv" => PLACE_ALIASES,
        "given_names.tsv" => GIVEN_NAMES,
        _ => return None,
    })
}

/// `a|b|c` -> ["a", "b", "c"], empty items dropped.
pub fn list(cell: &str) -> Vec<String> {
    cell.split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

fn opt_date(
    file: &str,
    line: usize,
    col: &str,
    cell: &str,
    problems: &mut Vec<Problem>,
) -> Option<PartialDate> {
    if cell.is_empty() {
        return None;
    }
    let d = PartialDate::parse(cell);
    if d.is_none() {
        problems.push(Problem::new(
            file,
            line,
            format!("{col} `{cell}` is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
        ));
    }
    d
}

fn opt_f64(
    file: &str,
    line: usize,
    col: &str,
    cell: &str,
    range: f64,
    problems: &mut Vec<Problem>,
) -> Option<f64> {
    if cell.is_empty() {
        return None;
    }
    match cell.parse::<f64>() {
        Ok(v) if v.abs() <= range => Some(v),
        _ => {
            problems.push(Problem::new(
                file,
                line,
                format!("{col} `{cell}` is not a number in -{range}..{range}"),
            ));
            None
        }
    }
}

/// Parses one file by name into `t`, returning the problems met.
pub fn load_into(file: &str, contents: &str, t: &mut Tables) -> Vec<Problem> {
    let Some(header) = header_for(file) else {
        return vec![Problem::new(
            file,
            0,
            "unknown lexicon file; expected one of countries.tsv, seats.tsv, people.tsv, organisations.tsv, agents.tsv, places.tsv, place_aliases.tsv, given_names.tsv"
                .to_string(),
        )];
    };
    let (rows, mut problems) = rows(file, contents, header);
    let src = |line| Source {
        file: file.to_string(),
        line,
    };
    for r in rows {
        let c = &r.cells;
        match file {
            "countries.tsv" => t.countries.push(Country {
                code: c[0].to_string(),
                name: c[1].to_string(),
                aliases: list(c[2]),
                adjectives: list(c[3]),
                demonyms: list(c[4]),
                source: src(r.line),
            }),
            "seats.tsv" => {
                let lat = opt_f64(file, r.line, "lat", c[3], 90.0, &mut problems);
                let lon = opt_f64(file, r.line, "lon", c[4], 180.0, &mut problems);
                t.seats.push(Seat {
                    name: c[0].to_string(),
                    country: c[1].to_string(),
                    kind: c[2].to_string(),
                    lat,
                    lon,
                    source: src(r.line),
                })
            }
            "people.tsv" => {
                let start = opt_date(file, r.line, "start", c[5], &mut problems);
                let end = opt_date(file, r.line, "end", c[6], &mut problems);
                t.people.push(PersonRole {
                    id: c[0].to_string(),
                    name: c[1].to_string(),
                    aliases: list(c[2]),
                    code: c[3].to_string(),
                    office: c[4].to_string(),
                    start,
                    end,
                    source: src(r.line),
                })
            }
            "organisations.tsv" => {
                let kind = match c[4] {
                    "organisation" => ActorType::Organisation,
                    "group" => ActorType::Group,
                    other => {
                        problems.push(Problem::new(
                            file,
                            r.line,
                            format!("type `{other}` is not `organisation` or `group`"),
                        ));
                        ActorType::Organisation
                    }
                };
                t.organisations.push(Organisation {
                    id: c[0].to_string(),
                    name: c[1].to_string(),
                    aliases: list(c[2]),
                    code: c[3].to_string(),
                    kind,
                    country: c[5].to_string(),
                    source: src(r.line),
                })
            }
            "agents.tsv" => {
                let kind = match c[3] {
                    "person" => ActorType::Person,
                    "organisation" => ActorType::Organisation,
                    "group" => ActorType::Group,
                    other => {
                        problems.push(Problem::new(
                            file,
                            r.line,
                            format!("type `{other}` is not `person`, `organisation` or `group`"),
                        ));
                        ActorType::Person
                    }
                };
                t.agents.push(Agent {
                    term: c[0].to_string(),
                    plurals: list(c[1]),
                    role: c[2].to_string(),
                    kind,
                    office: (!c[4].is_empty()).then(|| c[4].to_string()),
                    example: c[5].to_string(),
                    source: src(r.line),
                })
            }
            "places.tsv" => {
                let lat = opt_f64(file, r.line, "lat", c[5], 90.0, &mut problems);
                let lon = opt_f64(file, r.line, "lon", c[6], 180.0, &mut problems);
                let population = if c[7].is_empty() {
                    0
                } else {
                    c[7].parse::<u64>().unwrap_or_else(|_| {
                        problems.push(Problem::new(
                            file,
                            r.line,
                            format!("population `{}` is not a whole number", c[7]),
                        ));
                        0
                    })
                };
                t.places.push(Place {
                    name: c[0].to_string(),
                    aliases: list(c[1]),
                    kind: c[2].to_string(),
                    subtype: c[3].to_string(),
                    country: c[4].to_string(),
                    lat,
                    lon,
                    population,
                    geonameid: c[8].to_string(),
                    hand_aliases: 0,
                    source: src(r.line),
                })
            }
            "place_aliases.tsv" => t.place_aliases.push(PlaceAlias {
                name: c[0].to_string(),
                country: c[1].to_string(),
                aliases: list(c[2]),
                why: c[3].to_string(),
                source: src(r.line),
            }),
            "given_names.tsv" => t.given_names.push(GivenName {
                name: c[0].to_string(),
                sex: c[1].to_string(),
                source: src(r.line),
            }),
            _ => {}
        }
    }
    problems
}
