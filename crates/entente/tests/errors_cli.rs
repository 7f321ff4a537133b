//! Errors say what failed once, with the fix; a reader that stops early
//! (`entente code ... | head`) ends the output quietly with success.

use std::io::{Read, Write};
use std::process::{Command, Stdio};

fn entente() -> Command {
    Command::new(env!("CARGO_BIN_EXE_entente"))
}

#[test]
fn closed_pipe_ends_quietly() {
    let mut child = entente()
        .args(["code", "--date", "2025-05-02", "--input", "text", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("entente runs");
    // Far more output than a pipe holds, so the writes meet the closed end.
    let text = "Turkey urged Russia to accept the proposal, officials said. ".repeat(400);
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(text.as_bytes()).expect("input written");
    drop(stdin);
    let mut stdout = child.stdout.take().expect("stdout");
    let mut head = [0u8; 100];
    stdout.read_exact(&mut head).expect("some output");
    drop(stdout);
    let out = child.wait_with_output().expect("entente ends");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{:?}: {err}", out.status);
    assert!(!err.contains("Broken pipe"), "{err}");
}

#[test]
fn database_error_said_once_with_the_fix() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("notes.db");
    std::fs::write(&db, "these are notes, not a database\n".repeat(40)).expect("written");
    let out = entente()
        .args(["documents", "--db"])
        .arg(&db)
        .output()
        .expect("entente runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_eq!(err.matches("is not a database").count(), 1, "{err}");
    assert!(err.contains("notes.db: file is not a database"), "{err}");
    assert!(err.contains("name another file with --db"), "{err}");
    assert!(!err.contains("Error code"), "{err}");
}

#[test]
fn dictionary_warning_names_file_and_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let dict = dir.path().join("odd.actors.txt");
    std::fs::write(&dict, "AFGHANISTAN_ [AFG]\n[BROKEN\n").expect("written");
    let article = dir.path().join("a.txt");
    std::fs::write(&article, "Turkey urged Russia to accept the proposal.\n").expect("written");
    let out = entente()
        .args(["code", "--date", "2025-05-02", "--dictionary"])
        .arg(&dict)
        .arg(&article)
        .output()
        .expect("entente runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("odd.actors.txt:"), "{err}");
}
