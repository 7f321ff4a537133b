//! Golden-ish checks of the rendered page: figures present, text escaped,
//! SVG well-formed, no scripts.

use super::*;
use model::{Actor, ActorType, Modality, Participant};

fn part(code: &str, text: &str) -> Participant {
    Participant {
        actor: Actor {
            code: code.into(),
            country: code.get(..3).map(str::to_string),
            role: None,
            name: text.into(),
            id: code.into(),
            kind: ActorType::Country,
        },
        text: text.into(),
        span: [0, 0],
    }
}

fn row(s: &str, t: &str, g: f64, quad: u8, date: &str, sentence: &str) -> EventRow {
    EventRow {
        doc: "d1".into(),
        sentence: sentence.into(),
        event: Event {
            sentence: 0,
            span: [0, 1],
            source: part(s, s),
            target: part(t, t),
            cameo: "045".into(),
            root: "04".into(),
            plover: "CONSULT".into(),
            mode: None,
            goldstein: g,
            quad_class: quad,
            modality: Modality::Asserted,
            reported_by: None,
            date: date.into(),
            date_precision: "month".into(),
            place: None,
            rule: "test".into(),
            confidence: 1.0,
        },
    }
}

fn fact(holder: &str, counterpart: &str, commodity: &str, value: f64) -> FactRow {
    FactRow {
        doc: "d1".into(),
        sentence: format!("{value} of {holder}'s {commodity} comes from {counterpart}."),
        fact: Fact {
            sentence: 0,
            span: [0, 1],
            measure: "import_share".into(),
            value,
            unit: "fraction".into(),
            approx: true,
            holder: Some(part(holder, holder)),
            counterpart: Some(part(counterpart, counterpart)),
            commodity: Some(commodity.into()),
            asset: None,
            period: None,
            rule: "test".into(),
        },
    }
}

/// A small world in the seed's shape, written for this test.
fn input() -> Input {
    let mut names = BTreeMap::new();
    names.insert("AZE".to_string(), "Azerbaijan".to_string());
    names.insert("ISR".to_string(), "Israel <IL>".to_string());
    let mut documents = BTreeMap::new();
    documents.insert(
        "d1".to_string(),
        DocInfo {
            title: Some("Talks & <script>alert(1)</script> \"quoted\"".into()),
            date: "2025-05-02".into(),
            url: None,
        },
    );
    Input {
        title: "Test report".into(),
        events: vec![
            row(
                "AZEGOV",
                "ISRGOV",
                3.0,
                1,
                "2025-04",
                "Baku hosted talks with Israel.",
            ),
            row(
                "AZEGOV",
                "TURGOV",
                5.0,
                1,
                "2025-04",
                "Baku mediated <b>between</b> them.",
            ),
            row(
                "AZE",
                "ISR",
                6.0,
                2,
                "2025-01",
                "Azerbaijan bought weapons.",
            ),
            row("ISR", "TUR", -4.0, 3, "2025-04", "Israel warned Turkey."),
            row(
                "TUR",
                "ISR",
                -2.0,
                3,
                "2025-03-14TNI",
                "Turkey blocked Israel.",
            ),
            row("IRN", "AZE", -2.0, 3, "2025", "Iran protested."),
        ],
        facts: vec![
            fact("AZE", "ISR", "weapons", 0.7),
            fact("ISR", "AZE", "oil", 0.4),
        ],
        quotes: vec![QuoteRow {
            doc: "d1".into(),
            quote: Quote {
                sentence: 0,
                span: [0, 1],
                speaker: Speaker::Unresolved {
                    text: "A rabbi".into(),
                    span: [0, 1],
                    country: None,
                },
                cue: "said".into(),
                content: "Peace </td> matters".into(),
                content_span: [0, 1],
                style: "direct".into(),
                rule: "test".into(),
            },
        }],
        documents,
        names,
        config: NetworkConfig::default(),
    }
}

/// Every `<svg>...</svg>` part of the page parses as XML with balanced tags.
fn check_svgs(html: &str) -> usize {
    use quick_xml::events::Event as X;
    let mut count = 0;
    let mut rest = html;
    while let Some(start) = rest.find("<svg") {
        let Some(len) = rest[start..].find("</svg>") else {
            panic!("unclosed <svg>");
        };
        let part = &rest[start..start + len + "</svg>".len()];
        let mut reader = quick_xml::Reader::from_str(part);
        let mut depth = 0i64;
        loop {
            match reader.read_event() {
                Ok(X::Start(_)) => depth += 1,
                Ok(X::End(_)) => depth -= 1,
                Ok(X::Eof) => break,
                Ok(_) => {}
                Err(e) => panic!("SVG is not well-formed: {e}\n{part}"),
            }
        }
        assert_eq!(depth, 0, "unbalanced SVG:\n{part}");
        count += 1;
        rest = &rest[start + len..];
    }
    count
}

#[test]
fn escape_neutralises_markup() {
    assert_eq!(
        escape("<script>alert('x') & \"y\"</script>"),
        "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
    );
    assert_eq!(escape("a\u{0}b\u{1b}c\nd"), "abc\nd");
    assert_eq!(escape("Azərbaycan"), "Azərbaycan");
}

#[test]
fn the_page_has_its_figures_and_no_scripts() {
    let html = render(&input());
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<svg"));
    assert!(
        !html.to_lowercase().contains("<script"),
        "text must be escaped"
    );
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("Baku mediated &lt;b&gt;between&lt;/b&gt; them."));
    assert!(html.contains("Israel &lt;IL&gt;"));
    assert!(html.contains("Peace &lt;/td&gt; matters"));
    // Dates as people read them, not TIMEX3 values.
    assert!(html.contains("<td>2025-03-14 night</td>"), "readable date");
    assert!(html.contains("<td>April 2025</td>"), "readable month");
    assert!(!html.contains("TNI"), "no TIMEX3 internals");
    assert!(
        !html.contains("http://") || !html.contains("src=\"http"),
        "no external assets"
    );
    assert!(!html.contains("<link"), "no external stylesheet");
    // The network, one timeline per dyad (4 dyads).
    assert_eq!(check_svgs(&html), 1 + 4);
    // Azerbaijan brokers between Israel and Turkey, who are in conflict.
    let between = &html[html.find("Between adversaries").expect("adversaries table")..];
    assert!(
        between.contains("Azerbaijan 1.00"),
        "{}",
        &between[..600.min(between.len())]
    );
    // Arms for oil.
    assert!(
        html.contains("<b>Azerbaijan</b> relies on <b>Israel &lt;IL&gt;</b> for weapons (~70%)")
    );
    assert!(html.contains("<details>"));
}

#[test]
fn the_page_shape_is_stable() {
    // Section headings and figure counts, as a cheap golden check of layout.
    let html = render(&input());
    let headings: Vec<&str> = html
        .split("<h2>")
        .skip(1)
        .filter_map(|s| s.split("</h2>").next())
        .collect();
    expect_test::expect![[r#"
        [
            "The network",
            "Brokers",
            "Blocs",
            "Main dyads",
            "Dependencies",
            "Quotes",
        ]
    "#]]
    .assert_debug_eq(&headings);
    assert_eq!(html.matches("<details>").count(), 9);
}

#[test]
fn an_empty_database_gives_a_page_that_says_so() {
    let html = render(&Input::default());
    assert!(html.contains("nothing to draw"));
    assert!(!html.contains("<script"));
    assert_eq!(check_svgs(&html), 0);
}

#[test]
fn rendering_is_deterministic() {
    assert_eq!(render(&input()), render(&input()));
}
