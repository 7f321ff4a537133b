//! The API's types: what `/api/v1` sends and accepts, each with its OpenAPI
//! schema derived from the type itself, so the document cannot drift.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// Paging of a list request.
#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Paging {
    /// Items per page, 1 to 500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<u32>,
    /// Items to skip (default 0).
    #[param(minimum = 0, maximum = 1000000)]
    pub offset: Option<u32>,
}

impl Paging {
    pub const MAX: usize = 500;
    pub const MAX_OFFSET: u32 = 1_000_000;
    pub fn limit(&self) -> usize {
        self.limit.map_or(50, |l| (l as usize).clamp(1, Self::MAX))
    }
    pub fn offset(&self) -> usize {
        self.offset.unwrap_or(0) as usize
    }
}

/// One page of a list and where it sits in the whole.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Page<T: ToSchema> {
    /// Items matching the request, over all pages.
    pub total: usize,
    pub limit: usize,
    pub offset: usize,
    pub items: Vec<T>,
}

impl Paging {
    /// The limit and offset, or a 400 when either is out of range.
    pub fn checked(&self) -> crate::error::ApiResult<(usize, usize)> {
        if self
            .limit
            .is_some_and(|l| l == 0 || l as usize > Paging::MAX)
        {
            return Err(crate::error::AppError::bad_request(format!(
                "limit must be 1 to {}",
                Paging::MAX
            )));
        }
        if self.offset.is_some_and(|o| o > Paging::MAX_OFFSET) {
            return Err(crate::error::AppError::bad_request(format!(
                "offset must be 0 to {}",
                Paging::MAX_OFFSET
            )));
        }
        Ok((self.limit(), self.offset()))
    }
}

impl<T: ToSchema + Clone> Page<T> {
    /// The page `paging` asks for out of every matching item.
    pub fn of(all: Vec<T>, paging: &Paging) -> crate::error::ApiResult<Page<T>> {
        let (limit, offset) = paging.checked()?;
        let total = all.len();
        let items = all.into_iter().skip(offset).take(limit).collect();
        Ok(Page {
            total,
            limit,
            offset,
            items,
        })
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DocumentSummary {
    pub id: String,
    pub title: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub format: String,
    pub sentences: usize,
    pub mentions: usize,
    pub events: usize,
}

/// A stored document with everything coded from it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DocumentOut {
    pub id: String,
    pub title: Option<String>,
    pub author: Option<String>,
    pub date: String,
    pub url: Option<String>,
    pub source: Option<String>,
    pub format: String,
    /// The body; every span is a `[start, end)` byte range into it.
    pub text: String,
    /// Sentences, time expressions, actor mentions, quotes and facts as
    /// `entente code` prints them (`entente help records`).
    #[schema(value_type = Vec<Object>)]
    pub sentences: Vec<serde_json::Value>,
    #[schema(value_type = Vec<Object>)]
    pub times: Vec<serde_json::Value>,
    #[schema(value_type = Vec<Object>)]
    pub mentions: Vec<serde_json::Value>,
    pub events: Vec<EventOut>,
    #[schema(value_type = Vec<Object>)]
    pub quotes: Vec<serde_json::Value>,
    #[schema(value_type = Vec<Object>)]
    pub facts: Vec<serde_json::Value>,
}

/// A document to code and store: `text` or `html`, with optional metadata.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewDocument {
    pub text: Option<String>,
    pub html: Option<String>,
    pub title: Option<String>,
    /// The publication date, `YYYY-MM-DD` (times in the text resolve against it).
    #[schema(format = Date)]
    pub date: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Created {
    pub id: String,
    /// False when the same document was already stored (nothing changed).
    pub created: bool,
    pub events: usize,
}

/// One side of an event.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Side {
    /// CAMEO actor code (`TURGOV`).
    pub code: String,
    pub name: String,
    /// The words in the text that named it.
    pub text: String,
}

#[derive(Debug, Clone, Copy, Default, Serialize, ToSchema)]
pub struct Votes {
    pub up: usize,
    pub down: usize,
}

/// What analysts said the coding should be.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CorrectionOut {
    pub cameo: Option<String>,
    pub label: Option<String>,
    pub source: Option<String>,
    pub target: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PlaceOut {
    pub name: String,
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

/// A coded event with its provenance and its votes. The coding shown is the
/// machine's; `correction` holds what analysts put in its place.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EventOut {
    /// Stable across re-coding of the same text: `DOC~HASH`.
    pub id: String,
    pub doc: String,
    pub sentence: usize,
    /// The trigger's `[start, end)` byte span in the document text.
    pub span: [usize; 2],
    /// The event's date value (`2025-04-03`, `2025-04`, `2022`).
    pub date: String,
    pub source: Side,
    pub target: Side,
    pub cameo: String,
    /// The CAMEO code in words ("Make a visit").
    pub label: String,
    pub root: String,
    pub plover: String,
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    pub goldstein: f64,
    /// `asserted`, `planned`, `hypothetical` or `negated`.
    pub modality: String,
    /// The lexicon row or pattern that coded it.
    pub rule: String,
    pub confidence: f64,
    /// The sentence it was coded from.
    pub text: String,
    pub url: Option<String>,
    pub place: Option<PlaceOut>,
    pub votes: Votes,
    /// More down- than up-votes: left out of analyses.
    pub rejected: bool,
    pub correction: Option<CorrectionOut>,
}

/// A vote, with an optional correction of the coding.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewVote {
    /// `up` (the coding is right) or `down` (it is wrong).
    pub vote: VoteKind,
    /// Why, in a few words (at most 2,000 characters).
    pub note: Option<String>,
    /// The right CAMEO code, e.g. `036`.
    #[schema(pattern = "^([0-9]{2,4})?$")]
    pub cameo: Option<String>,
    /// The right source actor code, e.g. `TURGOV`.
    #[schema(pattern = "^([A-Za-z0-9]{3,24})?$")]
    pub source: Option<String>,
    /// The right target actor code.
    #[schema(pattern = "^([A-Za-z0-9]{3,24})?$")]
    pub target: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum VoteKind {
    Up,
    Down,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct VoteOut {
    pub id: i64,
    pub event: String,
    pub vote: String,
    pub note: Option<String>,
    /// The name of the token that cast it.
    pub who: String,
    /// UTC, `YYYY-MM-DD HH:MM:SS`.
    pub at: String,
    pub correction: Option<CorrectionOut>,
}

/// The answer to a vote: the vote and the event's new tally.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct VoteResult {
    pub vote: VoteOut,
    pub votes: Votes,
    pub rejected: bool,
}

/// An event and every vote on it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EventDetail {
    pub event: EventOut,
    pub history: Vec<VoteOut>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Direction {
    pub source: String,
    pub target: String,
    pub events: usize,
    pub mean_goldstein: Option<f64>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MonthOut {
    /// `YYYY-MM`; every month from the first to the last, empty ones too.
    pub month: String,
    pub events: usize,
    /// Sum of positive Goldstein scores.
    pub cooperation: f64,
    /// Sum of the magnitudes of negative Goldstein scores.
    pub conflict: f64,
    pub mean_goldstein: Option<f64>,
}

/// Relations between two actors (code prefixes), votes applied.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DyadOut {
    pub a: String,
    pub b: String,
    /// Distinct events (one per day, source, target and code however many articles report it).
    pub events: usize,
    /// Coded mentions of those events.
    pub mentions: usize,
    pub mean_goldstein: Option<f64>,
    pub cooperation: f64,
    pub conflict: f64,
    /// Events per quad class 1-4.
    pub quad_classes: [usize; 4],
    pub a_to_b: Direction,
    pub b_to_a: Direction,
    pub timeline: Vec<MonthOut>,
    /// Events known only to the year or less, outside the timeline.
    pub undated: usize,
    /// Ids of the event mentions behind these numbers.
    pub event_ids: Vec<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct BrokerOut {
    /// Country-level node code.
    pub code: String,
    pub name: String,
    /// With `between`: the share of shortest cooperation paths through it; else normalised betweenness.
    pub score: f64,
}

/// Everything the store knows about an actor (or a country, by its three letters).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ActorOut {
    pub code: String,
    pub name: String,
    pub mentions: usize,
    pub documents: usize,
    pub events: usize,
    /// Names, partners, recent events, quotes and facts (as `entente actor --format json`).
    #[schema(value_type = Object)]
    pub profile: serde_json::Value,
}
