//! The shared-account API: create, list, show, update and delete the accounts an image
//! repository is shared with.

use std::collections::HashMap;

use axum::extract::{FromRequestParts, Path, State};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, MethodRouter};
use axum::{Extension, Router};
use serde_json::{json, Map, Value};

use crate::auth::Identity;
use crate::errors::{apigw_not_found, code, json_body, SwrError};
use crate::rules;
use crate::store::{Repo, Share, Store};
use crate::{MissingShare, Shared};

/// The routes; `authed` adds authentication to a route's methods only, so a method the
/// route lacks gets the gateway's 404 with or without a token.
pub fn routes(authed: impl Fn(MethodRouter<Shared>) -> MethodRouter<Shared>) -> Router<Shared> {
    let mut router = Router::new();
    for kind in ["repositories", "repos"] {
        let base =
            format!("/v2/manage/namespaces/{{namespace}}/{kind}/{{repository}}/access-domains");
        router = router
            .route(
                &base,
                authed(get(list).post(create)).fallback(apigw_not_found),
            )
            .route(
                &format!("{base}/{{access_domain}}"),
                authed(get(show).patch(update).delete(remove)).fallback(apigw_not_found),
            );
    }
    router
}

/// The organization and repository of a request, validated and with `$` turned back into `/`:
/// taken from the path by every handler here, before anything else (a bad name is refused
/// before the body is read).
struct Target {
    namespace: String,
    repository: String,
}

/// A request's target and the account of one share (`{access_domain}`).
struct ShareOf(Target, String);

async fn path_params(parts: &mut Parts) -> Result<HashMap<String, String>, Response> {
    Path::<HashMap<String, String>>::from_request_parts(parts, &())
        .await
        .map(|Path(p)| p)
        .map_err(IntoResponse::into_response)
}

impl<S: Send + Sync> FromRequestParts<S> for Target {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Response> {
        let p = path_params(parts).await?;
        let param = |k: &str| p.get(k).map_or("", String::as_str);
        target(param("namespace"), param("repository"))
    }
}

impl<S: Send + Sync> FromRequestParts<S> for ShareOf {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Response> {
        let t = Target::from_request_parts(parts, state).await?;
        let p = path_params(parts).await?;
        Ok(ShareOf(
            t,
            p.get("access_domain").cloned().unwrap_or_default(),
        ))
    }
}

fn target(namespace: &str, repository: &str) -> Result<Target, Response> {
    // A `/` can only arrive percent-encoded here; the gateway would not route it.
    if repository.contains('/') || namespace.contains('/') {
        return Err(crate::errors::apigw(
            404,
            "APIGW.0101",
            "The API does not exist or has not been published in the environment",
        ));
    }
    if !rules::valid_namespace(namespace) {
        return Err(SwrError::new(
            400,
            code::INVALID_NAMESPACE,
            format!("Invalid organization name: {namespace}"),
        )
        .into_response());
    }
    let repository = repository.replace('$', "/");
    if !rules::valid_repository(&repository) {
        return Err(SwrError::new(
            400,
            code::INVALID_REPOSITORY,
            format!("Invalid image name: {repository}"),
        )
        .into_response());
    }
    Ok(Target {
        namespace: namespace.to_string(),
        repository,
    })
}

/// Looks the repository up and checks the caller's level on its organization.
fn repo_mut<'s>(
    store: &'s mut Store,
    who: &Identity,
    t: &Target,
    need: u8,
) -> Result<&'s mut Repo, SwrError> {
    let level = store.auth_level(&who.user_id, &t.namespace);
    let ns = store.namespaces.get_mut(&t.namespace).ok_or_else(|| {
        SwrError::new(
            404,
            code::NAMESPACE_NOT_FOUND,
            format!("Organization {} not found", t.namespace),
        )
    })?;
    if level == 0 {
        return Err(SwrError::new(
            403,
            code::NOT_YOURS,
            "The resources do not belong to you",
        ));
    }
    if level < need {
        return Err(SwrError::new(
            403,
            code::NO_PERMISSION,
            "No permission for the operation: sharing needs Manage on the organization",
        ));
    }
    ns.repos.get_mut(&t.repository).ok_or_else(|| {
        SwrError::new(
            404,
            code::REPOSITORY_NOT_FOUND,
            format!("Image {} not found", t.repository),
        )
    })
}

pub fn share_json(
    ns: &str,
    repo: &str,
    s: &Share,
    now: chrono::DateTime<chrono::Utc>,
) -> Map<String, Value> {
    let valid = rules::parse_deadline(&s.deadline).is_some_and(|d| rules::share_valid(d, now));
    let v = json!({
        "namespace": ns,
        "repository": repo,
        "access_domain": s.access_domain,
        "permit": s.permit,
        "deadline": s.deadline,
        "description": s.description,
        "creator_id": s.creator_id,
        "creator_name": s.creator_name,
        "created": rules::swr_time(s.created),
        "updated": rules::swr_time(s.updated),
        "status": valid,
    });
    match v {
        Value::Object(m) => m,
        _ => unreachable!(),
    }
}

async fn list(
    State(emu): State<Shared>,
    Extension(who): Extension<Identity>,
    t: Target,
) -> Response {
    let now = emu.clock.now();
    let mut store = emu.store.lock().unwrap();
    match repo_mut(&mut store, &who, &t, 1) {
        // "By default, 100 records will be returned" and no paging is documented.
        Ok(r) => json_body(&Value::Array(
            r.shares
                .iter()
                .take(rules::LIST_DEFAULT_LIMIT)
                .map(|s| Value::Object(share_json(&t.namespace, &t.repository, s, now)))
                .collect(),
        )),
        Err(e) => e.into_response(),
    }
}

async fn show(
    State(emu): State<Shared>,
    Extension(who): Extension<Identity>,
    ShareOf(t, account): ShareOf,
) -> Response {
    let now = emu.clock.now();
    let missing = emu.options().missing_share;
    let mut store = emu.store.lock().unwrap();
    let r = match repo_mut(&mut store, &who, &t, 1) {
        Ok(r) => r,
        Err(e) => return e.into_response(),
    };
    match (r.share(&account), missing) {
        (Some(s), _) => {
            let mut m = share_json(&t.namespace, &t.repository, s, now);
            m.insert("exist".into(), Value::Bool(true));
            json_body(&Value::Object(m))
        }
        (None, MissingShare::Exist) => json_body(&json!({
            "exist": false, "namespace": t.namespace, "repository": t.repository, "access_domain": account,
            "permit": "", "deadline": "", "description": "", "creator_id": "", "creator_name": "",
            "created": "", "updated": "", "status": false,
        })),
        (None, MissingShare::Error) => not_shared(&account).into_response(),
    }
}

/// Not in the published error tables; the Huawei Terraform provider handles it as "gone".
fn not_shared(account: &str) -> SwrError {
    SwrError::new(
        400,
        code::SHARE_NOT_FOUND,
        format!("The image is not shared with account {account}"),
    )
}

/// The fields of a create or update body, checked as SWR documents them.
struct ShareBody {
    access_domain: Option<String>,
    deadline: String,
    description: String,
}

fn parse_body(body: &[u8], need_domain: bool) -> Result<ShareBody, SwrError> {
    let invalid_body = || {
        SwrError::new(
            400,
            code::INVALID_BODY,
            "Invalid request body: expected a JSON object",
        )
    };
    let v: Value = serde_json::from_slice(body).map_err(|_| invalid_body())?;
    let obj = v.as_object().ok_or_else(invalid_body)?;
    let field = |name: &str, required: bool| -> Result<Option<String>, SwrError> {
        match obj.get(name) {
            None | Some(Value::Null) if required => Err(SwrError::new(
                400,
                code::MANDATORY_MISSING,
                format!("Mandatory parameter is missing: {name}"),
            )),
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(SwrError::new(
                400,
                code::INVALID_PARAMS,
                format!("Invalid parameter: {name} must be a string"),
            )),
        }
    };
    let access_domain = field("access_domain", need_domain)?;
    let permit = field("permit", true)?.unwrap_or_default();
    let deadline = field("deadline", true)?.unwrap_or_default();
    let description = field("description", false)?.unwrap_or_default();
    if let Some(d) = &access_domain {
        if !rules::valid_access_domain(d) {
            return Err(SwrError::new(
                400,
                code::INVALID_DOMAIN,
                format!("The domain parameter is invalid: {d:?}"),
            ));
        }
    }
    if permit != "read" {
        return Err(SwrError::new(
            400,
            code::INVALID_PERMIT,
            format!("Invalid permissions: {permit:?} (only \"read\" is supported)"),
        ));
    }
    if rules::parse_deadline(&deadline).is_none() {
        return Err(SwrError::new(
            400,
            code::INVALID_PARAMS,
            format!("Invalid parameter deadline: {deadline:?} (\"forever\" or a UTC time such as 2024-01-01T00:00:00Z)"),
        ));
    }
    if description.chars().count() > rules::MAX_DESCRIPTION {
        return Err(SwrError::new(
            413,
            code::DESCRIPTION_TOO_LONG,
            "The description exceeds 1000 characters",
        ));
    }
    Ok(ShareBody {
        access_domain,
        deadline,
        description,
    })
}

async fn create(
    State(emu): State<Shared>,
    Extension(who): Extension<Identity>,
    t: Target,
    body: axum::body::Bytes,
) -> Response {
    let now = emu.clock.now();
    let result = emu
        .mutate(|store| {
            let r = repo_mut(store, &who, &t, 7)?;
            let b = parse_body(&body, true)?;
            let account = b.access_domain.unwrap_or_default();
            if r.is_public {
                return Err(SwrError::new(
                    400,
                    code::INVALID_PARAMS,
                    "Only private images can be shared",
                ));
            }
            if r.share(&account).is_some() {
                return Err(SwrError::new(
                    409,
                    code::SHARE_EXISTS,
                    "The shared account already exists",
                ));
            }
            if r.shares.len() >= rules::MAX_SHARES_PER_IMAGE {
                return Err(SwrError::new(
                    400,
                    code::INVALID_PARAMS,
                    "An image can be shared with at most 500 accounts",
                ));
            }
            r.shares.push(Share {
                // SWR compares account names without regard to case and returns them normalised.
                access_domain: account.to_ascii_lowercase(),
                permit: "read".into(),
                deadline: b.deadline,
                description: b.description,
                creator_id: who.user_id.clone(),
                creator_name: who.user_name.clone(),
                created: now,
                updated: now,
            });
            Ok(account)
        })
        .await;
    carried_out(&emu, "create", &t, result, StatusCode::CREATED)
}

async fn update(
    State(emu): State<Shared>,
    Extension(who): Extension<Identity>,
    ShareOf(t, account): ShareOf,
    body: axum::body::Bytes,
) -> Response {
    let now = emu.clock.now();
    let result = emu
        .mutate(|store| {
            let r = repo_mut(store, &who, &t, 7)?;
            let b = parse_body(&body, false)?;
            let s = r.share_mut(&account).ok_or_else(|| not_shared(&account))?;
            s.deadline = b.deadline;
            s.description = b.description;
            s.updated = now;
            Ok::<_, SwrError>(account.clone())
        })
        .await;
    // Documented, and hard-coded by both Go SDKs: PATCH answers 201.
    carried_out(&emu, "update", &t, result, StatusCode::CREATED)
}

async fn remove(
    State(emu): State<Shared>,
    Extension(who): Extension<Identity>,
    ShareOf(t, account): ShareOf,
) -> Response {
    let result = emu
        .mutate(|store| {
            let r = repo_mut(store, &who, &t, 7)?;
            let before = r.shares.len();
            r.shares
                .retain(|s| !s.access_domain.eq_ignore_ascii_case(&account));
            if r.shares.len() == before {
                return Err(not_shared(&account));
            }
            Ok::<_, SwrError>(account.clone())
        })
        .await;
    carried_out(&emu, "delete", &t, result, StatusCode::NO_CONTENT)
}

/// SWR's documented answer to a change it carried out (kept in the journal), or its error.
fn carried_out(
    emu: &Shared,
    what: &'static str,
    t: &Target,
    result: Result<String, SwrError>,
    status: StatusCode,
) -> Response {
    match result {
        Ok(account) => {
            emu.journal
                .record(what, &t.namespace, &t.repository, &account);
            status.into_response()
        }
        Err(e) => e.into_response(),
    }
}
