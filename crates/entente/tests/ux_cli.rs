//! The command line a first-time user expects (issue 17): one golden
//! transcript per point of the issue, run against the examples database,
//! plus checks a transcript cannot make (alignment, exit codes).
//!
//! Update the transcripts with `UPDATE_EXPECT=1 cargo test -p entente --test ux_cli`
//! and review the diff like code.

mod common;

use common::{examples_dir, run, Run};
use std::path::Path;

fn dir() -> &'static Path {
    examples_dir("ux_cli")
}

/// `$ entente ARGS`, the exit status, stdout and stderr of each command.
fn transcript(commands: &[&[&str]]) -> String {
    let mut s = String::new();
    for args in commands {
        let out = run(dir(), args);
        let shown: Vec<String> = args
            .iter()
            .map(|a| {
                if a.contains(' ') || a.contains('"') || a.is_empty() {
                    format!("'{a}'")
                } else {
                    a.to_string()
                }
            })
            .collect();
        s.push_str(&format!(
            "$ entente {}\n[exit {}]\n{}",
            shown.join(" "),
            out.status,
            out.stdout
        ));
        if !out.stderr.is_empty() {
            s.push_str("[stderr]\n");
            s.push_str(&out.stderr);
        }
        s.push('\n');
    }
    s
}

macro_rules! golden {
    ($name:ident, $file:literal, $commands:expr) => {
        #[test]
        fn $name() {
            expect_test::expect_file![$file].assert_eq(&transcript($commands));
        }
    };
}

// 1. Every list says what it left out, shares one limit and the four formats.
golden!(
    lists_say_what_they_left_out,
    "golden/cli/1-lists.txt",
    &[
        &["events", "--db", "examples.db", "--limit", "3"],
        &[
            "documents",
            "--db",
            "examples.db",
            "--format",
            "csv",
            "--limit",
            "2"
        ],
        &[
            "quotes",
            "--db",
            "examples.db",
            "--limit",
            "2",
            "--format",
            "jsonl"
        ],
        &[
            "facts",
            "--db",
            "examples.db",
            "--format",
            "json",
            "--limit",
            "1"
        ],
        &["search", "--db", "examples.db", "talks", "--limit", "1"],
        &["actors", "--db", "examples.db", "--limit", "2"],
        &["brokers", "--db", "examples.db", "--format", "csv"],
        &[
            "blocs",
            "--db",
            "examples.db",
            "--format",
            "jsonl",
            "--limit",
            "2"
        ],
        &[
            "network",
            "--db",
            "examples.db",
            "--format",
            "csv",
            "--limit",
            "3"
        ],
        &["dependencies", "--db", "examples.db", "--format", "jsonl"],
        &[
            "events",
            "--db",
            "examples.db",
            "--all",
            "--format",
            "csv",
            "--root",
            "04"
        ],
    ]
);

// 2. Actors by name or code, with suggestions; events of one document.
golden!(
    actors_by_name_or_code,
    "golden/cli/2-actors.txt",
    &[
        &["actor", "--db", "examples.db", "Aliyev"],
        &["dyad", "--db", "examples.db", "Israel", "Turkey"],
        &["events", "--db", "examples.db", "--actor", "Ilham Aliyev"],
        &[
            "events",
            "--db",
            "examples.db",
            "--dyad",
            "Azerbaijan",
            "iran"
        ],
        &["facts", "--db", "examples.db", "--actor", "Israel"],
        &[
            "brokers",
            "--db",
            "examples.db",
            "--between",
            "Israel",
            "Iran"
        ],
        &["dyad", "--db", "examples.db", "ISR", "XXX"],
        &["actor", "--db", "examples.db", "Aliyef"],
        &["events", "--db", "examples.db", "--doc", "ex-1"],
        &["events", "--db", "examples.db", "--doc", "nope"],
    ]
);

// 3. Exit status: 0 with "no results", 1 for failures, 2 for usage.
golden!(
    exit_codes,
    "golden/cli/3-exit-codes.txt",
    &[
        &["search", "--db", "examples.db", "red lines"],
        &[
            "events",
            "--db",
            "examples.db",
            "--actor",
            "CHN",
            "--root",
            "19"
        ],
        &["actor", "--db", "examples.db", "FRA"],
        &["dyad", "--db", "examples.db", "France", "Japan"],
        &[
            "dyad",
            "--db",
            "examples.db",
            "France",
            "Japan",
            "--format",
            "jsonl"
        ],
        &["quotes", "--db", "examples.db", "--speaker", "nobody"],
        &["events", "--db", "missing.db"],
        &["events", "--db", "examples.db", "--frobnicate"],
        &["code", "no-such-file.txt"],
        &["help", "exit-codes"],
    ]
);

// 4. Times in words in tables and `show`; TIMEX values in JSON.
golden!(
    readable_times,
    "golden/cli/4-times.txt",
    &[
        &["show", "--db", "examples.db", "urn:example:nato-kyiv"],
        &[
            "events",
            "--db",
            "examples.db",
            "--actor",
            "IRN",
            "--format",
            "table"
        ],
        &[
            "events",
            "--db",
            "examples.db",
            "--actor",
            "IRN",
            "--format",
            "jsonl"
        ],
        &["facts", "--db", "examples.db", "--measure", "killed"],
        &["help", "times"],
    ]
);

// 5. Headers on every table, widths from the data.
golden!(
    tables_have_headers,
    "golden/cli/5-tables.txt",
    &[
        &[
            "events",
            "--db",
            "examples.db",
            "--doc",
            "urn:example:nato-kyiv"
        ],
        &["brokers", "--db", "examples.db"],
        &["blocs", "--db", "examples.db"],
        &["network", "--db", "examples.db", "--limit", "4"],
        &["dependencies", "--db", "examples.db"],
        &["quotes", "--db", "examples.db", "--speaker", "Fidan"],
    ]
);

// 6. Help: each argument named, examples, topics, completions.
golden!(
    help_names_every_argument,
    "golden/cli/6-help.txt",
    &[
        &["search", "--help"],
        &["dyad", "--help"],
        &["quotes", "--help"],
        &["eval", "--help"],
        &["help", "records"],
        &["help", "plover"],
        &["help", "nonsense"],
        &["help", "eval", "timex"],
    ]
);

// 7. One mark for an unknown speaker or code; plurals.
golden!(
    small_things,
    "golden/cli/7-small.txt",
    &[
        &["show", "--db", "examples.db", "d690fe9df176b8eb"],
        &["quotes", "--db", "examples.db", "--limit", "5"],
    ]
);

/// Column starts of the header: every row has a blank just before each.
fn assert_aligned(out: &Run) {
    let mut lines = out.stdout.lines();
    let header: Vec<char> = lines.next().expect("a header").chars().collect();
    let starts: Vec<usize> = (1..header.len())
        .filter(|&i| header[i] != ' ' && header[i - 1] == ' ' && i >= 2 && header[i - 2] == ' ')
        .collect();
    for line in lines {
        let chars: Vec<char> = line.chars().collect();
        for &i in &starts {
            assert!(
                chars.get(i - 1).is_none_or(|c| *c == ' '),
                "column at {i} misaligned in\n{line}\n{}",
                out.stdout
            );
        }
    }
}

#[test]
fn tables_line_up_with_four_digit_codes_and_long_values() {
    // 1823 and 042 share the column; doc ids of 16 to 45 characters too.
    for args in [
        &["events", "--db", "examples.db", "--all"][..],
        &["documents", "--db", "examples.db"],
        &["quotes", "--db", "examples.db"],
        &["facts", "--db", "examples.db"],
        &["actors", "--db", "examples.db"],
        &["brokers", "--db", "examples.db"],
        &["network", "--db", "examples.db"],
        &["dependencies", "--db", "examples.db"],
        &["help", "cameo"],
    ] {
        let out = run(dir(), args);
        assert_eq!(out.status, 0, "{args:?}: {}", out.stderr);
        if args[0] == "help" {
            // The table starts after the two lines of explanation.
            let table: String = out
                .stdout
                .lines()
                .skip(3)
                .map(|l| format!("{l}\n"))
                .collect();
            assert!(table.contains("\n1823 "), "{table}");
            assert_aligned(&Run {
                stdout: table,
                ..out
            });
        } else {
            assert_aligned(&out);
        }
    }
}

#[test]
fn every_list_takes_every_format() {
    for cmd in [
        "documents",
        "actors",
        "events",
        "quotes",
        "facts",
        "brokers",
        "blocs",
        "network",
        "dependencies",
    ] {
        for format in ["table", "json", "jsonl", "csv"] {
            let out = run(dir(), &[cmd, "--db", "examples.db", "--format", format]);
            assert_eq!(out.status, 0, "{cmd} --format {format}: {}", out.stderr);
            assert!(!out.stdout.is_empty(), "{cmd} --format {format}");
            match format {
                "json" => {
                    serde_json::from_str::<serde_json::Value>(&out.stdout)
                        .unwrap_or_else(|e| panic!("{cmd} json: {e}"));
                }
                "jsonl" => {
                    for l in out.stdout.lines() {
                        serde_json::from_str::<serde_json::Value>(l)
                            .unwrap_or_else(|e| panic!("{cmd} jsonl: {e}: {l}"));
                    }
                }
                _ => {}
            }
        }
    }
    for cmd in [["actor", "AZE"], ["dyad", "ISR"]] {
        let mut args = vec![cmd[0], "--db", "examples.db", cmd[1]];
        if cmd[0] == "dyad" {
            args.push("TUR");
        }
        for format in ["table", "json", "jsonl", "csv"] {
            let mut a = args.clone();
            a.extend(["--format", format]);
            let out = run(dir(), &a);
            assert_eq!(out.status, 0, "{a:?}: {}", out.stderr);
            assert!(!out.stdout.is_empty(), "{a:?}");
        }
    }
}

#[test]
fn completions_for_each_shell() {
    for shell in ["bash", "zsh", "fish"] {
        let out = run(dir(), &["completions", shell]);
        assert_eq!(out.status, 0, "{shell}: {}", out.stderr);
        assert!(out.stdout.contains("entente"), "{shell}");
        assert!(out.stdout.contains("dependencies"), "{shell}");
    }
    assert_eq!(run(dir(), &["completions", "tcsh"]).status, 2);
}

#[test]
fn every_command_help_names_db_and_shows_an_example() {
    for cmd in [
        "ingest",
        "documents",
        "show",
        "actors",
        "search",
        "events",
        "actor",
        "dyad",
        "export",
        "quotes",
        "facts",
        "recode",
        "brokers",
        "blocs",
        "dependencies",
        "network",
        "report",
    ] {
        let out = run(dir(), &[cmd, "--help"]);
        assert_eq!(out.status, 0, "{cmd}");
        assert!(
            out.stdout.contains("--db <FILE>")
                && out
                    .stdout
                    .contains("The database file `entente ingest` writes"),
            "{cmd} --help does not describe --db:\n{}",
            out.stdout
        );
        assert!(out.stdout.contains("Example"), "{cmd}");
        assert!(
            !out.stdout.contains("\\\""),
            "{cmd}: a literal \\\" in help"
        );
    }
}

#[test]
fn casualty_units_are_plural_once() {
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        tmp.path().join("a.txt"),
        "The airstrike killed 100 children in Gaza on Monday.\n",
    )
    .expect("write the article");
    let out = run(tmp.path(), &["code", "--date", "2025-05-02", "a.txt"]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("\"unit\":\"children\""),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("childrens"), "{}", out.stdout);
}
