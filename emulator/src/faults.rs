//! Test controls, off by default: latency before every answer, and faults per route (a
//! given status and body, a malformed body, or a dropped connection).

use std::sync::Mutex;
use std::time::Duration;

use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::errors::json_body;
use crate::Shared;

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum FaultKind {
    /// Answer with this status and body: `body` as JSON, else `raw` as text, else an SWR
    /// error object built from `error_code`/`error_message`.
    Status {
        status: u16,
        #[serde(default)]
        body: Option<Value>,
        #[serde(default)]
        raw: Option<String>,
        #[serde(default)]
        error_code: Option<String>,
        #[serde(default)]
        error_message: Option<String>,
        /// Do what was asked first, then answer with this status: a gateway that gave up
        /// while the service went on (a 504 after the share was made).
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        applied: bool,
    },
    /// A JSON content type over a body that is not JSON.
    Malformed {
        #[serde(default = "ok")]
        status: u16,
    },
    /// Close the connection without answering.
    Drop,
    /// Answer normally, but only after this many milliseconds (a slow route).
    Delay { ms: u64 },
}

fn ok() -> u16 {
    200
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Fault {
    /// HTTP method, or absent for any.
    #[serde(default)]
    pub method: Option<String>,
    /// Path pattern; `*` matches any run of characters.
    pub path: String,
    /// Only the requests about this account's share: the account in the path, or in a
    /// create's body (`access_domain`); compared without regard to case.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    #[serde(flatten)]
    pub kind: FaultKind,
    /// How many requests to hit; absent means until cleared.
    #[serde(default)]
    pub times: Option<u32>,
}

impl Fault {
    fn matches(&self, method: &str, path: &str, account: Option<&str>) -> bool {
        self.method
            .as_deref()
            .is_none_or(|m| m.eq_ignore_ascii_case(method))
            && glob(&self.path, path)
            && self
                .account
                .as_deref()
                .is_none_or(|a| account.is_some_and(|b| a.eq_ignore_ascii_case(b)))
    }

    /// Parses the `--fault` flag: `METHOD PATH => STATUS [CODE [MESSAGE…]]`, `=> malformed`,
    /// `=> drop` or `=> delay MS`; METHOD may be `*`.
    pub fn parse(spec: &str) -> Result<Fault, String> {
        let (left, right) = spec
            .split_once("=>")
            .ok_or("expected `METHOD PATH => WHAT`")?;
        let mut l = left.split_whitespace();
        let (m, path) = (
            l.next().ok_or("missing method")?,
            l.next().ok_or("missing path")?,
        );
        let mut r = right.split_whitespace();
        let what = r.next().ok_or("missing status, `malformed` or `drop`")?;
        let kind = match what {
            "drop" => FaultKind::Drop,
            "delay" => FaultKind::Delay {
                ms: r
                    .next()
                    .and_then(|m| m.parse().ok())
                    .ok_or("`delay` needs milliseconds")?,
            },
            "malformed" => FaultKind::Malformed { status: 200 },
            s => {
                let status: u16 = s.parse().map_err(|_| format!("not a status: {s}"))?;
                let error_code = r.next().map(str::to_string);
                let msg: Vec<&str> = r.collect();
                FaultKind::Status {
                    status,
                    body: None,
                    raw: None,
                    error_code,
                    error_message: (!msg.is_empty()).then(|| msg.join(" ")),
                    applied: false,
                }
            }
        };
        Ok(Fault {
            method: (m != "*").then(|| m.to_string()),
            path: path.to_string(),
            account: None,
            kind,
            times: None,
        })
    }
}

fn glob(pattern: &str, s: &str) -> bool {
    match pattern.split_once('*') {
        None => pattern == s,
        Some((head, tail)) => {
            s.starts_with(head)
                && (0..=s.len() - head.len())
                    .any(|i| s.is_char_boundary(head.len() + i) && glob(tail, &s[head.len() + i..]))
        }
    }
}

#[derive(Default)]
pub struct Faults {
    pub rules: Mutex<Vec<Fault>>,
    pub latency_ms: Mutex<u64>,
}

impl Faults {
    /// Whether a fault for one account might match: the request's account must be read.
    fn wants_account(&self, method: &str, path: &str) -> bool {
        self.rules.lock().unwrap().iter().any(|f| {
            f.account.is_some()
                && f.method
                    .as_deref()
                    .is_none_or(|m| m.eq_ignore_ascii_case(method))
                && glob(&f.path, path)
        })
    }

    /// The first matching fault, counting one use of it.
    fn take(&self, method: &str, path: &str, account: Option<&str>) -> Option<FaultKind> {
        let mut rules = self.rules.lock().unwrap();
        let i = rules
            .iter()
            .position(|f| f.matches(method, path, account))?;
        let kind = rules[i].kind.clone();
        if let Some(n) = rules[i].times.as_mut() {
            *n = n.saturating_sub(1);
            if *n == 0 {
                rules.remove(i);
            }
        }
        Some(kind)
    }
}

/// Marks a response whose connection the server loop must drop instead of answering.
#[derive(Clone, Copy)]
pub struct DropConnection;

pub async fn inject(State(emu): State<Shared>, req: Request, next: Next) -> Response {
    let latency = *emu.faults.latency_ms.lock().unwrap();
    if latency > 0 {
        tokio::time::sleep(Duration::from_millis(latency)).await;
    }
    let (method, path) = (
        req.method().as_str().to_string(),
        req.uri().path().to_string(),
    );
    let (req, account) = if emu.faults.wants_account(&method, &path) {
        account_of(req).await
    } else {
        (req, None)
    };
    let Some(kind) = emu.faults.take(&method, &path, account.as_deref()) else {
        return next.run(req).await;
    };
    match kind {
        FaultKind::Delay { ms } => {
            tokio::time::sleep(Duration::from_millis(ms)).await;
            next.run(req).await
        }
        FaultKind::Drop => {
            let mut r = StatusCode::INTERNAL_SERVER_ERROR.into_response();
            r.extensions_mut().insert(DropConnection);
            r
        }
        FaultKind::Malformed { status } => (
            StatusCode::from_u16(status).unwrap_or(StatusCode::OK),
            [(header::CONTENT_TYPE, "application/json;charset=utf-8")],
            "[{\"namespace\": \"demo\", \"access_domain\": ",
        )
            .into_response(),
        FaultKind::Status {
            status,
            body,
            raw,
            error_code,
            error_message,
            applied,
        } => {
            if applied {
                next.run(req).await;
            }
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            match (body, raw) {
                (Some(b), _) => (status, json_body(&b)).into_response(),
                (None, Some(text)) => {
                    (status, [(header::CONTENT_TYPE, "text/html")], text).into_response()
                }
                (None, None) => {
                    let b = serde_json::json!({
                        "errorCode": error_code.unwrap_or_else(|| "SVCSTG.SWR.5000001".into()),
                        "errorMessage": error_message.unwrap_or_else(|| "Injected fault".into()),
                    });
                    (status, json_body(&b)).into_response()
                }
            }
        }
    }
}

/// The account a request is about: the path's last segment after `access-domains/`, or a
/// create's `access_domain`. The body is read and put back.
async fn account_of(req: Request) -> (Request, Option<String>) {
    if let Some((_, a)) = req.uri().path().split_once("/access-domains/") {
        let a = percent_encoding::percent_decode_str(a)
            .decode_utf8_lossy()
            .to_string();
        return (req, Some(a));
    }
    let (parts, body) = req.into_parts();
    let bytes = axum::body::to_bytes(body, 2 << 20)
        .await
        .unwrap_or_default();
    let account = serde_json::from_slice::<Value>(&bytes).ok().and_then(|v| {
        v.get("access_domain")
            .and_then(Value::as_str)
            .map(str::to_string)
    });
    (
        Request::from_parts(parts, axum::body::Body::from(bytes)),
        account,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glob_matches_segments() {
        assert!(glob(
            "/v2/manage/namespaces/*/repositories/*/access-domains",
            "/v2/manage/namespaces/a/repositories/b/access-domains"
        ));
        assert!(glob("*", "/anything"));
        assert!(!glob("/v2/manage/repos", "/v2/manage/repos/x"));
        assert!(glob("/v2/*", "/v2/manage/repos/x"));
    }

    #[test]
    fn parses_flag_specs() {
        let f = Fault::parse("POST /v2/* => 409 SVCSTG.SWR.4090023 System busy").unwrap();
        assert_eq!(f.method.as_deref(), Some("POST"));
        assert_eq!(
            f.kind,
            FaultKind::Status {
                status: 409,
                body: None,
                raw: None,
                error_code: Some("SVCSTG.SWR.4090023".into()),
                error_message: Some("System busy".into()),
                applied: false,
            }
        );
        assert_eq!(
            Fault::parse("* /v3/auth/tokens => drop").unwrap().kind,
            FaultKind::Drop
        );
        assert!(Fault::parse("GET /x").is_err());
        assert_eq!(
            Fault::parse("GET /x => delay 250").unwrap().kind,
            FaultKind::Delay { ms: 250 }
        );
    }
}
