//! Companion APIs the share console needs for its pickers: the organizations a user may
//! see (with their permission level) and the repositories in them.

use std::collections::HashMap;

use axum::extract::{Query, State};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use serde_json::{json, Value};

use crate::auth::Identity;
use crate::errors::{code, json_body, SwrError};
use crate::rules::swr_time;
use crate::store::{Repo, Store};
use crate::Shared;

/// `filter=namespace::x|mode::visible` → {"namespace": "x", "mode": "visible"}.
pub fn parse_filter(filter: Option<&String>) -> HashMap<String, String> {
    filter
        .map(|f| {
            f.split('|')
                .filter_map(|p| p.split_once("::"))
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        })
        .unwrap_or_default()
}

pub async fn list_namespaces(
    State(emu): State<Shared>,
    Extension(who): Extension<Identity>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let filter = parse_filter(q.get("filter"));
    // The older documentation filtered with `?namespace=`; both are honoured.
    let name = filter.get("namespace").or(q.get("namespace"));
    let store = emu.store.lock().unwrap();
    let namespaces: Vec<Value> = store
        .namespaces
        .values()
        .filter_map(|ns| {
            let auth = store.auth_level(&who.user_id, &ns.name);
            (auth > 0 && name.is_none_or(|n| ns.name.contains(n.as_str()))).then(|| {
                json!({
                    "id": ns.id, "name": ns.name, "creator_name": ns.creator_name, "auth": auth,
                    "access_user_count": store.users.iter().filter(|u| u.permissions.contains_key(&ns.name)).count(),
                    "repo_count": ns.repos.len(),
                })
            })
        })
        .collect();
    json_body(&json!({ "namespaces": namespaces }))
}

pub async fn list_repos(
    State(emu): State<Shared>,
    Extension(who): Extension<Identity>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    // Plain parameters win over the `filter` string form, which carries the same keys.
    let mut p = parse_filter(q.get("filter"));
    // The documentation calls the `filter` form's namespace fuzzy (a part of the name
    // matches); the plain parameter names one organization exactly.
    let namespace_part = p.get("namespace").cloned();
    let namespace_exact = q.get("namespace").cloned();
    p.extend(
        q.iter()
            .filter(|(k, _)| k.as_str() != "filter")
            .map(|(k, v)| (k.clone(), v.clone())),
    );
    let bad = |c: &'static str, m: &str| SwrError::new(400, c, m.to_string()).into_response();

    let paged = p.contains_key("limit") && p.contains_key("offset");
    let limit = match p.get("limit").map(|l| l.parse::<usize>()) {
        None => 100,
        Some(Ok(l)) if (1..=1000).contains(&l) => l,
        _ => {
            return bad(
                code::INVALID_PAGE_SIZE,
                "Invalid page size: limit must be 1 to 1000",
            )
        }
    };
    let offset = match p.get("offset").map(|o| o.parse::<usize>()) {
        None => 0,
        Some(Ok(o)) => o,
        _ => {
            return bad(
                code::INVALID_PARAMS,
                "Invalid parameter: offset must be 0 or more",
            )
        }
    };
    let order = match (p.get("order_column"), p.get("order_type")) {
        (None, None) => None,
        (Some(c), Some(t))
            if [
                "updated_time",
                "name",
                "tag_count",
                "namespace",
                "is_public",
            ]
            .contains(&c.as_str())
                && ["asc", "desc"].contains(&t.as_str()) =>
        {
            Some((c.clone(), t == "desc"))
        }
        _ => {
            return bad(
                code::INVALID_FILTER,
                "Invalid filter criteria: order_column and order_type go together",
            )
        }
    };
    let is_public = match p.get("is_public").map(String::as_str) {
        None => None,
        Some("true") => Some(true),
        Some("false") => Some(false),
        Some(_) => {
            return bad(
                code::INVALID_FILTER,
                "Invalid filter criteria: is_public must be true or false",
            )
        }
    };
    let name = p.get("name").map(|n| n.replace('$', "/"));

    let store = emu.store.lock().unwrap();
    let mut repos: Vec<(&str, &Repo)> = store
        .namespaces
        .values()
        .filter(|ns| store.auth_level(&who.user_id, &ns.name) > 0)
        .filter(|ns| match (&namespace_exact, &namespace_part) {
            (Some(n), _) => &ns.name == n,
            (None, Some(part)) => ns.name.contains(part.as_str()),
            (None, None) => true,
        })
        .flat_map(|ns| ns.repos.values().map(move |r| (ns.name.as_str(), r)))
        .filter(|(_, r)| name.as_ref().is_none_or(|n| r.name.contains(n.as_str())))
        .filter(|(_, r)| p.get("category").is_none_or(|c| &r.category == c))
        .filter(|(_, r)| is_public.is_none_or(|b| r.is_public == b))
        .collect();
    if let Some((col, desc)) = order {
        repos.sort_by(|a, b| {
            let o = match col.as_str() {
                "name" => a.1.name.cmp(&b.1.name),
                "tag_count" => a.1.tags.len().cmp(&b.1.tags.len()),
                "namespace" => a.0.cmp(b.0),
                "is_public" => a.1.is_public.cmp(&b.1.is_public),
                _ => a.1.updated_at.cmp(&b.1.updated_at),
            };
            if desc {
                o.reverse()
            } else {
                o
            }
        });
    }
    let total = repos.len();
    let page: Vec<Value> = repos
        .iter()
        .skip(offset)
        .take(limit)
        .map(|(ns, r)| repo_item(&store, ns, r, false, total))
        .collect();
    page_answer(page, paged.then_some(offset), total)
}

/// A page of a list: the items, and `Content-Range: {offset}-{count}/{total}` when the
/// client paged (documented: only when offset and limit are sent).
pub fn page_answer(page: Vec<Value>, offset: Option<usize>, total: usize) -> Response {
    let count = page.len();
    let mut resp = (StatusCode::OK, json_body(&Value::Array(page))).into_response();
    if let Some(offset) = offset {
        let range = format!("{offset}-{count}/{total}");
        resp.headers_mut()
            .insert("content-range", HeaderValue::from_str(&range).unwrap());
    }
    resp
}

/// The account that owns an organization: its creator's.
pub fn owner_of(store: &Store, ns: &str) -> String {
    let creator = &store.namespaces[ns].creator_name;
    store
        .users
        .iter()
        .find(|u| &u.name == creator)
        .map(|u| u.domain.name.clone())
        .unwrap_or_default()
}

/// A repository object as SWR's repository lists answer it.
pub fn repo_item(store: &Store, ns: &str, r: &Repo, status: bool, total: usize) -> Value {
    let path = format!("{}/{}/{}", store.registry_host, ns, r.name);
    json!({
        "name": r.name, "category": r.category, "description": r.description, "size": r.size,
        "is_public": r.is_public, "num_images": r.num_images, "num_download": r.num_download,
        "created_at": swr_time(r.created_at), "updated_at": swr_time(r.updated_at), "logo": "",
        "url": "", "path": path, "internal_path": path.replacen("swr.", "swr-internal.", 1),
        "domain_name": owner_of(store, ns), "namespace": ns, "tags": r.tags,
        "status": status, "total_range": total,
    })
}
