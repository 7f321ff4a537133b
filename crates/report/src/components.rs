//! The HTML building blocks the static report and `entente serve`'s pages
//! share: the page shell, actor labels, event rows, quotes, legends and the
//! dyad timeline block (the map is in [`crate::map`]). maud templates, so
//! every interpolated value is escaped and no text from a document can
//! become markup.
//!
//! Components take plain data and a [`Links`] strategy: the server links to
//! its pages (`/actors/X`, `/documents/D#e-..`), the static report to
//! anchors in itself and to the documents' sources.

use crate::{human, svg, PALETTE};
use maud::{html, Markup, PreEscaped, DOCTYPE};

/// Where the things a component shows link to; `None` leaves them as text.
pub trait Links {
    /// An actor, by its code.
    fn actor(&self, _code: &str) -> Option<String> {
        None
    }
    /// A dyad, by its two actors' (or nodes') codes.
    fn dyad(&self, _a: &str, _b: &str) -> Option<String> {
        None
    }
    /// An event in its document, by its `DOC~HASH` id.
    fn event(&self, _doc: &str, _id: &str) -> Option<String> {
        None
    }
    /// A stored document, by its id.
    fn document(&self, _doc: &str) -> Option<String> {
        None
    }
    /// An event place, by its name.
    fn place(&self, _name: &str) -> Option<String> {
        None
    }
}

/// Links nowhere: every component renders as plain text.
pub struct NoLinks;

impl Links for NoLinks {}

/// Only web addresses become links: `javascript:` and the like stay text.
pub fn safe_url(u: &str) -> Option<&str> {
    let l = u.trim_start().to_ascii_lowercase();
    (l.starts_with("http://") || l.starts_with("https://")).then_some(u.trim())
}

/// What a link to another site carries: no referrer, no opener.
fn external(href: &str) -> Option<&'static str> {
    safe_url(href).map(|_| "noreferrer noopener")
}

/// The HTML id of an event's row: its id's hash part.
pub fn anchor(id: &str) -> String {
    format!("e-{}", id.rsplit('~').next().unwrap_or(id))
}

/// How a page gets the stylesheet: inline (the self-contained report) or
/// from a URL (the server, whose Content-Security-Policy has no inline style).
pub enum Stylesheet<'a> {
    Inline,
    Linked(&'a str),
}

/// Everything around a page's content.
pub struct Shell<'a> {
    /// The `<title>`.
    pub title: &'a str,
    pub stylesheet: Stylesheet<'a>,
    /// The navigation links, `(href, label)`.
    pub nav: &'a [(&'a str, &'a str)],
    /// After the links (the server's sign-in form).
    pub nav_extra: Option<Markup>,
    pub footer: Option<Markup>,
}

/// A whole page: doctype, head with title and stylesheet, header with the
/// navigation, `body` in `<main>`, footer.
pub fn page(shell: Shell, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (shell.title) }
                @match shell.stylesheet {
                    Stylesheet::Inline => style { (PreEscaped(crate::STYLESHEET)) },
                    Stylesheet::Linked(href) => link rel="stylesheet" href=(href);,
                }
            }
            body {
                header {
                    nav.top {
                        @for (i, (href, label)) in shell.nav.iter().enumerate() {
                            @if i > 0 { " · " }
                            a href=(href) { (label) }
                        }
                        @if let Some(extra) = shell.nav_extra { " · " (extra) }
                    }
                }
                main { (body) }
                @if let Some(f) = shell.footer { footer { (f) } }
            }
        }
    }
}

/// An actor's code, its name on hover; a link where `links` has one.
pub fn actor_code(code: &str, name: &str, links: &dyn Links) -> Markup {
    html! {
        @match links.actor(code) {
            Some(href) => a href=(href) title=(name) { (code) },
            None => span title=(name) { (code) },
        }
    }
}

/// An actor's name, its code beside it (once, when the name is the code).
pub fn actor_name(code: &str, name: &str, links: &dyn Links) -> Markup {
    html! {
        @match links.actor(code) {
            Some(href) => a href=(href) { (name) },
            None => (name),
        }
        @if name != code { " " span.m { (code) } }
    }
}

/// One side of an event.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    pub code: &'a str,
    pub name: &'a str,
    /// The words in the text that named it.
    pub text: &'a str,
}

/// An event as a row shows it.
#[derive(Debug, Clone, Copy)]
pub struct EventView<'a> {
    /// `DOC~HASH`; with it the row gets its anchor and links to its article.
    pub id: Option<&'a str>,
    pub doc: &'a str,
    /// The TIMEX3 value; shown in words.
    pub date: &'a str,
    pub source: Side<'a>,
    pub target: Side<'a>,
    pub cameo: &'a str,
    /// The CAMEO code in words ("Make a visit").
    pub label: &'a str,
    pub plover: &'a str,
    pub goldstein: f64,
    pub modality: &'a str,
    pub rule: &'a str,
    pub confidence: f64,
    /// The sentence it was coded from.
    pub sentence: &'a str,
    /// The document's source; a link only when it is `http(s)://`.
    pub url: Option<&'a str>,
    /// The document's title and date, shown beside the sentence.
    pub document: Option<(&'a str, &'a str)>,
    /// Analysts voted it down.
    pub rejected: bool,
}

/// A table of event rows ([`event_row`]); `extra` heads the columns a page
/// adds after the shared ones.
pub fn event_table(extra: &[&str], rows: Markup) -> Markup {
    html! {
        table.ev {
            thead { tr {
                th { "date" } th { "who → whom" } th { "what" } th { "rule" } th { "sentence" }
                @for h in extra { th { (h) } }
            } }
            tbody { (rows) }
        }
    }
}

/// One event: date, both sides with the words that named them, the CAMEO
/// code in words with its PLOVER category, Goldstein score and modality,
/// the rule that coded it, and the sentence with links to its article and
/// source. `extra` is a page's own cell (the server's votes).
pub fn event_row(e: &EventView, links: &dyn Links, extra: Option<Markup>) -> Markup {
    let tone = if e.goldstein > 0.0 {
        Some("pos")
    } else if e.goldstein < 0.0 {
        Some("neg")
    } else {
        None
    };
    html! {
        tr id=[e.id.map(anchor)] class=[e.rejected.then_some("rejected")] {
            td { (human::time(e.date)) }
            td.act {
                (actor_code(e.source.code, e.source.name, links)) " → " (actor_code(e.target.code, e.target.name, links))
                br; span.m { "“" (e.source.text) "” → “" (e.target.text) "”" }
                @if let Some(href) = links.dyad(e.source.code, e.target.code) { br; a.m href=(href) { "dyad" } }
            }
            td {
                b { (e.cameo) } " " (e.label)
                br; span.m { (e.plover) ", Goldstein " span class=[tone] { (format!("{:+.1}", e.goldstein)) } ", " (e.modality) }
            }
            td { span.m { (e.rule) } br; span.m { "confidence " (format!("{:.2}", e.confidence)) } }
            td.s {
                (e.sentence)
                br;
                @if let Some(href) = e.id.and_then(|id| links.event(e.doc, id)) { a.m href=(href) { "in its article" } " " }
                @if let Some(u) = e.url.and_then(safe_url) { a.m href=(u) rel="noreferrer noopener" { "source" } " " }
                @if let Some((title, date)) = e.document { span.m { (title) ", " (date) } }
            }
            @if let Some(x) = extra { (x) }
        }
    }
}

/// Who was quoted.
#[derive(Debug, Clone, Copy)]
pub struct Speaker<'a> {
    /// The words that named the speaker.
    pub text: &'a str,
    /// `(code, name)` when resolved to an actor.
    pub actor: Option<(&'a str, &'a str)>,
}

/// A quote as a list item shows it.
#[derive(Debug, Clone, Copy)]
pub struct QuoteView<'a> {
    pub speaker: Speaker<'a>,
    pub cue: &'a str,
    pub content: &'a str,
    /// `direct` (in quotation marks) or `indirect`.
    pub style: &'a str,
    pub rule: &'a str,
    pub doc: &'a str,
    /// The document's title and date, linked where `links` has it.
    pub document: Option<(&'a str, &'a str)>,
}

/// A list of quotes ([`quote_item`]).
pub fn quote_list(items: Markup) -> Markup {
    html! { ul.quotes { (items) } }
}

/// One quote: speaker (and actor), cue, the words, how it was found, and
/// the document it is in.
pub fn quote_item(q: &QuoteView, links: &dyn Links) -> Markup {
    html! {
        li {
            b { (q.speaker.text) }
            @if let Some((code, name)) = q.speaker.actor { " " (actor_code(code, name, links)) }
            " " (q.cue) ": "
            @if q.style == "direct" { "“" (q.content) "”" } @else { (q.content) }
            " " span.m { (q.style) ", " (q.rule) }
            @if let Some((title, date)) = q.document {
                " "
                @match links.document(q.doc) {
                    Some(href) => a.m href=(href) rel=[external(&href)] { (title) ", " (date) },
                    None => span.m { (title) ", " (date) },
                }
            }
        }
    }
}

/// A colour square of a legend, by class (see the stylesheet): `coop`,
/// `mat`, `conf` for lines, `b0`.. for blocs.
pub fn swatch(class: &str) -> Markup {
    html! { span class={ "sw " (class) } {} }
}

/// The square of bloc `i` (its colour in the network drawing).
pub fn bloc_swatch(i: usize) -> Markup {
    swatch(&format!("b{}", i % PALETTE.len()))
}

/// What the network drawing's colours mean, for `blocs` blocs.
pub fn network_legend(blocs: usize) -> Markup {
    html! {
        p.legend {
            "Lines: " (swatch("coop")) " cooperation " (swatch("mat")) " mostly material cooperation "
            (swatch("conf")) " conflict outweighs cooperation; thicker with more events. "
            "Circles: sized by events, coloured by bloc (Louvain communities of the cooperation network)"
            @if blocs > 0 { ": " }
            @for i in 0..blocs.min(PALETTE.len()) { (bloc_swatch(i)) " bloc " (i + 1) " " }
        }
    }
}

/// How to read a dyad timeline ([`dyad_timeline`]).
pub fn timeline_key() -> Markup {
    html! {
        p.m { "One slot per month from the first to the last, empty months included; cooperation (sum of positive Goldstein scores) up in green, conflict down in red." }
    }
}

/// A dyad's monthly chart, with how many of its events it could not place.
pub fn dyad_timeline(label: &str, bins: &[analysis::MonthBin], undated: usize) -> Markup {
    html! {
        (PreEscaped(svg::timeline(label, bins)))
        @if undated == 1 { p.m { "1 event known only to the year is not drawn." } }
        @if undated > 1 { p.m { (undated) " events known only to the year are not drawn." } }
    }
}
