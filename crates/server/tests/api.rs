//! The API and the pages called in-process (`oneshot`, no port): every
//! endpoint, the token and CSRF checks, votes changing tallies and dyad
//! scores, and hostile article text rendering inert on every page.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use std::sync::{Arc, OnceLock};
use tower::ServiceExt;

const TOKEN: &str = "s3cret";

/// The real stages, built once for all tests.
fn coder() -> server::Coder {
    static PIPE: OnceLock<Arc<(testkit::Pipeline, events::EventCoder)>> = OnceLock::new();
    let p = PIPE
        .get_or_init(|| {
            let lex = lexicon::Lexicon::builtin().unwrap();
            let coder = events::EventCoder::builtin().unwrap().with_lexicon(&lex);
            Arc::new((testkit::Pipeline::new(), coder))
        })
        .clone();
    Arc::new(move |doc: model::Document| {
        let date = chrono::NaiveDate::parse_from_str(&doc.date, "%Y-%m-%d").unwrap_or_default();
        let pre = p.0.prepare(&doc.text, date);
        let mut arena = String::new();
        let lexed = claims::quotes::Lexed::new(&doc.text, &pre.sentences, &mut arena);
        let quotes = claims::quotes::quotes_in(&lexed, &pre.sentences, &pre.mentions);
        let events = p.1.code_with_quotes(
            &doc.text,
            &pre.sentences,
            &pre.tokens,
            &pre.mentions,
            &pre.times,
            date,
            &quotes,
        );
        model::Coded {
            document: Some(doc),
            sentences: pre.sentences,
            times: pre.times,
            mentions: pre.mentions,
            events,
            quotes,
            ..model::Coded::default()
        }
    })
}

struct App {
    router: axum::Router,
    _dir: tempfile::TempDir,
}

fn app() -> App {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    store::Store::open(&db).unwrap();
    let names = [("TUR", "Turkey"), ("SYR", "Syria")]
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    let state = server::State::new(server::Config {
        db,
        tokens: server::auth::parse_tokens(&format!("ana:{TOKEN}")),
        names,
        coder: coder(),
    })
    .unwrap();
    App {
        router: server::app(Arc::new(state)),
        _dir: dir,
    }
}

struct Reply {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

impl Reply {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

async fn call(app: &App, req: Request<Body>) -> Reply {
    let r = app.router.clone().oneshot(req).await.unwrap();
    let status = r.status();
    let headers = r.headers().clone();
    let bytes = r.into_body().collect().await.unwrap().to_bytes();
    Reply {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

async fn get(app: &App, uri: &str) -> Reply {
    call(app, Request::get(uri).body(Body::empty()).unwrap()).await
}

async fn post_json(app: &App, uri: &str, body: Value, token: Option<&str>) -> Reply {
    let mut b = Request::post(uri).header(header::CONTENT_TYPE, "application/json");
    if let Some(t) = token {
        b = b.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    call(app, b.body(Body::from(body.to_string())).unwrap()).await
}

const ARTICLE: &str = "Turkey hosted Syrian President Bashar al-Assad in Ankara on Monday. Turkish troops attacked Syrian forces near Idlib on 2 January 2025. Syria condemned Turkey.";

async fn seed(app: &App) -> String {
    let r = post_json(
        app,
        "/api/v1/documents",
        json!({"title": "Talks", "date": "2025-03-04", "url": "https://example.org/a", "text": ARTICLE}),
        Some(TOKEN),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    r.json()["id"].as_str().unwrap().to_string()
}

fn assert_page(v: &Value, total: u64) {
    assert_eq!(v["total"], total, "{v}");
    assert!(v["limit"].is_u64() && v["offset"].is_u64(), "{v}");
    assert!(v["items"].is_array());
}

#[tokio::test]
async fn writes_need_the_token() {
    let app = app();
    let doc = json!({"text": ARTICLE, "date": "2025-03-04"});
    for token in [None, Some("wrong")] {
        let r = post_json(&app, "/api/v1/documents", doc.clone(), token).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        assert_eq!(r.json()["error"], "unauthorized");
        assert!(r.headers.contains_key(header::WWW_AUTHENTICATE));
    }
    let id = seed(&app).await;
    // The same document again changes nothing.
    let r = post_json(
        &app,
        "/api/v1/documents",
        json!({"title": "Talks", "date": "2025-03-04", "url": "https://example.org/a", "text": ARTICLE}),
        Some(TOKEN),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json()["id"], id.as_str());
    assert_eq!(r.json()["created"], false);
    let events = get(&app, "/api/v1/events").await.json();
    let eid = events["items"][0]["id"].as_str().unwrap().to_string();
    let r = post_json(
        &app,
        &format!("/api/v1/events/{eid}/votes"),
        json!({"vote": "down"}),
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    // Bad bodies are JSON errors too.
    let r = post_json(
        &app,
        "/api/v1/documents",
        json!({"title": "no text"}),
        Some(TOKEN),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.json()["detail"].as_str().unwrap().contains("text"));
    let r = post_json(
        &app,
        "/api/v1/documents",
        json!({"text": "x", "date": "May"}),
        Some(TOKEN),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn every_read_endpoint_answers() {
    let app = app();
    let id = seed(&app).await;
    let r = get(&app, "/api/v1/documents").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.headers[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap()
        .contains("default-src 'none'"));
    assert_page(&r.json(), 1);
    assert_eq!(r.json()["items"][0]["id"], id.as_str());

    let d = get(&app, &format!("/api/v1/documents/{id}")).await.json();
    assert_eq!(d["text"], ARTICLE);
    assert_eq!(d["title"], "Talks");
    let events = d["events"].as_array().unwrap();
    assert_eq!(events.len(), 3, "{d}");
    for e in events {
        let span = &e["span"];
        let (s, t) = (
            span[0].as_u64().unwrap() as usize,
            span[1].as_u64().unwrap() as usize,
        );
        assert!(ARTICLE.get(s..t).is_some_and(|w| !w.is_empty()));
        assert!(!e["label"].as_str().unwrap().is_empty());
        assert_eq!(e["votes"], json!({"up": 0, "down": 0}));
    }
    assert!(!d["mentions"].as_array().unwrap().is_empty());
    assert!(!d["times"].as_array().unwrap().is_empty());

    let all = get(&app, "/api/v1/events").await.json();
    assert_page(&all, 3);
    let page = get(&app, "/api/v1/events?limit=1&offset=1").await.json();
    assert_eq!(page["items"].as_array().unwrap().len(), 1);
    assert_eq!(page["items"][0]["id"], all["items"][1]["id"]);
    assert_page(
        &get(&app, "/api/v1/events?dyad=TUR,SYR&root=19")
            .await
            .json(),
        1,
    );
    assert_page(
        &get(
            &app,
            "/api/v1/events?actor=SYR&from=2025-03-01&to=2025-03-31",
        )
        .await
        .json(),
        2,
    );
    assert_page(
        &get(&app, "/api/v1/events?modality=negated").await.json(),
        0,
    );
    assert_page(&get(&app, "/api/v1/events?q=troops").await.json(), 1);
    assert_page(&get(&app, "/api/v1/events?min_votes=1").await.json(), 0);

    let eid = all["items"][0]["id"].as_str().unwrap();
    let e = get(&app, &format!("/api/v1/events/{eid}")).await;
    assert_eq!(e.status, StatusCode::OK);
    assert_eq!(e.json()["event"]["id"], eid);
    assert_eq!(e.json()["history"], json!([]));

    let a = get(&app, "/api/v1/actors/TUR").await.json();
    assert_eq!(a["name"], "Turkey");
    assert!(a["events"].as_u64().unwrap() >= 2, "{a}");

    let dy = get(&app, "/api/v1/dyads/TUR/SYR").await.json();
    assert_eq!(dy["events"], 3);
    // January to March: three months, February empty but shown.
    let months: Vec<&str> = dy["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["month"].as_str().unwrap())
        .collect();
    assert_eq!(months, ["2025-01", "2025-02", "2025-03"]);
    assert_eq!(dy["timeline"][1]["events"], 0);

    let b = get(&app, "/api/v1/brokers").await.json();
    assert!(b["total"].is_u64());
    let b = get(&app, "/api/v1/brokers?between=TUR,SYR").await.json();
    assert!(b["items"].is_array());

    let s = get(&app, "/api/v1/search?q=%22Syrian%20forces%22")
        .await
        .json();
    assert_page(&s, 1);
    assert!(s["items"][0]["snippet"].as_str().unwrap().contains("**"));
    assert_page(
        &get(&app, "/api/v1/search?q=nothinglikethis").await.json(),
        0,
    );

    assert!(get(&app, "/api/v1/quotes").await.json()["total"].is_u64());
    assert!(get(&app, "/api/v1/facts?actor=TUR").await.json()["total"].is_u64());

    let spec = get(&app, "/api/v1/openapi.json").await.json();
    assert!(spec["openapi"].as_str().unwrap().starts_with("3."));
    for p in [
        "/api/v1/documents",
        "/api/v1/documents/{id}",
        "/api/v1/events",
        "/api/v1/events/{id}",
        "/api/v1/events/{id}/votes",
        "/api/v1/actors/{code}",
        "/api/v1/dyads/{a}/{b}",
        "/api/v1/brokers",
        "/api/v1/search",
        "/api/v1/quotes",
        "/api/v1/facts",
    ] {
        assert!(
            spec["paths"][p].is_object(),
            "{p} missing from the OpenAPI document"
        );
    }
}

#[tokio::test]
async fn errors_are_json_with_the_right_status() {
    let app = app();
    seed(&app).await;
    for (uri, status) in [
        ("/api/v1/documents/nope", StatusCode::NOT_FOUND),
        ("/api/v1/events/nope~000000000000", StatusCode::NOT_FOUND),
        ("/api/v1/events/garbage", StatusCode::NOT_FOUND),
        ("/api/v1/documents?limit=abc", StatusCode::BAD_REQUEST),
        ("/api/v1/events?dyad=TUR", StatusCode::BAD_REQUEST),
        ("/api/v1/events?from=yesterday", StatusCode::BAD_REQUEST),
        ("/api/v1/events?modality=maybe", StatusCode::BAD_REQUEST),
        ("/api/v1/actors/%3Cscript%3E", StatusCode::BAD_REQUEST),
        ("/api/v1/actors/ZZZ", StatusCode::NOT_FOUND),
        ("/api/v1/documents?limit=0", StatusCode::BAD_REQUEST),
        ("/api/v1/events?offset=2000000", StatusCode::BAD_REQUEST),
        ("/api/v1/search", StatusCode::BAD_REQUEST),
        ("/api/v1/nothing", StatusCode::NOT_FOUND),
    ] {
        let r = get(&app, uri).await;
        assert_eq!(r.status, status, "{uri}: {}", r.body);
        let v = r.json();
        assert!(
            v["error"].is_string() && v["detail"].is_string(),
            "{uri}: {v}"
        );
        assert!(
            !r.body.contains("panicked") && !r.body.contains("src/"),
            "{uri}"
        );
    }
    // An over-large body is refused before it is read.
    let big = "a ".repeat(server::MAX_BODY);
    let r = post_json(&app, "/api/v1/documents", json!({"text": big}), Some(TOKEN)).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(r.json()["detail"].is_string());
}

#[tokio::test]
async fn a_vote_changes_votes_and_the_dyad_score() {
    let app = app();
    seed(&app).await;
    let before = get(&app, "/api/v1/dyads/TUR/SYR").await.json();
    assert_eq!(before["events"], 3);
    let attack = get(&app, "/api/v1/events?root=19").await.json()["items"][0].clone();
    let eid = attack["id"].as_str().unwrap().to_string();
    let r = post_json(
        &app,
        &format!("/api/v1/events/{eid}/votes"),
        json!({"vote": "down", "note": "a rumour, not an attack"}),
        Some(TOKEN),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let v = r.json();
    assert_eq!(v["votes"], json!({"up": 0, "down": 1}));
    assert_eq!(v["rejected"], true);
    assert_eq!(v["vote"]["who"], "ana");

    let e = get(&app, &format!("/api/v1/events/{eid}")).await.json();
    assert_eq!(e["event"]["votes"]["down"], 1);
    assert_eq!(e["history"][0]["note"], "a rumour, not an attack");
    // Rejected: out of the dyad, the list and the brokers' network...
    let after = get(&app, "/api/v1/dyads/TUR/SYR").await.json();
    assert_eq!(after["events"], 2);
    assert!(after["mean_goldstein"].as_f64() > before["mean_goldstein"].as_f64());
    assert_eq!(get(&app, "/api/v1/events").await.json()["total"], 2);
    // ...unless asked for.
    let with = get(&app, "/api/v1/dyads/TUR/SYR?include_rejected=true")
        .await
        .json();
    assert_eq!(with["events"], 3);
    assert_eq!(
        get(&app, "/api/v1/events?include_rejected=true")
            .await
            .json()["total"],
        3
    );

    // A correction replaces the coding in the analysis, beside the machine's.
    let visit = get(&app, "/api/v1/events?root=04").await.json()["items"][0].clone();
    let vid = visit["id"].as_str().unwrap();
    let r = post_json(
        &app,
        &format!("/api/v1/events/{vid}/votes"),
        json!({"vote": "up", "cameo": "036", "target": "SYRGOV"}),
        Some(TOKEN),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let e = get(&app, &format!("/api/v1/events/{vid}")).await.json();
    assert_eq!(e["event"]["cameo"], visit["cameo"]);
    assert_eq!(e["event"]["correction"]["cameo"], "036");
    assert_eq!(e["event"]["correction"]["target"], "SYRGOV");
    let bad = post_json(
        &app,
        &format!("/api/v1/events/{vid}/votes"),
        json!({"vote": "up", "cameo": "999"}),
        Some(TOKEN),
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let bad = post_json(
        &app,
        &format!("/api/v1/events/{vid}/votes"),
        json!({"vote": "sideways"}),
        Some(TOKEN),
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    // The actor profile counts the reviewed events too.
    let actor = |q: &'static str| {
        let app = &app;
        async move { get(app, &format!("/api/v1/actors/TUR{q}")).await.json() }
    };
    assert_eq!(actor("").await["events"], 2);
    assert_eq!(actor("?include_rejected=true").await["events"], 3);
}

#[tokio::test]
async fn the_network_page_links_its_drawing_and_names_generic_codes() {
    let app = app();
    seed(&app).await;
    let body = get(&app, "/network").await.body;
    let svg = &body[body.find("<svg").unwrap()..];
    // Nodes link to actor pages, lines to dyad pages, and a legend says
    // what the colours mean.
    assert!(svg.contains("<a href=\"/actors/TUR\"><circle"), "{svg}");
    assert!(
        svg.contains("<a href=\"/dyads/TUR/SYR\"><line")
            || svg.contains("<a href=\"/dyads/SYR/TUR\"><line"),
        "{svg}"
    );
    assert!(body.contains("conflict outweighs cooperation"));
    assert!(body.contains(">Turkey</text>"), "{svg}");

    // A generic code is named, alone or with its tag.
    let nato = "NATO's secretary general visited Ankara on Monday. The Islamic State attacked Syrian forces near Raqqa on 2 January 2025.";
    let r = post_json(
        &app,
        "/api/v1/documents",
        json!({"title": "More", "date": "2025-03-05", "text": nato}),
        Some(TOKEN),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let body = get(&app, "/network").await.body;
    for code in ["IGONAT", "IMGISI"] {
        if body.contains(&format!("/actors/{code}")) {
            assert!(
                !body.contains(&format!(">{code}</text>")),
                "{code} unnamed: {body}"
            );
        }
    }
}

#[tokio::test]
async fn the_map_draws_country_outlines_under_the_places() {
    let app = app();
    seed(&app).await;
    let body = get(&app, "/map").await.body;
    let svg = &body[body.find("<svg").unwrap()..body.find("</svg>").unwrap()];
    // The outlines come first, so the dots are drawn over them.
    let outlines = svg.find("<g class=\"basemap\"").expect("no basemap group");
    let first_dot = svg.find("<circle").expect("no event place");
    assert!(outlines < first_dot);
    assert_eq!(
        svg.matches("<path d=\"M").count(),
        report::basemap::countries().len()
    );
    // Countries with events are shaded.
    for name in ["Turkey", "Syria"] {
        let title = format!("<title>{name}</title>");
        let at = svg.find(&title).unwrap_or_else(|| panic!("no {name}"));
        let tag = &svg[svg[..at].rfind("<path").unwrap()..at];
        assert!(tag.contains("fill=\"#d5dbe3\""), "{name} not shaded: {tag}");
    }
    let at = svg.find("<title>Brazil</title>").unwrap();
    let tag = &svg[svg[..at].rfind("<path").unwrap()..at];
    assert!(!tag.contains("fill="), "Brazil has no event: {tag}");

    // Each known place's dot falls inside its country's outline box, in the
    // same projection (page pixels to the basemap's tenths of a degree).
    let to_grid = report::basemap::GRID_W / 960.0;
    let attr = |tag: &str, a: &str| -> f64 {
        let i = tag.find(&format!(" {a}=\"")).unwrap() + a.len() + 3;
        tag[i..i + tag[i..].find('"').unwrap()].parse().unwrap()
    };
    let mut checked = 0;
    for (i, _) in svg.match_indices("<circle") {
        let tag = &svg[i..i + svg[i..].find('>').unwrap()];
        let title = &svg[i + svg[i..].find("<title>").unwrap() + 7..];
        let place = &title[..title.find(':').unwrap()];
        let code = match place {
            "Ankara" => "TUR",
            "Idlib" => "SYR",
            _ => continue,
        };
        let (x, y) = (attr(tag, "cx") * to_grid, attr(tag, "cy") * to_grid);
        let country = report::basemap::countries()
            .iter()
            .find(|c| c.code == code)
            .unwrap();
        let (x0, y0, x1, y1) = report::basemap::bbox(country.path).unwrap();
        assert!(
            x0 <= x && x <= x1 && y0 <= y && y <= y1,
            "{place} at ({x}, {y}) is outside {code} ({x0}, {y0})-({x1}, {y1})"
        );
        checked += 1;
    }
    assert!(checked >= 1, "neither Ankara nor Idlib on the map: {svg}");
}

async fn post_form(app: &App, uri: &str, form: &str, cookie: Option<&str>) -> Reply {
    let mut b =
        Request::post(uri).header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    if let Some(c) = cookie {
        b = b.header(header::COOKIE, c);
    }
    call(app, b.body(Body::from(form.to_string())).unwrap()).await
}

#[tokio::test]
async fn pages_vote_only_with_session_and_csrf() {
    let app = app();
    let id = seed(&app).await;
    let r = get(&app, &format!("/documents/{id}")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("sign in to vote"));
    let eid = get(&app, "/api/v1/events?root=19").await.json()["items"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();

    // Signing in sets a strict, http-only cookie.
    let bad = post_form(&app, "/login", "token=nope", None).await;
    assert_eq!(bad.status, StatusCode::UNAUTHORIZED);
    let r = post_form(
        &app,
        "/login",
        &format!("token={TOKEN}&next=%2Fnetwork"),
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let set = r.headers[header::SET_COOKIE].to_str().unwrap();
    assert!(
        set.contains("HttpOnly") && set.contains("SameSite=Strict"),
        "{set}"
    );
    let cookie = set.split(';').next().unwrap().to_string();

    let page = call(
        &app,
        Request::get(format!("/documents/{id}"))
            .header(header::COOKIE, &cookie)
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    let csrf = page
        .body
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap()
        .to_string();
    let form = |csrf: &str| {
        format!(
            "csrf={csrf}&event={}&vote=down&back=%2F",
            eid.replace('~', "%7E")
        )
    };
    // No session, a wrong CSRF token: refused, nothing stored.
    assert_eq!(
        post_form(&app, "/vote", &form(&csrf), None).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        post_form(&app, "/vote", &form("0000"), Some(&cookie))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        post_form(&app, "/vote", "event=x&vote=down", Some(&cookie))
            .await
            .status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let e = get(&app, &format!("/api/v1/events/{eid}")).await.json();
    assert_eq!(e["event"]["votes"]["down"], 0);
    // With both: stored, and back to a local page only.
    let ok = post_form(&app, "/vote", &form(&csrf), Some(&cookie)).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    let e = get(&app, &format!("/api/v1/events/{eid}")).await.json();
    assert_eq!(e["event"]["votes"]["down"], 1);
    let evil = format!(
        "csrf={csrf}&event={}&vote=down&back=%2F%2Fevil.example",
        eid.replace('~', "%7E")
    );
    let r = post_form(&app, "/vote", &evil, Some(&cookie)).await;
    assert_eq!(r.headers[header::LOCATION], "/");
    // The down-voted event has left the dyad page.
    let dy = get(&app, "/dyads/TUR/SYR").await;
    let anchor = format!("id=\"e-{}\"", eid.rsplit('~').next().unwrap());
    assert!(!dy.body.contains(&anchor));
    assert!(get(&app, "/dyads/TUR/SYR?include_rejected=true")
        .await
        .body
        .contains(&anchor));
}

#[tokio::test]
async fn hostile_articles_render_inert_on_every_page() {
    let app = app();
    let evil = "<script>alert(1)</script>\"><img src=x onerror=alert(1)>";
    let text = format!(
        "Turkey hosted Syrian President Bashar al-Assad in Ankara {evil} on Monday. \
         Syria condemned Turkey. See javascript:alert(1) and <a href=\"javascript:alert(2)\">this</a>."
    );
    let r = post_json(
        &app,
        "/api/v1/documents",
        json!({"title": format!("Talks {evil}"), "date": "2025-03-04", "url": "javascript:alert(3)", "text": text}),
        Some(TOKEN),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let id = r.json()["id"].as_str().unwrap().to_string();
    let login = post_form(&app, "/login", &format!("token={TOKEN}"), None).await;
    let cookie = login.headers[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    let pages = [
        "/".to_string(),
        format!("/documents/{id}"),
        "/actors/TUR".into(),
        "/actors/SYR".into(),
        "/dyads/TUR/SYR".into(),
        "/network".into(),
        "/search?q=alert".into(),
        "/search?q=%3Cscript%3E&actor=%3Cscript%3E".into(),
        "/search?actor=TUR".into(),
        "/review".into(),
        "/map".into(),
        "/login?next=javascript:alert(1)".into(),
        "/nothing%3Cscript%3E".into(),
    ];
    let mut checked = 0;
    for p in &pages {
        for c in [None, Some(cookie.as_str())] {
            let mut b = Request::get(p.as_str());
            if let Some(c) = c {
                b = b.header(header::COOKIE, c);
            }
            let r = call(&app, b.body(Body::empty()).unwrap()).await;
            assert!(
                r.status == StatusCode::OK
                    || r.status == StatusCode::NOT_FOUND
                    || r.status == StatusCode::BAD_REQUEST,
                "{p}: {}",
                r.status
            );
            let lower = r.body.to_lowercase();
            // `<` is always escaped, so no tag (and no attribute such as
            // onerror) can come from the text; links are http(s) only.
            for bad in [
                "<script",
                "<img",
                "\"><img",
                "href=\"javascript:",
                "src=\"javascript:",
                "<a href=\"javascript",
            ] {
                assert!(!lower.contains(bad), "{p} contains {bad}");
            }
            assert!(r.headers[header::CONTENT_SECURITY_POLICY]
                .to_str()
                .unwrap()
                .contains("script-src 'self'"));
            checked += 1;
        }
    }
    assert_eq!(checked, pages.len() * 2);
    // The hostile text is shown, as text.
    let page = get(&app, &format!("/documents/{id}")).await.body;
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(
        page.contains("javascript:alert(3)"),
        "the URL is shown as text"
    );
}

/// A document stored by another process (an ingest beside the server)
/// shows in the lists and the analyses within moments, and no reader waits
/// for the recomputation: the first request after the answers went stale
/// still gets the previous one while the new one is computed.
#[tokio::test]
async fn new_documents_show_soon_without_readers_waiting() {
    let app = app();
    seed(&app).await;
    let total = |r: Reply| r.json()["total"].as_u64().unwrap();
    let dyad_events = |r: Reply| r.json()["mentions"].as_u64().unwrap();
    assert_eq!(total(get(&app, "/api/v1/documents").await), 1);
    let before = dyad_events(get(&app, "/api/v1/dyads/TUR/SYR").await);
    assert!(before > 0);
    // Another process stores a second article.
    let doc = model::Document::from_text("other".into(), ARTICLE.into(), "2025-03-04".into());
    let mut s = store::Store::open(&app._dir.path().join("t.db")).unwrap();
    s.put(&coder()(doc), None, false).unwrap();
    drop(s);
    assert_eq!(total(get(&app, "/api/v1/documents").await), 1, "cached");
    tokio::time::sleep(server::cache::FRESH + server::cache::STAMP_TTL).await;
    assert_eq!(total(get(&app, "/api/v1/documents").await), 1, "stale once");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let docs = total(get(&app, "/api/v1/documents").await);
        let dyad = dyad_events(get(&app, "/api/v1/dyads/TUR/SYR").await);
        if docs == 2 && dyad > before {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "still {docs} documents and {dyad} dyad mentions; {}",
            get(&app, "/api/v1/events?dyad=TUR,SYR").await.body
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

/// The `<td>` cells of the first `<tr ...>...</tr>` at or after `at`.
fn row_cells(html: &str, at: usize) -> Vec<&str> {
    let row = &html[at..at + html[at..].find("</tr>").unwrap()];
    row.match_indices("<td")
        .map(|(i, _)| &row[i..i + row[i..].find("</td>").unwrap() + "</td>".len()])
        .collect()
}

/// The static report and the pages draw an event row and the map with the
/// same components: for the same stored events, the same markup (links
/// aside: the pages link to themselves, the report to its own sections).
#[tokio::test]
async fn the_report_and_the_pages_share_rows_and_the_map() {
    let app = app();
    seed(&app).await;
    // The report of the same store, built as `entente report` builds it.
    let s = store::Store::open(&app._dir.path().join("t.db")).unwrap();
    let texts = s.document_texts().unwrap();
    let (stored, _) = s.reviewed_events(false).unwrap();
    let cameo = events::cameo::CameoTable::builtin().unwrap();
    let cut = |doc: &str, span: Option<(usize, usize)>| {
        let text = &texts.iter().find(|d| d.id == doc).unwrap().text;
        span.and_then(|(a, b)| text.get(a..b))
            .unwrap_or_default()
            .trim()
            .to_string()
    };
    let input = report::Input {
        title: "Shared".into(),
        events: stored
            .iter()
            .map(|e| report::EventRow {
                doc: e.doc.clone(),
                sentence: cut(&e.doc, e.sentence_span),
                label: cameo
                    .get(&e.record.cameo)
                    .map(|c| c.name.clone())
                    .unwrap_or_default(),
                event: e.record.clone(),
            })
            .collect(),
        documents: texts
            .iter()
            .map(|d| {
                let info = report::DocInfo {
                    title: d.title.clone(),
                    date: d.date.clone(),
                    url: d.url.clone(),
                };
                (d.id.clone(), info)
            })
            .collect(),
        ..report::Input::default()
    };
    let html = report::render(&input);

    // The attack's row on the dyad page and in the report's evidence.
    let eid = get(&app, "/api/v1/events?root=19").await.json()["items"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let page = get(&app, "/dyads/TUR/SYR").await.body;
    let at = page
        .find(&format!("<tr id=\"{}\"", report::components::anchor(&eid)))
        .expect("the attack on the dyad page");
    let cells = row_cells(&page, at);
    assert_eq!(cells.len(), 6, "five shared cells and the votes: {cells:?}");
    assert!(cells[2].contains("<b>19"), "{}", cells[2]);
    let what_and_rule = format!("{}{}", cells[2], cells[3]);
    let in_report = html
        .find(&what_and_rule)
        .unwrap_or_else(|| panic!("the report has no row with {what_and_rule}"));
    let row_start = html[..in_report].rfind("<tr").unwrap();
    let mine = row_cells(&html, row_start);
    assert_eq!(mine.len(), 5, "no vote cell in the report: {mine:?}");
    assert_eq!(mine[0], cells[0], "date");
    assert_eq!(mine[2..4], cells[2..4], "what and rule");
    // The same sentence and source link; the page adds its article link,
    // the report names the document.
    let sentence = |c: &str| c[..c.find("<br>").unwrap()].to_string();
    assert_eq!(sentence(mine[4]), sentence(cells[4]));
    let source =
        "<a class=\"m\" href=\"https://example.org/a\" rel=\"noreferrer noopener\">source</a>";
    assert!(cells[4].contains(source) && mine[4].contains(source));
    assert!(cells[4].contains(">in its article</a>"));
    assert!(mine[4].contains("<span class=\"m\">Talks, 2025-03-04</span>"));
    // Both name the sides' actors and their words the same way; only the
    // page links them (to actor pages; the report has none).
    assert!(
        cells[1].contains("<a href=\"/actors/TURMIL\" title="),
        "{}",
        cells[1]
    );
    let titles = |c: &str| -> Vec<String> {
        c.split(" title=\"")
            .skip(1)
            .map(|t| t[..t.find('"').unwrap()].to_string())
            .collect()
    };
    assert_eq!(titles(cells[1]), titles(mine[1]));
    assert_eq!(titles(mine[1]).len(), 2, "{}", mine[1]);
    let words = |c: &str| {
        let i = c.find("<span class=\"m\">“").unwrap();
        c[i..i + c[i..].find("</span>").unwrap()].to_string()
    };
    assert_eq!(words(cells[1]), words(mine[1]));
    assert!(!mine[1].contains("/actors/"));

    // The map: the same outlines, shading and circles; the page's circles
    // link to a search for their place.
    let map_page = get(&app, "/map").await.body;
    let figure = |h: &str| {
        let start = h
            .find("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map\"")
            .unwrap();
        h[start..start + h[start..].find("</svg>").unwrap()].to_string()
    };
    let (theirs, ours) = (figure(&map_page), figure(&html));
    let basemap = |svg: &str| {
        svg[svg.find("<g class=\"basemap\"").unwrap()..svg.find("</g>").unwrap()].to_string()
    };
    assert_eq!(basemap(&theirs), basemap(&ours));
    let circles = |svg: &str| -> Vec<String> {
        svg.match_indices("<circle")
            .map(|(i, _)| svg[i..i + svg[i..].find("</circle>").unwrap()].to_string())
            .collect()
    };
    assert!(!circles(&ours).is_empty(), "no place on the report's map");
    assert_eq!(circles(&theirs), circles(&ours));
    assert!(theirs.contains("<a href=\"/search?q=Ankara\"><circle"));
    assert!(!ours.contains("<a "));
    // The same caption above both.
    let caption = |h: &str| {
        let i = h.find("<p class=\"lead\">").unwrap();
        let j = h.find(" places with coordinates").unwrap();
        assert!(i < j);
        h[h[..j].rfind("<p class=\"lead\">").unwrap()..h[j..].find("</p>").unwrap() + j].to_string()
    };
    assert_eq!(caption(&map_page), caption(&html));
}
