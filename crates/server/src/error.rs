//! The one error type of the server: a status and a message, rendered as
//! JSON `{error, detail}` for the API and as a small page for the web UI.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use store::StoreError;

#[derive(Debug)]
pub struct AppError {
    pub status: StatusCode,
    /// Shown to the client; for 5xx always generic.
    pub detail: String,
}

/// The body of every API error.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    /// The status's reason, e.g. `not found`.
    pub error: String,
    /// What went wrong and what to do instead.
    pub detail: String,
}

impl AppError {
    pub fn new(status: StatusCode, detail: impl Into<String>) -> AppError {
        AppError {
            status,
            detail: detail.into(),
        }
    }
    pub fn bad_request(detail: impl Into<String>) -> AppError {
        AppError::new(StatusCode::BAD_REQUEST, detail)
    }
    pub fn not_found(detail: impl Into<String>) -> AppError {
        AppError::new(StatusCode::NOT_FOUND, detail)
    }
    pub fn unauthorized() -> AppError {
        AppError::new(
            StatusCode::UNAUTHORIZED,
            "send `Authorization: Bearer TOKEN` with a token `entente serve` accepts",
        )
    }
    /// A server fault: logged once here, never shown.
    pub fn internal(what: impl std::fmt::Display) -> AppError {
        eprintln!("entente serve: error: {what}");
        AppError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the server failed to answer; the error is in its log",
        )
    }

    pub fn body(&self) -> ErrorBody {
        ErrorBody {
            error: self
                .status
                .canonical_reason()
                .unwrap_or("error")
                .to_lowercase(),
            detail: self.detail.clone(),
        }
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> AppError {
        match e {
            StoreError::NotFound(_) | StoreError::Ambiguous { .. } => {
                AppError::not_found(e.to_string())
            }
            StoreError::Search { .. } => AppError::bad_request(e.to_string()),
            other => AppError::internal(other),
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let mut r = (self.status, axum::Json(self.body())).into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            r.headers_mut().insert(
                axum::http::header::WWW_AUTHENTICATE,
                axum::http::HeaderValue::from_static("Bearer"),
            );
        }
        r
    }
}

pub type ApiResult<T> = Result<T, AppError>;
