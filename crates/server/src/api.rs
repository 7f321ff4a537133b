//! The JSON API under `/api/v1`, and its OpenAPI document built from these
//! handlers' annotations and the types in `types`.

use crate::data::{self, EventQuery};
use crate::error::{ApiResult, AppError, ErrorBody};
use crate::types::*;
use crate::{AppState, State};
use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use utoipa::{IntoParams, OpenApi};

/// `Query` whose rejection is an API error.
#[derive(FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(AppError))]
pub struct Query<T>(pub T);

#[derive(FromRequestParts)]
#[from_request(via(axum::extract::Path), rejection(AppError))]
pub struct Path<T>(pub T);

#[derive(FromRequest)]
#[from_request(via(axum::Json), rejection(AppError))]
pub struct Json<T>(pub T);

impl<T: serde::Serialize> axum::response::IntoResponse for Json<T> {
    fn into_response(self) -> axum::response::Response {
        axum::Json(self.0).into_response()
    }
}

/// The name of the token in `Authorization: Bearer TOKEN`; 401 without one.
/// Checked before the body is read, so a request without a token gets 401
/// whatever its body.
pub struct Writer(pub String);

impl FromRequestParts<crate::Shared> for Writer {
    type Rejection = AppError;
    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        st: &crate::Shared,
    ) -> Result<Writer, AppError> {
        st.keys
            .bearer(&parts.headers)
            .map(Writer)
            .ok_or_else(AppError::unauthorized)
    }
}

impl From<QueryRejection> for AppError {
    fn from(r: QueryRejection) -> AppError {
        AppError::bad_request(r.body_text())
    }
}
impl From<PathRejection> for AppError {
    fn from(r: PathRejection) -> AppError {
        AppError::bad_request(r.body_text())
    }
}
impl From<JsonRejection> for AppError {
    fn from(r: JsonRejection) -> AppError {
        AppError::new(r.status(), r.body_text())
    }
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "entente",
        description = "Coded news events, their provenance and analysts' votes. Writes need `Authorization: Bearer TOKEN`."
    ),
    paths(
        list_documents, get_document, post_document, list_events, get_event, post_vote,
        get_actor, get_dyad, list_brokers, search, list_quotes, list_facts
    ),
    components(schemas(ErrorBody)),
    modifiers(&Security)
)]
pub struct ApiDoc;

struct Security;
impl utoipa::Modify for Security {
    fn modify(&self, api: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let c = api.components.get_or_insert_with(Default::default);
        c.add_security_scheme(
            "token",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

pub fn routes() -> Router<crate::Shared> {
    Router::new()
        .route("/api/v1/openapi.json", get(openapi))
        .route("/api/v1/documents", get(list_documents).post(post_document))
        .route("/api/v1/documents/{id}", get(get_document))
        .route("/api/v1/events", get(list_events))
        .route("/api/v1/events/{id}", get(get_event))
        .route("/api/v1/events/{id}/votes", post(post_vote))
        .route("/api/v1/actors/{code}", get(get_actor))
        .route("/api/v1/dyads/{a}/{b}", get(get_dyad))
        .route("/api/v1/brokers", get(list_brokers))
        .route("/api/v1/search", get(search))
        .route("/api/v1/quotes", get(list_quotes))
        .route("/api/v1/facts", get(list_facts))
        .route("/api/v1/{*rest}", axum::routing::any(no_route))
}

async fn no_route() -> AppError {
    AppError::not_found("no such endpoint: /api/v1/openapi.json lists them")
}

async fn openapi() -> axum::Json<utoipa::openapi::OpenApi> {
    axum::Json(ApiDoc::openapi())
}

/// Runs `all` on a pooled connection and answers with the page `paging`
/// asks for, so every list states `total`, `limit` and `offset` the same way.
async fn paged<T, F>(st: &crate::Shared, paging: Paging, all: F) -> ApiResult<Json<Page<T>>>
where
    T: utoipa::ToSchema + Clone + Send + 'static,
    F: FnOnce(&store::Store) -> ApiResult<Vec<T>> + Send + 'static,
{
    // A bad limit or offset is refused before any work.
    paging.checked()?;
    let all = st.pool.run(move |s| all(s)).await?;
    Ok(Json(Page::of(all, &paging)?))
}

/// Stored documents, newest first.
#[utoipa::path(get, path = "/api/v1/documents", params(Paging),
    responses((status = 200, body = Page<DocumentSummary>), (status = 400, body = ErrorBody)))]
async fn list_documents(
    axum::extract::State(st): AppState,
    Query(p): Query<Paging>,
) -> ApiResult<Json<Page<DocumentSummary>>> {
    let (limit, offset) = p.checked()?;
    let (total, docs) = st
        .pool
        .run(move |s| Ok(s.documents_page(limit, offset)?))
        .await?;
    let items = docs
        .into_iter()
        .map(|d| DocumentSummary {
            id: d.id,
            title: d.title,
            date: d.date,
            format: d.format,
            sentences: d.sentences,
            mentions: d.mentions,
            events: d.events,
        })
        .collect();
    Ok(Json(Page {
        total,
        limit,
        offset,
        items,
    }))
}

/// A document's text and metadata with every record coded from it.
#[utoipa::path(get, path = "/api/v1/documents/{id}", params(("id" = String, Path, description = "Document id")),
    responses((status = 200, body = DocumentOut), (status = 404, body = ErrorBody)))]
async fn get_document(
    axum::extract::State(st): AppState,
    Path(id): Path<String>,
) -> ApiResult<Json<DocumentOut>> {
    let st2 = st.clone();
    let out = st.pool.run(move |s| document(&st2, s, &id)).await?;
    Ok(Json(out))
}

pub fn document(st: &State, s: &store::Store, id: &str) -> ApiResult<DocumentOut> {
    let coded = s.load(id)?;
    let tallies = s.document_tallies(id)?;
    let d = coded
        .document
        .as_ref()
        .ok_or_else(|| AppError::not_found(id.to_string()))?;
    let v = |x: &dyn erased::Ser| x.value();
    let events = coded
        .events
        .iter()
        .map(|e| {
            let sentence = data::sentence_text(&d.text, &coded.sentences, e.sentence);
            data::event_out(
                st,
                &d.id,
                e,
                sentence,
                d.url.as_deref(),
                tallies.get(&store::votes::event_id(&d.id, e)),
            )
        })
        .collect();
    Ok(DocumentOut {
        id: d.id.clone(),
        title: d.title.clone(),
        author: d.author.clone(),
        date: d.date.clone(),
        url: d.url.clone(),
        source: d.source.clone(),
        format: d.format.clone(),
        text: d.text.clone(),
        sentences: coded.sentences.iter().map(|x| v(x)).collect(),
        times: coded.times.iter().map(|x| v(x)).collect(),
        mentions: coded.mentions.iter().map(|x| v(x)).collect(),
        events,
        quotes: coded.quotes.iter().map(|x| v(x)).collect(),
        facts: coded.facts.iter().map(|x| v(x)).collect(),
    })
}

mod erased {
    pub trait Ser {
        fn value(&self) -> serde_json::Value;
    }
    impl<T: serde::Serialize> Ser for T {
        fn value(&self) -> serde_json::Value {
            serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
        }
    }
}

/// Codes and stores a document (`text` or `html`); a document already stored is left as it is.
#[utoipa::path(post, path = "/api/v1/documents", request_body = NewDocument,
    security(("token" = [])),
    responses((status = 201, body = Created), (status = 200, description = "Already stored", body = Created),
        (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 413, body = ErrorBody),
        (status = 415, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn post_document(
    axum::extract::State(st): AppState,
    _who: Writer,
    body: Json<NewDocument>,
) -> ApiResult<(StatusCode, Json<Created>)> {
    let Json(new) = body;
    let st2 = st.clone();
    let created = st
        .pool
        .run(move |s| crate::ingest_one(&st2, s, &new))
        .await?;
    let status = if created.created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(created)))
}

/// Coded events, newest first, filtered; analysts' rejections left out unless asked for.
#[utoipa::path(get, path = "/api/v1/events", params(EventQuery, Paging),
    responses((status = 200, body = Page<EventOut>), (status = 400, body = ErrorBody)))]
async fn list_events(
    axum::extract::State(st): AppState,
    Query(q): Query<EventQuery>,
    Query(p): Query<Paging>,
) -> ApiResult<Json<Page<EventOut>>> {
    let (limit, offset) = p.checked()?;
    let st2 = st.clone();
    let (total, items) = st
        .pool
        .run(move |s| data::events_page(&st2, s, &q, limit, offset))
        .await?;
    Ok(Json(Page {
        total,
        limit,
        offset,
        items,
    }))
}

/// One event with every vote on it.
#[utoipa::path(get, path = "/api/v1/events/{id}", params(("id" = String, Path, description = "Event id, `DOC~HASH`")),
    responses((status = 200, body = EventDetail), (status = 404, body = ErrorBody)))]
async fn get_event(
    axum::extract::State(st): AppState,
    Path(id): Path<String>,
) -> ApiResult<Json<EventDetail>> {
    let st2 = st.clone();
    let (event, votes) = st.pool.run(move |s| data::event(&st2, s, &id)).await?;
    let history = votes.iter().map(|v| data::vote_out(&st, v)).collect();
    Ok(Json(EventDetail { event, history }))
}

/// Votes on an event, optionally correcting its coding.
#[utoipa::path(post, path = "/api/v1/events/{id}/votes", params(("id" = String, Path, description = "Event id")),
    request_body = NewVote, security(("token" = [])),
    responses((status = 201, body = VoteResult), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 413, body = ErrorBody), (status = 415, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn post_vote(
    axum::extract::State(st): AppState,
    Writer(who): Writer,
    Path(id): Path<String>,
    body: Json<NewVote>,
) -> ApiResult<(StatusCode, Json<VoteResult>)> {
    let Json(v) = body;
    let st2 = st.clone();
    let out = st
        .pool
        .run(move |s| crate::vote(&st2, s, &id, &who, &v))
        .await?;
    Ok((StatusCode::CREATED, Json(out)))
}

/// An actor (or a country, by its three letters): names, partners, recent events, quotes, facts.
#[utoipa::path(get, path = "/api/v1/actors/{code}", params(("code" = String, Path, description = "Actor code or prefix", pattern = "^[A-Za-z0-9]{1,24}$"), Rejected),
    responses((status = 200, body = ActorOut), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn get_actor(
    axum::extract::State(st): AppState,
    Path(code): Path<String>,
    Query(r): Query<Rejected>,
) -> ApiResult<Json<ActorOut>> {
    let code = data::code_arg(&code)?;
    let st2 = st.clone();
    let out = st
        .pool
        .run(move |s| {
            let review = s.review(r.include_rejected.unwrap_or(false))?;
            let p = s.reviewed_actor_profile(&code, 20, &review)?;
            if p.mentions == 0 && p.events == 0 {
                return Err(AppError::not_found(format!(
                    "no stored mention or event has a code starting with {code}"
                )));
            }
            Ok(ActorOut {
                name: data::name_of(&st2, &code),
                code,
                mentions: p.mentions,
                documents: p.documents,
                events: p.events,
                profile: serde_json::to_value(&p).map_err(AppError::internal)?,
            })
        })
        .await?;
    Ok(Json(out))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Rejected {
    /// Count events analysts rejected too (default false).
    pub include_rejected: Option<bool>,
}

/// Relations between two actors (code prefixes): scores both ways and a monthly timeline, votes applied.
#[utoipa::path(get, path = "/api/v1/dyads/{a}/{b}", params(("a" = String, Path, pattern = "^[A-Za-z0-9]{1,24}$"), ("b" = String, Path, pattern = "^[A-Za-z0-9]{1,24}$"), Rejected),
    responses((status = 200, body = DyadOut), (status = 400, body = ErrorBody)))]
async fn get_dyad(
    axum::extract::State(st): AppState,
    Path((a, b)): Path<(String, String)>,
    Query(r): Query<Rejected>,
) -> ApiResult<Json<DyadOut>> {
    let (a, b) = (data::code_arg(&a)?, data::code_arg(&b)?);
    let st2 = st.clone();
    let an = st
        .pool
        .run(move |s| data::analysed(&st2, s, r.include_rejected.unwrap_or(false)))
        .await?;
    Ok(Json(data::dyad(&an, &a, &b)))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct BrokerQuery {
    /// Two actors, `A,B`: who stands between them; none for overall betweenness.
    #[param(pattern = "^([A-Za-z0-9]{1,24},[A-Za-z0-9]{1,24})?$")]
    pub between: Option<String>,
    pub include_rejected: Option<bool>,
}

/// Brokers of the cooperation network (country level), overall or between two actors.
#[utoipa::path(get, path = "/api/v1/brokers", params(BrokerQuery, Paging),
    responses((status = 200, body = Page<BrokerOut>), (status = 400, body = ErrorBody)))]
async fn list_brokers(
    axum::extract::State(st): AppState,
    Query(q): Query<BrokerQuery>,
    Query(p): Query<Paging>,
) -> ApiResult<Json<Page<BrokerOut>>> {
    let between = match q
        .between
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        None => None,
        Some(b) => match b.split_once(',') {
            Some((x, y)) => Some((data::code_arg(x)?, data::code_arg(y)?)),
            None => {
                return Err(AppError::bad_request(format!(
                    "between {b:?}: give two actor codes, `A,B`"
                )))
            }
        },
    };
    let st2 = st.clone();
    let inc = q.include_rejected.unwrap_or(false);
    paged(&st, p, move |s| {
        let an = data::analysed(&st2, s, inc)?;
        data::brokers(
            &st2,
            &an,
            between.as_ref().map(|(a, b)| (a.as_str(), b.as_str())),
        )
    })
    .await
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchQuery {
    /// Words (all must occur, stemmed), `"a phrase"`, or FTS5 syntax (`OR`, `NOT`, `NEAR(...)`).
    pub q: String,
}

/// Full-text search over stored sentences, best first (at most 1,000 hits).
#[utoipa::path(get, path = "/api/v1/search", params(SearchQuery, Paging),
    responses((status = 200, body = Page<store::SearchHit>), (status = 400, body = ErrorBody)))]
async fn search(
    axum::extract::State(st): AppState,
    Query(q): Query<SearchQuery>,
    Query(p): Query<Paging>,
) -> ApiResult<Json<Page<store::SearchHit>>> {
    let (limit, offset) = p.checked()?;
    // Only the page's hits get snippets and titles.
    let (total, items) = st
        .pool
        .run(move |s| {
            data::with_fts_retry(Some(&q.q), |t| {
                s.search_page(&t.unwrap_or_default(), 1000, limit, offset)
            })
        })
        .await?;
    Ok(Json(Page {
        total,
        limit,
        offset,
        items,
    }))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QuoteQuery {
    /// Speaker code prefix or part of the speaker's name.
    pub speaker: Option<String>,
}

/// Quotes, newest first.
#[utoipa::path(get, path = "/api/v1/quotes", params(QuoteQuery, Paging),
    responses((status = 200, body = Page<store::QuoteRow>), (status = 400, body = ErrorBody)))]
async fn list_quotes(
    axum::extract::State(st): AppState,
    Query(q): Query<QuoteQuery>,
    Query(p): Query<Paging>,
) -> ApiResult<Json<Page<store::QuoteRow>>> {
    let speaker = q.speaker.filter(|s| !s.trim().is_empty());
    let (limit, offset) = p.checked()?;
    let (total, items) = st
        .pool
        .run(move |s| Ok(s.quotes_page(speaker.as_deref(), limit, offset)?))
        .await?;
    Ok(Json(Page {
        total,
        limit,
        offset,
        items,
    }))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FactQuery {
    /// Holder or counterpart code prefix.
    #[param(pattern = "^[A-Za-z0-9]{0,24}$")]
    pub actor: Option<String>,
    /// `import_share`, `stake`, `money`, `killed`...
    pub measure: Option<String>,
}

/// Facts (quantities with what they measure), newest first.
#[utoipa::path(get, path = "/api/v1/facts", params(FactQuery, Paging),
    responses((status = 200, body = Page<store::FactRow>), (status = 400, body = ErrorBody)))]
async fn list_facts(
    axum::extract::State(st): AppState,
    Query(q): Query<FactQuery>,
    Query(p): Query<Paging>,
) -> ApiResult<Json<Page<store::FactRow>>> {
    let actor = match q.actor.as_deref().filter(|s| !s.is_empty()) {
        Some(a) => Some(data::code_arg(a)?),
        None => None,
    };
    let measure = q.measure.filter(|s| !s.trim().is_empty());
    let (limit, offset) = p.checked()?;
    let (total, items) = st
        .pool
        .run(move |s| Ok(s.facts_page(actor.as_deref(), measure.as_deref(), limit, offset)?))
        .await?;
    Ok(Json(Page {
        total,
        limit,
        offset,
        items,
    }))
}
