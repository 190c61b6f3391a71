//! The `/api/v1` handlers, one function per route.

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, JsonRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use earshot_ingest::formats::{ImportFormat, ImportOptions};
use earshot_model::{Analysis, Conversation, Severity};
use earshot_store::{CaseKind, QueueFilter, Store, TokenRole, TrainingCase, Verdict};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::auth::Caller;
use crate::metrics::Metrics;
use crate::{ApiError, AppState, ErrorCode};

type ApiResult<T> = Result<T, ApiError>;

/// Runs store work off the async threads.
async fn with_store<T: Send + 'static>(
    state: &AppState,
    f: impl FnOnce(&mut dyn Store) -> ApiResult<T> + Send + 'static,
) -> ApiResult<T> {
    let store = state.store.clone();
    tokio::task::spawn_blocking(move || {
        let mut s = store
            .lock()
            .map_err(|_| ApiError::internal("store lock poisoned"))?;
        f(s.as_mut())
    })
    .await
    .map_err(ApiError::internal)?
}

pub async fn health(State(state): State<AppState>) -> ApiResult<Json<Value>> {
    let n = with_store(&state, |s| Ok(s.count_conversations()?)).await?;
    Ok(Json(
        json!({"status": "ok", "version": env!("CARGO_PKG_VERSION"), "conversations": n}),
    ))
}

pub async fn not_found() -> ApiError {
    ApiError::not_found()
}

#[derive(Serialize)]
struct Rejected {
    /// 1-based line (JSONL) or position in the array.
    line: u64,
    id: Option<String>,
    field: Option<String>,
    message: String,
}

/// `POST /api/v1/conversations`: one conversation, a JSON array, or JSONL
/// (`Content-Type: application/x-ndjson`). Valid conversations are analysed and stored; each
/// rejected one is listed by line and id.
pub async fn post_conversations(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    let workspace = caller.ingester()?.to_string();
    Metrics::add(&state.metrics.requests, 1);
    let body = body.map_err(body_error)?;
    let text = std::str::from_utf8(&body).map_err(|e| {
        ApiError::new(
            ErrorCode::InvalidJson,
            format!("body is not UTF-8 (byte {})", e.valid_up_to()),
        )
    })?;
    let ndjson = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| {
            ct.starts_with("application/x-ndjson") || ct.starts_with("application/jsonl")
        });

    // Each record as (line, JSON text).
    let records: Vec<(u64, String)> = if ndjson {
        text.lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(i, l)| (i as u64 + 1, l.to_string()))
            .collect()
    } else {
        let v: Value = serde_json::from_str(text).map_err(|e| ApiError {
            code: ErrorCode::InvalidJson,
            message: format!("malformed JSON: {e}"),
            line: Some(e.line() as u64),
            field: None,
        })?;
        match v {
            Value::Array(items) => items
                .into_iter()
                .enumerate()
                .map(|(i, v)| (i as u64 + 1, v.to_string()))
                .collect(),
            v @ Value::Object(_) => vec![(1, v.to_string())],
            _ => {
                return Err(ApiError::new(
                    ErrorCode::InvalidRequest,
                    "expected a conversation object or an array of them",
                ));
            }
        }
    };
    let mut rejected = Vec::new();
    let mut convs: Vec<Conversation> = Vec::new();
    for (line, json) in records {
        match earshot_ingest::parse_conversation(&json) {
            Ok(mut c) => {
                if let Some(w) = c.workspace.as_deref().filter(|w| *w != workspace) {
                    rejected.push(Rejected {
                        line,
                        id: Some(c.id.clone()),
                        field: Some("workspace".into()),
                        message: format!("workspace {w:?} is not this token's workspace"),
                    });
                    continue;
                }
                c.workspace = Some(workspace.clone());
                convs.push(c);
            }
            Err((field, message)) => {
                let id = serde_json::from_str::<Value>(&json)
                    .ok()
                    .and_then(|v| v["id"].as_str().map(str::to_string));
                rejected.push(Rejected {
                    line,
                    id,
                    field,
                    message,
                });
            }
        }
    }
    respond(&state, convs, rejected).await
}

/// Analyses and stores valid conversations (with their alerts) and answers with what was
/// accepted and what was rejected: 200, or 400 when nothing was valid.
async fn respond(
    state: &AppState,
    convs: Vec<Conversation>,
    rejected: Vec<Rejected>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    Metrics::add(&state.metrics.conversations_rejected, rejected.len() as u64);
    let results = ingest(state, convs).await?;
    let summary: Vec<Value> = results
        .iter()
        .map(|a| json!({"id": a.id, "risk": a.risk, "severity": a.severity.map(Severity::as_str), "findings": a.findings.len()}))
        .collect();
    let status = if summary.is_empty() && !rejected.is_empty() {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    let mut body =
        json!({"accepted": summary.len(), "rejected": rejected, "conversations": summary});
    if status == StatusCode::BAD_REQUEST {
        body["error"] = json!({"code": ErrorCode::InvalidRequest, "message": "no conversation in the request was valid"});
    }
    Ok((status, Json(body)))
}

/// Analyses conversations, then stores them with their findings and planned alerts in one
/// transaction, and wakes the alert worker.
async fn ingest(state: &AppState, convs: Vec<Conversation>) -> ApiResult<Vec<Analysis>> {
    // Analysis needs no store: it runs before the store is taken.
    let engine = state.engine.clone();
    let (convs, analyses, encoded) = tokio::task::spawn_blocking(move || {
        let analyses: Vec<_> = convs.iter().map(|c| engine.analyze(c)).collect();
        let encoded = convs
            .iter()
            .map(|c| earshot_store::encode(c, earshot_engine::VERSION))
            .collect::<Result<Vec<_>, _>>();
        (convs, analyses, encoded)
    })
    .await
    .map_err(ApiError::internal)?;
    let encoded = encoded?;
    let alerting = state.alerts.clone();
    let engine = state.engine.clone();
    let (results, planned) = with_store(state, move |s| {
        // A customer who complained before weighs more: scored again against the store before
        // alerts are planned, so that policies on risk see the final score.
        let mut analyses = analyses;
        crate::history::apply(&engine, s, &convs, &mut analyses)?;
        let rows: Vec<_> = convs
            .iter()
            .zip(&analyses)
            .zip(&encoded)
            .map(|((c, a), e)| (c, a, e))
            .collect();
        // Alerts are planned against the outbox as it stands and committed with the findings.
        let outbox = match &alerting {
            Some(a) => {
                let pairs: Vec<_> = convs.iter().zip(&analyses).collect();
                a.plan(s, &pairs, jiff::Timestamp::now())?
            }
            None => Vec::new(),
        };
        s.save_batch(&rows, &outbox)?;
        Ok((analyses, outbox.len()))
    })
    .await?;
    if planned > 0
        && let Some(a) = &state.alerts
    {
        a.wake();
    }
    Metrics::add(&state.metrics.conversations_analyzed, results.len() as u64);
    Metrics::add(
        &state.metrics.findings,
        results.iter().map(|a| a.findings.len() as u64).sum(),
    );
    Ok(results)
}

/// Options of `POST /api/v1/import/{format}`.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct ImportQuery {
    agent_speaker: Option<String>,
    agent_channel: Option<String>,
    /// Comma-separated.
    support_addresses: Option<String>,
    /// The file name used in error messages.
    filename: Option<String>,
}

/// `POST /api/v1/import/{format}`: one file of a helpdesk, e-mail, marketplace or transcript
/// format as the body; converted as `earshot import --from FORMAT` does, then analysed and
/// stored like `POST /api/v1/conversations`.
pub async fn import(
    State(state): State<AppState>,
    caller: Caller,
    Path(format): Path<String>,
    query: Result<Query<ImportQuery>, QueryRejection>,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    let workspace = caller.ingester()?.to_string();
    Metrics::add(&state.metrics.requests, 1);
    let Some(fmt) = ImportFormat::parse(&format) else {
        let names: Vec<&str> = ImportFormat::ALL.iter().map(|f| f.name()).collect();
        return Err(ApiError {
            code: ErrorCode::NotFound,
            message: format!(
                "unknown import format {format:?}; known formats: {}",
                names.join(", ")
            ),
            line: None,
            field: Some("format".into()),
        });
    };
    let Query(q) = query.map_err(|e| ApiError::new(ErrorCode::InvalidRequest, e.body_text()))?;
    let body = body.map_err(body_error)?;
    let opts = ImportOptions {
        agent_speaker: q.agent_speaker,
        agent_channel: q.agent_channel,
        support_addresses: q
            .support_addresses
            .map(|s| {
                s.split(',')
                    .map(|a| a.trim().to_string())
                    .filter(|a| !a.is_empty())
                    .collect()
            })
            .unwrap_or_default(),
        workspace: Some(workspace.clone()),
    };
    let name = q.filename.unwrap_or_else(|| "body".to_string());
    let results = tokio::task::spawn_blocking(move || {
        earshot_ingest::formats::import(fmt, &name, &body, &opts)
    })
    .await
    .map_err(ApiError::internal)?;
    let mut convs = Vec::new();
    let mut rejected = Vec::new();
    for r in results {
        match r {
            Ok(mut c) => {
                c.workspace = Some(workspace.clone());
                convs.push(c);
            }
            Err(e) => rejected.push(Rejected {
                line: e.line,
                id: e.id,
                field: e.field,
                message: e.message,
            }),
        }
    }
    respond(&state, convs, rejected).await
}

fn body_error(e: BytesRejection) -> ApiError {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        ApiError::new(
            ErrorCode::PayloadTooLarge,
            format!("body larger than {} bytes", crate::MAX_BODY_BYTES),
        )
    } else {
        ApiError::new(ErrorCode::InvalidRequest, e.body_text())
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrainingCaseBody {
    kind: CaseKind,
    note: Option<String>,
}

/// `POST /api/v1/conversations/{id}/training-case`: marks the conversation as a good or bad
/// training case (reviewers and admins).
pub async fn mark_training_case(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    body: Result<Json<TrainingCaseBody>, JsonRejection>,
) -> ApiResult<Json<Value>> {
    let workspace = caller.at_least(TokenRole::Reviewer)?.to_string();
    Metrics::add(&state.metrics.requests, 1);
    let Json(body) = body.map_err(|e| ApiError::new(ErrorCode::InvalidJson, e.body_text()))?;
    let case = TrainingCase {
        workspace,
        conversation_id: id,
        kind: body.kind,
        note: body.note,
        marked_by: None,
        marked_at: String::new(),
    };
    let c = case.clone();
    let found = with_store(&state, move |s| Ok(s.mark_training_case(&c)?)).await?;
    if !found {
        return Err(ApiError::not_found());
    }
    Ok(Json(
        json!({"conversation": case.conversation_id, "kind": case.kind}),
    ))
}

pub async fn get_conversation(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> ApiResult<Json<Value>> {
    let workspace = caller.reader()?.to_string();
    Metrics::add(&state.metrics.requests, 1);
    let found = with_store(&state, move |s| {
        let Some((conv, analysis)) = s.conversation(&workspace, &id)? else {
            return Ok(None);
        };
        let findings = s.stored_findings(&workspace, &id)?;
        Ok(Some((conv, analysis, findings)))
    })
    .await?;
    let (conv, a, findings) = found.ok_or_else(ApiError::not_found)?;
    Ok(Json(json!({
        "conversation": conv,
        "analysis": {
            "language": a.language, "risk": a.risk, "severity": a.severity.map(Severity::as_str),
            "satisfaction": a.satisfaction, "scores": a.scores, "risk_explanation": a.risk_explanation,
            "turns": a.turns, "diagnostics": a.diagnostics,
        },
        "findings": findings,
    })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListQuery {
    top: Option<String>,
    severity: Option<String>,
    code: Option<String>,
    agent: Option<String>,
    channel: Option<String>,
    language: Option<String>,
    from: Option<String>,
    to: Option<String>,
    limit: Option<usize>,
    offset: Option<usize>,
}

/// `GET /api/v1/conversations`: the risk queue, riskiest first, paginated.
pub async fn list_conversations(
    State(state): State<AppState>,
    caller: Caller,
    query: Result<Query<ListQuery>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<Json<Value>> {
    let workspace = caller.reader()?.to_string();
    Metrics::add(&state.metrics.requests, 1);
    let Query(q) = query.map_err(|e| ApiError::new(ErrorCode::InvalidRequest, e.body_text()))?;
    let top1pct_only = match q.top.as_deref() {
        None => false,
        Some("1pct") => true,
        Some(other) => {
            return Err(ApiError {
                field: Some("top".into()),
                ..ApiError::new(
                    ErrorCode::InvalidRequest,
                    format!("top={other}: only 1pct is known"),
                )
            });
        }
    };
    let min_severity = q
        .severity
        .as_deref()
        .map(|s| {
            Severity::parse(s).ok_or_else(|| ApiError {
                field: Some("severity".into()),
                ..ApiError::new(ErrorCode::InvalidRequest, format!("unknown severity {s:?}"))
            })
        })
        .transpose()?;
    for (name, v) in [("from", &q.from), ("to", &q.to)] {
        if let Some(v) = v
            && v.parse::<jiff::Timestamp>().is_err()
        {
            return Err(ApiError {
                field: Some(name.into()),
                ..ApiError::new(
                    ErrorCode::InvalidRequest,
                    format!("{name}={v:?} is not an RFC 3339 timestamp"),
                )
            });
        }
    }
    let limit = q.limit.unwrap_or(50).clamp(1, 500);
    let offset = q.offset.unwrap_or(0);
    let filter = QueueFilter {
        workspace: Some(workspace),
        min_severity,
        code: q.code,
        agent: q.agent,
        channel: q.channel,
        language: q.language,
        from: q.from.map(|t| normalise_ts(&t)),
        to: q.to.map(|t| normalise_ts(&t)),
        top1pct_only,
        limit,
        offset,
    };
    let items = with_store(&state, move |s| Ok(s.queue(&filter)?)).await?;
    let next = (items.len() == limit).then_some(offset + limit);
    Ok(Json(
        json!({"items": items, "limit": limit, "offset": offset, "next_offset": next}),
    ))
}

/// Stored timestamps are jiff's RFC 3339 in UTC; compare like with like.
fn normalise_ts(t: &str) -> String {
    t.parse::<jiff::Timestamp>()
        .map(|t| t.to_string())
        .unwrap_or_else(|_| t.to_string())
}

pub async fn agent_scorecard(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> ApiResult<Json<Value>> {
    let workspace = caller.reader()?.to_string();
    Metrics::add(&state.metrics.requests, 1);
    let card = with_store(&state, move |s| Ok(s.agent_scorecard(&workspace, &id)?)).await?;
    let card = card.ok_or_else(ApiError::not_found)?;
    Ok(Json(
        serde_json::to_value(card).map_err(ApiError::internal)?,
    ))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewBody {
    verdict: Verdict,
    comment: Option<String>,
    reviewer: Option<String>,
}

pub async fn review_finding(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    body: Result<Json<ReviewBody>, axum::extract::rejection::JsonRejection>,
) -> ApiResult<Json<Value>> {
    let workspace = caller.at_least(TokenRole::Reviewer)?.to_string();
    Metrics::add(&state.metrics.requests, 1);
    let Json(body) = body.map_err(|e| ApiError::new(ErrorCode::InvalidJson, e.body_text()))?;
    let verdict = body.verdict;
    let ok = with_store(&state, move |s| {
        Ok(s.review(
            &workspace,
            id,
            verdict,
            body.comment.as_deref(),
            body.reviewer.as_deref(),
        )?)
    })
    .await?;
    if !ok {
        return Err(ApiError::not_found());
    }
    Ok(Json(json!({"finding_id": id, "verdict": verdict})))
}
