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
        label: "Mediate <conflict>".into(),
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
            "Where events happened",
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

fn place(name: &str, country: &str, lat: f64, lon: f64) -> Option<model::Place> {
    Some(model::Place {
        name: name.into(),
        country: Some(country.into()),
        lat: Some(lat),
        lon: Some(lon),
        span: None,
    })
}

/// The `<svg class="map" ...>...</svg>` of a page.
fn map_svg(html: &str) -> &str {
    let start = html.find("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map\"");
    let start = start.expect("a map figure");
    let len = html[start..].find("</svg>").expect("closed");
    &html[start..start + len + "</svg>".len()]
}

#[test]
fn the_map_marks_each_place_over_the_outlines() {
    let mut input = input();
    input.events[0].event.place = place("Ankara", "TUR", 39.93, 32.86);
    input.events[3].event.place = place("Ankara", "TUR", 39.93, 32.86);
    input.events[4].event.place = place("Idlib <north>", "SYR", 35.93, 36.63);
    // Off the globe: no circle, but its country is still shaded.
    input.events[5].event.place = place("Nowhere", "IRN", 200.0, 0.0);
    let html = render(&input);
    let svg = map_svg(&html);
    assert_eq!(check_svgs(svg), 1, "the map is well-formed");
    assert_eq!(
        svg.matches("<path d=\"M").count(),
        basemap::countries().len(),
        "every outline"
    );
    // Outlines first, so the circles are drawn over them.
    assert!(svg.find("<g class=\"basemap\"") < svg.find("<circle"));
    let circles: Vec<&str> = svg
        .match_indices("<circle")
        .map(|(i, _)| &svg[i..i + svg[i..].find("</circle>").unwrap()])
        .collect();
    assert_eq!(circles.len(), 2, "{circles:?}");
    // Most events first; each where the projection puts it.
    for (circle, (name, lat, lon, n)) in circles.iter().zip([
        ("Ankara", 39.93, 32.86, 2),
        ("Idlib &lt;north&gt;", 35.93, 36.63, 1),
    ]) {
        let (x, y) = map::project(lat, lon);
        assert!(
            circle.contains(&format!("cx=\"{x:.1}\" cy=\"{y:.1}\"")),
            "{circle}"
        );
        assert!(
            circle.contains(&format!("<title>{name}: {n} events</title>")),
            "{circle}"
        );
    }
    let (ankara_x, _) = map::project(39.93, 32.86);
    assert!((ankara_x - 567.6).abs() < 0.1, "32.86°E at {ankara_x}");
    for (code, shaded) in [("Turkey", true), ("Iran", true), ("Brazil", false)] {
        let at = svg.find(&format!("<title>{code}</title>")).unwrap();
        let tag = &svg[svg[..at].rfind("<path").unwrap()..at];
        assert_eq!(tag.contains("fill=\"#d5dbe3\""), shaded, "{code}: {tag}");
    }
    // The report has no page per place: the circles are not links.
    assert!(!svg.contains("<a "));
    // The table lists the places, the evidence the three events with one.
    let section = &html[html.find("<section id=\"map\">").unwrap()..];
    let section = &section[..section.find("</section>").unwrap()];
    assert!(
        section.contains("<td>Ankara</td><td class=\"n\">2</td><td class=\"n\">39.93, 32.86</td>")
    );
    assert!(
        section.contains("Events with a place (3 events)"),
        "{section}"
    );
    assert!(html.contains("<a href=\"#map\">Map</a>"));
}

#[test]
fn without_places_the_map_says_so() {
    let html = render(&input());
    let section = &html[html.find("<section id=\"map\">").unwrap()..];
    assert!(section.starts_with(
        "<section id=\"map\"><h2>Where events happened</h2><p>No event has a place with coordinates yet.</p></section>"
    ));
}

#[test]
fn hostile_text_and_addresses_stay_inert() {
    let mut input = input();
    let evil = "\"><img src=x onerror=alert(1)><script>alert(2)</script>";
    input.title = format!("Report {evil}");
    input.events[0].sentence = format!("Baku said {evil}");
    input.events[0].event.source.text = evil.into();
    input.events[0].event.rule = evil.into();
    input.events[1].label = evil.into();
    input.events[2].event.place = place(evil, evil, 10.0, 10.0);
    input.names.insert("TUR".into(), evil.into());
    input.quotes[0].quote.cue = evil.into();
    let d1 = input.documents.get_mut("d1").unwrap();
    d1.url = Some("javascript:alert(3)".into());
    let html = render(&input).to_lowercase();
    for bad in [
        "<script",
        "<img",
        "\"><img",
        "href=\"javascript:",
        "javascript:alert(3)",
    ] {
        assert!(!html.contains(bad), "{bad} in the report");
    }
    assert!(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
}

#[test]
fn events_link_their_sources_and_dyad_sections() {
    let mut input = input();
    input.documents.get_mut("d1").unwrap().url = Some("https://example.org/talks?a=1&b=2".into());
    let html = render(&input);
    // The source of every event row and quote, escaped once.
    assert!(html.contains(
        "<a class=\"m\" href=\"https://example.org/talks?a=1&amp;b=2\" rel=\"noreferrer noopener\">source</a>"
    ));
    // Every in-page dyad link has its section, and a row links to one.
    let mut links = 0;
    for (i, _) in html.match_indices("href=\"#dyad-") {
        let id = &html[i + 7..i + 7 + html[i + 7..].find('"').unwrap()];
        assert!(
            html.contains(&format!("<h3 id=\"{id}\">")),
            "no section {id}"
        );
        links += 1;
    }
    assert!(links > 0);
    assert!(
        html.contains("<a class=\"m\" href=\"#dyad-AZE-ISR\">dyad</a>")
            || html.contains("<a class=\"m\" href=\"#dyad-ISR-AZE\">dyad</a>")
    );
}

#[test]
fn dyad_charts_have_a_slot_for_every_month() {
    let events = vec![
        row("AZE", "ISR", 2.0, 1, "2025-01-05", "a").event,
        row("AZE", "ISR", -1.0, 3, "2025-04", "b").event,
        row("AZE", "ISR", 1.0, 1, "2024", "c").event,
        row("AZE", "ISR", 1.0, 1, "PRESENT_REF", "d").event,
    ];
    let (bins, undated) = month_bins(&events, &[0, 1, 2, 3, 7]);
    let months: Vec<(&str, usize)> = bins.iter().map(|b| (b.month.as_str(), b.events)).collect();
    assert_eq!(
        months,
        [
            ("2025-01", 1),
            ("2025-02", 0),
            ("2025-03", 0),
            ("2025-04", 1)
        ]
    );
    assert_eq!(undated, 2, "the year-only and the relative date");
}

#[test]
fn the_stylesheet_colours_the_legend_as_the_drawing() {
    for (i, c) in BLOC_COLOURS.iter().enumerate() {
        assert!(
            STYLESHEET.contains(&format!(".sw.b{i}{{background:{c}}}")),
            "bloc {i}"
        );
    }
    let html = render(&input());
    assert!(html.contains("<p class=\"legend\">Lines: <span class=\"sw coop\"></span> cooperation"));
}
