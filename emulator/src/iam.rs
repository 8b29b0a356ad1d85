//! IAM's token API: password sign-in (`POST /v3/auth/tokens`, token in `X-Subject-Token`)
//! and token validation (`GET /v3/auth/tokens`).

use std::collections::HashMap;

use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

use crate::errors::{iam, json_body};
use crate::store::{Store, Token};
use crate::Shared;

fn iam_time(t: chrono::DateTime<chrono::Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string()
}

fn token_body(store: &Store, t: &Token, base_url: &str, catalog: bool) -> Value {
    let user = store.user(&t.user_id).expect("tokens belong to users");
    let mut token = json!({
        "methods": ["password"],
        "expires_at": iam_time(t.expires_at),
        "issued_at": iam_time(t.issued_at),
        "user": { "id": user.id, "name": user.name, "domain": { "id": user.domain.id, "name": user.domain.name }, "password_expires_at": "" },
        "project": { "id": store.project.id, "name": store.project.name, "domain": { "id": user.domain.id, "name": user.domain.name } },
        "roles": [ { "id": "0", "name": "te_admin" } ],
    });
    if catalog {
        token["catalog"] = catalog_entries(&store.region, base_url);
    }
    json!({ "token": token })
}

/// The service catalog with the entries clients look up, each URL with its version path
/// as the cloud's catalog has it: `swr` (the bare API host, as the Huawei SDKs and
/// Terraform use it), `swrv2` (OpenStack-based clients such as otcextensions append
/// `manage/…` to it) and `identity` (keystoneauth expects `/v3`).
pub fn catalog_entries(region: &str, base_url: &str) -> Value {
    let entry = |name: &str, kind: &str, url: String| {
        json!({ "id": format!("{kind}-emulator"), "name": name, "type": kind, "endpoints": [
            { "id": format!("{kind}-{region}"), "interface": "public", "region": region, "region_id": region, "url": url }
        ] })
    };
    json!([
        entry("swr", "swr", base_url.to_string()),
        entry("swr", "swrv2", format!("{base_url}/v2")),
        entry("iam", "identity", format!("{base_url}/v3")),
    ])
}

/// `GET /v3`: Keystone's version document, which OpenStack clients read before anything else.
pub async fn version(headers: HeaderMap) -> Response {
    let base = base_url(&headers);
    json_body(&json!({ "version": {
        "id": "v3.0", "status": "stable", "updated": "2013-03-06T00:00:00Z",
        "links": [ { "rel": "self", "href": format!("{base}/v3/") } ],
        "media-types": [ { "base": "application/json", "type": "application/vnd.openstack.identity-v3+json" } ],
    } }))
}

fn base_url(headers: &HeaderMap) -> String {
    format!(
        "http://{}",
        headers
            .get("host")
            .and_then(|h| h.to_str().ok())
            .unwrap_or("127.0.0.1")
    )
}

pub async fn create_token(
    State(emu): State<Shared>,
    Query(q): Query<HashMap<String, String>>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    let Ok(v) = serde_json::from_slice::<Value>(&body) else {
        return iam(400, "The request body is not valid JSON.");
    };
    let identity = &v["auth"]["identity"];
    let methods = identity["methods"].as_array().cloned().unwrap_or_default();
    if !methods.iter().any(|x| x == "password") {
        return iam(
            400,
            "Only the password method (with totp for virtual MFA) is supported by the emulator.",
        );
    }
    let totp = methods
        .iter()
        .any(|x| x == "totp")
        .then(|| identity["totp"]["user"].clone());
    let user = &identity["password"]["user"];
    let (Some(name), Some(password), Some(domain)) = (
        user["name"].as_str(),
        user["password"].as_str(),
        user["domain"]["name"].as_str(),
    ) else {
        return iam(400, "Request parameters are missing: auth.identity.password.user.{name,password,domain.name}.");
    };
    let project = v["auth"]["scope"]["project"]["name"].as_str();
    let now = emu.clock.now();
    let catalog = q.get("nocatalog").is_none_or(|n| n != "true");
    emu.mutate(|store| {
        let Some(uid) = store
            .users
            .iter()
            .find(|u| u.name == name && u.domain.name == domain && u.password == password)
            .map(|u| u.id.clone())
        else {
            return iam(401, "The username or password is wrong.");
        };
        if let Err(refused) = check_mfa(store.user(&uid).unwrap(), totp.as_ref(), now) {
            return refused;
        }
        if project.is_some_and(|p| p != store.project.name) {
            return iam(
                400,
                &format!(
                    "Project {} does not exist in this region.",
                    project.unwrap_or_default()
                ),
            );
        }
        let (token, t) = store.issue_token(&uid, now);
        let with_totp = store.user(&uid).is_some_and(|u| u.totp_secret.is_some());
        let mut resp = (
            StatusCode::CREATED,
            json_body(&with_methods(
                token_body(store, &t, &base_url(&headers), catalog),
                with_totp,
            )),
        )
            .into_response();
        resp.headers_mut()
            .insert("x-subject-token", HeaderValue::from_str(&token).unwrap());
        resp
    })
    .await
}

/// Keystone's validate call: the caller's token in `X-Auth-Token`, the one to check in
/// `X-Subject-Token`. The app uses it to show when a pasted token expires.
pub async fn validate_token(State(emu): State<Shared>, headers: HeaderMap) -> Response {
    let get = |h: &str| headers.get(h).and_then(|v| v.to_str().ok()).map(str::trim);
    let now = emu.clock.now();
    let store = emu.store.lock().unwrap();
    let live = |tok: Option<&str>| {
        tok.and_then(|t| store.tokens.get(t))
            .filter(|t| t.expires_at > now)
    };
    if live(get("x-auth-token")).is_none() {
        return iam(401, "The request you have made requires authentication.");
    }
    match live(get("x-subject-token")) {
        Some(t) => {
            let mut resp = json_body(&token_body(&store, t, &base_url(&headers), false));
            resp.headers_mut().insert(
                "x-subject-token",
                HeaderValue::from_str(get("x-subject-token").unwrap()).unwrap(),
            );
            resp
        }
        None => iam(404, "The token does not exist or has expired."),
    }
}

fn with_methods(mut body: Value, totp: bool) -> Value {
    if totp {
        body["token"]["methods"] = json!(["password", "totp"]);
    }
    body
}

/// Virtual MFA login protection: a user with a TOTP secret needs `"methods": ["password",
/// "totp"]` and `totp.user.{id, passcode}` (the OTC page's example writes `name` for `id`;
/// both are taken). Other users' `totp` is ignored.
fn check_mfa(
    user: &crate::store::User,
    totp: Option<&Value>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), Response> {
    let Some(secret) = &user.totp_secret else {
        return Ok(());
    };
    let Some(totp) = totp.filter(|t| t.is_object()) else {
        return Err(iam_coded(
            400,
            "IAM.0007",
            "Request parameter auth.identity.totp is invalid.",
        ));
    };
    let names_user = totp["id"].as_str() == Some(user.id.as_str())
        || totp["name"].as_str() == Some(user.name.as_str());
    if !names_user {
        return Err(iam_coded(
            400,
            "IAM.0007",
            "Request parameter auth.identity.totp.user.id is invalid.",
        ));
    }
    match totp["passcode"].as_str() {
        Some(code) if crate::totp::accepts(secret, code, now) => Ok(()),
        _ => Err(iam(401, "The verification code is incorrect.")),
    }
}

/// An error of IAM's own error-code table (`error_code` / `error_msg`), as IAM answers for
/// request checks, beside Keystone's `error.{code,message,title}`.
fn iam_coded(status: u16, code: &str, msg: &str) -> Response {
    (
        StatusCode::from_u16(status).unwrap(),
        json_body(&json!({ "error_code": code, "error_msg": msg })),
    )
        .into_response()
}
