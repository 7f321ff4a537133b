//! Hostile inputs that a parser must not let grow: checked by the size of
//! what comes out, never by time (`tools/pathological.sh` measures time).

use ingest::{parse, Format, Options};

fn opts() -> Options {
    Options {
        default_date: None,
        today: chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
        max_bytes: 20_000_000,
        csv: Default::default(),
    }
}

/// "Billion laughs": nine levels of entities, each ten of the one below,
/// would expand to 10^9 "lol"s; the feed parser expands no declared entity.
#[test]
fn feed_entities_do_not_expand() {
    let mut dtd = String::from("<!ENTITY a0 \"lol lol lol lol lol lol lol lol lol lol\">\n");
    for i in 1..10 {
        dtd += &format!(
            "<!ENTITY a{i} \"{}\">\n",
            format!("&a{};", i - 1).repeat(10)
        );
    }
    let feed = format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n{dtd}]>\n<rss version=\"2.0\"><channel><title>T &a9;</title>\
         <item><title>Item &a9;</title><description>Talks resumed. &a9;</description></item></channel></rss>"
    );
    let text_len: usize = match parse(feed.as_bytes(), Format::Feed, "laughs.rss", &opts()) {
        Ok(p) => p.documents.iter().map(|d| d.text.len()).sum(),
        Err(e) => {
            assert!(e.to_string().starts_with("laughs.rss"), "{e}");
            0
        }
    };
    assert!(
        text_len < feed.len(),
        "{text_len} bytes of text from {}",
        feed.len()
    );
}

/// A JSONL line of several megabytes is one document, read whole.
#[test]
fn a_long_jsonl_line_is_one_document() {
    let text = "Talks resumed in Geneva. ".repeat(200_000);
    let line = format!("{{\"id\":\"big\",\"text\":\"{text}\"}}\n");
    let parsed = parse(line.as_bytes(), Format::Jsonl, "big.jsonl", &opts()).unwrap();
    assert_eq!(parsed.documents.len(), 1);
    assert_eq!(parsed.documents[0].text, text.trim());
}
