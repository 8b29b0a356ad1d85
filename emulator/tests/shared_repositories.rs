//! `GET /v2/manage/shared-repositories` over HTTP: both centers, both parameter forms,
//! paging with Content-Range, ordering, filters and the errors of bad parameters.

mod common;

use common::*;
use reqwest::Method;
use serde_json::{json, Value};

const PATH: &str = "/v2/manage/shared-repositories";

async fn list(e: &Emu, token: &str, query: &str) -> (u16, Value, Option<String>) {
    let r = e
        .req(Method::GET, &format!("{PATH}?{query}"), token)
        .send()
        .await
        .unwrap();
    let range = r
        .headers()
        .get("content-range")
        .map(|v| v.to_str().unwrap().to_string());
    let (status, body) = read(r).await;
    (status, body, range)
}

fn names(body: &Value) -> Vec<String> {
    body.as_array()
        .unwrap()
        .iter()
        .map(|r| {
            format!(
                "{}/{}",
                r["namespace"].as_str().unwrap(),
                r["name"].as_str().unwrap()
            )
        })
        .collect()
}

/// What the store holds: repositories of alice's organizations with at least one share.
async fn shared_by_acme(e: &Emu) -> Vec<String> {
    let state: Value = e
        .admin(Method::GET, "/state", json!(null))
        .await
        .json()
        .await
        .unwrap();
    let mut out = vec![];
    for ns in [
        "acme-dev",
        "acme-fleet",
        "acme-prod",
        "acme-scale",
        "shared-tools",
    ] {
        for (name, r) in state["namespaces"][ns]["repos"].as_object().unwrap() {
            if !r["shares"].as_array().unwrap().is_empty() {
                out.push(format!("{ns}/{name}"));
            }
        }
    }
    out.sort();
    out
}

#[tokio::test]
async fn self_lists_every_shared_repository_of_the_account_and_nothing_else() {
    let e = start().await;
    let t = e.token("alice").await;
    let (status, body, range) = list(&e, &t, "center=self").await;
    assert_eq!(status, 200);
    assert_eq!(
        range, None,
        "Content-Range only when offset and limit are sent"
    );
    let mut got = names(&body);
    got.sort();
    assert_eq!(got, shared_by_acme(&e).await);
    // 60 of acme-scale's 1,000 repositories are shared; the unshared ones are not listed.
    assert_eq!(
        got.iter().filter(|n| n.starts_with("acme-scale/")).count(),
        60
    );
    assert!(!got.iter().any(|n| n.starts_with("globex-base/")));
    let first = &body[0];
    for key in [
        "name",
        "namespace",
        "domain_name",
        "path",
        "internal_path",
        "status",
        "created_at",
        "updated_at",
        "total_range",
    ] {
        assert!(first.get(key).is_some(), "{key} in {first}");
    }
    assert_eq!(first["domain_name"], "acme");
    assert_eq!(first["total_range"], got.len());
}

#[tokio::test]
async fn thirdparty_lists_what_other_accounts_share_with_the_caller() {
    let e = start().await;
    let t = e.token("alice").await;
    let (status, body, _) =
        list(&e, &t, "center=thirdparty&order_column=name&order_type=asc").await;
    assert_eq!(status, 200);
    assert_eq!(
        names(&body),
        [
            "globex-base/alpine-hardened",
            "globex-base/build/toolchain",
            "globex-base/legacy-runtime",
            "globex-base/payments-sdk"
        ]
    );
    let by_name = |n: &str| {
        body.as_array()
            .unwrap()
            .iter()
            .find(|r| r["name"] == n)
            .unwrap()
            .clone()
    };
    assert_eq!(
        by_name("legacy-runtime")["status"],
        false,
        "expired 12 days ago"
    );
    assert_eq!(
        by_name("build/toolchain")["status"],
        true,
        "expires in 3 days"
    );
    assert_eq!(by_name("alpine-hardened")["domain_name"], "globex");
    assert_eq!(
        by_name("alpine-hardened")["path"],
        "swr.eu-de.emulator.local/globex-base/alpine-hardened"
    );
    // The status filter: only the expired one, only the valid ones.
    let (_, expired, _) = list(&e, &t, "center=thirdparty&status=false").await;
    assert_eq!(names(&expired), ["globex-base/legacy-runtime"]);
    let (_, valid, _) = list(&e, &t, "filter=center::thirdparty|status::true").await;
    assert_eq!(valid.as_array().unwrap().len(), 3);
    // The owner's view of the same shares: gina shares four repositories.
    let g = e.token("gina").await;
    let (_, own, _) = list(&e, &g, "center=self").await;
    assert_eq!(
        own.as_array().unwrap().len(),
        4,
        "internal-only has no share"
    );
    let (_, none, _) = list(&e, &g, "center=thirdparty").await;
    assert_eq!(none, json!([]));
}

#[tokio::test]
async fn an_expired_only_repository_is_listed_for_self() {
    let e = start().await;
    let g = e.token("gina").await;
    let (_, all, _) = list(&e, &g, "center=self&status=false").await;
    assert_eq!(names(&all), ["globex-base/legacy-runtime"]);
    assert_eq!(all[0]["status"], false);
}

#[tokio::test]
async fn pages_with_content_range_in_both_forms_and_orders_stably() {
    let e = start().await;
    let t = e.token("alice").await;
    let (_, all, _) = list(
        &e,
        &t,
        "center=self&namespace=acme-scale&order_column=name&order_type=desc",
    )
    .await;
    let all = names(&all);
    assert_eq!(all.len(), 60);
    let mut sorted = all.clone();
    sorted.sort();
    sorted.reverse();
    assert_eq!(all, sorted);
    let mut paged = vec![];
    for offset in (0..60).step_by(25) {
        let q = format!("filter=center::self|namespace::acme-scale|order_column::name|order_type::desc|limit::25|offset::{offset}");
        let (status, body, range) = list(&e, &t, &q).await;
        assert_eq!(status, 200);
        let n = body.as_array().unwrap().len();
        assert_eq!(range.as_deref(), Some(format!("{offset}-{n}/60").as_str()));
        paged.extend(names(&body));
    }
    assert_eq!(paged, all);
    // Plain parameters, the default limit of 100 with an offset.
    let (_, body, range) = list(&e, &t, "center=self&offset=0&limit=1000").await;
    let total = body.as_array().unwrap().len();
    assert_eq!(range, Some(format!("0-{total}/{total}")));
    let (_, body, _) = list(&e, &t, "center=self&offset=0").await;
    assert_eq!(body.as_array().unwrap().len(), 100);
}

#[tokio::test]
async fn filters_by_name_owner_and_organization() {
    let e = start().await;
    let t = e.token("alice").await;
    let (_, body, _) = list(&e, &t, "center=thirdparty&name=build$toolchain").await;
    assert_eq!(names(&body), ["globex-base/build/toolchain"]);
    let (_, body, _) = list(&e, &t, "center=thirdparty&domain_name=initech").await;
    assert_eq!(body, json!([]));
    let (_, body, _) = list(&e, &t, "center=self&namespace=acme-prod").await;
    assert!(names(&body).iter().all(|n| n.starts_with("acme-prod/")));
    assert!(names(&body).contains(&"acme-prod/payments-api".to_string()));
    assert!(!names(&body).contains(&"acme-prod/empty-repo".to_string()));
}

#[tokio::test]
async fn bad_center_limit_order_and_status_are_refused() {
    let e = start().await;
    let t = e.token("alice").await;
    for (query, code) in [
        ("", "SVCSTG.SWR.4001014"),
        ("center=mine", "SVCSTG.SWR.4001025"),
        ("filter=center::everyone", "SVCSTG.SWR.4001025"),
        ("center=self&limit=0&offset=0", "SVCSTG.SWR.4000056"),
        ("center=self&limit=1001&offset=0", "SVCSTG.SWR.4000056"),
        ("center=self&limit=ten&offset=0", "SVCSTG.SWR.4000056"),
        ("center=self&limit=10&offset=-1", "SVCSTG.SWR.4001025"),
        ("center=self&order_column=name", "SVCSTG.SWR.4001035"),
        (
            "center=self&order_column=size&order_type=asc",
            "SVCSTG.SWR.4001035",
        ),
        ("center=self&status=maybe", "SVCSTG.SWR.4001035"),
    ] {
        let (status, body, _) = list(&e, &t, query).await;
        assert_eq!((status, error_code(&body)), (400, code), "{query}: {body}");
    }
    let (status, _, _) = list(&e, "not-a-token", "center=self").await;
    assert_eq!(status, 401);
}

#[tokio::test]
async fn a_user_sees_only_organizations_he_may_see() {
    let e = start().await;
    let t = e.token("bob").await; // Write on acme-prod only
    let (_, body, _) = list(&e, &t, "center=self").await;
    assert!(!names(&body).is_empty());
    assert!(names(&body).iter().all(|n| n.starts_with("acme-prod/")));
}
