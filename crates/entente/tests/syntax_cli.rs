//! CLI tests of the syntactic layer: `entente parse` prints CoNLL-U for
//! text, and `entente train syntax` turns a treebank into weights that
//! load (on a tiny hand-written treebank; the shipped weights are never
//! rebuilt by tests).

use std::io::Write;
use std::process::{Command, Stdio};

fn entente(args: &[&str], stdin: &str) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_entente"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run entente");
    if let Some(mut i) = child.stdin.take() {
        i.write_all(stdin.as_bytes()).expect("write stdin");
    }
    child.wait_with_output().expect("entente finishes")
}

#[test]
fn parse_prints_conllu_per_sentence() {
    let out = entente(&["parse"], "Russia sent troops. Ankara didn't object.");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("# text = Russia sent troops."), "{text}");
    assert!(text.contains("# text = Ankara didn't object."), "{text}");
    let rows: Vec<Vec<&str>> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| l.split('\t').collect())
        .collect();
    assert!(rows.iter().all(|r| r.len() == 10), "{text}");
    let forms: Vec<&str> = rows.iter().map(|r| r[1]).collect();
    assert_eq!(
        forms,
        ["Russia", "sent", "troops", ".", "Ankara", "did", "n't", "object", "."]
    );
    assert_eq!(rows[0][7], "nsubj", "{text}");
    assert_eq!(rows[1][7], "root", "{text}");
}

#[test]
fn parse_reports_unreadable_files() {
    let out = entente(&["parse", "no/such/file.txt"], "");
    // Unreadable input is a failure (1), as for `code`; 2 is for usage.
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no/such/file.txt: cannot read"), "{err}");
}

const TINY: &str = "# text = Iran met Iraq.
1\tIran\tIran\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_
3\tIraq\tIraq\tPROPN\tNNP\t_\t2\tobj\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

# text = The talks ended.
1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
2\ttalks\ttalk\tNOUN\tNNS\t_\t3\tnsubj\t_\t_
3\tended\tend\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

";

#[test]
fn train_writes_weights_that_load_and_score() {
    let dir = tempfile::tempdir().expect("temp dir");
    let tb = dir.path().join("tiny.conllu");
    std::fs::write(&tb, TINY).expect("write treebank");
    let out_dir = dir.path().join("weights");
    let tbs = tb.to_string_lossy().into_owned();
    let od = out_dir.to_string_lossy().into_owned();
    let args = [
        "train",
        "syntax",
        "--train",
        &tbs,
        "--dev",
        &tbs,
        "--out",
        &od,
        "--folds",
        "1",
        "--tagger-min-count",
        "1",
        "--parser-min-count",
        "1",
        "--prune",
        "0",
        "--coarsen",
        "0",
    ];
    let out = entente(&args, "");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(report.contains("8 words; UPOS 100.00%"), "{report}");
    assert!(report.contains("UAS 100.00%"), "{report}");
    let t = std::fs::read(out_dir.join("tagger.bin")).expect("tagger written");
    let p = std::fs::read(out_dir.join("parser.bin")).expect("parser written");
    assert!(syntax::Syntax::from_bytes(&t, &p).is_ok());

    let bad = dir.path().join("bad.conllu");
    std::fs::write(&bad, "1\tIran\n").expect("write");
    let out = entente(
        &[
            "train",
            "syntax",
            "--train",
            &bad.to_string_lossy(),
            "--out",
            &od,
        ],
        "",
    );
    // A malformed treebank is bad input: a failure (1), not a usage error.
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad.conllu") && err.contains("line 1: expected 10"),
        "{err}"
    );
}
