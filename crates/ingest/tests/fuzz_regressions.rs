//! Inputs the fuzz targets (`fuzz/`) found, minimised: each stays fixed.

use ingest::{parse, Format, Options};

fn opts() -> Options {
    Options {
        default_date: None,
        today: chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
        max_bytes: 1 << 20,
        csv: Default::default(),
    }
}

fn ids(bytes: &[u8], format: Format) -> Vec<String> {
    let parsed = parse(bytes, format, "fuzz.in", &opts()).unwrap();
    parsed.documents.into_iter().map(|d| d.id).collect()
}

/// ingest_feed: an entry with neither id nor link got a random UUID from the
/// feed parser, so the same feed gave new ids (and duplicates) each time.
#[test]
fn feed_entry_without_id_or_link_has_a_stable_id() {
    let feed = br#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title>
<entry><content type="html">&lt;p&gt;Talks resumed in Geneva.&lt;/p&gt;</content></entry>
</feed>"#;
    let a = ids(feed, Format::Feed);
    assert_eq!(a.len(), 1);
    assert_eq!(a, ids(feed, Format::Feed));
    // The content hash, as for any document without an id of its own.
    assert_eq!(a[0].len(), 16, "{a:?}");
}

/// ingest_text: a header line with a clock whose minutes run into a
/// multi-byte character ("1:5é") sliced a `str` inside the character.
#[test]
fn clock_before_a_multibyte_character() {
    for text in [
        "Today 1:5\u{e9}\nTalks resumed.",
        "1:\u{fffd}\nTalks resumed.",
    ] {
        let parsed = parse(text.as_bytes(), Format::Text, "fuzz.in", &opts()).unwrap();
        assert_eq!(parsed.documents.len(), 1);
    }
}
