//! The five shared-account operations over real HTTP, with every documented error.

mod common;

use common::*;
use reqwest::Method;
use serde_json::json;

#[tokio::test]
async fn create_list_show_update_delete() {
    let e = start().await;
    let t = e.token("alice").await;
    let path = shares_path(NS, "empty-repo");

    let r = e.req(Method::POST, &path, &t)
        .json(&json!({"access_domain": "NewPartner", "permit": "read", "deadline": "2030-06-30T00:00:00Z", "description": "pilot"}))
        .send().await.unwrap();
    assert_eq!(r.status(), 201);
    assert_eq!(
        r.text().await.unwrap(),
        "",
        "create answers with an empty body"
    );

    let (s, list) = e.call(Method::GET, &path, &t, None).await;
    assert_eq!(s, 200);
    let rows = list.as_array().unwrap();
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    assert_eq!(
        row["access_domain"], "newpartner",
        "account names come back normalised"
    );
    assert_eq!(row["namespace"], NS);
    assert_eq!(row["repository"], "empty-repo");
    assert_eq!(row["permit"], "read");
    assert_eq!(row["deadline"], "2030-06-30T00:00:00Z");
    assert_eq!(row["description"], "pilot");
    assert_eq!(row["creator_name"], "alice");
    assert_eq!(row["creator_id"], "fb3f175c1fd146ab8cdae3272be6107b");
    assert_eq!(row["status"], true);

    let (s, one) = e
        .call(Method::GET, &format!("{path}/NEWPARTNER"), &t, None)
        .await;
    assert_eq!(s, 200);
    assert_eq!(one["exist"], true);
    assert_eq!(one["description"], "pilot");

    let r = e
        .req(Method::PATCH, &format!("{path}/newpartner"), &t)
        .json(&json!({"permit": "read", "deadline": "forever"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201, "PATCH answers 201 as documented");
    let (_, one) = e
        .call(Method::GET, &format!("{path}/newpartner"), &t, None)
        .await;
    assert_eq!(one["deadline"], "forever");
    assert_eq!(
        one["description"], "",
        "description defaults to empty on update"
    );
    assert_ne!(one["updated"], row["updated"]);

    let r = e
        .req(Method::DELETE, &format!("{path}/newpartner"), &t)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
    let (_, list) = e.call(Method::GET, &path, &t, None).await;
    assert_eq!(list, json!([]));
}

#[tokio::test]
async fn both_path_forms_and_dollar_for_slash() {
    let e = start().await;
    let t = e.token("alice").await;
    for path in [
        "/v2/manage/namespaces/acme-prod/repositories/tools$builder/access-domains",
        "/v2/manage/namespaces/acme-prod/repositories/tools%24builder/access-domains",
        "/v2/manage/namespaces/acme-prod/repos/tools$builder/access-domains",
    ] {
        let (s, list) = e.call(Method::GET, path, &t, None).await;
        assert_eq!(s, 200, "{path}");
        assert_eq!(list.as_array().unwrap().len(), 2, "{path}");
        assert_eq!(list[0]["repository"], "tools/builder");
    }
    // A raw slash is not routed by the API gateway.
    let (s, body) = e
        .call(
            Method::GET,
            "/v2/manage/namespaces/acme-prod/repositories/tools/builder/access-domains",
            &t,
            None,
        )
        .await;
    assert_eq!(s, 404);
    assert_eq!(body["error_code"], "APIGW.0101");
    assert!(body["request_id"].as_str().unwrap().len() >= 16);
    assert!(body["error_msg"]
        .as_str()
        .unwrap()
        .contains("does not exist"));
}

#[tokio::test]
async fn duplicate_share_is_409_whatever_the_case() {
    let e = start().await;
    let t = e.token("alice").await;
    let path = shares_path(NS, REPO);
    let (s, body) = e
        .call(
            Method::POST,
            &path,
            &t,
            Some(
                &json!({"access_domain": "Partner-Bank", "permit": "read", "deadline": "forever"}),
            ),
        )
        .await;
    assert_eq!(s, 409);
    assert_eq!(error_code(&body), "SVCSTG.SWR.4090089");
    assert!(body["errorMessage"]
        .as_str()
        .unwrap()
        .contains("already exists"));
}

#[tokio::test]
async fn every_documented_validation_error() {
    let e = start().await;
    let t = e.token("alice").await;
    let ok = json!({"access_domain": "someone", "permit": "read", "deadline": "forever"});
    let cases: Vec<(String, serde_json::Value, u16, &str)> = vec![
        (
            shares_path("Acme", REPO),
            ok.clone(),
            400,
            "SVCSTG.SWR.4001028",
        ),
        (
            shares_path("a___b", REPO),
            ok.clone(),
            400,
            "SVCSTG.SWR.4001028",
        ),
        (
            shares_path(NS, "Bad_Name"),
            ok.clone(),
            400,
            "SVCSTG.SWR.4001029",
        ),
        (
            shares_path(NS, "a$$b"),
            ok.clone(),
            400,
            "SVCSTG.SWR.4001029",
        ),
        (
            shares_path("no-such-org", REPO),
            ok.clone(),
            404,
            "SVCSTG.SWR.4040058",
        ),
        (
            shares_path(NS, "no-such-repo"),
            ok.clone(),
            404,
            "SVCSTG.SWR.4040010",
        ),
        (
            shares_path(NS, "empty-repo"),
            json!({"permit": "read", "deadline": "forever"}),
            400,
            "SVCSTG.SWR.4001014",
        ),
        (
            shares_path(NS, "empty-repo"),
            json!({"access_domain": "x1", "deadline": "forever"}),
            400,
            "SVCSTG.SWR.4001014",
        ),
        (
            shares_path(NS, "empty-repo"),
            json!({"access_domain": "x1", "permit": "read"}),
            400,
            "SVCSTG.SWR.4001014",
        ),
        (
            shares_path(NS, "empty-repo"),
            json!({"access_domain": "x1", "permit": "write", "deadline": "forever"}),
            400,
            "SVCSTG.SWR.4001066",
        ),
        (
            shares_path(NS, "empty-repo"),
            json!({"access_domain": "x1", "permit": "read", "deadline": "2030-01-01"}),
            400,
            "SVCSTG.SWR.4001025",
        ),
        (
            shares_path(NS, "empty-repo"),
            json!({"access_domain": "x1", "permit": "read", "deadline": "2030-01-01T00:00:00+08:00"}),
            400,
            "SVCSTG.SWR.4001025",
        ),
        (
            shares_path(NS, "empty-repo"),
            json!({"access_domain": "x1", "permit": "read", "deadline": 5}),
            400,
            "SVCSTG.SWR.4001025",
        ),
        (
            shares_path(NS, "empty-repo"),
            json!({"access_domain": "has space", "permit": "read", "deadline": "forever"}),
            400,
            "SVCSTG.SWR.4001041",
        ),
        (
            shares_path(NS, "empty-repo"),
            json!({"access_domain": "", "permit": "read", "deadline": "forever"}),
            400,
            "SVCSTG.SWR.4001041",
        ),
        (
            shares_path(NS, "empty-repo"),
            json!({"access_domain": "x1", "permit": "read", "deadline": "forever", "description": "d".repeat(1001)}),
            413,
            "SVCSTG.SWR.4131012",
        ),
        (
            shares_path(NS, "empty-repo"),
            json!(["not", "an", "object"]),
            400,
            "SVCSTG.SWR.4001018",
        ),
        (
            shares_path(NS, "website"),
            ok.clone(),
            400,
            "SVCSTG.SWR.4001025",
        ),
    ];
    for (path, body, status, code) in cases {
        let (s, b) = e.call(Method::POST, &path, &t, Some(&body)).await;
        assert_eq!((s, error_code(&b)), (status, code), "{path} {body}");
        assert!(!b["errorMessage"].as_str().unwrap().is_empty());
    }
    let (s, b) = read(
        e.req(Method::POST, &shares_path(NS, "empty-repo"), &t)
            .body("{not json")
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!((s, error_code(&b)), (400, "SVCSTG.SWR.4001018"));
    // Exactly 1000 characters is allowed.
    let r = e.req(Method::POST, &shares_path(NS, "empty-repo"), &t)
        .json(&json!({"access_domain": "x1", "permit": "read", "deadline": "forever", "description": "é".repeat(1000)}))
        .send().await.unwrap();
    assert_eq!(r.status(), 201);
}

#[tokio::test]
async fn sharing_needs_manage() {
    let e = start().await;
    let body = json!({"access_domain": "someone", "permit": "read", "deadline": "forever"});
    let path = shares_path(NS, "empty-repo");
    for user in ["bob", "carol"] {
        let t = e.token(user).await;
        let (s, b) = e.call(Method::POST, &path, &t, Some(&body)).await;
        assert_eq!((s, error_code(&b)), (403, "SVCSTG.SWR.4039002"), "{user}");
        let (s, b) = e
            .call(
                Method::DELETE,
                &share_path(NS, REPO, "partner-bank"),
                &t,
                None,
            )
            .await;
        assert_eq!((s, error_code(&b)), (403, "SVCSTG.SWR.4039002"), "{user}");
        // Reading the list needs any permission on the organization.
        assert_eq!(
            e.req(Method::GET, &shares_path(NS, REPO), &t)
                .send()
                .await
                .unwrap()
                .status(),
            200
        );
    }
    let t = e.token("dave").await;
    let (s, b) = e.call(Method::GET, &shares_path(NS, REPO), &t, None).await;
    assert_eq!((s, error_code(&b)), (403, "SVCSTG.SWR.4039001"));
}

#[tokio::test]
async fn show_missing_account_in_both_readings() {
    let e = start().await;
    let t = e.token("alice").await;
    let path = share_path(NS, REPO, "nobody");
    let (s, b) = e.call(Method::GET, &path, &t, None).await;
    assert_eq!(s, 200);
    assert_eq!(b["exist"], false);

    e.admin(Method::PUT, "/options", json!({"missing_share": "error"}))
        .await;
    let (s, b) = e.call(Method::GET, &path, &t, None).await;
    assert_eq!((s, error_code(&b)), (400, "SVCSTG.SWR.4001090"));
}

#[tokio::test]
async fn update_and_delete_of_a_missing_share_fail_without_changes() {
    let e = start().await;
    let t = e.token("alice").await;
    let path = share_path(NS, REPO, "nobody");
    let (s, b) = e
        .call(
            Method::PATCH,
            &path,
            &t,
            Some(&json!({"permit": "read", "deadline": "forever"})),
        )
        .await;
    assert_eq!((s, error_code(&b)), (400, "SVCSTG.SWR.4001090"));
    let (s, b) = e.call(Method::DELETE, &path, &t, None).await;
    assert_eq!((s, error_code(&b)), (400, "SVCSTG.SWR.4001090"));
    let (s, b) = e
        .call(
            Method::PATCH,
            &share_path(NS, REPO, "partner-bank"),
            &t,
            Some(&json!({"permit": "read", "deadline": "soon"})),
        )
        .await;
    assert_eq!((s, error_code(&b)), (400, "SVCSTG.SWR.4001025"));
    let (_, one) = e
        .call(Method::GET, &share_path(NS, REPO, "partner-bank"), &t, None)
        .await;
    assert_eq!(one["deadline"], "forever");
}

#[tokio::test]
async fn list_returns_the_documented_default_of_100() {
    let e = start().await;
    let t = e.token("alice").await;
    let (s, list) = e
        .call(Method::GET, &shares_path(NS, "big-catalog"), &t, None)
        .await;
    assert_eq!(s, 200);
    assert_eq!(
        list.as_array().unwrap().len(),
        100,
        "120 shares exist; the list stops at 100"
    );
}

#[tokio::test]
async fn at_most_500_shares_per_image() {
    let e = start().await;
    let t = e.token("alice").await;
    let path = shares_path(NS, "big-catalog");
    for n in 121..=500 {
        let r = e.req(Method::POST, &path, &t)
            .json(&json!({"access_domain": format!("tenant-{n:03}"), "permit": "read", "deadline": "forever"}))
            .send().await.unwrap();
        assert_eq!(r.status(), 201, "share {n}");
    }
    let (s, b) = e
        .call(
            Method::POST,
            &path,
            &t,
            Some(
                &json!({"access_domain": "one-too-many", "permit": "read", "deadline": "forever"}),
            ),
        )
        .await;
    assert_eq!((s, error_code(&b)), (400, "SVCSTG.SWR.4001025"));
    assert!(b["errorMessage"].as_str().unwrap().contains("500"));
}

#[tokio::test]
async fn array_error_shape_when_configured() {
    let e = start_with(swr_emulator::Options {
        error_shape: swr_emulator::ErrorShape::Array,
        ..Default::default()
    })
    .await;
    let t = e.token("alice").await;
    let (s, b) = e
        .call(
            Method::POST,
            &shares_path(NS, REPO),
            &t,
            Some(
                &json!({"access_domain": "partner-bank", "permit": "read", "deadline": "forever"}),
            ),
        )
        .await;
    assert_eq!(s, 409);
    assert_eq!(b[0]["errorCode"], "SVCSTG.SWR.4090089");
    assert_eq!(b[0]["detail"], "");
}

#[tokio::test]
async fn concurrent_creates_all_land() {
    let e = start().await;
    let t = e.token("alice").await;
    let path = shares_path(NS, "empty-repo");
    let reqs = (0..40).map(|n| {
        e.req(Method::POST, &path, &t)
            .json(&json!({"access_domain": format!("c-{n}"), "permit": "read", "deadline": "forever"}))
            .send()
    });
    for r in futures_join(reqs).await {
        assert_eq!(r.unwrap().status(), 201);
    }
    let (_, list) = e.call(Method::GET, &path, &t, None).await;
    assert_eq!(list.as_array().unwrap().len(), 40);
}

async fn futures_join<F: std::future::Future + Send + 'static>(
    fs: impl Iterator<Item = F>,
) -> Vec<F::Output>
where
    F::Output: Send,
{
    let handles: Vec<_> = fs.map(tokio::spawn).collect();
    let mut out = Vec::new();
    for h in handles {
        out.push(h.await.unwrap());
    }
    out
}
