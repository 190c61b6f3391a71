//! Bearer tokens: `Authorization: Bearer es_...`. A request without a valid token is answered
//! 401 before any handler runs.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use earshot_store::{TokenGrant, TokenRole};

use crate::{ApiError, AppState, ErrorCode};

/// The caller, as its token says.
pub struct Caller(pub TokenGrant);

impl Caller {
    /// Fails with 403 unless the token may read workspace data.
    pub fn reader(&self) -> Result<&str, ApiError> {
        if self.0.role.can_read() {
            Ok(&self.0.workspace)
        } else {
            Err(ApiError::new(
                ErrorCode::Forbidden,
                "this token may only send conversations",
            ))
        }
    }

    pub fn at_least(&self, role: TokenRole) -> Result<&str, ApiError> {
        if self.0.role >= role {
            Ok(&self.0.workspace)
        } else {
            Err(ApiError::new(
                ErrorCode::Forbidden,
                format!("this needs a {} token", role.as_str()),
            ))
        }
    }

    /// Ingest and admin tokens may send conversations.
    pub fn ingester(&self) -> Result<&str, ApiError> {
        match self.0.role {
            TokenRole::Ingest | TokenRole::Admin => Ok(&self.0.workspace),
            _ => Err(ApiError::new(
                ErrorCode::Forbidden,
                "this needs an ingest or admin token",
            )),
        }
    }
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Caller, ApiError> {
        let token = parts
            .headers
            .get(axum::http::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .ok_or_else(|| ApiError::new(ErrorCode::Unauthorized, "missing bearer token"))?
            .to_string();
        let store = state.store.clone();
        let grant = tokio::task::spawn_blocking(move || {
            let s = store
                .lock()
                .map_err(|_| ApiError::internal("store lock poisoned"))?;
            s.token_grant(&token).map_err(ApiError::from)
        })
        .await
        .map_err(ApiError::internal)??;
        grant
            .map(Caller)
            .ok_or_else(|| ApiError::new(ErrorCode::Unauthorized, "invalid or revoked token"))
    }
}
