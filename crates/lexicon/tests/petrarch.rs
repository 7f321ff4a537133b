//! The PETRARCH importer on the real Phoenix dictionaries in `../shared`
//! (skipped with a message when they are absent).

use lexicon::petrarch::{import_actors, import_agents, Entry};
use lexicon::Lexicon;
use std::path::{Path, PathBuf};

// The shared-data rule of the other crates' tests, without a dependency on
// `testkit` (which depends on this crate).
#[allow(dead_code)]
#[path = "../../testkit/src/shared.rs"]
mod shared;

fn dict_dir() -> Option<PathBuf> {
    shared::shared_path("petrarch2/dictionaries")
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn countries_dictionary() {
    let Some(dir) = dict_dir() else { return };
    let (entries, diags) = import_actors(
        "Phoenix.Countries.actors.txt",
        &read(&dir, "Phoenix.Countries.actors.txt"),
    );
    let people = entries
        .iter()
        .filter(|e| matches!(e, Entry::Person(_)))
        .count();
    let orgs = entries.len() - people;
    println!(
        "Countries: {people} person periods, {orgs} undated entries, {} diagnostics",
        diags.len()
    );
    for d in diags.iter().take(20) {
        println!(
            "  {}:{} {}",
            d.file.as_deref().unwrap_or(""),
            d.line.unwrap_or(0),
            d.message
        );
    }
    assert!(people > 10_000, "{people}");
    assert!(orgs > 200, "{orgs}");
    // Odd lines exist in the real file; they are reported, and they are few.
    assert!(diags.len() < 100, "{} diagnostics", diags.len());
    // A date-ranged entry: some ISRGOV period with both ends, and an open one.
    let isr: Vec<_> = entries
        .iter()
        .filter_map(|e| match e {
            Entry::Person(p) if p.code == "ISRGOV" => Some(p),
            _ => None,
        })
        .collect();
    assert!(isr.iter().any(|p| p.start.is_some() && p.end.is_some()));
    assert!(isr.iter().all(|p| match (p.start, p.end) {
        (Some(s), Some(e)) => s <= e,
        _ => true,
    }));
}

#[test]
fn other_dictionaries_and_lexicon_import() {
    let Some(dir) = dict_dir() else { return };
    let mut files = Vec::new();
    for name in [
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
        "Phoenix.agents.txt",
    ] {
        files.push((name.to_string(), read(&dir, name)));
    }
    let (intl, d1) = import_actors("Phoenix.International.actors.txt", &files[1].1);
    let (mil, d2) = import_actors("Phoenix.MilNonState.actors.txt", &files[2].1);
    let (agents, d3) = import_agents("Phoenix.agents.txt", &files[3].1);
    println!(
        "International {} entries ({} diags), MilNonState {} ({} diags), agents {} ({} diags)",
        intl.len(),
        d1.len(),
        mil.len(),
        d2.len(),
        agents.len(),
        d3.len()
    );
    assert!(intl.len() > 1_000 && mil.len() > 500 && agents.len() > 2_000);
    assert!(d1.len() < 100 && d2.len() < 100 && d3.len() < 100);
    assert!(agents
        .iter()
        .any(|a| a.term == "air force" && a.role == "MIL"));

    let mut lex = Lexicon::builtin().unwrap_or_else(|e| panic!("{e}"));
    let diags = lex.import_petrarch(&files);
    assert!(diags.len() < 400);
    assert!(lex.imported_people.len() > 10_000);
    assert!(lex.imported_organisations.len() > 1_000);
    assert!(lex.imported_agents.len() > 2_000);
}
