//! One error type for every way an SWR call can fail, reading every error-body shape the
//! service and its gateway use: SWR's object and array, `errors[]`, the API gateway's
//! `error_code`/`error_msg`, IAM's `error.{code,message}`, and bodies that are not JSON.

use crate::json::{self, Read, Value};

#[derive(Clone, Debug, PartialEq)]
pub struct ApiError {
    /// HTTP status; 0 when no answer arrived (network, proxy down, dropped connection).
    pub status: u16,
    /// `SVCSTG.SWR.4090089`, `APIGW.0101`, `IAM.0004`, …
    pub code: Option<String>,
    /// The service's own words, or what went wrong locally.
    pub message: String,
}

/// What the user was doing, so the advice fits it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operation {
    List,
    Create,
    Update,
    Delete,
    Namespaces,
    Repositories,
    SignIn,
}

impl ApiError {
    pub fn network(detail: impl Into<String>) -> ApiError {
        ApiError {
            status: 0,
            code: None,
            message: detail.into(),
        }
    }

    /// `method url` could not be sent, or no answer came.
    pub fn unsent(method: &str, url: &str, e: &str) -> ApiError {
        ApiError::network(format!("{method} {url}: {e}"))
    }

    /// The answer stopped before its end.
    pub fn cut_off(e: &str) -> ApiError {
        ApiError::network(format!("the answer was cut off: {e}"))
    }

    /// Reads an error answer; never fails.
    pub fn from_response(status: u16, body: &str) -> ApiError {
        let (code, message) = match json::parse(body) {
            Some(v) => extract(&v).unwrap_or((None, String::new())),
            None => (None, first_line(body)),
        };
        let message = if message.is_empty() {
            reason(status).to_string()
        } else {
            message
        };
        ApiError {
            status,
            code,
            message,
        }
    }

    /// An answer that arrived but could not be understood (e.g. a cut-off JSON body).
    pub fn malformed(status: u16, what: &str, detail: &str) -> ApiError {
        ApiError {
            status,
            code: None,
            message: format!("SWR sent {what} the app could not read ({detail})."),
        }
    }

    pub fn is_unauthorized(&self) -> bool {
        self.status == 401
    }

    /// SWR's 409 "system busy" is not a conflict: it means try again.
    pub fn is_busy(&self) -> bool {
        self.code.as_deref() == Some("SVCSTG.SWR.4090023")
    }

    /// SWR's answer when an image already has the most shares it allows (500): a 400 with
    /// the generic "invalid parameter" code, told apart by its words.
    pub fn is_share_limit(&self) -> bool {
        self.status == 400
            && self.code.as_deref() == Some("SVCSTG.SWR.4001025")
            && self.message.contains("500")
    }

    /// SWR's answer for a change to a share that does not exist (any more).
    pub fn is_share_gone(&self) -> bool {
        self.code.as_deref() == Some("SVCSTG.SWR.4001090")
    }

    /// `HTTP 409 · SVCSTG.SWR.4090089`, or `No answer` for network failures.
    pub fn headline(&self) -> String {
        match (self.status, &self.code) {
            (0, _) => "No answer from SWR".into(),
            (s, Some(c)) => format!("HTTP {s} · {c}"),
            (s, None) => format!("HTTP {s}"),
        }
    }

    /// What to do about it, in the context of the operation.
    pub fn advice(&self, op: Operation) -> String {
        let code = self.code.as_deref().unwrap_or("");
        match self.status {
            0 => "Check the network and that the API base in config.json points at the SWR proxy, then retry.".into(),
            400 if code == "SVCSTG.SWR.4001048" => "SWR could not read the token: paste a new token.".into(),
            400 if self.is_share_limit() => format!(
                "This image is already shared with the most accounts SWR allows ({}). Revoke a share that is no longer needed (expired ones first) to free a place, then try again.",
                crate::model::limits::MAX_SHARES
            ),
            400 if self.is_share_gone() => match op {
                Operation::Create => "SWR no longer finds this share. Reload the list and try again.".into(),
                _ => "The share no longer exists: it was probably revoked meanwhile (in another tab or by someone else). Reload the list to see the current shares; add it again if it is still needed.".into(),
            },
            400 => "SWR rejected the request as invalid; correct the field it names and try again.".into(),
            401 if op == Operation::SignIn => "Check the user name, password and account name.".into(),
            401 => "The token was refused (missing, invalid or expired). Paste a new token or sign in again.".into(),
            403 if matches!(op, Operation::Create | Operation::Update | Operation::Delete) => {
                "You need the Manage permission on this organization to change its shares; ask an SWR administrator.".into()
            }
            403 => "Your account lacks permission for this organization or repository.".into(),
            404 if code.starts_with("APIGW") => {
                "The API gateway does not know this path; check the API base and the repository name.".into()
            }
            404 => "Check the organization and repository names; the repository may not exist in this region.".into(),
            409 if self.is_busy() => "SWR is busy; wait a moment and try again.".into(),
            409 if op == Operation::Create => "This account already has a share on this repository; change that share instead.".into(),
            409 => "SWR reports a conflict; reload the list and try again.".into(),
            413 => "The request is too large: the description may be at most 1000 characters.".into(),
            429 => "Too many requests; wait a moment and try again.".into(),
            502 | 503 => "SWR cannot answer right now (unavailable or overloaded); wait a moment and try again.".into(),
            504 => "SWR did not answer in time; wait a moment and try again.".into(),
            s if s >= 500 => "SWR had an internal error; try again later.".into(),
            _ => "Try again; if it keeps failing, check the API base and token.".into(),
        }
    }

    /// Whether IAM refused a sign-in for want of (or for a wrong) virtual-MFA code: its words
    /// name the `totp` method, MFA or the verification code.
    pub fn asks_for_mfa(&self) -> bool {
        // ASCII case only: Unicode's case tables would add ~7 KB to the first load.
        let said =
            format!("{} {}", self.code.as_deref().unwrap_or(""), self.message).to_ascii_lowercase();
        matches!(self.status, 400 | 401 | 403)
            && ["totp", "mfa", "verification code"]
                .iter()
                .any(|w| said.contains(w))
    }

    /// Whether a write that met this error may still have been made: no answer came, or a
    /// gateway's (502, 504) instead of SWR's, so SWR may have acted before it was cut off.
    pub fn outcome_unknown(&self) -> bool {
        matches!(self.status, 0 | 502 | 504)
    }

    /// What happened, without what to do: the headline and the service's words.
    pub fn said(&self) -> String {
        format!("{}: {}", self.headline(), end_with_period(&self.message))
    }

    /// One sentence for a message area: headline, the service's words, the advice.
    pub fn describe(&self, op: Operation) -> String {
        format!("{} {}", self.said(), self.advice(op))
    }
}

fn end_with_period(s: &str) -> String {
    let s = s.trim();
    if s.ends_with(['.', '!', '?']) {
        s.to_string()
    } else {
        format!("{s}.")
    }
}

/// Tries each known shape in turn.
fn extract(v: &Value) -> Option<(Option<String>, String)> {
    let s = |x: &Value| {
        x.as_str()
            .map(str::to_string)
            .or_else(|| x.as_i64().map(|n| n.to_string()))
    };
    let pick = |o: &Value, code: &str, msg: &str| -> Option<(Option<String>, String)> {
        let (c, m) = (o.get(code).and_then(s), o.get(msg).and_then(s));
        (c.is_some() || m.is_some()).then(|| (c, m.unwrap_or_default()))
    };
    match v {
        Value::Array(items) => items.first().and_then(extract),
        Value::Object(_) => pick(v, "errorCode", "errorMessage")
            .or_else(|| pick(v, "error_code", "error_msg"))
            .or_else(|| {
                v.get("errors")
                    .and_then(|e| e.as_array())
                    .and_then(|e| e.first())
                    .and_then(extract)
            })
            .or_else(|| {
                v.get("error")
                    .filter(|e| e.is_object())
                    .and_then(|e| pick(e, "code", "message"))
            })
            .or_else(|| pick(v, "code", "message")),
        _ => None,
    }
}

fn first_line(body: &str) -> String {
    // HTML error pages from proxies: strip tags, keep it short.
    let mut text = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let joined = words.join(" ");
    if joined.chars().count() > 160 {
        format!("{}…", joined.chars().take(160).collect::<String>())
    } else {
        joined
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        400 => "Bad request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not found",
        409 => "Conflict",
        413 => "Request entity too large",
        429 => "Too many requests",
        500 => "Internal server error",
        502 => "Bad gateway",
        503 => "Service unavailable",
        504 => "Gateway timeout",
        _ => "Unexpected answer",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swr_object_and_array() {
        let e = ApiError::from_response(
            409,
            r#"{"errorCode":"SVCSTG.SWR.4090089","errorMessage":"The shared account already exists"}"#,
        );
        assert_eq!(e.code.as_deref(), Some("SVCSTG.SWR.4090089"));
        assert_eq!(e.message, "The shared account already exists");
        let e = ApiError::from_response(
            400,
            r#"[{"errorCode": "SVCSTG.SWR.4001048", "errorMessage": "Failed to get Token from Context", "detail": ""}]"#,
        );
        assert_eq!(e.code.as_deref(), Some("SVCSTG.SWR.4001048"));
        assert!(e.advice(Operation::List).contains("paste a new token"));
    }

    #[test]
    fn errors_array_gateway_and_iam() {
        let e = ApiError::from_response(
            400,
            r#"{"errors":[{"errorCode":"SVCSTG.SWR.4000306","errorMessage":"bad rule"}]}"#,
        );
        assert_eq!(
            (e.code.as_deref(), e.message.as_str()),
            (Some("SVCSTG.SWR.4000306"), "bad rule")
        );
        let e = ApiError::from_response(
            404,
            r#"{"error_msg":"The API does not exist or has not been published in the environment","error_code":"APIGW.0101","request_id":"abc"}"#,
        );
        assert_eq!(e.code.as_deref(), Some("APIGW.0101"));
        assert!(e.advice(Operation::List).contains("gateway"));
        let e = ApiError::from_response(
            401,
            r#"{"error":{"code":401,"message":"The username or password is wrong.","title":"Unauthorized"}}"#,
        );
        assert_eq!(
            (e.code.as_deref(), e.message.as_str()),
            (Some("401"), "The username or password is wrong.")
        );
        assert!(e.advice(Operation::SignIn).contains("password"));
        assert!(!e.asks_for_mfa());
    }

    #[test]
    fn iam_asking_for_a_virtual_mfa_code() {
        let missing = ApiError::from_response(
            400,
            r#"{"error_code":"IAM.0007","error_msg":"Request parameter auth.identity.totp is invalid."}"#,
        );
        let wrong = ApiError::from_response(
            401,
            r#"{"error":{"code":401,"message":"The verification code is incorrect.","title":"Unauthorized"}}"#,
        );
        for e in [&missing, &wrong] {
            assert!(e.asks_for_mfa(), "{e:?}");
        }
        let other = ApiError::from_response(
            400,
            r#"{"error_code":"IAM.0007","error_msg":"Request parameter auth.scope is invalid."}"#,
        );
        assert!(!other.asks_for_mfa());
    }

    #[test]
    fn non_json_and_empty_bodies() {
        let e = ApiError::from_response(
            502,
            "<html><body><h1>502 Bad Gateway</h1>nginx</body></html>",
        );
        assert_eq!(e.code, None);
        assert_eq!(e.message, "502 Bad Gateway nginx");
        let e = ApiError::from_response(500, "");
        assert_eq!(e.message, "Internal server error");
        assert!(e
            .describe(Operation::List)
            .starts_with("HTTP 500: Internal server error. SWR had"));
    }

    #[test]
    fn busy_409_is_not_a_duplicate() {
        let busy = ApiError::from_response(
            409,
            r#"{"errorCode":"SVCSTG.SWR.4090023","errorMessage":"System busy"}"#,
        );
        assert!(busy.is_busy());
        assert!(busy.advice(Operation::Create).contains("busy"));
        let dup = ApiError::from_response(
            409,
            r#"{"errorCode":"SVCSTG.SWR.4090089","errorMessage":"exists"}"#,
        );
        assert!(dup
            .advice(Operation::Create)
            .contains("already has a share"));
    }

    #[test]
    fn the_share_limit_and_a_vanished_share_get_their_own_advice() {
        let limit = ApiError::from_response(
            400,
            r#"{"errorCode":"SVCSTG.SWR.4001025","errorMessage":"An image can be shared with at most 500 accounts"}"#,
        );
        assert!(limit.is_share_limit());
        let advice = limit.advice(Operation::Create);
        assert!(
            advice.contains("most accounts SWR allows (500)"),
            "{advice}"
        );
        assert!(advice.contains("Revoke a share"), "{advice}");
        assert!(!advice.contains("correct the field"));
        let other = ApiError::from_response(
            400,
            r#"{"errorCode":"SVCSTG.SWR.4001025","errorMessage":"Invalid parameter: offset"}"#,
        );
        assert!(!other.is_share_limit());
        let gone = ApiError::from_response(
            400,
            r#"{"errorCode":"SVCSTG.SWR.4001090","errorMessage":"The shared account does not exist"}"#,
        );
        assert!(gone.is_share_gone());
        let advice = gone.advice(Operation::Update);
        assert!(advice.contains("no longer exists"), "{advice}");
        assert!(advice.contains("Reload"), "{advice}");
        assert!(!advice.contains("correct the field"));
    }

    #[test]
    fn advice_for_each_status() {
        let adv = |s: u16, op| ApiError::from_response(s, "{}").advice(op);
        assert!(adv(401, Operation::List).contains("token was refused"));
        assert!(adv(403, Operation::Create).contains("Manage"));
        assert!(adv(404, Operation::List).contains("organization and repository"));
        assert!(adv(413, Operation::Create).contains("1000"));
        assert!(adv(500, Operation::List).contains("internal error"));
        assert!(adv(503, Operation::List).contains("cannot answer right now"));
        assert!(adv(504, Operation::List).contains("did not answer in time"));
        assert!(ApiError::from_response(504, "{}").outcome_unknown());
        assert!(ApiError::network("x").outcome_unknown());
        assert!(!ApiError::from_response(503, "{}").outcome_unknown());
        assert!(ApiError::network("x")
            .advice(Operation::List)
            .contains("config.json"));
        assert_eq!(ApiError::network("x").headline(), "No answer from SWR");
    }
}
