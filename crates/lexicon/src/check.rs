//! Validation of the data files: headers, columns, sort order, unique ids and
//! terms, valid codes and offices, well-formed non-overlapping periods, and
//! place aliases that name existing places.
//!
//! The data is written by hand, so every message names `file:line` and says
//! what to change.

use crate::codes::{check_code, is_role, NON_STATE, OFFICES};
use crate::norm::fold;
use crate::{tsv, Tables};
use std::collections::{HashMap, HashSet};

pub use crate::table::Problem;

/// Seat kinds the README allows.
pub const SEAT_KINDS: &[&str] = &["capital", "seat", "city", "region"];
/// Place kinds of `places.tsv`.
pub const PLACE_KINDS: &[&str] = &["city", "region"];

/// Checks a full set of the data files (`(name, contents)`), returning every
/// problem found, in file order.
pub fn check_files(files: &[(&str, &str)]) -> Vec<Problem> {
    let mut t = Tables::default();
    let mut problems = Vec::new();
    for (name, contents) in files {
        problems.extend(tsv::load_into(name, contents, &mut t));
    }
    let iso: HashSet<&str> = t.countries.iter().map(|c| c.code.as_str()).collect();
    let is_country = |c: &str| iso.contains(c);
    // Folded country names, aliases, adjectives and demonyms -> their countries.
    let mut country_words: HashMap<String, Vec<&str>> = HashMap::new();
    for c in &t.countries {
        let words = std::iter::once(&c.name)
            .chain(&c.aliases)
            .chain(&c.adjectives)
            .chain(&c.demonyms);
        for w in words {
            country_words
                .entry(fold(w))
                .or_default()
                .push(c.code.as_str());
        }
    }
    // A place's alias that names another country: its codes.
    let foreign = |alias: &str, own: &str| {
        country_words
            .get(&fold(alias))
            .filter(|cs| cs.iter().any(|c| *c != own))
            .map(|cs| cs.join(", "))
    };
    let mut p = |file: &str, line: usize, m: String| problems.push(Problem::new(file, line, m));

    check_countries(&t, &mut p);
    check_seats(&t, &is_country, &mut p);
    check_people(&t, &is_country, &mut p);
    check_organisations(&t, &is_country, &mut p);
    check_agents(&t, &mut p);
    check_places(&t, &is_country, &foreign, &mut p);
    check_place_aliases(&t, &foreign, &mut p);
    check_given_names(&t, &mut p);
    problems
}

/// Terms (names, aliases...) must name one entity per file: the owner
/// and line of an earlier use by another entity.
fn term_owner<'a>(
    seen: &mut HashMap<String, (&'a str, usize)>,
    term: &str,
    owner: &'a str,
    line: usize,
) -> Option<(String, usize)> {
    let k = fold(term);
    match seen.get(&k) {
        Some((o, l)) if *o != owner => Some((o.to_string(), *l)),
        Some(_) => None,
        None => {
            seen.insert(k, (owner, line));
            None
        }
    }
}

/// The rules of `countries.tsv`: codes (three upper-case letters, unique,
/// sorted), names, and terms that name one country.
fn check_countries(t: &Tables, p: &mut dyn FnMut(&str, usize, String)) {
    let f = "countries.tsv";
    let mut seen = HashMap::new();
    for (i, c) in t.countries.iter().enumerate() {
        let line = c.source.line;
        if c.code.len() != 3 || !c.code.bytes().all(|b| b.is_ascii_uppercase()) {
            p(
                f,
                line,
                format!("code `{}` is not three upper-case letters", c.code),
            );
        }
        if let Some(prev) = i.checked_sub(1).map(|j| &t.countries[j]) {
            if prev.code == c.code {
                p(
                    f,
                    line,
                    format!(
                        "duplicate code `{}` (also line {})",
                        c.code, prev.source.line
                    ),
                );
            } else if prev.code > c.code {
                p(
                    f,
                    line,
                    format!(
                        "not sorted by code: `{}` comes after `{}`",
                        c.code, prev.code
                    ),
                );
            }
        }
        if c.name.is_empty() {
            p(f, line, "empty name".into());
        }
        for term in std::iter::once(&c.name)
            .chain(&c.aliases)
            .chain(&c.adjectives)
            .chain(&c.demonyms)
        {
            if let Some((o, l)) = term_owner(&mut seen, term, &c.code, line) {
                p(
                    f,
                    line,
                    format!("term `{term}` also names `{o}` (line {l})"),
                );
            }
        }
    }
}

/// The rules of `seats.tsv`: sorted unique names, known countries, known kinds.
fn check_seats(
    t: &Tables,
    is_country: &dyn Fn(&str) -> bool,
    p: &mut dyn FnMut(&str, usize, String),
) {
    let f = "seats.tsv";
    for (i, s) in t.seats.iter().enumerate() {
        let line = s.source.line;
        if let Some(prev) = i.checked_sub(1).map(|j| &t.seats[j]) {
            // Byte order (`LC_ALL=C sort`); spellings that differ only in
            // diacritics may have rows of their own.
            if prev.name == s.name {
                p(
                    f,
                    line,
                    format!(
                        "duplicate name `{}` (also line {})",
                        s.name, prev.source.line
                    ),
                );
            } else if prev.name > s.name {
                p(f, line, format!("not sorted by name (byte order, as `LC_ALL=C sort`): `{}` comes after `{}`", s.name, prev.name));
            }
        }
        if !is_country(&s.country) {
            p(
                f,
                line,
                format!("country `{}` is not a code in countries.tsv", s.country),
            );
        }
        if !SEAT_KINDS.contains(&s.kind.as_str()) {
            p(
                f,
                line,
                format!("kind `{}` is not one of {}", s.kind, SEAT_KINDS.join(", ")),
            );
        }
    }
}

/// The rules of `people.tsv`: ids, codes, offices, dates and
/// non-overlapping periods per office.
fn check_people(
    t: &Tables,
    is_country: &dyn Fn(&str) -> bool,
    p: &mut dyn FnMut(&str, usize, String),
) {
    let f = "people.tsv";
    let mut seen = HashMap::new();
    for (i, r) in t.people.iter().enumerate() {
        let line = r.source.line;
        if r.id.is_empty()
            || !r
                .id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            p(
                f,
                line,
                format!("id `{}` is not a slug of a-z, 0-9 and `-`", r.id),
            );
        }
        if let Some(m) = check_code(&r.code, is_country) {
            p(f, line, m);
        }
        if !OFFICES.contains(&r.office.as_str()) {
            p(
                f,
                line,
                format!("office `{}` is not one of {}", r.office, OFFICES.join(", ")),
            );
        }
        if r.start.is_none() {
            p(
                f,
                line,
                "start is empty: give at least the year the office began".into(),
            );
        }
        if let (Some(s), Some(e)) = (r.start, r.end) {
            if s.first_day() > e.last_day() {
                p(f, line, format!("start {s} is after end {e}"));
            }
        }
        if let Some(prev) = i.checked_sub(1).map(|j| &t.people[j]) {
            if prev.id > r.id {
                p(
                    f,
                    line,
                    format!("not sorted by id: `{}` comes after `{}`", r.id, prev.id),
                );
            } else if prev.id == r.id {
                if prev.start > r.start {
                    p(f, line, format!("rows of `{}` not sorted by start", r.id));
                }
                if prev.name != r.name || prev.aliases != r.aliases {
                    p(
                        f,
                        line,
                        format!(
                            "`{}` has a different name or aliases than on line {}",
                            r.id, prev.source.line
                        ),
                    );
                }
                match (prev.end, r.start) {
                    (None, _) => p(
                        f,
                        line,
                        format!(
                            "period overlaps line {}, which has no end date",
                            prev.source.line
                        ),
                    ),
                    (Some(e), Some(s)) if s.first_day() < e.first_day() => p(
                        f,
                        line,
                        format!(
                            "period starting {s} overlaps line {} ending {e}",
                            prev.source.line
                        ),
                    ),
                    _ => {}
                }
            }
        }
        // Aliases may be shared on purpose (a bare surname such as "Aliyev"
        // on several people: the recogniser keeps the one in office at the
        // date); a full name must name one person.
        if let Some((o, l)) = term_owner(&mut seen, &r.name, &r.id, line) {
            p(
                f,
                line,
                format!("name `{}` also names `{o}` (line {l})", r.name),
            );
        }
    }
}

/// The rules of `organisations.tsv`: ids, codes that agree with the country,
/// and terms that name one organisation.
fn check_organisations(
    t: &Tables,
    is_country: &dyn Fn(&str) -> bool,
    p: &mut dyn FnMut(&str, usize, String),
) {
    let f = "organisations.tsv";
    let mut seen = HashMap::new();
    for (i, o) in t.organisations.iter().enumerate() {
        let line = o.source.line;
        if let Some(prev) = i.checked_sub(1).map(|j| &t.organisations[j]) {
            if prev.id == o.id {
                p(
                    f,
                    line,
                    format!("duplicate id `{}` (also line {})", o.id, prev.source.line),
                );
            } else if prev.id > o.id {
                p(
                    f,
                    line,
                    format!("not sorted by id: `{}` comes after `{}`", o.id, prev.id),
                );
            }
        }
        if let Some(m) = check_code(&o.code, is_country) {
            p(f, line, m);
        }
        if !is_country(&o.country) && !NON_STATE.contains(&o.country.as_str()) {
            p(
                f,
                line,
                format!(
                    "country `{}` is not in countries.tsv nor one of IGO/NGO/IMG/MNC",
                    o.country
                ),
            );
        } else if is_country(o.code.get(..3).unwrap_or("")) && !o.code.starts_with(&o.country) {
            p(
                f,
                line,
                format!(
                    "code `{}` does not start with its country `{}`",
                    o.code, o.country
                ),
            );
        }
        for term in std::iter::once(&o.name).chain(&o.aliases) {
            if let Some((other, l)) = term_owner(&mut seen, term, &o.id, line) {
                p(
                    f,
                    line,
                    format!("name or alias `{term}` also names `{other}` (line {l})"),
                );
            }
        }
    }
}

/// The rules of `agents.tsv`: lower-case terms, roles and offices, each term
/// or plural belonging to one agent, and examples that contain their term.
fn check_agents(t: &Tables, p: &mut dyn FnMut(&str, usize, String)) {
    let f = "agents.tsv";
    let mut seen = HashMap::new();
    for (i, a) in t.agents.iter().enumerate() {
        let line = a.source.line;
        if let Some(prev) = i.checked_sub(1).map(|j| &t.agents[j]) {
            if prev.term == a.term {
                p(
                    f,
                    line,
                    format!(
                        "duplicate term `{}` (also line {})",
                        a.term, prev.source.line
                    ),
                );
            } else if prev.term > a.term {
                p(
                    f,
                    line,
                    format!(
                        "not sorted by term: `{}` comes after `{}`",
                        a.term, prev.term
                    ),
                );
            }
        }
        if a.term != a.term.to_lowercase() {
            p(f, line, format!("term `{}` must be lower case", a.term));
        }
        if !is_role(&a.role) {
            p(
                f,
                line,
                format!("role `{}` is not one of the README's roles", a.role),
            );
        }
        if let Some(o) = &a.office {
            if !OFFICES.contains(&o.as_str()) {
                p(
                    f,
                    line,
                    format!("office `{o}` is not one of {}", OFFICES.join(", ")),
                );
            }
        }
        if !a.example.is_empty() {
            let ex = fold(&a.example);
            if !std::iter::once(&a.term)
                .chain(&a.plurals)
                .any(|t| ex.contains(&fold(t)))
            {
                p(
                    f,
                    line,
                    format!(
                        "example does not contain `{}` or one of its plurals",
                        a.term
                    ),
                );
            }
        }
        for term in std::iter::once(&a.term).chain(&a.plurals) {
            if let Some((o, l)) = term_owner(&mut seen, term, &a.term, line) {
                p(
                    f,
                    line,
                    format!("term or plural `{term}` also belongs to `{o}` (line {l})"),
                );
            }
        }
    }
}

/// What names a country other than a place's own: `(alias, place's
/// country)` -> that country's codes.
type Foreign<'a> = dyn Fn(&str, &str) -> Option<String> + 'a;

/// The rules of `places.tsv` (generated by `tools/gen_lexicon_places.py`):
/// capitalised names and aliases, no alias naming another country, kinds
/// (a city's subtype empty or `capital`), numeric GeoNames ids, known
/// countries, coordinates for cities, and the order by country, kind and
/// population.
fn check_places(
    t: &Tables,
    is_country: &dyn Fn(&str) -> bool,
    foreign: &Foreign,
    p: &mut dyn FnMut(&str, usize, String),
) {
    let f = "places.tsv";
    for (i, pl) in t.places.iter().enumerate() {
        let line = pl.source.line;
        if pl.name.is_empty() || !pl.name.starts_with(char::is_uppercase) {
            p(
                f,
                line,
                format!("name `{}` must start with a capital letter", pl.name),
            );
        }
        if !PLACE_KINDS.contains(&pl.kind.as_str()) {
            p(
                f,
                line,
                format!(
                    "kind `{}` is not one of {}",
                    pl.kind,
                    PLACE_KINDS.join(", ")
                ),
            );
        }
        if !is_country(&pl.country) {
            p(
                f,
                line,
                format!("country `{}` is not a code in countries.tsv", pl.country),
            );
        }
        if pl.kind == "city" && (pl.lat.is_none() || pl.lon.is_none()) {
            p(f, line, "a city needs lat and lon".into());
        }
        if pl.kind == "city" && !matches!(pl.subtype.as_str(), "" | "capital") {
            p(
                f,
                line,
                format!(
                    "a city's subtype `{}` must be empty or `capital`",
                    pl.subtype
                ),
            );
        }
        if !pl.geonameid.bytes().all(|b| b.is_ascii_digit()) {
            p(
                f,
                line,
                format!("geonameid `{}` is not a number", pl.geonameid),
            );
        }
        for a in &pl.aliases {
            if !a.starts_with(char::is_uppercase) {
                p(
                    f,
                    line,
                    format!("alias `{a}` must start with a capital letter"),
                );
            }
            // "Police attacked protesters in Bangladesh" is about Bangladesh,
            // never a district of Yerevan that GeoNames gives that name.
            if let Some(cs) = foreign(a, &pl.country) {
                p(
                    f,
                    line,
                    format!("alias `{a}` names a country ({cs}): leave it out"),
                );
            }
        }
        if let Some(prev) = i.checked_sub(1).map(|j| &t.places[j]) {
            let key = |x: &crate::Place| {
                (
                    x.country.clone(),
                    x.kind.clone(),
                    std::cmp::Reverse(x.population),
                )
            };
            if key(prev) > key(pl) {
                p(
                    f,
                    line,
                    format!(
                        "not sorted by country, kind, population (descending): `{}` comes after `{}`",
                        pl.name, prev.name
                    ),
                );
            }
        }
    }
}

/// The rules of `place_aliases.tsv` (hand-written aliases of `places.tsv`
/// rows): capitalised aliases of existing places, each naming one place.
fn check_place_aliases(t: &Tables, foreign: &Foreign, p: &mut dyn FnMut(&str, usize, String)) {
    let f = "place_aliases.tsv";
    let place_names: HashSet<(String, &str)> = t
        .places
        .iter()
        .map(|pl| (fold(&pl.name), pl.country.as_str()))
        .collect();
    let mut seen: HashMap<String, (&str, usize)> = HashMap::new();
    for (i, a) in t.place_aliases.iter().enumerate() {
        let line = a.source.line;
        if let Some(prev) = i.checked_sub(1).map(|j| &t.place_aliases[j]) {
            let (k0, k1) = ((&prev.country, &prev.name), (&a.country, &a.name));
            if prev.country == a.country && fold(&prev.name) == fold(&a.name) {
                p(
                    f,
                    line,
                    format!(
                        "duplicate place `{}` `{}` (also line {}): merge the rows",
                        a.name, a.country, prev.source.line
                    ),
                );
            } else if k0 > k1 {
                p(
                    f,
                    line,
                    format!(
                        "not sorted by country, then name (byte order): `{} {}` comes after `{} {}`",
                        a.country, a.name, prev.country, prev.name
                    ),
                );
            }
        }
        if !t.places.is_empty() && !place_names.contains(&(fold(&a.name), a.country.as_str())) {
            p(
                f,
                line,
                format!(
                    "no place `{}` in `{}` in places.tsv (give its name as written there)",
                    a.name, a.country
                ),
            );
        }
        if a.aliases.is_empty() {
            p(f, line, "no aliases".into());
        }
        for (k, alias) in a.aliases.iter().enumerate() {
            let key = fold(alias);
            if !alias.starts_with(char::is_uppercase) {
                p(
                    f,
                    line,
                    format!("alias `{alias}` must start with a capital letter"),
                );
            }
            if key == fold(&a.name) || a.aliases[..k].iter().any(|x| fold(x) == key) {
                p(
                    f,
                    line,
                    format!("alias `{alias}` repeats the name or another alias of this row"),
                );
            }
            if let Some(cs) = foreign(alias, &a.country) {
                p(
                    f,
                    line,
                    format!("alias `{alias}` names a country ({cs}): leave it out"),
                );
            }
            // One spelling, one country: a second reading would be a guess.
            // (A city and its region may share one.)
            if let Some((o, l)) = term_owner(&mut seen, alias, &a.country, line) {
                p(
                    f,
                    line,
                    format!("alias `{alias}` is also given to a place in `{o}` (line {l})"),
                );
            }
        }
    }
}

/// The rules of `given_names.tsv`: capitalised names, a sex of m, f or u,
/// sorted and unique.
fn check_given_names(t: &Tables, p: &mut dyn FnMut(&str, usize, String)) {
    let f = "given_names.tsv";
    for (i, g) in t.given_names.iter().enumerate() {
        let line = g.source.line;
        let capitalised = |part: &str| {
            let mut chars = part.chars();
            chars.next().is_some_and(char::is_uppercase)
                && chars.all(|c| c.is_lowercase() || c == '\'')
        };
        if !g.name.split('-').all(capitalised) {
            p(
                f,
                line,
                format!(
                    "name `{}` must be one capitalised word (letters and `'`; `-` joins capitalised parts)",
                    g.name
                ),
            );
        }
        if !["m", "f", "u"].contains(&g.sex.as_str()) {
            p(f, line, format!("sex `{}` is not m, f or u", g.sex));
        }
        if let Some(prev) = i.checked_sub(1).map(|j| &t.given_names[j]) {
            let (a, b) = (prev.name.to_lowercase(), g.name.to_lowercase());
            if a == b {
                p(
                    f,
                    line,
                    format!(
                        "duplicate name `{}` (also line {})",
                        g.name, prev.source.line
                    ),
                );
            } else if a > b {
                p(
                    f,
                    line,
                    format!(
                        "not sorted by lower-case name: `{}` comes after `{}`",
                        g.name, prev.name
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_precisely() {
        let countries = "code\tname\taliases\tadjectives\tdemonyms\n\
            ISR\tIsrael\t\tIsraeli\tIsraelis\n\
            AZE\tAzerbaijan\t\tAzerbaijani|Israeli\t\n";
        let people = "id\tname\taliases\tcode\toffice\tstart\tend\n\
            a-b\tA B\t\tISRGOV\thead_of_state\t2020\t2024\n\
            a-b\tA B\t\tISRGOV\thead_of_state\t2022\t2019\n\
            c-d\tC D\t\tXXXGOV\tking\t2020-13\t\n";
        let files = [
            ("countries.tsv", countries),
            ("seats.tsv", "name\tcountry\tkind\tlat\tlon\n"),
            ("people.tsv", people),
            (
                "organisations.tsv",
                "id\tname\taliases\tcode\ttype\tcountry\n",
            ),
            ("agents.tsv", "term\tplural\trole\ttype\toffice\texample\n"),
        ];
        let got: Vec<String> = check_files(&files).iter().map(|p| p.to_string()).collect();
        let want = [
            "people.tsv:4: start `2020-13` is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD",
            "countries.tsv:3: not sorted by code: `AZE` comes after `ISR`",
            "countries.tsv:3: term `Israeli` also names `ISR` (line 2)",
            "people.tsv:3: start 2022 is after end 2019",
            "people.tsv:3: period starting 2022 overlaps line 2 ending 2024",
            "people.tsv:4: code `XXXGOV`: country part `XXX` is not in countries.tsv nor one of IGO/NGO/IMG/MNC",
            "people.tsv:4: office `king` is not one of head_of_state, head_of_government, foreign_minister, defence_minister, finance_minister, interior_minister, central_bank, military_chief, intelligence_chief, un_ambassador, igo_head, opposition_leader, group_leader, other",
            "people.tsv:4: start is empty: give at least the year the office began",
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn place_aliases_name_places_once_in_order() {
        let countries = "code\tname\taliases\tadjectives\tdemonyms\n\
            IRQ\tIraq\t\tIraqi\tIraqis\n\
            SYR\tSyria\t\tSyrian\tSyrians\n";
        let places = "name\taliases\tkind\tsubtype\tcountry\tlat\tlon\tpopulation\n\
            Al Anbār\t\tregion\tGovernorate\tIRQ\t\t\t0\n\
            Idlib\t\tregion\tProvince\tSYR\t\t\t0\n";
        let aliases = "name\tcountry\taliases\twhy\n\
            Idlib\tSYR\tIdleb|anbar\n\
            Al Anbar\tIRQ\tAnbar|Al Anbār\tarticle dropped\n\
            Al Anbār\tIRQ\tIdleb\t\n\
            Atlantis\tSYR\tPoseidonia\t\n";
        let files = [
            ("countries.tsv", countries),
            ("places.tsv", places),
            ("place_aliases.tsv", aliases),
        ];
        let got: Vec<String> = check_files(&files).iter().map(|p| p.to_string()).collect();
        let want = [
            "place_aliases.tsv:2: alias `anbar` must start with a capital letter",
            "place_aliases.tsv:3: not sorted by country, then name (byte order): `IRQ Al Anbar` comes after `SYR Idlib`",
            "place_aliases.tsv:3: alias `Anbar` is also given to a place in `SYR` (line 2)",
            "place_aliases.tsv:3: alias `Al Anbār` repeats the name or another alias of this row",
            "place_aliases.tsv:4: duplicate place `Al Anbār` `IRQ` (also line 3): merge the rows",
            "place_aliases.tsv:4: alias `Idleb` is also given to a place in `SYR` (line 2)",
            "place_aliases.tsv:5: no place `Atlantis` in `SYR` in places.tsv (give its name as written there)",
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn no_place_takes_another_countrys_name() {
        let countries = "code\tname\taliases\tadjectives\tdemonyms\n\
            ARM\tArmenia\t\tArmenian\tArmenians\n\
            BGD\tBangladesh\t\tBangladeshi\tBangladeshis\n\
            KWT\tKuwait\t\tKuwaiti\tKuwaitis\n";
        let places = "name\taliases\tkind\tsubtype\tcountry\tlat\tlon\tpopulation\tgeonameid\n\
            Yerevan\tErevan\tcity\tcapital\tARM\t40.18\t44.51\t1093485\t616052\n\
            Malatia-Sebastia\tBangladesh|Banglades\tcity\t\tARM\t40.17\t44.45\t150500\t7670934\n\
            Gyumri\t\tcity\tport\tARM\t40.79\t43.85\t121976\tG1\n\
            Kuwait City\tKuwait\tcity\tcapital\tKWT\t29.37\t47.98\t60064\t285787\n";
        let aliases = "name\tcountry\taliases\twhy\n\
            Yerevan\tARM\tArmenian capital|Bangladeshi\t\n";
        let files = [
            ("countries.tsv", countries),
            ("places.tsv", places),
            ("place_aliases.tsv", aliases),
        ];
        let got: Vec<String> = check_files(&files).iter().map(|p| p.to_string()).collect();
        // A country's own name may be an alias of its capital (Kuwait).
        let want = [
            "places.tsv:3: alias `Bangladesh` names a country (BGD): leave it out",
            "places.tsv:4: a city's subtype `port` must be empty or `capital`",
            "places.tsv:4: geonameid `G1` is not a number",
            "place_aliases.tsv:2: alias `Bangladeshi` names a country (BGD): leave it out",
        ];
        assert_eq!(got, want);
    }
}
