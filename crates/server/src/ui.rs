//! The web pages: server-rendered with maud (templates checked at compile
//! time; every interpolated value is HTML-escaped), no script, forms that
//! post only with a session cookie and its CSRF token.
//!
//! The page shell, event rows, actor labels, quotes, legends, the dyad
//! chart and the map are `report`'s components, shared with the static
//! report; this module adds what only a server has (vote buttons, forms,
//! CSRF) and links them to its pages through [`Site`].
//!
//! Article text is hostile input: it reaches a page only through maud's
//! escaping or `report`'s SVG escaping, and a URL becomes a link only when
//! it is `http(s)://`.

use crate::data::{self, name_of, EventQuery};
use crate::error::AppError;
use crate::types::{EventOut, NewVote, VoteKind};
use crate::{AppState, Shared};
use axum::extract::{Form, FromRequestParts, Path, Query};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use maud::{html, Markup, PreEscaped};
use report::components::{
    self as parts, actor_code, actor_name, anchor, event_row, event_table, safe_url, EventView,
};
use serde::Deserialize;
use std::collections::BTreeMap;

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/", get(home))
        .route("/static/style.css", get(stylesheet))
        .route("/documents/{id}", get(article))
        .route("/actors/{code}", get(actor))
        .route("/dyads/{a}/{b}", get(dyad))
        .route("/network", get(network))
        .route("/search", get(search))
        .route("/review", get(review))
        .route("/map", get(map))
        .route("/login", get(login_form).post(login))
        .route("/logout", post(logout))
        .route("/vote", post(vote))
}

/// An error as a page (the API's errors are JSON).
pub struct PageError(AppError);

impl From<AppError> for PageError {
    fn from(e: AppError) -> PageError {
        PageError(e)
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let body = layout(
            &Viewer::default(),
            "Error",
            html! {
                h1 { (self.0.status.as_u16()) " " (self.0.body().error) }
                p { (self.0.detail) }
                p { a href="/" { "Back to the documents" } }
            },
        );
        (self.0.status, body).into_response()
    }
}

type PageResult = Result<Response, PageError>;

pub async fn not_found(uri: axum::http::Uri) -> Response {
    let e = AppError::not_found(format!("nothing at {}", uri.path()));
    if uri.path().starts_with("/api/") {
        e.into_response()
    } else {
        PageError(e).into_response()
    }
}

/// Who is looking: a logged-in analyst has a name and a CSRF token for forms.
#[derive(Default)]
pub struct Viewer {
    who: Option<String>,
    csrf: Option<String>,
}

impl FromRequestParts<Shared> for Viewer {
    type Rejection = std::convert::Infallible;
    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        st: &Shared,
    ) -> Result<Viewer, Self::Rejection> {
        Ok(match st.keys.session(&parts.headers) {
            Some((who, session)) => Viewer {
                who: Some(who),
                csrf: Some(st.keys.csrf(&session)),
            },
            None => Viewer::default(),
        })
    }
}

/// A path segment with everything but unreserved characters percent-encoded.
pub fn enc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A local path to return to after a form: never another site.
fn safe_back(b: &str) -> &str {
    if b.starts_with('/') && !b.starts_with("//") && !b.contains('\\') {
        b
    } else {
        "/"
    }
}

fn doc_link(doc: &str) -> String {
    format!("/documents/{}", enc(doc))
}

fn event_link(doc: &str, id: &str) -> String {
    format!("{}#{}", doc_link(doc), anchor(id))
}

/// Where the shared components link on the server: actors, dyads,
/// documents and events to their pages, places to a search for them.
struct Site {
    /// Link each event to its place in its article (not on the article).
    articles: bool,
}

impl parts::Links for Site {
    fn actor(&self, code: &str) -> Option<String> {
        Some(format!("/actors/{}", enc(code)))
    }
    fn dyad(&self, a: &str, b: &str) -> Option<String> {
        Some(dyad_href(a, b))
    }
    fn event(&self, doc: &str, id: &str) -> Option<String> {
        self.articles.then(|| event_link(doc, id))
    }
    fn document(&self, doc: &str) -> Option<String> {
        Some(doc_link(doc))
    }
    fn place(&self, name: &str) -> Option<String> {
        Some(format!("/search?q={}", enc(name)))
    }
}

const SITE: Site = Site { articles: true };

fn layout(v: &Viewer, title: &str, body: Markup) -> Response {
    let who = html! {
        @match &v.who {
            Some(who) => {
                span.m { "signed in as " (who) " " }
                form.inline method="post" action="/logout" {
                    input type="hidden" name="csrf" value=(v.csrf.as_deref().unwrap_or(""));
                    button type="submit" { "Sign out" }
                }
            }
            None => { a href="/login" { "Sign in to vote" } }
        }
    };
    let page = parts::page(
        parts::Shell {
            title: &format!("{title} · entente"),
            stylesheet: parts::Stylesheet::Linked("/static/style.css"),
            nav: &[
                ("/", "Documents"),
                ("/network", "Network"),
                ("/search", "Search"),
                ("/review", "Review"),
                ("/map", "Map"),
            ],
            nav_extra: Some(who),
            footer: None,
        },
        body,
    );
    let mut r = page.into_string().into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    r
}

const UI_CSS: &str = "
form.inline{display:inline;margin:0}
.text{white-space:pre-wrap;line-height:1.7;max-width:48rem}
mark{background:none;padding:0 .05em;border-bottom:2px solid transparent}
mark.act{background:#e8f0fb;border-bottom-color:#2f6fb0}
mark.tm{background:#fdf3d8;border-bottom-color:#c99a06}
mark.qt{background:#eef7ee}
mark.ev{background:#fbe3e0;border-bottom:3px solid #c0392b;font-weight:600}
sup.code a{font-size:.7rem;color:#a5281b;text-decoration:none;margin-left:.1em}
.legend mark{margin-right:.6rem}
tr.rejected td{color:#999;text-decoration:line-through}
tr.rejected td.votes,tr.rejected td.act{text-decoration:none}
td.votes button{font-size:.8rem;padding:.05rem .35rem;margin:.05rem}
.badge{font-size:.75rem;padding:0 .3rem;border-radius:.2rem;background:#eee;color:#333}
.badge.no{background:#fbe3e0;color:#a5281b}.badge.fix{background:#e8f0fb;color:#2f6fb0}
form.filters label{display:inline-block;margin:.2rem .6rem .2rem 0}
form.filters input,form.filters select{font-size:.9rem}
";

async fn stylesheet() -> Response {
    let mut r = format!("{}{UI_CSS}", report::STYLESHEET).into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/css; charset=utf-8"),
    );
    r.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("max-age=300"),
    );
    r
}

#[derive(Deserialize)]
struct Offset {
    offset: Option<usize>,
}

async fn home(axum::extract::State(st): AppState, v: Viewer, q: Query<Offset>) -> PageResult {
    let asked = q
        .offset
        .unwrap_or(0)
        .min(crate::types::Paging::MAX_OFFSET as usize);
    let (total, shown) = st
        .pool
        .run(move |s| Ok(s.documents_page(100, asked)?))
        .await?;
    let offset = asked.min(total);
    Ok(layout(
        &v,
        "Documents",
        html! {
            h1 { "Documents" }
            p.lead { (total) " documents stored, newest first. Open one to read it with what was coded from it and vote on its events." }
            table {
                thead { tr { th { "date" } th { "title" } th { "events" } th { "mentions" } } }
                tbody {
                    @for d in &shown {
                        tr {
                            td { (d.date) }
                            td { a href=(doc_link(&d.id)) { (d.title.as_deref().unwrap_or("(untitled)")) } " " span.m { (d.id) } }
                            td.n { a href={"/search?doc=" (enc(&d.id))} { (d.events) } }
                            td.n { (d.mentions) }
                        }
                    }
                }
            }
            p {
                @if offset > 0 { a href={"/?offset=" (offset.saturating_sub(100))} { "← newer" } " " }
                @if offset + 100 < total { a href={"/?offset=" (offset + 100)} { "older →" } }
            }
        },
    ))
}

/// One highlighted stretch of the article text.
struct Mark {
    start: usize,
    end: usize,
    class: &'static str,
    title: String,
}

/// The body with every mention, time, quote and event trigger marked: the
/// text cut at every span boundary, each piece in the marks that cover it,
/// so overlapping spans never produce badly nested HTML.
fn highlighted(text: &str, marks: &[Mark], events: &[(usize, usize, String, String)]) -> Markup {
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for m in marks {
        cuts.push(m.start);
        cuts.push(m.end);
    }
    cuts.retain(|&c| c <= text.len() && text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    html! {
        div.text {
            @for w in cuts.windows(2) {
                @let (a, b) = (w[0], w[1]);
                @let piece = &text[a..b];
                @let on: Vec<&Mark> = marks.iter().filter(|m| m.start <= a && b <= m.end).collect();
                @if on.is_empty() {
                    (piece)
                } @else {
                    @let classes = on.iter().map(|m| m.class).collect::<Vec<_>>().join(" ");
                    @let title = on.iter().map(|m| m.title.as_str()).collect::<Vec<_>>().join(" · ");
                    mark class=(classes) title=(title) { (piece) }
                }
                @for (_, end, anchor, code) in events.iter().filter(|e| e.1 == b) {
                    @let _ = end;
                    sup.code { a href={"#" (anchor)} { "[" (code) "]" } }
                }
            }
        }
    }
}

fn vote_cell(v: &Viewer, e: &EventOut, back: &str) -> Markup {
    html! {
        td.votes {
            span title="up-votes" { "▲ " (e.votes.up) } " "
            span title="down-votes" { "▼ " (e.votes.down) }
            @if e.rejected { " " span.badge.no { "rejected" } }
            @if let Some(c) = &e.correction {
                " " span.badge.fix title="analysts' correction" {
                    "→ " (c.cameo.as_deref().unwrap_or(&e.cameo)) " "
                    (c.source.as_deref().unwrap_or(&e.source.code)) "→" (c.target.as_deref().unwrap_or(&e.target.code))
                }
            }
            br;
            @if let Some(csrf) = &v.csrf {
                form.inline method="post" action="/vote" {
                    input type="hidden" name="csrf" value=(csrf);
                    input type="hidden" name="event" value=(e.id);
                    input type="hidden" name="back" value=(back);
                    button type="submit" name="vote" value="up" title="The coding is right" { "▲ up" }
                    button type="submit" name="vote" value="down" title="The coding is wrong" data-event=(e.id) { "▼ down" }
                }
            } @else {
                a.m href={"/login?next=" (enc(back))} { "sign in to vote" }
            }
        }
    }
}

fn dyad_href(a: &str, b: &str) -> String {
    format!(
        "/dyads/{}/{}",
        enc(&store::query::country_key(a)),
        enc(&store::query::country_key(b))
    )
}

fn side(s: &crate::types::Side) -> parts::Side<'_> {
    parts::Side {
        code: &s.code,
        name: &s.name,
        text: &s.text,
    }
}

/// An event as the shared row shows it.
fn view(e: &EventOut) -> EventView<'_> {
    EventView {
        id: Some(&e.id),
        doc: &e.doc,
        date: &e.date,
        source: side(&e.source),
        target: side(&e.target),
        cameo: &e.cameo,
        label: &e.label,
        plover: &e.plover,
        goldstein: e.goldstein,
        modality: &e.modality,
        rule: &e.rule,
        confidence: e.confidence,
        sentence: &e.text,
        url: e.url.as_deref(),
        document: None,
        rejected: e.rejected,
    }
}

/// A table of events (the shared rows) with their vote buttons.
fn events_table(
    v: &Viewer,
    events: &[EventOut],
    back: &dyn Fn(&EventOut) -> String,
    with_doc: bool,
) -> Markup {
    let site = Site { articles: with_doc };
    event_table(
        &["votes"],
        html! {
            @for e in events { (event_row(&view(e), &site, Some(vote_cell(v, e, &back(e))))) }
        },
    )
}

async fn article(
    axum::extract::State(st): AppState,
    v: Viewer,
    Path(id): Path<String>,
) -> PageResult {
    let st2 = st.clone();
    let (doc, coded) = st
        .pool
        .run(move |s| {
            let id = s.resolve_id(&id)?;
            let doc = crate::api::document(&st2, s, &id)?;
            let coded = s.load(&id)?;
            Ok((doc, coded))
        })
        .await?;
    let text = doc.text.as_str();
    let mut marks = Vec::new();
    for m in &coded.mentions {
        marks.push(Mark {
            start: m.span[0],
            end: m.span[1],
            class: "act",
            title: format!("actor {} {} ({})", m.actor.code, m.actor.name, m.rule),
        });
    }
    for t in &coded.times {
        marks.push(Mark {
            start: t.span[0],
            end: t.span[1],
            class: "tm",
            title: format!("time {} ({})", t.value, t.rule),
        });
    }
    for q in &coded.quotes {
        let who = match &q.speaker {
            model::Speaker::Actor(p) => p.actor.name.clone(),
            model::Speaker::Unresolved { text, .. } => text.clone(),
        };
        marks.push(Mark {
            start: q.content_span[0],
            end: q.content_span[1],
            class: "qt",
            title: format!("quote of {who} ({})", q.rule),
        });
    }
    let mut triggers = Vec::new();
    for e in &doc.events {
        marks.push(Mark {
            start: e.span[0],
            end: e.span[1],
            class: "ev",
            title: format!(
                "event {} {}: {} → {} ({})",
                e.cameo, e.label, e.source.code, e.target.code, e.rule
            ),
        });
        triggers.push((e.span[0], e.span[1], anchor(&e.id), e.cameo.clone()));
    }
    let mut actors: BTreeMap<(String, String), usize> = BTreeMap::new();
    for m in &coded.mentions {
        *actors
            .entry((m.actor.code.clone(), m.actor.name.clone()))
            .or_default() += 1;
    }
    let title = doc.title.clone().unwrap_or_else(|| "(untitled)".into());
    let back_doc = doc_link(&doc.id);
    let back = |e: &EventOut| format!("{back_doc}#{}", anchor(&e.id));
    Ok(layout(
        &v,
        &title,
        html! {
            h1 { (title) }
            p.lead {
                (doc.date)
                @if let Some(a) = &doc.author { " · " (a) }
                @if let Some(s) = &doc.source { " · " (s) }
                @if let Some(u) = &doc.url {
                    " · "
                    @match safe_url(u) {
                        Some(u) => a href=(u) rel="noreferrer noopener" { "original" },
                        None => span.m title="not a web address, so not a link" { (u) },
                    }
                }
                " · " span.m { (doc.id) }
            }
            p.legend {
                mark.act { "actor" } mark.tm { "time" } mark.qt { "quote" } mark.ev { "event" }
                span.m { "Hover a mark for its code and the rule that made it; [code] links to the event below." }
            }
            (highlighted(text, &marks, &triggers))
            h2 { "Events (" (doc.events.len()) ")" }
            @if doc.events.is_empty() { p { "No events were coded from this document." } }
            @else { (events_table(&v, &doc.events, &back, false)) }
            h2 { "Actors (" (actors.len()) ")" }
            ul {
                @for ((code, name), n) in &actors {
                    li { (actor_code(code, name, &SITE)) " " (name) " " span.m { "×" (n) } }
                }
            }
            h2 { "Quotes (" (coded.quotes.len()) ")" }
            (parts::quote_list(html! {
                @for q in &coded.quotes {
                    @let speaker = match &q.speaker {
                        model::Speaker::Actor(p) => parts::Speaker { text: &p.text, actor: Some((&p.actor.code, &p.actor.name)) },
                        model::Speaker::Unresolved { text, .. } => parts::Speaker { text, actor: None },
                    };
                    (parts::quote_item(&parts::QuoteView {
                        speaker,
                        cue: &q.cue,
                        content: &q.content,
                        style: &q.style,
                        rule: &q.rule,
                        doc: &doc.id,
                        document: None,
                    }, &SITE))
                }
            }))
            h2 { "Times (" (coded.times.len()) ")" }
            ul {
                @for t in &coded.times {
                    li { "“" (t.text) "” = " (report::human::time(&t.value)) " " span.m { (t.rule) } }
                }
            }
        },
    ))
}

async fn actor(
    axum::extract::State(st): AppState,
    v: Viewer,
    Path(code): Path<String>,
) -> PageResult {
    let code = data::code_arg(&code)?;
    let c2 = code.clone();
    let st2 = st.clone();
    let (p, events) = st
        .pool
        .run(move |s| {
            let p = s.actor_profile(&c2, 0)?;
            let q = EventQuery {
                actor: Some(c2.clone()),
                ..EventQuery::default()
            };
            let (_, ev) = data::events_page(&st2, s, &q, 100, 0)?;
            Ok((p, ev))
        })
        .await?;
    if p.mentions == 0 && p.events == 0 {
        return Err(AppError::not_found(format!(
            "no stored mention or event has a code starting with {code}"
        ))
        .into());
    }
    let name = name_of(&st, &code);
    let back = |e: &EventOut| format!("/actors/{}#{}", enc(&code), anchor(&e.id));
    Ok(layout(
        &v,
        &name,
        html! {
            h1 { (name) " " span.m { (code) } }
            p.lead { (p.mentions) " mentions in " (p.documents) " documents; " (p.events) " distinct events." }
            h2 { "Partners" }
            table {
                thead { tr { th { "partner" } th { "events" } th { "cooperation" } th { "conflict" } th { "mean Goldstein" } } }
                tbody { @for x in &p.partners {
                    tr {
                        td { a href=(dyad_href(&code, &x.code)) { (name_of(&st, &x.code)) } " " span.m { (x.code) } }
                        td.n { a href={"/search?dyad=" (enc(&code)) "%2C" (enc(&x.code))} { (x.events) } }
                        td.n { (x.cooperation) } td.n { (x.conflict) }
                        td.n { (format!("{:+.2}", x.mean_goldstein)) }
                    }
                } }
            }
            h2 { "Names" }
            ul { @for n in &p.names { li { (n.name) " " span.m { (n.code) " · " (n.mentions) " mentions, " (n.first) " to " (n.last) } } } }
            h2 { "Latest events (" (events.len()) ")" }
            (events_table(&v, &events, &back, true))
            h2 { "Quotes by " (name) }
            ul { @for q in &p.quotes_by { li { "“" (q.content) "” " a.m href={(doc_link(&q.doc))} { (q.date) } } } }
        },
    ))
}

#[derive(Deserialize)]
struct RejectedQ {
    include_rejected: Option<bool>,
}

async fn dyad(
    axum::extract::State(st): AppState,
    v: Viewer,
    Path((a, b)): Path<(String, String)>,
    Query(r): Query<RejectedQ>,
) -> PageResult {
    let (a, b) = (data::code_arg(&a)?, data::code_arg(&b)?);
    let inc = r.include_rejected.unwrap_or(false);
    let (a2, b2) = (a.clone(), b.clone());
    let st2 = st.clone();
    let (d, events) = st
        .pool
        .run(move |s| {
            let an = data::analysed(&st2, s, inc)?;
            let d = data::dyad(&an, &a2, &b2);
            let q = EventQuery {
                dyad: Some(format!("{a2},{b2}")),
                include_rejected: Some(inc),
                ..EventQuery::default()
            };
            let (_, ev) = data::events_page(&st2, s, &q, SHOWN, 0)?;
            Ok((d, ev))
        })
        .await?;
    let bins: Vec<analysis::MonthBin> = d
        .timeline
        .iter()
        .map(|m| analysis::MonthBin {
            month: m.month.clone(),
            events: m.events,
            cooperation: m.cooperation,
            conflict: m.conflict,
            goldstein_sum: m.mean_goldstein.unwrap_or(0.0) * m.events as f64,
        })
        .collect();
    let (na, nb) = (name_of(&st, &a), name_of(&st, &b));
    let label = format!("{na} – {nb}");
    let back = |e: &EventOut| format!("/dyads/{}/{}#{}", enc(&a), enc(&b), anchor(&e.id));
    let mg = |x: Option<f64>| x.map_or("–".to_string(), |g| format!("{g:+.2}"));
    Ok(layout(
        &v,
        &label,
        html! {
            h1 { (label) }
            p.lead {
                (d.events) " distinct events (" (d.mentions) " coded mentions), mean Goldstein " (mg(d.mean_goldstein))
                "; cooperation " (d.cooperation) ", conflict " (d.conflict) "."
                @if !inc { " Events analysts rejected are left out: " a href="?include_rejected=true" { "count them too" } "." }
            }
            table {
                thead { tr { th { "direction" } th { "events" } th { "mean Goldstein" } } }
                tbody {
                    tr { td { (actor_code(&a, &na, &SITE)) " → " (actor_code(&b, &nb, &SITE)) } td.n { (d.a_to_b.events) } td.n { (mg(d.a_to_b.mean_goldstein)) } }
                    tr { td { (actor_code(&b, &nb, &SITE)) " → " (actor_code(&a, &na, &SITE)) } td.n { (d.b_to_a.events) } td.n { (mg(d.b_to_a.mean_goldstein)) } }
                }
            }
            p { "Quad classes: verbal cooperation " (d.quad_classes[0]) ", material cooperation " (d.quad_classes[1])
                ", verbal conflict " (d.quad_classes[2]) ", material conflict " (d.quad_classes[3]) "." }
            h2 { "By month" }
            (parts::timeline_key())
            (parts::dyad_timeline(&label, &bins, d.undated))
            h2 { "The events (" (d.mentions) ")" @if d.mentions > events.len() {
                " " span.m { "newest " (events.len()) " shown; " a href={"/search?dyad=" (enc(&a)) "%2C" (enc(&b))} { "search them" } } } }
            (events_table(&v, &events, &back, true))
        },
    ))
}

/// Events listed on a page at most (the newest first); the search page
/// pages through the rest.
const SHOWN: usize = 200;

async fn network(
    axum::extract::State(st): AppState,
    v: Viewer,
    Query(r): Query<RejectedQ>,
) -> PageResult {
    let inc = r.include_rejected.unwrap_or(false);
    let st2 = st.clone();
    let an = st.pool.run(move |s| data::analysed(&st2, s, inc)).await?;
    let mut order: Vec<usize> = (0..an.net.nodes.len()).collect();
    order.sort_by(|&x, &y| {
        an.net.nodes[y]
            .events
            .cmp(&an.net.nodes[x].events)
            .then(x.cmp(&y))
    });
    order.truncate(40);
    order.sort_unstable();
    let mut names = BTreeMap::new();
    for n in &an.net.nodes {
        names.insert(n.code.clone(), name_of(&st, &n.code));
    }
    let svg = report::network_figure(an.net.clone(), &names, &order, &an.blocs.community, &SITE);
    let mut ties: Vec<&analysis::Tie> = an.net.ties.iter().collect();
    ties.sort_by_key(|t| std::cmp::Reverse(t.stats.events));
    ties.truncate(60);
    let mut nodes: Vec<usize> = (0..an.net.nodes.len()).collect();
    nodes.sort_by(|&x, &y| an.net.nodes[y].events.cmp(&an.net.nodes[x].events));
    Ok(layout(
        &v,
        "Network",
        html! {
            h1 { "The network" }
            p.lead { (an.net.nodes.len()) " actors (countries and organisations), " (an.net.ties.len()) " dyads, from " (an.events.len()) " events"
                @if !inc { " (analysts' rejections left out, corrections applied)" } "." }
            (parts::network_legend(an.blocs.count))
            (PreEscaped(svg))
            h2 { "Actors" }
            table {
                thead { tr { th { "actor" } th { "events" } th { "sent" } th { "received" } th { "betweenness" } th { "bloc" } } }
                tbody { @for &i in nodes.iter().take(80) {
                    @let n = &an.net.nodes[i];
                    tr {
                        td { (actor_name(&n.code, &name_of(&st, &n.code), &SITE)) }
                        td.n { a href={"/search?actor=" (enc(&n.code))} { (n.events) } }
                        td.n { (n.sent) } td.n { (n.received) }
                        td.n { (format!("{:.3}", an.betweenness.get(i).copied().unwrap_or(0.0))) }
                        td.n { (an.blocs.community.get(i).map_or(0, |c| c + 1)) }
                    }
                } }
            }
            h2 { "Dyads" }
            table {
                thead { tr { th { "dyad" } th { "events" } th { "cooperation" } th { "conflict" } th { "mean Goldstein" } } }
                tbody { @for t in &ties {
                    @let (x, y) = (&an.net.nodes[t.a].code, &an.net.nodes[t.b].code);
                    tr {
                        td { a href={"/dyads/" (enc(x)) "/" (enc(y))} { (name_of(&st, x)) " – " (name_of(&st, y)) } }
                        td.n { a href={"/search?dyad=" (enc(x)) "%2C" (enc(y))} { (t.stats.events) } }
                        td.n { (format!("{:.1}", t.stats.cooperation)) } td.n { (format!("{:.1}", t.stats.conflict)) }
                        td.n { (format!("{:+.2}", t.stats.mean_goldstein())) }
                    }
                } }
            }
        },
    ))
}

#[derive(Deserialize, Default)]
struct SearchForm {
    q: Option<String>,
    actor: Option<String>,
    dyad: Option<String>,
    root: Option<String>,
    modality: Option<String>,
    from: Option<String>,
    to: Option<String>,
    doc: Option<String>,
}

/// `**hit**` marks of a snippet as bold, the rest as text; all escaped.
fn snippet(s: &str) -> Markup {
    html! {
        @for (i, part) in s.split("**").enumerate() {
            @if i % 2 == 1 { b { (part) } } @else { (part) }
        }
    }
}

async fn search(
    axum::extract::State(st): AppState,
    v: Viewer,
    Query(f): Query<SearchForm>,
) -> PageResult {
    let some = |x: &Option<String>| {
        x.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    let q = EventQuery {
        actor: some(&f.actor),
        dyad: some(&f.dyad),
        root: some(&f.root),
        modality: some(&f.modality),
        from: some(&f.from),
        to: some(&f.to),
        q: some(&f.q),
        include_rejected: Some(true),
        ..EventQuery::default()
    };
    let any = q.actor.is_some()
        || q.dyad.is_some()
        || q.root.is_some()
        || q.modality.is_some()
        || q.from.is_some()
        || q.to.is_some()
        || q.q.is_some()
        || some(&f.doc).is_some();
    let text = some(&f.q);
    let doc = some(&f.doc);
    let st2 = st.clone();
    let (hits, (total, events)) = if any {
        st.pool
            .run(move |s| {
                let hits = match &text {
                    Some(t) => {
                        data::with_fts_retry(Some(t), |t| s.search(&t.unwrap_or_default(), 50))?
                    }
                    None => Vec::new(),
                };
                let ev = data::events_page_of(&st2, s, &q, doc.as_deref(), SHOWN, 0)?;
                Ok((hits, ev))
            })
            .await?
    } else {
        (Vec::new(), (0, Vec::new()))
    };
    let val = |x: &Option<String>| x.clone().unwrap_or_default();
    let back = |e: &EventOut| event_link(&e.doc, &e.id);
    let shown = &events[..];
    Ok(layout(
        &v,
        "Search",
        html! {
            h1 { "Search" }
            form.filters method="get" action="/search" {
                label { "words " input type="search" name="q" value=(val(&f.q)) placeholder="\"red line\" Erdogan"; }
                label { "actor " input name="actor" value=(val(&f.actor)) size="8" placeholder="TUR"; }
                label { "dyad " input name="dyad" value=(val(&f.dyad)) size="9" placeholder="TUR,SYR"; }
                label { "CAMEO root " input name="root" value=(val(&f.root)) size="4" placeholder="04"; }
                label { "modality "
                    select name="modality" {
                        @for m in ["", "asserted", "planned", "hypothetical", "negated"] {
                            option value=(m) selected[f.modality.as_deref() == Some(m)] { (if m.is_empty() { "any" } else { m }) }
                        }
                    }
                }
                label { "from " input type="date" name="from" value=(val(&f.from)); }
                label { "to " input type="date" name="to" value=(val(&f.to)); }
                @if let Some(d) = &f.doc { input type="hidden" name="doc" value=(d); }
                button type="submit" { "Search" }
            }
            @if f.q.as_deref().is_some_and(|s| !s.trim().is_empty()) {
                h2 { "Sentences (" (hits.len()) (if hits.len() == 50 { "+" } else { "" }) ")" }
                ul { @for h in &hits {
                    li { (snippet(&h.snippet)) " " a.m href=(doc_link(&h.doc)) { (h.title.as_deref().unwrap_or("(untitled)")) ", " (h.date) } }
                } }
            }
            @if any {
                h2 { "Events (" (total) ")" @if total > shown.len() { " " span.m { "first " (shown.len()) " shown" } } }
                (events_table(&v, shown, &back, true))
            }
        },
    ))
}

async fn review(axum::extract::State(st): AppState, v: Viewer) -> PageResult {
    let st2 = st.clone();
    let mut events = st
        .pool
        .run(move |s| {
            data::events(
                &st2,
                s,
                &EventQuery {
                    include_rejected: Some(true),
                    ..EventQuery::default()
                },
            )
        })
        .await?;
    // Most disputed first (as many votes each way as possible), then the
    // least confident, so an hour of review goes where it matters most.
    events.sort_by(|x, y| {
        let d = |e: &EventOut| e.votes.up.min(e.votes.down);
        d(y).cmp(&d(x))
            .then(x.confidence.total_cmp(&y.confidence))
            .then(x.id.cmp(&y.id))
    });
    events.truncate(100);
    let back = |e: &EventOut| format!("/review#{}", anchor(&e.id));
    Ok(layout(
        &v,
        "Review",
        html! {
            h1 { "Review queue" }
            p.lead { "The 100 events most in need of a look: disputed ones (votes both ways) first, then the least confident codings." }
            (events_table(&v, &events, &back, true))
        },
    ))
}

async fn map(axum::extract::State(st): AppState, v: Viewer) -> PageResult {
    let st2 = st.clone();
    let an = st.pool.run(move |s| data::analysed(&st2, s, false)).await?;
    let places = report::map::Places::from_events(an.events.iter().map(|e| &e.record));
    Ok(layout(
        &v,
        "Map",
        html! {
            h1 { "Where events happened" }
            (report::map::map_caption(&places))
            (report::map::map_figure(&places, &SITE))
            (report::map::places_table(&places, &SITE, 100))
        },
    ))
}

#[derive(Deserialize)]
struct NextQ {
    next: Option<String>,
}

async fn login_form(v: Viewer, Query(n): Query<NextQ>) -> Response {
    let next = safe_back(n.next.as_deref().unwrap_or("/")).to_string();
    layout(
        &v,
        "Sign in",
        html! {
            h1 { "Sign in to vote" }
            p { "Give the write token `entente serve` was started with (its --token, ENTENTE_TOKEN, or the one it printed). Your votes are signed with the token's name." }
            form method="post" action="/login" {
                input type="hidden" name="next" value=(next);
                label { "token " input type="password" name="token" autocomplete="current-password" autofocus; }
                " " button type="submit" { "Sign in" }
            }
        },
    )
}

#[derive(Deserialize)]
struct LoginForm {
    token: String,
    next: Option<String>,
}

async fn login(axum::extract::State(st): AppState, Form(f): Form<LoginForm>) -> PageResult {
    if st.keys.who(&f.token).is_none() {
        return Err(AppError::new(
            StatusCode::UNAUTHORIZED,
            "that is not a token this server accepts",
        )
        .into());
    }
    if !f
        .token
        .bytes()
        .all(|b| b.is_ascii_graphic() && b != b';' && b != b',')
    {
        return Err(AppError::bad_request(
            "tokens for the browser must be printable ASCII without ; or ,",
        )
        .into());
    }
    let mut r = Redirect::to(safe_back(f.next.as_deref().unwrap_or("/"))).into_response();
    let cookie = format!(
        "{}={}; Path=/; HttpOnly; SameSite=Strict; Max-Age=86400",
        crate::auth::SESSION_COOKIE,
        f.token
    );
    r.headers_mut().insert(
        header::SET_COOKIE,
        HeaderValue::from_str(&cookie).map_err(AppError::internal)?,
    );
    Ok(r)
}

#[derive(Deserialize)]
struct CsrfOnly {
    csrf: String,
}

async fn logout(
    axum::extract::State(st): AppState,
    headers: axum::http::HeaderMap,
    Form(f): Form<CsrfOnly>,
) -> PageResult {
    let ok = st
        .keys
        .session(&headers)
        .is_some_and(|(_, s)| st.keys.csrf_ok(&s, &f.csrf));
    if !ok {
        return Err(AppError::new(
            StatusCode::FORBIDDEN,
            "the form is stale or came from another site; reload the page",
        )
        .into());
    }
    let mut r = Redirect::to("/").into_response();
    r.headers_mut().insert(
        header::SET_COOKIE,
        HeaderValue::from_static("entente_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"),
    );
    Ok(r)
}

#[derive(Deserialize)]
struct VoteForm {
    csrf: String,
    event: String,
    vote: String,
    back: Option<String>,
}

async fn vote(
    axum::extract::State(st): AppState,
    headers: axum::http::HeaderMap,
    Form(f): Form<VoteForm>,
) -> PageResult {
    let Some((who, session)) = st.keys.session(&headers) else {
        return Err(AppError::new(StatusCode::UNAUTHORIZED, "sign in to vote").into());
    };
    if !st.keys.csrf_ok(&session, &f.csrf) {
        return Err(AppError::new(
            StatusCode::FORBIDDEN,
            "the form is stale or came from another site; reload the page",
        )
        .into());
    }
    let kind = match f.vote.as_str() {
        "up" => VoteKind::Up,
        "down" => VoteKind::Down,
        _ => return Err(AppError::bad_request("vote up or down").into()),
    };
    let st2 = st.clone();
    let event = f.event.clone();
    st.pool
        .run(move |s| {
            let v = NewVote {
                vote: kind,
                note: None,
                cameo: None,
                source: None,
                target: None,
            };
            crate::vote(&st2, s, &event, &who, &v)
        })
        .await?;
    Ok(Redirect::to(safe_back(f.back.as_deref().unwrap_or("/"))).into_response())
}
