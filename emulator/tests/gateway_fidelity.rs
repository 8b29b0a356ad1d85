//! What other clients meet at the edges: bad control input never locks the emulator up,
//! routing comes before authentication, every error is JSON in the service's shape, the
//! token's catalog has the entries OpenStack-based clients look up, `GET /v3` answers,
//! the `filter` form's namespace is fuzzy, and every answer has an `X-Request-Id`.

mod common;

use common::*;
use reqwest::Method;
use serde_json::json;

#[tokio::test]
async fn out_of_range_clock_input_is_a_400_and_the_emulator_keeps_working() {
    let e = start().await;
    let t = e.token("alice").await;
    for body in [
        json!({"advance_seconds": 9_000_000_000_000i64}),
        json!({"advance_seconds": i64::MAX}),
        json!({"advance_seconds": i64::MIN}),
        json!({"offset_seconds": i64::MAX}),
        json!({"now": "+99999-01-01T00:00:00Z"}),
        json!({"advance_seconds": "9223372036854775808"}),
        json!({"advance_seconds": 9.3e18}),
    ] {
        let (status, err) = read(e.admin(Method::PUT, "/clock", body.clone()).await).await;
        assert_eq!(status, 400, "{body}: {err}");
        assert!(err["error"].is_string(), "{body}: {err}");
    }
    let (status, _) = read(
        e.admin(Method::PUT, "/latency", json!({"ms": u64::MAX}))
            .await,
    )
    .await;
    assert_eq!(status, 400);
    let (status, _) = read(
        e.admin(
            Method::POST,
            "/faults",
            json!({"path": "/x", "kind": "drop", "times": 0}),
        )
        .await,
    )
    .await;
    assert_eq!(status, 400);
    // Still answering, with the clock where it was.
    let (status, list) = e.call(Method::GET, &shares_path(NS, REPO), &t, None).await;
    assert_eq!(status, 200);
    assert!(list.as_array().is_some_and(|l| !l.is_empty()));
    let (_, clock) = read(e.admin(Method::GET, "/clock", json!({})).await).await;
    assert_eq!(clock["mode"]["mode"], "real");
    let (status, _) = read(
        e.admin(Method::PUT, "/clock", json!({"advance_seconds": 86400}))
            .await,
    )
    .await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn an_unsupported_method_is_the_gateways_404_with_or_without_a_token() {
    let e = start().await;
    let t = e.token("alice").await;
    let path = shares_path(NS, REPO);
    for token in [None, Some(t.as_str())] {
        for (method, p) in [
            (Method::PUT, path.clone()),
            (Method::PATCH, path.clone()),
            (Method::POST, format!("{path}/partner-bank")),
            (Method::DELETE, "/v2/manage/namespaces".to_string()),
        ] {
            let mut r = e.http.request(method.clone(), e.url(&p));
            if let Some(t) = token {
                r = r.header("X-Auth-Token", t);
            }
            let (status, body) = read(r.send().await.unwrap()).await;
            assert_eq!(
                (status, error_code(&body)),
                (404, "APIGW.0101"),
                "{method} {p} token={}",
                token.is_some()
            );
        }
    }
    // A supported method still needs the token.
    let (status, _) = read(e.http.get(e.url(&path)).send().await.unwrap()).await;
    assert_eq!(status, 401);
}

#[tokio::test]
async fn framework_errors_come_in_the_services_json_shape() {
    let e = start().await;
    let t = e.token("alice").await;
    // A percent-encoded byte sequence that is not UTF-8.
    let r = e
        .req(
            Method::GET,
            "/v2/manage/namespaces/acme-prod/repositories/%FF%FE/access-domains",
            &t,
        )
        .send()
        .await
        .unwrap();
    assert!(r.headers()["content-type"]
        .to_str()
        .unwrap()
        .contains("json"));
    let (status, body) = read(r).await;
    assert_eq!(status, 400);
    assert!(error_code(&body).starts_with("SVCSTG.SWR."), "{body}");
    // More than 2 MB to IAM: IAM's error shape.
    let r = e
        .http
        .post(e.url("/v3/auth/tokens"))
        .header("Content-Type", "application/json")
        .body(vec![b' '; 3 << 20])
        .send()
        .await
        .unwrap();
    let (status, body) = read(r).await;
    assert_eq!(status, 413);
    assert_eq!(body["error"]["code"], 413, "{body}");
    assert!(body["error"]["message"].is_string());
}

#[tokio::test]
async fn the_catalog_has_what_openstack_clients_look_up_and_v3_answers() {
    let e = start().await;
    let r = e
        .http
        .post(e.url("/v3/auth/tokens"))
        .json(
            &json!({"auth": {"identity": {"methods": ["password"], "password": {"user": {
            "name": "alice", "password": "Demo-Passw0rd", "domain": {"name": "acme"}}}},
            "scope": {"project": {"name": "eu-de"}}}}),
        )
        .send()
        .await
        .unwrap();
    let (status, body) = read(r).await;
    assert_eq!(status, 201);
    let url_of = |kind: &str| {
        body["token"]["catalog"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["type"] == kind)
            .map(|c| c["endpoints"][0]["url"].as_str().unwrap().to_string())
    };
    assert_eq!(url_of("swr").as_deref(), Some(e.base.as_str()));
    assert_eq!(url_of("swrv2"), Some(format!("{}/v2", e.base)));
    assert_eq!(url_of("identity"), Some(format!("{}/v3", e.base)));
    // The swrv2 URL with the client's relative path reaches the share list.
    let t = e.token("alice").await;
    let (status, _) = read(
        e.http
            .get(format!(
                "{}/manage/namespaces/{NS}/repositories/{REPO}/access-domains",
                url_of("swrv2").unwrap()
            ))
            .header("X-Auth-Token", &t)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 200);
    let (status, v) = read(e.http.get(e.url("/v3")).send().await.unwrap()).await;
    assert_eq!(status, 200);
    assert_eq!(v["version"]["id"], "v3.0");
    assert_eq!(v["version"]["status"], "stable");
}

#[tokio::test]
async fn the_filter_forms_namespace_is_fuzzy_the_plain_parameter_exact() {
    let e = start().await;
    let t = e.token("alice").await;
    let names = |v: &serde_json::Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|r| r["namespace"].as_str().unwrap().to_string())
            .collect()
    };
    let (status, fuzzy) = e
        .call(
            Method::GET,
            "/v2/manage/repos?filter=namespace::acme",
            &t,
            None,
        )
        .await;
    assert_eq!(status, 200);
    let fuzzy = names(&fuzzy);
    assert!(fuzzy.iter().any(|n| n == NS), "{fuzzy:?}");
    assert!(fuzzy.iter().all(|n| n.contains("acme")));
    let (_, exact) = e
        .call(Method::GET, "/v2/manage/repos?namespace=acme", &t, None)
        .await;
    assert!(names(&exact).is_empty());
}

#[tokio::test]
async fn every_answer_has_a_request_id() {
    let e = start().await;
    let t = e.token("alice").await;
    for (method, path, token) in [
        (Method::GET, shares_path(NS, REPO), Some(&t)),
        (Method::GET, shares_path(NS, REPO), None),
        (Method::GET, "/nowhere".to_string(), None),
        (Method::GET, "/v3".to_string(), None),
        (Method::GET, "/_emulator/health".to_string(), None),
    ] {
        let mut r = e.http.request(method, e.url(&path));
        if let Some(t) = token {
            r = r.header("X-Auth-Token", t);
        }
        let r = r.send().await.unwrap();
        let id = r
            .headers()
            .get("x-request-id")
            .map(|v| v.to_str().unwrap().to_string());
        assert!(id.is_some_and(|i| i.len() == 32), "{path}");
    }
}
