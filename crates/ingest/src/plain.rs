//! Plain-text articles: a title line, metadata lines, the body, boilerplate.

use crate::date::parse_date_loose;
use crate::Draft;

/// How many leading lines may hold the title and byline/date header.
const HEADER_LINES: usize = 6;

/// What one line of a plain-text article is.
#[derive(Debug, PartialEq)]
pub(crate) enum Line {
    Author(String),
    Url(String),
    Source(String),
    Date(Option<chrono::NaiveDate>),
    Boilerplate,
    Body,
}

fn strip_label<'a>(line: &'a str, labels: &[&str]) -> Option<&'a str> {
    let (head, rest) = line.split_once(':')?;
    let head = head.trim().to_ascii_lowercase();
    labels.contains(&head.as_str()).then(|| rest.trim())
}

fn looks_like_url(s: &str) -> bool {
    (s.starts_with("http://") || s.starts_with("https://") || s.starts_with("www."))
        && !s.contains(' ')
}

/// A line that only gives a date or time ("Today 11:16", "May 2, 2025", "11:16 GMT").
fn date_line(line: &str) -> Option<Option<chrono::NaiveDate>> {
    if line.len() > 60 {
        return None;
    }
    if let Some(d) = parse_date_loose(line) {
        // "May 2, 2025" alone, not a sentence that happens to hold a date.
        let words = line.split_whitespace().count();
        return (words <= 7 && !line.ends_with('.')).then_some(Some(d));
    }
    let lower = line.to_ascii_lowercase();
    let relative = ["today", "yesterday", "updated", "published", "posted"];
    let has_clock = lower.split_whitespace().any(|w| {
        let (h, m) = match w.split_once(':') {
            Some(x) => x,
            None => return false,
        };
        !h.is_empty()
            && h.len() <= 2
            && h.bytes().all(|b| b.is_ascii_digit())
            && m.len() >= 2
            // Bytes, not a `str` slice: the third byte may be inside a character.
            && m.as_bytes()[..2].iter().all(u8::is_ascii_digit)
    });
    (has_clock
        && (relative.iter().any(|r| lower.starts_with(r)) || lower.split_whitespace().count() <= 3))
        .then_some(None)
}

/// Lines that are page furniture rather than article text.
pub(crate) fn is_boilerplate(line: &str) -> bool {
    let lower = line.to_lowercase();
    let t = lower.trim();
    // Captions end with a credit: "... Photo.", "Photo: Reuters", "(Getty Images)".
    let caption_end = [
        "photo.",
        "photo",
        "(photo)",
        "file photo.",
        "getty images",
        "getty images.",
        "(afp)",
        "afp photo",
    ];
    if caption_end.iter().any(|c| t.ends_with(c)) && t.len() < 300 {
        return true;
    }
    let starts = [
        "photo:",
        "photo credit",
        "image:",
        "image credit",
        "picture:",
        "caption:",
        "credit:",
        "disclaimer:",
        "advertisement",
        "subscribe",
        "sign up for",
        "share this",
        "share on",
        "follow us",
        "read more:",
        "read also:",
        "related:",
        "copyright",
        "©",
        "all rights reserved",
        "click here",
        "listen to this article",
    ];
    if starts.iter().any(|s| t.starts_with(s)) {
        return true;
    }
    // A credit inside a short line: "A ship in the Red Sea. Photo: Agency".
    let credit = [
        "photo:",
        "photograph:",
        "image:",
        "picture:",
        "credit:",
        "photo by ",
    ]
    .iter()
    .any(|c| t.contains(c));
    (credit && t.len() < 200)
        || (t.contains("click") && (t.contains("button") || t.contains("below")))
        || (t.contains("all rights reserved") && t.len() < 200)
        || t.contains("solely represents the author")
}

pub(crate) fn classify(line: &str, in_header: bool) -> Line {
    if let Some(v) = strip_label(line, &["author", "authors", "by", "written by", "byline"]) {
        if !v.is_empty() && v.len() < 120 {
            return Line::Author(v.to_string());
        }
    }
    if let Some(v) = strip_label(
        line,
        &[
            "original source",
            "source url",
            "url",
            "link",
            "original url",
            "original article",
        ],
    ) {
        if looks_like_url(v) {
            return Line::Url(v.to_string());
        }
    }
    if let Some(v) = strip_label(line, &["source", "publisher", "via"]) {
        if looks_like_url(v) {
            return Line::Url(v.to_string());
        }
        if !v.is_empty() && v.len() < 80 {
            return Line::Source(v.to_string());
        }
    }
    if let Some(v) = strip_label(
        line,
        &["date", "published", "updated", "posted", "dateline"],
    ) {
        if let Some(d) = parse_date_loose(v) {
            return Line::Date(Some(d));
        }
    }
    if in_header {
        if let Some(rest) = line
            .strip_prefix("By ")
            .or_else(|| line.strip_prefix("BY "))
        {
            let words = rest.split_whitespace().count();
            if words <= 8 && !rest.ends_with('.') {
                return Line::Author(rest.trim().to_string());
            }
        }
        if let Some(d) = date_line(line) {
            return Line::Date(d);
        }
    }
    if is_boilerplate(line) {
        return Line::Boilerplate;
    }
    Line::Body
}

/// A first line is a title when it is short and does not read as a sentence.
fn looks_like_title(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (1..=30).contains(&words) && line.len() <= 250 && !line.ends_with(['.', ',', ';'])
        || (words <= 20 && line.ends_with(['?', '!']))
}

pub(crate) fn parse(text: &str) -> Draft {
    let mut d = Draft::default();
    let mut body: Vec<&str> = Vec::new();
    let mut nonempty = 0usize;
    for raw in text.lines() {
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        nonempty += 1;
        let in_header = nonempty <= HEADER_LINES && body.len() <= 1;
        if nonempty == 1 && looks_like_title(line) && classify(line, true) == Line::Body {
            d.title = Some(line.to_string());
            continue;
        }
        match classify(line, in_header) {
            Line::Author(a) => {
                d.author.get_or_insert(a);
            }
            Line::Url(u) => {
                d.url.get_or_insert(u);
                d.boilerplate.push(line.to_string());
            }
            Line::Source(s) => {
                d.source.get_or_insert(s);
                d.boilerplate.push(line.to_string());
            }
            Line::Date(date) => {
                if let Some(date) = date {
                    d.date.get_or_insert(date);
                }
                d.boilerplate.push(line.to_string());
            }
            Line::Boilerplate => d.boilerplate.push(line.to_string()),
            Line::Body => body.push(line),
        }
    }
    d.text = body.join("\n");
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_and_footer() {
        let d = parse(
            "Ministers Meet in Vienna\nToday 09:30\nAuthor: Jane Doe\nTwo ministers, pictured in 2020. Photo.\nThe ministers met on Monday.\nThey talked.\nOriginal Source: https://example.org/a\nDisclaimer: views are the author's own.",
        );
        assert_eq!(d.title.as_deref(), Some("Ministers Meet in Vienna"));
        assert_eq!(d.author.as_deref(), Some("Jane Doe"));
        assert_eq!(d.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(d.text, "The ministers met on Monday.\nThey talked.");
        assert_eq!(d.boilerplate.len(), 4);
        assert_eq!(d.date, None);
    }

    #[test]
    fn byline_and_date() {
        let d = parse("Talks Resume\nBy John Roe\nMay 2, 2025\nTalks resumed in Geneva.");
        assert_eq!(d.author.as_deref(), Some("John Roe"));
        assert_eq!(d.date, chrono::NaiveDate::from_ymd_opt(2025, 5, 2));
        assert_eq!(d.text, "Talks resumed in Geneva.");
    }

    #[test]
    fn sentence_first_line_is_body() {
        let d = parse("The minister said on Monday that talks would resume.\nMore text.");
        assert_eq!(d.title, None);
        assert!(d.text.starts_with("The minister said"));
    }
}
