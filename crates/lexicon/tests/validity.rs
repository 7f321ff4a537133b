//! The built-in data files are well formed: headers, columns, sort order,
//! unique ids and terms, valid codes and offices, sane office periods.
//!
//! Run `cargo test -p lexicon --test validity` after editing `data/*.tsv`;
//! every message names `file:line` and what to fix.

use lexicon::check::check_files;
use lexicon::{Lexicon, BUILTIN_FILES};

#[test]
fn data_files_are_valid() {
    let problems = check_files(&BUILTIN_FILES);
    let report: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert!(
        report.is_empty(),
        "{} problem(s) in crates/lexicon/data:\n{}",
        report.len(),
        report.join("\n")
    );
}

#[test]
fn builtin_lexicon_loads() {
    let lex = Lexicon::builtin().unwrap_or_else(|e| panic!("{e}"));
    println!(
        "countries {}, seats {}, people rows {}, organisations {}, agents {}, places {}, given names {}",
        lex.countries.len(),
        lex.seats.len(),
        lex.people.len(),
        lex.organisations.len(),
        lex.agents.len(),
        lex.places.len(),
        lex.given_names.len()
    );
    // The gazetteer answers for the places news names most.
    let g = lex.gazetteer();
    for (name, country) in [("Haifa", "ISR"), ("Lagos", "NGA"), ("Idlib", "SYR")] {
        assert_eq!(
            g.best(name).map(|p| p.country.as_str()),
            Some(country),
            "{name}"
        );
    }
    assert!(g.lookup("Idlib").iter().any(|p| p.kind == "region"));
    // place_aliases.tsv: news spellings of regions.
    for (name, country) in [("Anbar", "IRQ"), ("North Kivu", "COD"), ("Hodeidah", "YEM")] {
        assert!(
            g.lookup(name)
                .iter()
                .any(|p| p.kind == "region" && p.country == country),
            "{name}"
        );
    }
}
