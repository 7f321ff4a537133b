//! Golden files: the `code` stream of each bundled example (and of team-written
//! test articles under `tests/data`), one fact per line.
//!
//! Update with `UPDATE_EXPECT=1 cargo test -p entente --test golden` and
//! review the diff like code.

use std::path::Path;
use std::process::Command;

fn dump(example: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out = Command::new(env!("CARGO_BIN_EXE_entente"))
        .args(["code", "--date", "2025-05-02"])
        .arg(root.join(example))
        .output()
        .expect("run entente");
    let mut s = String::new();
    let mut text = String::new();
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let r: serde_json::Value = serde_json::from_str(line).expect("JSON line");
        let span = |r: &serde_json::Value| {
            let a = r["span"][0].as_u64().unwrap_or(0) as usize;
            let b = r["span"][1].as_u64().unwrap_or(0) as usize;
            (a, b)
        };
        match r["kind"].as_str().unwrap_or("") {
            "document" => {
                text = r["text"].as_str().unwrap_or("").to_string();
                for k in [
                    "doc",
                    "title",
                    "author",
                    "date",
                    "date_source",
                    "url",
                    "source",
                    "format",
                ] {
                    s.push_str(&format!("{k}: {}\n", r[k]));
                }
                for b in r["boilerplate"].as_array().into_iter().flatten() {
                    s.push_str(&format!("boilerplate: {b}\n"));
                }
            }
            "sentence" => {
                let (a, b) = span(&r);
                s.push_str(&format!("S{} [{a},{b}) {}\n", r["index"], &text[a..b]));
            }
            "time" => {
                let (a, b) = span(&r);
                s.push_str(&format!(
                    "T [{a},{b}) {:?} = {} ({})\n",
                    &text[a..b],
                    r["value"],
                    r["rule"].as_str().unwrap_or("")
                ));
            }
            "mention" => {
                let (a, b) = span(&r);
                s.push_str(&format!(
                    "M [{a},{b}) {:?} {} ({})\n",
                    &text[a..b],
                    r["actor"]["code"],
                    r["rule"].as_str().unwrap_or("")
                ));
            }
            "event" => {
                let (a, b) = span(&r);
                s.push_str(&format!(
                    "E [{a},{b}) {:?} {} -> {} {} {} {} ({})\n",
                    &text[a..b],
                    r["source"]["code"],
                    r["target"]["code"],
                    r["cameo"],
                    r["modality"],
                    r["date"],
                    r["rule"].as_str().unwrap_or("")
                ));
            }
            "quote" => {
                let (a, b) = span(&r);
                let sp = r["speaker"]["name"]
                    .as_str()
                    .or(r["speaker"]["text"].as_str())
                    .unwrap_or("")
                    .to_string();
                s.push_str(&format!(
                    "Q [{a},{b}) speaker={sp:?} cue={} ({})\n",
                    r["cue"],
                    r["rule"].as_str().unwrap_or("")
                ));
            }
            "fact" => {
                let (a, b) = span(&r);
                s.push_str(&format!(
                    "F [{a},{b}) {} = {} {} ({})\n",
                    r["measure"],
                    r["value"],
                    r["unit"],
                    r["rule"].as_str().unwrap_or("")
                ));
            }
            "diagnostic" => s.push_str(&format!("D {}\n", r["message"])),
            other => s.push_str(&format!("? {other}\n")),
        }
    }
    s
}

macro_rules! golden {
    ($name:ident, $example:literal, $file:literal) => {
        #[test]
        fn $name() {
            expect_test::expect_file![$file].assert_eq(&dump($example));
        }
    };
}

golden!(
    plain_text,
    "examples/articles/caspian-talks.txt",
    "golden/caspian-talks.txt"
);
golden!(
    html_page,
    "examples/articles/gulf-summit.html",
    "golden/gulf-summit.txt"
);
golden!(
    sides_and_allies,
    "crates/entente/tests/data/sides-and-allies.txt",
    "golden/sides-and-allies.txt"
);
golden!(
    own_country_and_reporters,
    "crates/entente/tests/data/own-country-and-reporters.txt",
    "golden/own-country-and-reporters.txt"
);
golden!(rss_feed, "examples/feeds/world.rss", "golden/world-rss.txt");
golden!(
    atom_feed,
    "examples/feeds/world.atom",
    "golden/world-atom.txt"
);
golden!(jsonl_batch, "examples/batch.jsonl", "golden/batch.txt");
