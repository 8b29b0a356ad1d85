//! `GET /v2/manage/shared-repositories`: the repositories an account shares
//! (`center=self`) or that other accounts share with it (`center=thirdparty`), as
//! repository objects; the accounts and deadlines stay in each repository's
//! access-domains list.
//!
//! Where the documentation is silent the emulator takes the reading that never hides a
//! share (see README, "shared-repositories"): `self` lists every repository with at least
//! one share, expired ones included; its `status` is true while at least one share is
//! valid, and the `status` filter keeps a repository with valid and expired shares under
//! both `true` and `false`.

use std::collections::HashMap;

use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use serde_json::Value;

use crate::auth::Identity;
use crate::catalog::{owner_of, page_answer, parse_filter, repo_item};
use crate::errors::{code, SwrError};
use crate::rules::{parse_deadline, share_valid};
use crate::store::{Repo, Share};
use crate::Shared;

const ORDER_COLUMNS: [&str; 5] = [
    "updated_at",
    "name",
    "tag_count",
    "namespace",
    "domain_name",
];

struct Ask {
    thirdparty: bool,
    namespace: Option<String>,
    name: Option<String>,
    owner: Option<String>,
    status: Option<bool>,
    /// (offset, limit) when the client pages; everything otherwise.
    page: Option<(usize, usize)>,
    /// Offset and limit both sent: only then `Content-Range`.
    ranged: bool,
    order: Option<(String, bool)>,
}

fn bad(c: &'static str, m: &str) -> Response {
    SwrError::new(400, c, m.to_string()).into_response()
}

fn ask(q: &HashMap<String, String>) -> Result<Ask, Response> {
    // Plain parameters win over the `filter` string form, which carries the same keys.
    let mut p = parse_filter(q.get("filter"));
    p.extend(
        q.iter()
            .filter(|(k, _)| k.as_str() != "filter")
            .map(|(k, v)| (k.clone(), v.clone())),
    );
    let thirdparty = match p.get("center").map(String::as_str) {
        Some("self") => false,
        Some("thirdparty") => true,
        None => {
            return Err(bad(
                code::MANDATORY_MISSING,
                "Mandatory parameter is missing: center",
            ))
        }
        Some(_) => {
            return Err(bad(
                code::INVALID_PARAMS,
                "Invalid parameter: center must be self or thirdparty",
            ))
        }
    };
    let limit = match p.get("limit").map(|l| l.parse::<usize>()) {
        None => 100,
        Some(Ok(l)) if (1..=1000).contains(&l) => l,
        _ => {
            return Err(bad(
                code::INVALID_PAGE_SIZE,
                "Invalid page size: limit must be 1 to 1000",
            ))
        }
    };
    let page = match p.get("offset").map(|o| o.parse::<usize>()) {
        None if p.contains_key("limit") => Some((0, limit)),
        None => None,
        Some(Ok(o)) => Some((o, limit)),
        Some(Err(_)) => {
            return Err(bad(
                code::INVALID_PARAMS,
                "Invalid parameter: offset must be 0 or more",
            ))
        }
    };
    let order = match (p.get("order_column"), p.get("order_type")) {
        (None, None) => None,
        (Some(c), Some(t))
            if ORDER_COLUMNS.contains(&c.as_str()) && ["asc", "desc"].contains(&t.as_str()) =>
        {
            Some((c.clone(), t == "desc"))
        }
        _ => {
            return Err(bad(
                code::INVALID_FILTER,
                "Invalid filter criteria: order_column and order_type go together",
            ))
        }
    };
    let status = match p.get("status").map(String::as_str) {
        None => None,
        Some("true") => Some(true),
        Some("false") => Some(false),
        Some(_) => {
            return Err(bad(
                code::INVALID_FILTER,
                "Invalid filter criteria: status must be true or false",
            ))
        }
    };
    Ok(Ask {
        ranged: p.contains_key("offset") && p.contains_key("limit"),
        thirdparty,
        namespace: p.get("namespace").cloned(),
        name: p.get("name").map(|n| n.replace('$', "/")),
        owner: p.get("domain_name").map(|d| d.to_ascii_lowercase()),
        status,
        page,
        order,
    })
}

fn valid(s: &Share, now: chrono::DateTime<chrono::Utc>) -> bool {
    parse_deadline(&s.deadline).is_some_and(|d| share_valid(d, now))
}

pub async fn list(
    State(emu): State<Shared>,
    Extension(who): Extension<Identity>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let ask = match ask(&q) {
        Ok(a) => a,
        Err(resp) => return resp,
    };
    let now = emu.clock.now();
    let store = emu.store.lock().unwrap();
    let Some(me) = store.user(&who.user_id) else {
        return bad(code::AUTH_FAILED, "Authentication failed");
    };
    let account = me.domain.name.to_ascii_lowercase();
    // (namespace, owner, repository, status)
    let mut found: Vec<(&str, String, &Repo, bool)> = Vec::new();
    for ns in store.namespaces.values() {
        if ask.namespace.as_ref().is_some_and(|n| n != &ns.name) {
            continue;
        }
        let owner = owner_of(&store, &ns.name);
        if ask
            .owner
            .as_ref()
            .is_some_and(|o| !o.eq_ignore_ascii_case(&owner))
        {
            continue;
        }
        let mine = owner.eq_ignore_ascii_case(&account);
        // Own repositories as far as the user may see the organization, as the
        // repository list does; shared-with-me ones from any other account.
        if ask.thirdparty == mine
            || (!ask.thirdparty && store.auth_level(&who.user_id, &ns.name) == 0)
        {
            continue;
        }
        for r in ns.repos.values() {
            if ask
                .name
                .as_ref()
                .is_some_and(|n| !r.name.contains(n.as_str()))
            {
                continue;
            }
            let states: Vec<bool> = if ask.thirdparty {
                r.share(&account)
                    .map(|s| valid(s, now))
                    .into_iter()
                    .collect()
            } else {
                r.shares.iter().map(|s| valid(s, now)).collect()
            };
            if states.is_empty() || ask.status.is_some_and(|want| !states.contains(&want)) {
                continue;
            }
            found.push((&ns.name, owner.clone(), r, states.contains(&true)));
        }
    }
    if let Some((col, desc)) = &ask.order {
        found.sort_by(|a, b| {
            let o = match col.as_str() {
                "name" => a.2.name.cmp(&b.2.name),
                "tag_count" => a.2.tags.len().cmp(&b.2.tags.len()),
                "namespace" => a.0.cmp(b.0),
                "domain_name" => a.1.cmp(&b.1),
                _ => a.2.updated_at.cmp(&b.2.updated_at),
            };
            if *desc {
                o.reverse()
            } else {
                o
            }
        });
    }
    let total = found.len();
    let (offset, limit) = ask.page.unwrap_or((0, usize::MAX));
    let page: Vec<Value> = found
        .iter()
        .skip(offset)
        .take(limit)
        .map(|(ns, _, r, status)| repo_item(&store, ns, r, *status, total))
        .collect();
    page_answer(page, ask.ranged.then_some(offset), total)
}
