//! The emulator's own control API under `/_emulator` (a prefix SWR does not use): clock,
//! latency, faults, the gateway's rate limit, wire options, tokens for tests, reset, a
//! state dump and the journal of changes carried out.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use chrono::{DateTime, Duration, Utc};
use serde::Deserialize;
use serde_json::json;

use crate::clock::ClockMode;
use crate::faults::Fault;
use crate::{ErrorShape, MissingShare, Shared};

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/health", get(|| async { Json(json!({"status": "ok"})) }))
        .route("/clock", get(clock).put(set_clock).delete(reset_clock))
        .route("/latency", put(set_latency))
        .route(
            "/faults",
            get(list_faults).post(add_fault).delete(clear_faults),
        )
        .route("/options", get(options).put(set_options))
        .route("/rate-limit", get(rate_limit).put(set_rate_limit))
        .route("/journal", get(journal))
        .route("/tokens", post(issue_token))
        .route("/totp/{user}", get(totp_code))
        .route("/reset", post(reset))
        .route("/state", get(state))
        .layer(axum::middleware::from_fn(plain_rejections_as_400))
}

/// A control request the framework cannot read (bad JSON, a number out of range) is a 400
/// with the reason, like every other refused control input.
async fn plain_rejections_as_400(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let resp = next.run(req).await;
    let status = resp.status();
    if !(status.is_client_error()) || status == StatusCode::NOT_FOUND {
        return resp;
    }
    let is_json = resp
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("json"));
    if is_json {
        return resp;
    }
    let bytes = axum::body::to_bytes(resp.into_body(), 64 * 1024)
        .await
        .unwrap_or_default();
    bad(String::from_utf8_lossy(&bytes).trim().to_string())
}

fn bad(msg: impl Into<String>) -> Response {
    (StatusCode::BAD_REQUEST, Json(json!({"error": msg.into()}))).into_response()
}

async fn clock(State(emu): State<Shared>) -> Response {
    Json(json!({"now": emu.clock.now(), "mode": emu.clock.mode()})).into_response()
}

#[derive(Deserialize)]
struct ClockChange {
    /// Freeze the clock at this instant.
    now: Option<DateTime<Utc>>,
    /// Run in real time shifted by this much.
    offset_seconds: Option<i64>,
    /// Move the clock by this much, keeping its mode.
    advance_seconds: Option<i64>,
}

async fn set_clock(State(emu): State<Shared>, Json(c): Json<ClockChange>) -> Response {
    let changed = match (c.now, c.offset_seconds, c.advance_seconds) {
        (Some(now), None, None) => emu.clock.set(ClockMode::Fixed { now }),
        (None, Some(s), None) => match s.checked_mul(1000) {
            Some(offset_ms) => emu.clock.set(ClockMode::Offset { offset_ms }),
            None => Err("offset_seconds is out of range".into()),
        },
        (None, None, Some(s)) => emu.clock.advance_seconds(s),
        _ => return bad("give exactly one of now, offset_seconds, advance_seconds"),
    };
    if let Err(e) = changed {
        return bad(e);
    }
    clock(State(emu)).await
}

async fn reset_clock(State(emu): State<Shared>) -> Response {
    let _ = emu.clock.set(ClockMode::Real);
    clock(State(emu)).await
}

#[derive(Deserialize)]
struct Latency {
    ms: u64,
}

/// Longest latency the controls accept: ten minutes.
const MAX_LATENCY_MS: u64 = 600_000;

async fn set_latency(State(emu): State<Shared>, Json(l): Json<Latency>) -> Response {
    if l.ms > MAX_LATENCY_MS {
        return bad(format!("ms must be at most {MAX_LATENCY_MS}"));
    }
    *emu.faults.latency_ms.lock().unwrap() = l.ms;
    Json(json!({"ms": l.ms})).into_response()
}

async fn list_faults(State(emu): State<Shared>) -> Response {
    Json(json!(*emu.faults.rules.lock().unwrap())).into_response()
}

async fn add_fault(State(emu): State<Shared>, Json(f): Json<Fault>) -> Response {
    if f.times == Some(0) {
        return bad("times must be at least 1 (leave it out for a fault that stays)");
    }
    if matches!(f.kind, crate::faults::FaultKind::Delay { ms } if ms > MAX_LATENCY_MS) {
        return bad(format!("ms must be at most {MAX_LATENCY_MS}"));
    }
    emu.faults.rules.lock().unwrap().push(f.clone());
    (StatusCode::CREATED, Json(json!(f))).into_response()
}

async fn clear_faults(State(emu): State<Shared>) -> Response {
    emu.faults.rules.lock().unwrap().clear();
    StatusCode::NO_CONTENT.into_response()
}

async fn options(State(emu): State<Shared>) -> Response {
    let o = emu.options();
    Json(json!({"error_shape": o.error_shape, "missing_share": o.missing_share})).into_response()
}

#[derive(Deserialize)]
struct OptionsChange {
    error_shape: Option<ErrorShape>,
    missing_share: Option<MissingShare>,
}

async fn set_options(State(emu): State<Shared>, Json(c): Json<OptionsChange>) -> Response {
    {
        let mut o = emu.options.lock().unwrap();
        if let Some(s) = c.error_shape {
            o.error_shape = s;
        }
        if let Some(m) = c.missing_share {
            o.missing_share = m;
        }
    }
    options(State(emu)).await
}

#[derive(Deserialize)]
struct TokenRequest {
    user: String,
    /// Lifetime in seconds; IAM's 24 h when absent.
    expires_in_seconds: Option<i64>,
}

async fn issue_token(State(emu): State<Shared>, Json(r): Json<TokenRequest>) -> Response {
    let now = emu.clock.now();
    emu.mutate(|store| {
        let Some(uid) = store
            .users
            .iter()
            .find(|u| u.name == r.user)
            .map(|u| u.id.clone())
        else {
            return bad(format!("no user {}", r.user));
        };
        let (token, mut t) = store.issue_token(&uid, now);
        if let Some(s) = r.expires_in_seconds {
            t.expires_at = now + Duration::seconds(s);
            store.tokens.insert(token.clone(), t.clone());
        }
        (
            StatusCode::CREATED,
            Json(json!({"token": token, "expires_at": t.expires_at})),
        )
            .into_response()
    })
    .await
}

#[derive(Deserialize)]
struct RateLimit {
    per_second: u32,
}

async fn rate_limit(State(emu): State<Shared>) -> Response {
    Json(json!({"per_second": emu.throttle.per_second()})).into_response()
}

async fn set_rate_limit(State(emu): State<Shared>, Json(r): Json<RateLimit>) -> Response {
    emu.throttle.set(r.per_second);
    rate_limit(State(emu)).await
}

async fn journal(State(emu): State<Shared>) -> Response {
    Json(json!(emu.journal.entries())).into_response()
}

/// Fresh state from the demo data; clock, latency, faults and the rate limit back to how
/// the emulator started; the journal emptied.
async fn reset(State(emu): State<Shared>) -> Response {
    let _ = emu.clock.set(ClockMode::Real);
    *emu.faults.latency_ms.lock().unwrap() = 0;
    emu.faults.rules.lock().unwrap().clear();
    emu.throttle.set(emu.throttle.initial);
    emu.journal.clear();
    let fresh = emu.seed.build(emu.clock.now());
    emu.mutate(|store| *store = fresh).await;
    StatusCode::NO_CONTENT.into_response()
}

#[derive(Deserialize)]
struct StateQuery {
    /// Only this organization's part of `namespaces` (the rest of the state as it is).
    namespace: Option<String>,
}

async fn state(
    State(emu): State<Shared>,
    axum::extract::Query(q): axum::extract::Query<StateQuery>,
) -> Response {
    let store = emu.store.lock().unwrap();
    let Some(ns) = q.namespace else {
        return ([("content-type", "application/json")], store.to_json()).into_response();
    };
    let mut v = serde_json::to_value(&*store).expect("store serializes");
    if let Some(all) = v.get_mut("namespaces").and_then(|n| n.as_object_mut()) {
        all.retain(|k, _| *k == ns);
    }
    Json(v).into_response()
}

/// The current virtual-MFA code of a demo user, by the emulator's clock: what the user's
/// authenticator app would show. For tests; a person can add the secret to any app.
async fn totp_code(
    State(emu): State<Shared>,
    axum::extract::Path(user): axum::extract::Path<String>,
) -> Response {
    let now = emu.clock.now();
    let store = emu.store.lock().unwrap();
    let Some(secret) = store
        .users
        .iter()
        .find(|u| u.name == user)
        .and_then(|u| u.totp_secret.clone())
    else {
        return bad(format!("{user} has no virtual MFA device"));
    };
    let step = crate::totp::STEP_SECONDS;
    Json(json!({
        "user": user,
        "secret": secret,
        "code": crate::totp::current_code(&secret, now),
        "step_seconds": step,
        "seconds_left": step - now.timestamp().rem_euclid(step),
    }))
    .into_response()
}
