//! The share `status` day rule against a settable clock, and the fault controls.

mod common;

use std::time::Instant;

use common::*;
use reqwest::Method;
use serde_json::json;

async fn status_at(e: &Emu, t: &str, now: &str) -> bool {
    e.admin(Method::PUT, "/clock", json!({"now": now})).await;
    let (_, one) = e
        .call(
            Method::GET,
            &share_path(NS, "empty-repo", "day-rule"),
            t,
            None,
        )
        .await;
    one["status"].as_bool().unwrap()
}

#[tokio::test]
async fn a_share_is_valid_until_midnight_utc_after_its_deadline_date() {
    let e = start().await;
    e.admin(
        Method::PUT,
        "/clock",
        json!({"now": "2030-06-01T00:00:00Z"}),
    )
    .await;
    // A token that outlives the clock moves below (IAM's would expire after 24 h).
    let r = e
        .admin(
            Method::POST,
            "/tokens",
            json!({"user": "alice", "expires_in_seconds": 90 * 86400}),
        )
        .await;
    let t2 = r.json::<serde_json::Value>().await.unwrap()["token"]
        .as_str()
        .unwrap()
        .to_string();
    let r = e.req(Method::POST, &shares_path(NS, "empty-repo"), &t2)
        .json(&json!({"access_domain": "day-rule", "permit": "read", "deadline": "2030-06-10T16:00:00.000Z"}))
        .send().await.unwrap();
    assert_eq!(r.status(), 201);
    assert!(status_at(&e, &t2, "2030-06-10T00:00:00Z").await);
    assert!(
        status_at(&e, &t2, "2030-06-10T23:59:59.999Z").await,
        "valid through the last second of the day"
    );
    assert!(
        !status_at(&e, &t2, "2030-06-11T00:00:00Z").await,
        "expired at 00:00:00 UTC the next day"
    );
    assert!(!status_at(&e, &t2, "2030-06-12T00:00:00Z").await);
}

#[tokio::test]
async fn demo_data_has_shares_in_every_state() {
    let e = start().await;
    let t = e.token("alice").await;
    let (_, list) = e.call(Method::GET, &shares_path(NS, REPO), &t, None).await;
    let by = |acct: &str| {
        list.as_array()
            .unwrap()
            .iter()
            .find(|r| r["access_domain"] == acct)
            .unwrap()
            .clone()
    };
    assert_eq!(by("partner-bank")["deadline"], "forever");
    assert_eq!(by("partner-bank")["status"], true);
    assert_eq!(by("contractor-ops")["status"], true);
    assert_eq!(
        by("old-vendor")["status"],
        false,
        "expired shares stay in the list"
    );
}

#[tokio::test]
async fn an_applied_fault_does_what_was_asked_then_answers_with_its_status() {
    let e = start().await;
    let t = e.token("alice").await;
    e.admin(
        Method::POST,
        "/faults",
        json!({
            "method": "POST", "path": "/v2/manage/namespaces/*/access-domains", "kind": "status",
            "status": 504, "raw": "<html>Gateway Time-out</html>", "applied": true, "times": 1
        }),
    )
    .await;
    let path = shares_path(NS, "empty-repo");
    let body = json!({"access_domain": "late-one", "permit": "read", "deadline": "forever"});
    let r = e
        .req(Method::POST, &path, &t)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 504);
    // The gateway gave up, but the share was made.
    let (s, list) = e.call(Method::GET, &path, &t, None).await;
    assert_eq!(s, 200);
    assert!(
        list.as_array()
            .unwrap()
            .iter()
            .any(|x| x["access_domain"] == "late-one"),
        "{list}"
    );
}

#[tokio::test]
async fn status_fault_with_a_body_then_back_to_normal() {
    let e = start().await;
    let t = e.token("alice").await;
    let r = e.admin(Method::POST, "/faults", json!({
        "method": "POST", "path": "/v2/manage/namespaces/*/access-domains", "kind": "status",
        "status": 409, "error_code": "SVCSTG.SWR.4090023", "error_message": "System busy, please try again later", "times": 1
    })).await;
    assert_eq!(r.status(), 201);
    let path = shares_path(NS, "empty-repo");
    let body = json!({"access_domain": "x1", "permit": "read", "deadline": "forever"});
    let (s, b) = e.call(Method::POST, &path, &t, Some(&body)).await;
    assert_eq!((s, error_code(&b)), (409, "SVCSTG.SWR.4090023"));
    assert_eq!(
        e.req(Method::POST, &path, &t)
            .json(&body)
            .send()
            .await
            .unwrap()
            .status(),
        201,
        "times: 1 is used up"
    );
}

#[tokio::test]
async fn any_body_malformed_json_and_raw_text() {
    let e = start().await;
    let t = e.token("alice").await;
    e.admin(Method::POST, "/faults", json!({"path": "/v2/manage/namespaces", "kind": "status", "status": 401,
        "body": {"error_msg": "Incorrect IAM authentication information", "error_code": "APIGW.0301", "request_id": "r1"}, "times": 1})).await;
    let (s, b) = e.call(Method::GET, "/v2/manage/namespaces", &t, None).await;
    assert_eq!((s, error_code(&b)), (401, "APIGW.0301"));

    e.admin(
        Method::POST,
        "/faults",
        json!({"path": "/v2/manage/namespaces", "kind": "malformed", "times": 1}),
    )
    .await;
    let r = e
        .req(Method::GET, "/v2/manage/namespaces", &t)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(serde_json::from_str::<serde_json::Value>(&r.text().await.unwrap()).is_err());

    e.admin(Method::POST, "/faults", json!({"path": "/v2/*", "kind": "status", "status": 502, "raw": "<html>Bad Gateway</html>", "times": 1})).await;
    let r = e
        .req(Method::GET, "/v2/manage/namespaces", &t)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 502);
    assert_eq!(r.text().await.unwrap(), "<html>Bad Gateway</html>");
}

#[tokio::test]
async fn dropped_connection() {
    let e = start().await;
    let t = e.token("alice").await;
    e.admin(
        Method::POST,
        "/faults",
        json!({"method": "GET", "path": "/v2/manage/repos", "kind": "drop"}),
    )
    .await;
    let err = e.req(Method::GET, "/v2/manage/repos", &t).send().await;
    assert!(err.is_err(), "the connection closes without an answer");
    let r = e.admin(Method::DELETE, "/faults", json!({})).await;
    assert_eq!(r.status(), 204);
    assert_eq!(
        e.req(Method::GET, "/v2/manage/repos", &t)
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
}

#[tokio::test]
async fn injected_latency_delays_answers() {
    let e = start().await;
    let t = e.token("alice").await;
    e.admin(Method::PUT, "/latency", json!({"ms": 300})).await;
    let start = Instant::now();
    assert_eq!(
        e.req(Method::GET, "/v2/manage/namespaces", &t)
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    assert!(start.elapsed().as_millis() >= 300);
}

#[tokio::test]
async fn reset_restores_demo_data_and_controls() {
    let e = start().await;
    let t = e.token("alice").await;
    let path = shares_path(NS, REPO);
    assert_eq!(
        e.req(Method::DELETE, &format!("{path}/partner-bank"), &t)
            .send()
            .await
            .unwrap()
            .status(),
        204
    );
    e.admin(Method::PUT, "/latency", json!({"ms": 5})).await;
    assert_eq!(
        e.admin(Method::POST, "/reset", json!({})).await.status(),
        204
    );
    let t = e.token("alice").await;
    let (_, list) = e.call(Method::GET, &path, &t, None).await;
    assert!(list
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["access_domain"] == "partner-bank"));
    assert_eq!(*e.emu.faults.latency_ms.lock().unwrap(), 0);
}
