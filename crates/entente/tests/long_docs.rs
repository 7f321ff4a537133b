//! A document longer than the pipeline's section size (1 MiB) is coded a
//! section at a time and streamed (issue 15: memory in proportion to a
//! section, not to the document). What comes out must still read as one
//! document: one document line, sentence numbers counting on across
//! sections, every span inside the text and inside its sentence, and the
//! same codings as the same paragraphs coded one by one.

mod common;

use serde_json::Value;
use std::collections::BTreeMap;

// Sentences whose coding needs nothing from earlier ones: an implicit
// speaker ("officials said") takes the country last named, which across a
// section start is the section's own (see `Pipeline::code_sections`).
const PARAGRAPH: &str = "Turkey urged Russia to accept the proposal on Monday. \
Iran and Iraq signed a trade agreement in Baghdad on 3 May 2020. \
Kenyan police arrested 40 protesters in Nairobi, the interior ministry said.\n\n";

fn code(dir: &std::path::Path, name: &str, text: &str) -> Vec<Value> {
    std::fs::write(dir.join(name), text).expect("write the input");
    let out = common::run(dir, &["code", "--date", "2020-05-04", name]);
    assert_eq!(out.status, 0, "entente code {name}: {}", out.stderr);
    out.stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

/// How many records of each kind, with each coding's key fields, a stream holds.
fn tally(records: &[Value]) -> BTreeMap<String, usize> {
    let mut t = BTreeMap::new();
    for r in records {
        let key = match r["kind"].as_str().unwrap_or("") {
            "event" => format!(
                "event {} {} {} {}",
                r["source"]["code"], r["target"]["code"], r["cameo"], r["modality"]
            ),
            "mention" => format!("mention {} {}", r["text"], r["actor"]["code"]),
            "time" => format!("time {} {}", r["text"], r["value"]),
            "quote" => format!("quote {}", r["content"]),
            "fact" => format!("fact {} {}", r["measure"], r["value"]),
            k => k.to_string(),
        };
        *t.entry(key).or_default() += 1;
    }
    t
}

#[test]
fn a_long_document_is_coded_in_sections_as_one_document() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("long_docs");
    std::fs::create_dir_all(&dir).expect("make the test folder");
    // About 2.6 MB: three sections.
    let n = 2_600_000 / PARAGRAPH.len();
    let text = PARAGRAPH.repeat(n);
    let long = code(&dir, "long.txt", &text);
    let one = code(&dir, "one.txt", PARAGRAPH);

    let docs: Vec<&Value> = long.iter().filter(|r| r["kind"] == "document").collect();
    assert_eq!(docs.len(), 1, "one document line");
    assert_eq!(long[0]["kind"], "document", "the document line comes first");
    // Plain-text ingest tidies blank lines; spans are into the stored text.
    let text = docs[0]["text"].as_str().expect("the document's text");
    assert!(text.len() > 2_500_000, "{}", text.len());
    let doc = docs[0]["doc"].as_str().expect("doc id");

    // Sentences number on across sections, in order, and tile the text.
    let sentences: Vec<[usize; 2]> = long
        .iter()
        .filter(|r| r["kind"] == "sentence")
        .enumerate()
        .map(|(i, r)| {
            assert_eq!(
                r["index"].as_u64(),
                Some(i as u64),
                "sentence numbers run on"
            );
            let s = &r["span"];
            [
                s[0].as_u64().unwrap() as usize,
                s[1].as_u64().unwrap() as usize,
            ]
        })
        .collect();
    assert_eq!(sentences.len(), 3 * n);
    for w in sentences.windows(2) {
        assert!(w[0][1] <= w[1][0], "sentences in order: {w:?}");
    }
    assert!(sentences.last().unwrap()[1] <= text.len());

    // Every record's span lies inside the sentence it names, and says what the text says.
    for r in &long {
        assert_eq!(r["doc"].as_str().unwrap_or(doc), doc);
        let (Some(k), Some(span)) = (r["sentence"].as_u64(), r["span"].as_array()) else {
            continue;
        };
        let (a, b) = (
            span[0].as_u64().unwrap() as usize,
            span[1].as_u64().unwrap() as usize,
        );
        let s = sentences[k as usize];
        assert!(s[0] <= a && b <= s[1], "{r} outside sentence {k} {s:?}");
        if let Some(t) = r["text"].as_str() {
            if r["kind"] == "mention" || r["kind"] == "time" {
                assert_eq!(text.get(a..b), Some(t), "{r}");
            }
        }
    }

    // The same codings as one paragraph, n times over.
    let mut expected = BTreeMap::new();
    for (k, v) in tally(&one) {
        if k != "document" {
            expected.insert(k, v * n);
        }
    }
    let mut got = tally(&long);
    got.remove("document");
    assert!(
        expected.keys().any(|k| k.starts_with("event")),
        "{expected:?}"
    );
    assert_eq!(got, expected);
}
