//! Both ways of authenticating (IAM token, AK/SK signature) and the IAM token API.

mod common;

use common::*;
use reqwest::Method;
use serde_json::{json, Value};
use swr_emulator::signer;

fn password_body(user: &str, password: &str) -> Value {
    json!({"auth": {"identity": {"methods": ["password"], "password": {"user": {
        "name": user, "password": password, "domain": {"name": "acme"}}}},
        "scope": {"project": {"name": "eu-de"}}}})
}

#[tokio::test]
async fn password_sign_in_returns_a_usable_token() {
    let e = start().await;
    let r = e
        .http
        .post(e.url("/v3/auth/tokens"))
        .json(&password_body("alice", "Demo-Passw0rd"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let token = r.headers()["x-subject-token"].to_str().unwrap().to_string();
    let body: Value = r.json().await.unwrap();
    let t = &body["token"];
    let issued = chrono::DateTime::parse_from_rfc3339(t["issued_at"].as_str().unwrap()).unwrap();
    let expires = chrono::DateTime::parse_from_rfc3339(t["expires_at"].as_str().unwrap()).unwrap();
    assert_eq!((expires - issued).num_hours(), 24);
    assert_eq!(t["user"]["name"], "alice");
    assert_eq!(t["user"]["domain"]["name"], "acme");
    assert_eq!(t["project"]["name"], "eu-de");
    let swr = t["catalog"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["type"] == "swr")
        .expect("SWR in the catalog");
    assert_eq!(swr["endpoints"][0]["url"], e.base);

    let r = e
        .req(Method::GET, &shares_path(NS, REPO), &token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);

    // nocatalog drops the catalog; the token is still issued.
    let r = e
        .http
        .post(e.url("/v3/auth/tokens?nocatalog=true"))
        .json(&password_body("alice", "Demo-Passw0rd"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let body: Value = r.json().await.unwrap();
    assert!(body["token"].get("catalog").is_none());
}

#[tokio::test]
async fn wrong_password_gets_an_iam_error() {
    let e = start().await;
    let (s, b) = read(
        e.http
            .post(e.url("/v3/auth/tokens"))
            .json(&password_body("alice", "nope"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(s, 401);
    assert_eq!(b["error"]["code"], 401);
    assert!(b["error"]["message"].as_str().unwrap().contains("password"));
    let (s, _) = read(
        e.http
            .post(e.url("/v3/auth/tokens"))
            .body("{")
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(s, 400);
}

#[tokio::test]
async fn token_validation_reports_expiry() {
    let e = start().await;
    let t = e.token("alice").await;
    let r = e
        .http
        .get(e.url("/v3/auth/tokens"))
        .header("X-Auth-Token", &t)
        .header("X-Subject-Token", &t)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let b: Value = r.json().await.unwrap();
    assert!(b["token"]["expires_at"].as_str().unwrap().ends_with('Z'));
    let r = e
        .http
        .get(e.url("/v3/auth/tokens"))
        .header("X-Auth-Token", &t)
        .header("X-Subject-Token", "bogus")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
}

#[tokio::test]
async fn missing_unknown_and_expired_tokens_are_401() {
    let e = start().await;
    let path = shares_path(NS, REPO);
    let (s, b) = read(e.http.get(e.url(&path)).send().await.unwrap()).await;
    assert_eq!((s, error_code(&b)), (401, "SVCSTG.S2I.4019000"));
    let (s, b) = e.call(Method::GET, &path, "MIIbogus", None).await;
    assert_eq!((s, error_code(&b)), (401, "SVCSTG.SWR.4010000"));

    let t = e.token("alice").await;
    e.admin(
        Method::PUT,
        "/clock",
        json!({"advance_seconds": 24 * 3600 - 60}),
    )
    .await;
    assert_eq!(
        e.req(Method::GET, &path, &t).send().await.unwrap().status(),
        200,
        "still valid a minute before 24 h"
    );
    e.admin(Method::PUT, "/clock", json!({"advance_seconds": 61}))
        .await;
    let (s, b) = e.call(Method::GET, &path, &t, None).await;
    assert_eq!((s, error_code(&b)), (401, "SVCSTG.SWR.4010000"));
}

/// Signs like the official SDKs (the algorithm itself is checked against a vector from the
/// Python SDK in the unit tests, and live by `tests/sdk`).
fn signed(
    e: &Emu,
    method: Method,
    path_and_query: &str,
    body: &str,
    ak: &str,
    sk: &str,
    date: &str,
) -> reqwest::RequestBuilder {
    let host = e.base.trim_start_matches("http://").to_string();
    let (path, query) = path_and_query
        .split_once('?')
        .map(|(p, q)| (p, Some(q)))
        .unwrap_or((path_and_query, None));
    let lookup = |h: &str| match h {
        "content-type" => Some("application/json".to_string()),
        "host" => Some(host.clone()),
        "x-sdk-date" => Some(date.to_string()),
        _ => None,
    };
    let req = signer::SignedRequest {
        method: method.as_str(),
        raw_path: path,
        raw_query: query,
        header: &lookup,
        body: body.as_bytes(),
    };
    let headers: Vec<String> = ["content-type", "host", "x-sdk-date"]
        .map(String::from)
        .to_vec();
    let sig = signer::sign(sk, date, &signer::canonical_request(&req, &headers));
    e.http
        .request(method, e.url(path_and_query))
        .header("Content-Type", "application/json")
        .header("X-Sdk-Date", date)
        .header("Authorization", format!("SDK-HMAC-SHA256 Access={ak}, SignedHeaders=content-type;host;x-sdk-date, Signature={sig}"))
        .body(body.to_string())
}

const AK: &str = "EMUAKALICE0000000001";
const SK: &str = "emulatorSecretKeyForAliceDoNotUseInProd01";

fn now_sdk_date() -> String {
    chrono::Utc::now().format("%Y%m%dT%H%M%SZ").to_string()
}

#[tokio::test]
async fn aksk_signed_requests_are_verified() {
    let e = start().await;
    let path = shares_path(NS, "tools$builder");
    let body = r#"{"access_domain":"signed-partner","permit":"read","deadline":"forever"}"#;
    let r = signed(&e, Method::POST, &path, body, AK, SK, &now_sdk_date())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let (s, list) = read(
        signed(&e, Method::GET, &path, "", AK, SK, &now_sdk_date())
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(s, 200);
    assert!(list
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["access_domain"] == "signed-partner" && r["creator_name"] == "alice"));
    let (s, _) = read(
        signed(
            &e,
            Method::GET,
            "/v2/manage/repos?namespace=acme-prod&is_public=false",
            "",
            AK,
            SK,
            &now_sdk_date(),
        )
        .send()
        .await
        .unwrap(),
    )
    .await;
    assert_eq!(s, 200, "query strings are part of the signature");

    // A wrong secret, an unknown key, a tampered body and a stale date are all refused.
    let (s, b) = read(
        signed(&e, Method::GET, &path, "", AK, "wrong", &now_sdk_date())
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!((s, error_code(&b)), (401, "APIGW.0301"));
    let (s, b) = read(
        signed(&e, Method::GET, &path, "", "NOSUCHAK", SK, &now_sdk_date())
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!((s, error_code(&b)), (401, "APIGW.0301"));
    let tampered = signed(&e, Method::POST, &path, body, AK, SK, &now_sdk_date())
        .body(body.replace("signed-partner", "evil-partner"))
        .send()
        .await
        .unwrap();
    assert_eq!(tampered.status(), 401);
    let stale = (chrono::Utc::now() - chrono::Duration::minutes(20))
        .format("%Y%m%dT%H%M%SZ")
        .to_string();
    let (s, b) = read(
        signed(&e, Method::GET, &path, "", AK, SK, &stale)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!((s, error_code(&b)), (401, "APIGW.0303"));
}

#[tokio::test]
async fn aksk_caller_without_manage_gets_403() {
    let e = start().await;
    let body = r#"{"access_domain":"x1","permit":"read","deadline":"forever"}"#;
    let r = signed(
        &e,
        Method::POST,
        &shares_path(NS, "empty-repo"),
        body,
        "EMUAKBOB000000000002",
        "emulatorSecretKeyForBobDoNotUseInProd0002",
        &now_sdk_date(),
    )
    .send()
    .await
    .unwrap();
    let (s, b) = read(r).await;
    assert_eq!((s, error_code(&b)), (403, "SVCSTG.SWR.4039002"));
}

mod virtual_mfa {
    use super::*;

    const MIA: &str = "5f7b9d1f3a4e46988a11aabbccddee05";

    fn body(totp: Option<Value>) -> Value {
        let mut identity = json!({
            "methods": ["password"],
            "password": {"user": {"name": "mia", "password": "Demo-Passw0rd", "domain": {"name": "acme"}}},
        });
        if let Some(t) = totp {
            identity["methods"] = json!(["password", "totp"]);
            identity["totp"] = json!({ "user": t });
        }
        json!({"auth": {"identity": identity, "scope": {"project": {"name": "eu-de"}}}})
    }

    async fn sign_in(e: &Emu, totp: Option<Value>) -> (u16, Value, bool) {
        let r = e
            .http
            .post(e.url("/v3/auth/tokens?nocatalog=true"))
            .json(&body(totp))
            .send()
            .await
            .unwrap();
        let has_token = r.headers().get("x-subject-token").is_some();
        let (status, body) = read(r).await;
        (status, body, has_token)
    }

    /// An emulator whose clock stands still: a code stays the current one.
    async fn frozen() -> Emu {
        let e = start().await;
        e.admin(
            Method::PUT,
            "/clock",
            json!({"now": "2030-06-11T10:00:05Z"}),
        )
        .await;
        e
    }

    async fn code(e: &Emu) -> String {
        let r: Value = e
            .admin(Method::GET, "/totp/mia", json!(null))
            .await
            .json()
            .await
            .unwrap();
        r["code"].as_str().unwrap().to_string()
    }

    #[tokio::test]
    async fn password_only_is_refused_with_iam_0007() {
        let e = start().await;
        let (status, body, has_token) = sign_in(&e, None).await;
        assert_eq!((status, has_token), (400, false));
        assert_eq!(body["error_code"], "IAM.0007");
        assert!(body["error_msg"].as_str().unwrap().contains("totp"));
    }

    #[tokio::test]
    async fn the_current_code_signs_in_and_a_wrong_one_does_not() {
        let e = frozen().await;
        let right = code(&e).await;
        let wrong = format!("{:06}", (right.parse::<u32>().unwrap() + 1) % 1_000_000);
        let (status, body, has_token) =
            sign_in(&e, Some(json!({"id": MIA, "passcode": wrong}))).await;
        assert_eq!((status, has_token), (401, false), "{body}");
        let (status, body, has_token) =
            sign_in(&e, Some(json!({"id": MIA, "passcode": right}))).await;
        assert_eq!((status, has_token), (201, true), "{body}");
        assert_eq!(body["token"]["methods"], json!(["password", "totp"]));
        // The OTC page's example names the user instead of giving the id.
        let (status, _, _) =
            sign_in(&e, Some(json!({"name": "mia", "passcode": code(&e).await}))).await;
        assert_eq!(status, 201);
        let (status, body, _) = sign_in(
            &e,
            Some(json!({"id": "someone-else", "passcode": code(&e).await})),
        )
        .await;
        assert_eq!(
            (status, body["error_code"].as_str()),
            (400, Some("IAM.0007"))
        );
    }

    #[tokio::test]
    async fn a_code_is_good_for_one_step_either_side() {
        let e = frozen().await;
        let then = code(&e).await;
        e.admin(Method::PUT, "/clock", json!({"advance_seconds": 30}))
            .await;
        assert_eq!(
            sign_in(&e, Some(json!({"id": MIA, "passcode": then})))
                .await
                .0,
            201
        );
        e.admin(Method::PUT, "/clock", json!({"advance_seconds": 60}))
            .await;
        assert_eq!(
            sign_in(&e, Some(json!({"id": MIA, "passcode": then})))
                .await
                .0,
            401
        );
    }
}
