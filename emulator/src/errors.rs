//! The three error-body shapes SWR clients meet: SWR's own (`errorCode`/`errorMessage`,
//! as an object or, per the error-code appendix, as an array), the API gateway's
//! (`error_code`/`error_msg`/`request_id`) and IAM's (`error.{code,message,title}`).

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::Shared;

/// How SWR service errors are shaped on the wire.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum ErrorShape {
    /// `{"errorCode": …, "errorMessage": …}`, as the shared-account API answers in practice.
    Object,
    /// `[{"errorCode": …, "errorMessage": …, "detail": ""}]`, as the error-code appendix shows.
    Array,
}

/// An SWR service error. Rendered as an object; `reshape_swr_errors` turns it into the
/// array form when the emulator is configured so.
#[derive(Debug, Clone, PartialEq)]
pub struct SwrError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
}

#[derive(Clone)]
struct SwrErrorMark(SwrError);

impl SwrError {
    pub fn new(status: u16, code: &'static str, message: impl Into<String>) -> Self {
        SwrError {
            status: StatusCode::from_u16(status).expect("valid status"),
            code,
            message: message.into(),
        }
    }
    pub fn body(&self, shape: ErrorShape) -> serde_json::Value {
        let obj = json!({"errorCode": self.code, "errorMessage": self.message});
        match shape {
            ErrorShape::Object => obj,
            ErrorShape::Array => {
                json!([{"errorCode": self.code, "errorMessage": self.message, "detail": ""}])
            }
        }
    }
}

impl IntoResponse for SwrError {
    fn into_response(self) -> Response {
        let mut resp = (self.status, json_body(&self.body(ErrorShape::Object))).into_response();
        resp.extensions_mut().insert(SwrErrorMark(self));
        resp
    }
}

pub fn json_body(v: &serde_json::Value) -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json;charset=utf-8"),
        )],
        v.to_string(),
    )
        .into_response()
}

pub fn request_id() -> String {
    use rand::Rng;
    format!("{:032x}", rand::thread_rng().gen::<u128>())
}

/// The API gateway's answer for a path it does not route (e.g. a raw `/` in a repository).
pub async fn apigw_not_found() -> Response {
    apigw(
        404,
        "APIGW.0101",
        "The API does not exist or has not been published in the environment",
    )
}

pub fn apigw(status: u16, code: &str, msg: &str) -> Response {
    let body = json!({"error_msg": msg, "error_code": code, "request_id": request_id()});
    (StatusCode::from_u16(status).unwrap(), json_body(&body)).into_response()
}

/// Keystone-style IAM error.
pub fn iam(status: u16, msg: &str) -> Response {
    let title = StatusCode::from_u16(status)
        .unwrap()
        .canonical_reason()
        .unwrap_or("Error")
        .to_string();
    let body = json!({"error": {"code": status, "message": msg, "title": title}});
    (StatusCode::from_u16(status).unwrap(), json_body(&body)).into_response()
}

pub async fn reshape_swr_errors(State(emu): State<Shared>, req: Request, next: Next) -> Response {
    let resp = next.run(req).await;
    let shape = emu.options().error_shape;
    match (shape, resp.extensions().get::<SwrErrorMark>().cloned()) {
        (ErrorShape::Array, Some(SwrErrorMark(err))) => {
            let (mut parts, _) = resp.into_parts();
            parts.headers.remove(header::CONTENT_LENGTH);
            Response::from_parts(parts, Body::from(err.body(ErrorShape::Array).to_string()))
        }
        _ => resp,
    }
}

/// Every error is JSON in the service's own shape: the framework's plain-text rejections
/// (a path that is not valid UTF-8 once decoded, a body over the size limit, …) become
/// IAM's shape under `/v3` and SWR's elsewhere.
pub async fn json_errors_only(req: Request, next: Next) -> Response {
    let iam_path = req.uri().path().starts_with("/v3");
    let resp = next.run(req).await;
    let is_json = resp
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("json"));
    if resp.status().as_u16() < 400 || is_json {
        return resp;
    }
    let status = resp.status().as_u16();
    let bytes = axum::body::to_bytes(resp.into_body(), 64 * 1024)
        .await
        .unwrap_or_default();
    let text = String::from_utf8_lossy(&bytes).trim().to_string();
    if iam_path {
        return iam(status, &text);
    }
    let (code, message) = match status {
        413 => ("SVCSTG.SWR.4131001", "Request body too large".to_string()),
        404 => return apigw_not_found().await,
        405 => return apigw_not_found().await,
        s if s >= 500 => ("SVCSTG.SWR.5000001", format!("Internal error: {text}")),
        _ => (code::INVALID_PARAMS, format!("Invalid parameter: {text}")),
    };
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST);
    (
        status,
        json_body(&json!({"errorCode": code, "errorMessage": message})),
    )
        .into_response()
}

/// The cloud's gateway names every answer with an `X-Request-Id`; so does the emulator.
pub async fn request_id_header(req: Request, next: Next) -> Response {
    let mut resp = next.run(req).await;
    if !resp.headers().contains_key("x-request-id") {
        if let Ok(v) = HeaderValue::from_str(&request_id()) {
            resp.headers_mut().insert("x-request-id", v);
        }
    }
    resp
}

// The codes the emulator answers with, from the SWR error-code appendix (and, for
// 4001090, the Terraform provider).
pub mod code {
    pub const AUTH_FAILED: &str = "SVCSTG.SWR.4010000";
    pub const NO_CREDENTIALS: &str = "SVCSTG.S2I.4019000";
    pub const NOT_YOURS: &str = "SVCSTG.SWR.4039001";
    pub const NO_PERMISSION: &str = "SVCSTG.SWR.4039002";
    pub const INVALID_PARAMS: &str = "SVCSTG.SWR.4001025";
    pub const MANDATORY_MISSING: &str = "SVCSTG.SWR.4001014";
    pub const INVALID_BODY: &str = "SVCSTG.SWR.4001018";
    pub const INVALID_NAMESPACE: &str = "SVCSTG.SWR.4001028";
    pub const INVALID_REPOSITORY: &str = "SVCSTG.SWR.4001029";
    pub const INVALID_PERMIT: &str = "SVCSTG.SWR.4001066";
    pub const INVALID_DOMAIN: &str = "SVCSTG.SWR.4001041";
    pub const SHARE_NOT_FOUND: &str = "SVCSTG.SWR.4001090";
    pub const DESCRIPTION_TOO_LONG: &str = "SVCSTG.SWR.4131012";
    pub const INVALID_FILTER: &str = "SVCSTG.SWR.4001035";
    pub const INVALID_PAGE_SIZE: &str = "SVCSTG.SWR.4000056";
    pub const NAMESPACE_NOT_FOUND: &str = "SVCSTG.SWR.4040058";
    pub const REPOSITORY_NOT_FOUND: &str = "SVCSTG.SWR.4040010";
    pub const SHARE_EXISTS: &str = "SVCSTG.SWR.4090089";
}
