//! The README as a first-time user reads it (issue 17): every command line
//! of its quick start and its Commands table runs as printed against the
//! examples database, and every search example finds something.
//!
//! `cargo run --release --` and `entente` stand for the built binary; the
//! commands run in a folder holding a copy of `examples/` and the
//! `examples.db` the quick start's first command makes.

mod common;

use common::{examples_dir, repo, run};

/// Lines that are not entente command lines, or need what a test must not
/// take: the test suite itself, the gold corpora (minutes, and absent
/// without `../shared`), and a treebank to train on (placeholders).
const NOT_RUN: [&str; 3] = ["cargo test", "entente eval", "entente train"];

/// Commands whose output is a file or a note on stderr, not stdout.
const QUIET: [&str; 3] = ["ingest", "recode", "export"];

/// Splits a shell line into words: '...' and "..." quote, `#` at a word's
/// start begins a comment, `&&` separates commands.
fn shell_commands(line: &str) -> Vec<Vec<String>> {
    let mut commands = vec![Vec::new()];
    let mut word: Option<String> = None;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' | '"' => {
                let w = word.get_or_insert_with(String::new);
                for q in chars.by_ref() {
                    if q == c {
                        break;
                    }
                    w.push(q);
                }
            }
            '#' if word.is_none() => break,
            c if c.is_whitespace() => {
                if let Some(w) = word.take() {
                    if w == "&&" {
                        commands.push(Vec::new());
                    } else if let Some(cmd) = commands.last_mut() {
                        cmd.push(w);
                    }
                }
            }
            c => word.get_or_insert_with(String::new).push(c),
        }
    }
    if let Some(w) = word {
        if let Some(cmd) = commands.last_mut() {
            cmd.push(w);
        }
    }
    commands.retain(|c| !c.is_empty());
    commands
}

/// The entente command lines of the README's quick start and Commands table, in order.
fn readme_commands() -> Vec<Vec<String>> {
    let readme = std::fs::read_to_string(repo().join("README.md")).expect("README.md");
    let quick = readme
        .split("## Quick start")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .expect("a Quick start section");
    let mut lines: Vec<String> = Vec::new();
    let mut in_sh = false;
    for l in quick.lines() {
        if l.starts_with("```") {
            in_sh = l.trim() == "```sh";
        } else if in_sh {
            lines.push(l.to_string());
        }
    }
    let table = readme
        .split("## Commands")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .expect("a Commands section");
    for row in table.lines().filter(|l| l.starts_with("| `")) {
        // The first cell's code spans, with the table's escaped pipes.
        let cell = row.replace("\\|", "\u{1}");
        let first = cell.split('|').nth(1).unwrap_or("");
        for (i, span) in first.split('`').enumerate() {
            if i % 2 == 1 && span.starts_with("entente ") {
                lines.push(span.replace('\u{1}', "|"));
            }
        }
    }
    let mut commands = Vec::new();
    for l in lines {
        for mut words in shell_commands(&l) {
            let joined = words.join(" ");
            if NOT_RUN.iter().any(|p| joined.starts_with(p)) {
                continue;
            }
            if words.starts_with(&[
                "cargo".into(),
                "run".into(),
                "--release".into(),
                "--".into(),
            ]) {
                words.drain(..4);
            } else if words.first().map(String::as_str) == Some("entente") {
                words.remove(0);
            } else {
                panic!("a README command line that is not entente's: {l}");
            }
            commands.push(words);
        }
    }
    commands
}

#[test]
fn the_readme_commands_run_as_printed() {
    let dir = examples_dir("readme");
    let commands = readme_commands();
    assert!(
        commands.len() >= 25,
        "only {} commands found",
        commands.len()
    );
    let mut searches = 0;
    for words in &commands {
        let args: Vec<&str> = words.iter().map(String::as_str).collect();
        let out = run(dir, &args);
        assert_eq!(
            out.status,
            0,
            "entente {}: exit {}\n{}",
            words.join(" "),
            out.status,
            out.stderr
        );
        if !QUIET.contains(&args[0]) {
            assert!(
                !out.stdout.is_empty(),
                "entente {}: no output",
                words.join(" ")
            );
        }
        if args[0] == "search" {
            searches += 1;
            assert!(
                !out.stderr.contains("no results"),
                "entente {}: the README's search finds nothing",
                words.join(" ")
            );
        }
    }
    assert!(searches >= 2, "{searches} search examples");
    // Run here, not beside: the commands above write to the database.
    search_help_examples_find_something(dir);
}

/// The search examples of `entente search --help` that name the examples database find something too.
fn search_help_examples_find_something(dir: &std::path::Path) {
    let help = run(dir, &["search", "--help"]).stdout;
    let mut n = 0;
    for line in help.lines().filter(|l| l.contains("--db examples.db")) {
        for words in shell_commands(line.trim()) {
            let args: Vec<&str> = words.iter().skip(1).map(String::as_str).collect();
            let out = run(dir, &args);
            assert_eq!(out.status, 0, "{line}: {}", out.stderr);
            assert!(!out.stdout.is_empty(), "{line} finds nothing");
            n += 1;
        }
    }
    assert!(n >= 2, "{n} examples in search --help");
}

#[test]
fn shell_lines_split_as_a_shell_would() {
    assert_eq!(
        shell_commands(r#"a --x "b c" && d 'e "f"'   # a comment"#),
        vec![
            vec!["a".to_string(), "--x".into(), "b c".into()],
            vec!["d".to_string(), "e \"f\"".into()],
        ]
    );
}
