//! Who is calling: an IAM token in `X-Auth-Token`, or an AK/SK-signed request. Runs as a
//! layer on the SWR routes only, after routing, as the API gateway does.

use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use chrono::{NaiveDateTime, Utc};

use crate::errors::{apigw, code, SwrError};
use crate::signer;
use crate::Shared;

/// The authenticated caller, put into the request's extensions.
#[derive(Clone, Debug)]
pub struct Identity {
    pub user_id: String,
    pub user_name: String,
}

const MAX_BODY: usize = 1 << 20;
/// The API gateway refuses signatures older or newer than this.
const MAX_SKEW_MINUTES: i64 = 15;

pub async fn require_identity(State(emu): State<Shared>, req: Request, next: Next) -> Response {
    let (mut parts, body) = req.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_BODY).await else {
        return SwrError::new(413, "SVCSTG.SWR.4131001", "Request body too large").into_response();
    };
    match identify(&emu, &parts, &bytes) {
        Ok(id) => {
            parts.extensions.insert(id);
            next.run(Request::from_parts(parts, Body::from(bytes)))
                .await
        }
        Err(resp) => resp,
    }
}

fn header(parts: &Parts, name: &str) -> Option<String> {
    parts
        .headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

pub fn identify(emu: &Shared, parts: &Parts, body: &[u8]) -> Result<Identity, Response> {
    let store = emu.store.lock().unwrap();
    if let Some(token) = header(parts, "x-auth-token") {
        let now = emu.clock.now();
        return match store.tokens.get(token.trim()) {
            Some(t) if t.expires_at > now => {
                let user = store.user(&t.user_id).ok_or_else(auth_failed)?;
                Ok(Identity {
                    user_id: user.id.clone(),
                    user_name: user.name.clone(),
                })
            }
            _ => Err(auth_failed()),
        };
    }
    if let Some(authz) = header(parts, "authorization") {
        let bad = || {
            apigw(
                401,
                "APIGW.0301",
                "Incorrect IAM authentication information: verify aksk signature fail",
            )
        };
        let auth = signer::parse_authorization(&authz).ok_or_else(bad)?;
        let key = store
            .access_keys
            .iter()
            .find(|k| k.ak == auth.access)
            .ok_or_else(|| {
                apigw(
                    401,
                    "APIGW.0301",
                    "Incorrect IAM authentication information: ak not found",
                )
            })?;
        let date = header(parts, "x-sdk-date").ok_or_else(bad)?;
        let signed_at = NaiveDateTime::parse_from_str(&date, "%Y%m%dT%H%M%SZ")
            .map_err(|_| bad())?
            .and_utc();
        // Signatures are checked against real time: the SDK signs with the wall clock even
        // when a test has moved the emulator's share clock.
        if (Utc::now() - signed_at).num_minutes().abs() > MAX_SKEW_MINUTES {
            return Err(apigw(
                401,
                "APIGW.0303",
                "Incorrect app authentication information: request expired",
            ));
        }
        let lookup = |h: &str| header(parts, h);
        let req = signer::SignedRequest {
            method: parts.method.as_str(),
            raw_path: parts.uri.path(),
            raw_query: parts.uri.query(),
            header: &lookup,
            body,
        };
        if !signer::verify(&req, &auth, &key.sk) {
            return Err(bad());
        }
        let user = store
            .users
            .iter()
            .find(|u| u.name == key.user)
            .ok_or_else(bad)?;
        return Ok(Identity {
            user_id: user.id.clone(),
            user_name: user.name.clone(),
        });
    }
    Err(SwrError::new(
        401,
        code::NO_CREDENTIALS,
        "No user token or AK/SK found in the request",
    )
    .into_response())
}

fn auth_failed() -> Response {
    SwrError::new(
        401,
        code::AUTH_FAILED,
        "Authenticate failed: the token is invalid or expired",
    )
    .into_response()
}
