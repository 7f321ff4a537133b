//! HTML pages: metadata from tags and JSON-LD, the article body by readability.
//!
//! The body comes from `dom_smoothie`, a port of Mozilla's Readability (the
//! algorithm behind Firefox's reader view): it scores candidate containers
//! and drops navigation, comments, ads and footers, which no selector list
//! written here would keep up with. Metadata comes from our own reads of
//! OpenGraph/`article:*` tags, `<time datetime>` and JSON-LD, which news sites
//! fill more reliably than the visible byline.

use crate::date::parse_date_loose;
use crate::plain::is_boilerplate;
use crate::Draft;
use dom_query::Document as Dom;
use dom_smoothie::{Config, Readability, TextMode};
use std::borrow::Cow;

fn meta(dom: &Dom, keys: &[&str]) -> Option<String> {
    for k in keys {
        for attr in ["property", "name", "itemprop"] {
            let sel = format!("meta[{attr}=\"{k}\"]");
            if let Some(v) = dom.select(&sel).attr("content") {
                let v = v.trim();
                if !v.is_empty() {
                    return Some(v.to_string());
                }
            }
        }
    }
    None
}

/// Fields of a JSON-LD `NewsArticle` (or `Article`, `ReportageNewsArticle`...).
#[derive(Default)]
struct LdArticle {
    headline: Option<String>,
    author: Option<String>,
    date: Option<String>,
    url: Option<String>,
    publisher: Option<String>,
}

fn ld_name(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Object(o) => o.get("name").and_then(ld_name),
        serde_json::Value::Array(a) => {
            let names: Vec<String> = a.iter().filter_map(ld_name).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    }
}

fn ld_find(v: &serde_json::Value, out: &mut LdArticle) -> bool {
    match v {
        serde_json::Value::Array(a) => a.iter().any(|x| ld_find(x, out)),
        serde_json::Value::Object(o) => {
            if let Some(g) = o.get("@graph") {
                if ld_find(g, out) {
                    return true;
                }
            }
            let ty = o.get("@type").map(|t| t.to_string()).unwrap_or_default();
            if !ty.contains("Article") && !ty.contains("BlogPosting") {
                return false;
            }
            let s = |k: &str| o.get(k).and_then(|x| x.as_str()).map(str::to_string);
            out.headline = s("headline").or_else(|| s("name"));
            out.author = o.get("author").and_then(ld_name);
            out.date = s("datePublished")
                .or_else(|| s("dateCreated"))
                .or_else(|| s("dateModified"));
            out.url = s("url").or_else(|| {
                o.get("mainEntityOfPage")
                    .and_then(|m| m.get("@id"))
                    .and_then(|x| x.as_str())
                    .map(str::to_string)
            });
            out.publisher = o.get("publisher").and_then(ld_name);
            true
        }
        _ => false,
    }
}

fn json_ld(dom: &Dom) -> LdArticle {
    let mut out = LdArticle::default();
    for node in dom.select("script[type=\"application/ld+json\"]").nodes() {
        let raw = node.text();
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(raw.trim()) {
            if ld_find(&v, &mut out) {
                break;
            }
        }
    }
    out
}

/// Normalises extracted text: one paragraph per line, inner whitespace folded,
/// furniture lines dropped (returned separately).
fn clean_lines(text: &str) -> (String, Vec<String>) {
    let mut body = Vec::new();
    let mut boiler = Vec::new();
    for l in text.lines() {
        let line = l.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            continue;
        }
        if is_boilerplate(&line) {
            boiler.push(line);
        } else {
            body.push(line);
        }
    }
    (body.join("\n"), boiler)
}

/// Text of an HTML fragment (a feed item's content), one block per line.
pub fn html_to_text(fragment: &str) -> String {
    if !fragment.contains('<') {
        return clean_lines(&decode_entities_only(fragment)).0;
    }
    let dom = Dom::from(shallow(fragment).as_ref());
    dom.select("script, style, noscript, iframe").remove();
    clean_lines(&dom.formatted_text()).0
}

fn decode_entities_only(s: &str) -> String {
    if s.contains('&') {
        Dom::from(format!("<p>{s}</p>").as_str())
            .select("p")
            .text()
            .to_string()
    } else {
        s.to_string()
    }
}

/// Deeper than any real page: news pages nest a few dozen elements.
const MAX_DEPTH: usize = 256;

/// Elements that have no end tag, or whose end tag pages often leave out:
/// not counted, so that sloppy pages do not look deep.
const UNCOUNTED: &[&str] = &[
    "area", "base", "br", "col", "dd", "dt", "embed", "hr", "img", "input", "li", "link", "meta",
    "option", "p", "param", "source", "td", "th", "tr", "track", "wbr",
];

/// `html` with the tags nested deeper than [`MAX_DEPTH`] left out (their
/// text kept), judged from the tags in one pass. The HTML parser's work per
/// tag and readability's per element grow with the depth: 100,000 nested
/// elements took minutes. Pages no deeper come back as they are.
fn shallow(html: &str) -> Cow<'_, str> {
    let b = html.as_bytes();
    let mut depth = 0usize;
    // Byte ranges of the tags to leave out.
    let mut drop: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(k) = b[i..].iter().position(|&c| c == b'<') {
        let open_at = i + k;
        i = open_at + 1;
        let close = b.get(i) == Some(&b'/');
        let name_start = i + usize::from(close);
        let name_len = b[name_start.min(b.len())..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if name_len == 0 {
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        if UNCOUNTED.contains(&name.as_str()) {
            continue;
        }
        let too_deep = if close {
            depth = depth.saturating_sub(1);
            depth >= MAX_DEPTH
        } else {
            depth += 1;
            depth > MAX_DEPTH
        };
        if too_deep {
            let end = b[i..]
                .iter()
                .position(|&c| c == b'>')
                .map_or(b.len(), |e| i + e + 1);
            drop.push((open_at, end));
            i = end;
        }
    }
    if drop.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut from = 0;
    for (a, z) in drop {
        out.push_str(&html[from..a]);
        from = z;
    }
    out.push_str(&html[from..]);
    Cow::Owned(out)
}

pub(crate) fn parse(html: &str) -> Draft {
    let dom = Dom::from(shallow(html).as_ref());
    let ld = json_ld(&dom);
    let title = meta(&dom, &["og:title", "twitter:title"])
        .or(ld.headline.clone())
        .or_else(|| Some(dom.select("title").text().trim().to_string()).filter(|t| !t.is_empty()));
    let author = meta(
        &dom,
        &[
            "author",
            "article:author",
            "byl",
            "parsely-author",
            "dc.creator",
        ],
    )
    .filter(|a| !a.starts_with("http"))
    .or(ld.author.clone());
    let date_str = meta(
        &dom,
        &[
            "article:published_time",
            "og:published_time",
            "datePublished",
            "pubdate",
            "publish-date",
            "date",
            "dc.date",
            "article:modified_time",
        ],
    )
    .or(ld.date.clone())
    .or_else(|| {
        dom.select("time[datetime]")
            .attr("datetime")
            .map(|s| s.to_string())
    });
    let url = dom
        .select("link[rel=\"canonical\"]")
        .attr("href")
        .map(|s| s.to_string())
        .or_else(|| meta(&dom, &["og:url"]))
        .or(ld.url.clone());
    let source = meta(&dom, &["og:site_name", "application-name"]).or(ld.publisher.clone());

    let cfg = Config {
        text_mode: TextMode::Formatted,
        ..Default::default()
    };
    let body = match Readability::with_document(dom.clone(), None, Some(cfg))
        .and_then(|mut r| r.parse())
    {
        Ok(article) => article.text_content.to_string(),
        // Readability gives up on pages with little text; fall back to the
        // paragraphs, which is what such short pages consist of.
        Err(_) => {
            dom.select("script, style, noscript, nav, header, footer, aside, form")
                .remove();
            let paras: Vec<String> = dom
                .select("p, h2, h3, li")
                .iter()
                .map(|p| p.text().to_string())
                .collect();
            if paras.is_empty() {
                dom.select("body").text().to_string()
            } else {
                paras.join("\n")
            }
        }
    };
    let (text, boilerplate) = clean_lines(&body);
    let boilerplate: Vec<String> = boilerplate;
    // Readability often repeats the headline as the body's first line.
    let text = match &title {
        Some(t) if text.starts_with(t.as_str()) && text[t.len()..].starts_with('\n') => {
            text[t.len() + 1..].to_string()
        }
        _ => text,
    };
    // Bylines and dates that the page prints above the article are metadata, not body.
    let mut lines: Vec<&str> = text.lines().collect();
    let mut boilerplate = boilerplate;
    let mut author = author;
    let mut date = date_str.as_deref().and_then(parse_date_loose);
    while let Some(first) = lines.first() {
        match crate::plain::classify(first, true) {
            crate::plain::Line::Author(a) => {
                author.get_or_insert(a);
            }
            crate::plain::Line::Date(d) => {
                if let Some(d) = d {
                    date.get_or_insert(d);
                }
            }
            _ => break,
        }
        boilerplate.push(first.to_string());
        lines.remove(0);
    }
    let text = lines.join("\n");
    Draft {
        id: None,
        title,
        author,
        date,
        url,
        source,
        text,
        boilerplate,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_and_body() {
        let html = r#"<html><head><title>Site | Talks</title>
<meta property="og:title" content="Talks resume in Geneva">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2025-05-02T10:00:00Z">
<link rel="canonical" href="https://example.org/talks">
<script>var x = 1;</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Talks resume in Geneva</h1>
<p>Delegations from two neighbouring states resumed talks in Geneva on Friday, officials said, after a pause of several months in which both sides traded accusations.</p>
<p>The foreign ministers are expected to meet next week to discuss a ceasefire and the exchange of prisoners, according to a statement from the mediators.</p>
<p>Photo: Reuters</p></article>
<footer>Copyright 2025 Example News. All rights reserved.</footer></body></html>"#;
        let d = parse(html);
        assert_eq!(d.title.as_deref(), Some("Talks resume in Geneva"));
        assert_eq!(d.author.as_deref(), Some("Jane Doe"));
        assert_eq!(d.url.as_deref(), Some("https://example.org/talks"));
        assert_eq!(d.date, chrono::NaiveDate::from_ymd_opt(2025, 5, 2));
        assert!(d.text.contains("Delegations from two"), "{}", d.text);
        assert!(!d.text.contains("Home"), "{}", d.text);
        assert!(!d.text.contains("var x"), "{}", d.text);
        assert!(!d.text.contains("All rights reserved"), "{}", d.text);
    }

    #[test]
    fn json_ld_article() {
        let html = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","headline":"Ministers meet","author":[{"@type":"Person","name":"A. Writer"}],"datePublished":"2024-12-08T06:00:00+02:00","url":"https://example.org/m"}]}</script></head><body><p>Short.</p></body></html>"#;
        let d = parse(html);
        assert_eq!(d.title.as_deref(), Some("Ministers meet"));
        assert_eq!(d.author.as_deref(), Some("A. Writer"));
        assert_eq!(d.date, chrono::NaiveDate::from_ymd_opt(2024, 12, 8));
        assert_eq!(d.url.as_deref(), Some("https://example.org/m"));
        assert_eq!(d.text, "Short.");
    }

    /// Work bounded by depth: past `MAX_DEPTH` the tags go, the text stays.
    #[test]
    fn deep_nesting_is_cut_to_the_bound() {
        let n = 10_000;
        let html = format!(
            "{}<p>Talks resumed.</p>{}",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let flat = shallow(&html);
        assert_eq!(flat.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(flat.matches("</div>").count(), MAX_DEPTH);
        assert!(flat.contains("<p>Talks resumed.</p>"));
        assert_eq!(parse(&html).text, "Talks resumed.");
        let page = "<html><body><div><p>One<p>Two<br></div></body></html>";
        assert!(matches!(shallow(page), Cow::Borrowed(_)));
    }

    #[test]
    fn fragment() {
        assert_eq!(
            html_to_text("<p>One &amp; two.</p><p>Three.</p>"),
            "One & two.\nThree."
        );
        assert_eq!(html_to_text("plain &amp; simple"), "plain & simple");
    }
}
