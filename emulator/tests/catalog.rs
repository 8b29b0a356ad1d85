//! Organization and repository lists, and the documented example shapes.

mod common;

use common::*;
use reqwest::Method;
use serde_json::Value;

#[tokio::test]
async fn namespaces_carry_each_users_permission_level() {
    let e = start().await;
    for (user, expect) in [
        (
            "alice",
            vec![
                ("acme-dev", 7),
                ("acme-fleet", 7),
                ("acme-prod", 7),
                ("acme-scale", 7),
                ("shared-tools", 3),
            ],
        ),
        ("bob", vec![("acme-prod", 3)]),
        ("gina", vec![("globex-base", 7)]),
        ("carol", vec![("acme-prod", 1)]),
    ] {
        let t = e.token(user).await;
        let (s, b) = e.call(Method::GET, "/v2/manage/namespaces", &t, None).await;
        assert_eq!(s, 200);
        let got: Vec<(String, i64)> = b["namespaces"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| {
                (
                    n["name"].as_str().unwrap().to_string(),
                    n["auth"].as_i64().unwrap(),
                )
            })
            .collect();
        let expect: Vec<(String, i64)> = expect
            .into_iter()
            .map(|(n, a)| (n.to_string(), a))
            .collect();
        assert_eq!(got, expect, "{user}");
        for k in ["id", "name", "creator_name", "auth"] {
            assert!(b["namespaces"][0].get(k).is_some(), "{k}");
        }
    }
    let t = e.token("alice").await;
    let (_, b) = e
        .call(
            Method::GET,
            "/v2/manage/namespaces?filter=namespace::prod|mode::visible",
            &t,
            None,
        )
        .await;
    assert_eq!(b["namespaces"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn repos_filter_page_and_count() {
    let e = start().await;
    let t = e.token("alice").await;
    let (s, all) = e
        .call(
            Method::GET,
            "/v2/manage/repos?namespace=acme-prod",
            &t,
            None,
        )
        .await;
    assert_eq!(s, 200);
    assert_eq!(all.as_array().unwrap().len(), 5);
    for k in [
        "name",
        "category",
        "description",
        "size",
        "is_public",
        "num_images",
        "num_download",
        "created_at",
        "updated_at",
        "logo",
        "url",
        "path",
        "internal_path",
        "domain_name",
        "namespace",
        "tags",
        "status",
        "total_range",
    ] {
        assert!(all[0].get(k).is_some(), "repo field {k}");
    }
    let (_, private) = e
        .call(
            Method::GET,
            "/v2/manage/repos?namespace=acme-prod&is_public=false",
            &t,
            None,
        )
        .await;
    assert_eq!(private.as_array().unwrap().len(), 4);
    assert!(private
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["is_public"] == false));

    let r = e.req(Method::GET, "/v2/manage/repos?namespace=acme-prod&limit=2&offset=2&order_column=name&order_type=asc", &t).send().await.unwrap();
    assert_eq!(r.headers()["content-range"], "2-2/5");
    let page: Value = r.json().await.unwrap();
    let names: Vec<&str> = page
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, vec!["payments-api", "tools/builder"]);
    assert_eq!(page[0]["total_range"], 5);

    let (_, fuzzy) = e
        .call(
            Method::GET,
            "/v2/manage/repos?filter=namespace::acme-prod|name::build",
            &t,
            None,
        )
        .await;
    assert_eq!(fuzzy[0]["name"], "tools/builder");
    assert!(fuzzy[0]["path"]
        .as_str()
        .unwrap()
        .ends_with("/acme-prod/tools/builder"));

    let (s, b) = e
        .call(
            Method::GET,
            "/v2/manage/repos?limit=1001&offset=0",
            &t,
            None,
        )
        .await;
    assert_eq!((s, error_code(&b)), (400, "SVCSTG.SWR.4000056"));
    let (s, b) = e
        .call(Method::GET, "/v2/manage/repos?order_column=name", &t, None)
        .await;
    assert_eq!((s, error_code(&b)), (400, "SVCSTG.SWR.4001035"));
    let r = e
        .req(Method::GET, "/v2/manage/repos", &t)
        .send()
        .await
        .unwrap();
    assert!(
        r.headers().get("content-range").is_none(),
        "only with offset and limit"
    );
}

/// The list example of the seed page and the GET-one example of the reference, key for
/// key and type for type.
#[tokio::test]
async fn documented_examples_are_reproduced_in_shape() {
    let e = start().await;
    let t = e.token("alice").await;
    let seed_example: Value = serde_json::from_str(r#"[ {
      "namespace" : "demo", "repository" : "paas", "access_domain" : "swr", "permit" : "read",
      "deadline" : "2018-10-01T16:00:00.000Z", "description" : "description",
      "creator_id" : "fb3f175c1fd146ab8cdae3272be6107b", "creator_name" : "user1",
      "created" : "2017-04-08T14:12:23Z", "updated" : "2017-04-13T21:01:11Z", "status" : false } ]"#).unwrap();
    let (_, list) = e.call(Method::GET, &shares_path(NS, REPO), &t, None).await;
    let ours = &list[0];
    assert_eq!(keys(ours), keys(&seed_example[0]));
    for k in keys(ours) {
        assert_eq!(
            std::mem::discriminant(&ours[&k]),
            std::mem::discriminant(&seed_example[0][&k]),
            "type of {k}"
        );
    }
    let times = regex::Regex::new(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$").unwrap();
    assert!(times.is_match(ours["created"].as_str().unwrap()));
    let (_, one) = e
        .call(Method::GET, &share_path(NS, REPO, "partner-bank"), &t, None)
        .await;
    let mut expect = keys(&seed_example[0]);
    expect.push("exist".into());
    expect.sort();
    assert_eq!(keys(&one), expect);
}
