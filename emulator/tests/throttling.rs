//! The gateway's throttling (`--rate-limit`, `PUT /_emulator/rate-limit`), faults aimed at
//! one account's share, and the journal of changes carried out.

mod common;

use common::*;
use reqwest::Method;
use serde_json::{json, Value};
use swr_emulator::Options;

async fn list_status(e: &Emu, t: &str) -> (u16, Value) {
    e.call(Method::GET, &shares_path(NS, REPO), t, None).await
}

#[tokio::test]
async fn over_the_limit_the_gateway_answers_429_apigw_0308_per_user_until_it_refills() {
    let e = start().await;
    let (alice, bob) = (e.token("alice").await, e.token("bob").await);
    let (s, b) = read(e.admin(Method::GET, "/rate-limit", json!(null)).await).await;
    assert_eq!((s, b), (200, json!({"per_second": 0})), "off by default");
    for _ in 0..30 {
        assert_eq!(list_status(&e, &alice).await.0, 200);
    }

    let (s, b) = read(
        e.admin(Method::PUT, "/rate-limit", json!({"per_second": 3}))
            .await,
    )
    .await;
    assert_eq!((s, b), (200, json!({"per_second": 3})));
    let mut answers = Vec::new();
    let t0 = std::time::Instant::now();
    for _ in 0..6 {
        answers.push(list_status(&e, &alice).await);
    }
    let passed = answers.iter().filter(|(s, _)| *s == 200).count();
    // A bucket of one second's worth, plus what refilled meanwhile (on a slow machine).
    let refilled = (t0.elapsed().as_secs_f64() * 3.0).floor() as usize;
    assert!(
        passed >= 3 && passed <= 3 + refilled && passed < 6,
        "{passed} passed"
    );
    let (status, body) = answers.iter().find(|(s, _)| *s == 429).unwrap();
    assert_eq!(*status, 429);
    assert_eq!(body["error_code"], "APIGW.0308");
    assert_eq!(
        body["error_msg"],
        "The throttling threshold has been reached: policy user over ratelimit,limit:3,time:1 second"
    );
    assert!(body["request_id"].is_string());
    // Another user has a bucket of their own; IAM and the controls are not limited.
    assert_eq!(list_status(&e, &bob).await.0, 200);
    assert_eq!(e.http.get(e.url("/v3")).send().await.unwrap().status(), 200);
    // A second token of the same user shares the user's bucket.
    let alice2 = e.token("alice").await;
    assert_eq!(list_status(&e, &alice2).await.0, 429);
    // The bucket refills at the rate (one place every 333 ms); wait for it, not a fixed time.
    let started = std::time::Instant::now();
    loop {
        let (s, _) = list_status(&e, &alice).await;
        if s == 200 {
            break;
        }
        assert!(started.elapsed().as_secs() < 3, "refilled within a second");
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }

    e.admin(Method::PUT, "/rate-limit", json!({"per_second": 0}))
        .await;
    for _ in 0..10 {
        assert_eq!(list_status(&e, &alice).await.0, 200, "0 = off");
    }
    let (s, _) = read(
        e.admin(Method::PUT, "/rate-limit", json!({"per_second": -1}))
            .await,
    )
    .await;
    assert_eq!(s, 400, "refused control input");
}

#[tokio::test]
async fn the_start_flag_sets_the_limit_and_a_reset_returns_to_it() {
    let e = start_with(Options {
        rate_limit: 2,
        ..Options::default()
    })
    .await;
    let t = e.token("alice").await;
    let mut statuses = Vec::new();
    for _ in 0..6 {
        statuses.push(list_status(&e, &t).await.0);
    }
    assert_eq!(&statuses[..2], &[200, 200], "{statuses:?}");
    assert!(statuses.contains(&429), "{statuses:?}");
    e.admin(Method::PUT, "/rate-limit", json!({"per_second": 0}))
        .await;
    e.admin(Method::POST, "/reset", json!(null)).await;
    let (_, b) = read(e.admin(Method::GET, "/rate-limit", json!(null)).await).await;
    assert_eq!(b, json!({"per_second": 2}));
}

#[tokio::test]
async fn a_fault_for_one_account_hits_its_create_update_and_delete_only() {
    let e = start().await;
    let t = e.token("alice").await;
    let fault = |method: &str| {
        json!({"method": method, "path": "*/access-domains*", "account": "Target-A",
               "kind": "status", "status": 504, "raw": "<html>Gateway Time-out</html>", "applied": true})
    };
    for m in ["POST", "PATCH", "DELETE"] {
        assert_eq!(
            e.admin(Method::POST, "/faults", fault(m)).await.status(),
            201
        );
    }
    let create = |account: &str| {
        e.req(Method::POST, &shares_path(NS, "empty-repo"), &t)
            .json(&json!({"access_domain": account, "permit": "read", "deadline": "forever"}))
            .send()
    };
    assert_eq!(
        create("other-b").await.unwrap().status(),
        201,
        "another account passes"
    );
    let r = create("target-a").await.unwrap();
    assert_eq!(r.status(), 504, "the body names the account");
    let one = share_path(NS, "empty-repo", "target-a");
    let (s, b) = e.call(Method::GET, &one, &t, None).await;
    assert_eq!(
        (s, b["exist"].clone()),
        (200, json!(true)),
        "applied, then the fault's answer"
    );
    let r = e
        .req(Method::PATCH, &one, &t)
        .json(&json!({"permit": "read", "deadline": "forever", "description": "x"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 504);
    let r = e.req(Method::DELETE, &one, &t).send().await.unwrap();
    assert_eq!(r.status(), 504);
    let r = e
        .req(Method::DELETE, &share_path(NS, "empty-repo", "other-b"), &t)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);

    // The journal: every change carried out, the applied faults' included, in order.
    let (_, j) = read(e.admin(Method::GET, "/journal", json!(null)).await).await;
    let seen: Vec<(String, String)> = j
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            (
                x["op"].as_str().unwrap().into(),
                x["account"].as_str().unwrap().into(),
            )
        })
        .collect();
    let want: Vec<(String, String)> = [
        ("create", "other-b"),
        ("create", "target-a"),
        ("update", "target-a"),
        ("delete", "target-a"),
        ("delete", "other-b"),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    assert_eq!(seen, want);
    assert_eq!(j[0]["namespace"], NS);
    assert_eq!(j[0]["repository"], "empty-repo");
    e.admin(Method::POST, "/reset", json!(null)).await;
    let (_, j) = read(e.admin(Method::GET, "/journal", json!(null)).await).await;
    assert_eq!(j, json!([]));
}

#[tokio::test]
async fn the_state_dump_can_be_limited_to_one_organization() {
    let e = start().await;
    let (_, all) = read(e.admin(Method::GET, "/state", json!(null)).await).await;
    let (s, one) = read(
        e.admin(Method::GET, "/state?namespace=acme-prod", json!(null))
            .await,
    )
    .await;
    assert_eq!(s, 200);
    assert!(all["namespaces"].as_object().unwrap().len() > 1);
    assert_eq!(keys(&one["namespaces"]), vec!["acme-prod".to_string()]);
    assert_eq!(
        one["namespaces"]["acme-prod"],
        all["namespaces"]["acme-prod"]
    );
    assert_eq!(one["users"], all["users"], "the rest as it is");
}
