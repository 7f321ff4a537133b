//! The topic filter at the command line: a match report's "beat" is no
//! assault; the document says what was left out, and `--all-topics` keeps it.

mod common;

const REPORT: &str = "England beat Germany 3-1 at Wembley on Saturday, with two goals from \
the striker in the second half. Brazil crushed Argentina in the final of the tournament, \
and the coach praised the midfield.\n";

#[test]
fn a_match_report_codes_no_assault_unless_asked() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("topics_cli");
    std::fs::create_dir_all(&dir).expect("test folder");
    std::fs::write(dir.join("match.txt"), REPORT).expect("write");
    let out = common::run(&dir, &["code", "--date", "2024-01-01", "match.txt"]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert!(!out.stdout.contains("\"kind\":\"event\""), "{}", out.stdout);
    let diag = out
        .stdout
        .lines()
        .find(|l| l.contains("\"kind\":\"diagnostic\""))
        .expect("a diagnostic counts what was left out");
    assert!(
        diag.contains("left out") && diag.contains("Sports"),
        "{diag}"
    );
    let all = common::run(
        &dir,
        &["code", "--all-topics", "--date", "2024-01-01", "match.txt"],
    );
    assert_eq!(all.status, 0, "{}", all.stderr);
    assert!(all.stdout.contains("\"kind\":\"event\""), "{}", all.stdout);
    assert!(!all.stdout.contains("left out"));
}
