//! Reading SWR's answers into the domain, with the success codes each call really returns.

use chrono::{DateTime, Utc};

use super::dto::{NamespaceDto, NamespacesDto, RepoDto, ShareDto, TokenBodyDto};
use super::error::{ApiError, Operation};
use crate::json;
use crate::model::share::Timestamp;
use crate::model::{Deadline, Share};

/// An HTTP answer as the transport saw it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RawResponse {
    pub status: u16,
    pub body: String,
    /// IAM's `X-Subject-Token` header, when present.
    pub subject_token: Option<String>,
    /// `Retry-After`, when a throttled answer has it (none is documented; honoured if sent).
    pub retry_after: Option<String>,
}

impl RawResponse {
    fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }
}

impl From<ShareDto> for Share {
    fn from(d: ShareDto) -> Share {
        Share {
            account: d.access_domain,
            permit: d.permit,
            deadline: Deadline::parse(&d.deadline),
            description: d.description,
            creator_name: d.creator_name,
            creator_id: d.creator_id,
            created: Timestamp::parse(&d.created),
            updated: Timestamp::parse(&d.updated),
            valid: d.status,
        }
    }
}

/// The body read by `read`; an answer that is not JSON, or not the shape `read` expects,
/// is an error that names what was wrong.
fn json<T>(
    r: &RawResponse,
    what: &str,
    read: impl FnOnce(&json::Value) -> Result<T, String>,
) -> Result<T, ApiError> {
    let value = json::parse(&r.body)
        .ok_or_else(|| ApiError::malformed(r.status, what, "it is not complete JSON"))?;
    read(&value).map_err(|detail| ApiError::malformed(r.status, what, &detail))
}

/// Every item of a list, or the first one that cannot be read.
fn each<T>(
    v: &json::Value,
    read: impl Fn(&json::Value) -> Result<T, String>,
) -> Result<Vec<T>, String> {
    json::items(v, "the answer")?.iter().map(read).collect()
}

fn ok_or_error(r: &RawResponse) -> Result<(), ApiError> {
    if r.is_success() {
        Ok(())
    } else {
        Err(ApiError::from_response(r.status, &r.body))
    }
}

pub fn share_list(r: &RawResponse) -> Result<Vec<Share>, ApiError> {
    ok_or_error(r)?;
    let rows = json(r, "a share list", |v| each(v, ShareDto::read))?;
    Ok(rows.into_iter().map(Share::from).collect())
}

/// GET one: `Some(share)` when it exists, `None` for every "not found" form the service
/// uses: 200 with `exist: false`, 400 `SVCSTG.SWR.4001090`, or a plain SWR 404.
pub fn share_check(r: &RawResponse) -> Result<Option<Share>, ApiError> {
    if !r.is_success() {
        let e = ApiError::from_response(r.status, &r.body);
        let code = e.code.as_deref().unwrap_or("");
        return match (r.status, code) {
            (400, "SVCSTG.SWR.4001090") => Ok(None),
            (404, c) if c.starts_with("SVCSTG.SWR.404009") => Ok(None),
            _ => Err(e),
        };
    }
    let dto = json(r, "a share", ShareDto::read)?;
    Ok(match dto.exist {
        Some(false) => None,
        _ if dto.access_domain.is_empty() => None,
        _ => Some(dto.into()),
    })
}

/// What the answer to a write says, read strictly: only SWR's documented answer counts.
#[derive(Clone, Debug, PartialEq)]
pub enum WriteAnswer {
    /// 201 for create and update, 204 for delete, each with the documented empty body.
    Documented,
    /// A success status SWR does not document for this call, or a body where none belongs:
    /// whether anything changed must be read back from SWR.
    Undocumented { status: u16, body: String },
}

/// The documented success status of a write.
pub fn documented_status(op: Operation) -> u16 {
    match op {
        Operation::Delete => 204,
        _ => 201,
    }
}

pub fn write_answer(r: &RawResponse, op: Operation) -> Result<WriteAnswer, ApiError> {
    ok_or_error(r)?;
    if r.status == documented_status(op) && r.body.trim().is_empty() {
        Ok(WriteAnswer::Documented)
    } else {
        let body: String = r.body.trim().chars().take(80).collect();
        Ok(WriteAnswer::Undocumented {
            status: r.status,
            body,
        })
    }
}

pub fn namespaces(r: &RawResponse) -> Result<Vec<NamespaceDto>, ApiError> {
    ok_or_error(r)?;
    Ok(json(r, "an organization list", NamespacesDto::read)?.namespaces)
}

/// One page of repositories and the total count (`total_range` of the items).
pub fn repos(r: &RawResponse) -> Result<(Vec<RepoDto>, usize), ApiError> {
    ok_or_error(r)?;
    let items = json(r, "a repository list", |v| each(v, RepoDto::read))?;
    let total = items
        .first()
        .map(|i| i.total_range.max(0) as usize)
        .unwrap_or(0);
    Ok((items, total))
}

#[derive(Clone, Debug, PartialEq)]
pub struct SignedIn {
    pub token: String,
    pub expires_at: Option<DateTime<Utc>>,
    pub user: String,
    pub account: String,
}

/// IAM's answer to a sign-in (201) or a validation (200).
pub fn token(r: &RawResponse, known_token: Option<&str>) -> Result<SignedIn, ApiError> {
    ok_or_error(r)?;
    let body = json(r, "a token", TokenBodyDto::read)?;
    let token = r
        .subject_token
        .clone()
        .or(known_token.map(str::to_string))
        .ok_or_else(|| {
            ApiError::malformed(
                r.status,
                "a token answer without a readable X-Subject-Token header",
                "the proxy must pass that header through",
            )
        })?;
    Ok(SignedIn {
        token,
        expires_at: crate::model::time::parse_rfc3339(&body.token.expires_at),
        user: body.token.user.name,
        account: body.token.user.domain.name,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resp(status: u16, body: &str) -> RawResponse {
        RawResponse {
            status,
            body: body.into(),
            subject_token: None,
            retry_after: None,
        }
    }

    /// The example response of the list page in the seeds, field for field.
    #[test]
    fn parses_the_documented_list_example() {
        let body = r#"[ {
          "namespace" : "demo", "repository" : "paas", "access_domain" : "swr", "permit" : "read",
          "deadline" : "2018-10-01T16:00:00.000Z", "description" : "description",
          "creator_id" : "fb3f175c1fd146ab8cdae3272be6107b", "creator_name" : "user1",
          "created" : "2017-04-08T14:12:23Z", "updated" : "2017-04-13T21:01:11Z", "status" : false } ]"#;
        let list = share_list(&resp(200, body)).unwrap();
        assert_eq!(list.len(), 1);
        let s = &list[0];
        assert_eq!(s.account, "swr");
        assert_eq!(s.permit, "read");
        assert_eq!(s.permission_label(), "Pull");
        assert_eq!(s.deadline.label(), "2018-10-01");
        assert_eq!(s.description, "description");
        assert_eq!(s.creator_id, "fb3f175c1fd146ab8cdae3272be6107b");
        assert_eq!(s.creator_name, "user1");
        assert_eq!(s.created.label(), "2017-04-08 14:12 UTC");
        assert_eq!(s.updated.label(), "2017-04-13 21:01 UTC");
        assert!(!s.valid);
    }

    #[test]
    fn variable_fractions_and_odd_values_are_kept() {
        let body = r#"[{"access_domain":"a","deadline":"forever","created":"2021-06-10T08:14:42.56632Z","updated":"yesterday","status":true}]"#;
        let s = &share_list(&resp(200, body)).unwrap()[0];
        assert_eq!(s.deadline, Deadline::Forever);
        assert_eq!(s.created.label(), "2021-06-10 08:14 UTC");
        assert_eq!(s.updated.label(), "yesterday");
    }

    #[test]
    fn list_errors_and_malformed_bodies() {
        let e = share_list(&resp(
            401,
            r#"{"errorCode":"SVCSTG.SWR.4010000","errorMessage":"Authenticate failed"}"#,
        ))
        .unwrap_err();
        assert!(e.is_unauthorized());
        let e = share_list(&resp(200, r#"[{"namespace": "demo", "access_domain": "#)).unwrap_err();
        assert_eq!(e.status, 200);
        assert!(e.message.contains("could not read"));
        assert!(e.message.contains("not complete JSON"), "{}", e.message);
        // A field of another type is named; absent and null fields are the defaults.
        let e = share_list(&resp(200, r#"[{"access_domain": "a", "status": "yes"}]"#)).unwrap_err();
        assert!(
            e.message.contains("`status` is not true or false"),
            "{}",
            e.message
        );
        let e = share_list(&resp(200, r#"{"access_domain": "a"}"#)).unwrap_err();
        assert!(e.message.contains("is not a list"), "{}", e.message);
        let rows = share_list(&resp(
            200,
            r#"[{"access_domain": "a", "description": null}]"#,
        ))
        .unwrap();
        assert_eq!(
            (
                rows[0].account.as_str(),
                rows[0].description.as_str(),
                rows[0].valid
            ),
            ("a", "", false)
        );
    }

    #[test]
    fn check_reads_every_not_found_form() {
        assert_eq!(share_check(&resp(200, r#"{"exist":false}"#)).unwrap(), None);
        assert_eq!(
            share_check(&resp(
                400,
                r#"{"errorCode":"SVCSTG.SWR.4001090","errorMessage":"x"}"#
            ))
            .unwrap(),
            None
        );
        assert_eq!(
            share_check(&resp(
                404,
                r#"{"errorCode":"SVCSTG.SWR.4040091","errorMessage":"x"}"#
            ))
            .unwrap(),
            None
        );
        let found = share_check(&resp(
            200,
            r#"{"exist":true,"namespace":"demo","repository":"paas","access_domain":"swr","permit":"read",
               "deadline":"2021-10-01T16:00:00Z","description":"d","creator_id":"c","creator_name":"u",
               "created":"2021-06-10T08:14:42.56632Z","updated":"2021-06-10T08:14:42.566325Z","status":true}"#,
        ))
        .unwrap()
        .unwrap();
        assert_eq!(found.deadline.label(), "2021-10-01");
        assert!(share_check(&resp(404, r#"{"error_code":"APIGW.0101","error_msg":"x"}"#)).is_err());
        assert!(share_check(&resp(401, "{}")).is_err());
    }

    #[test]
    fn only_the_documented_answer_of_each_write_counts() {
        use Operation::*;
        assert_eq!(
            write_answer(&resp(201, ""), Create),
            Ok(WriteAnswer::Documented)
        );
        assert_eq!(
            write_answer(&resp(201, " \n"), Update),
            Ok(WriteAnswer::Documented)
        );
        assert_eq!(
            write_answer(&resp(204, ""), Delete),
            Ok(WriteAnswer::Documented)
        );
        // A malformed 200, a 200 or 204 where 201 is documented: not a success.
        let malformed = write_answer(
            &resp(200, r#"[{"namespace": "demo", "access_domain": "#),
            Create,
        );
        assert!(matches!(
            malformed,
            Ok(WriteAnswer::Undocumented { status: 200, .. })
        ));
        for (status, op) in [(200, Update), (204, Create), (200, Delete), (201, Delete)] {
            assert!(
                matches!(
                    write_answer(&resp(status, ""), op),
                    Ok(WriteAnswer::Undocumented { .. })
                ),
                "{status} {op:?}"
            );
        }
        assert!(write_answer(&resp(409, r#"{"errorCode":"SVCSTG.SWR.4090089"}"#), Create).is_err());
    }

    #[test]
    fn pickers_and_tokens() {
        let ns = namespaces(&resp(
            200,
            r#"{"namespaces":[{"id":1422,"name":"group","creator_name":"username","auth":7}]}"#,
        ))
        .unwrap();
        assert_eq!((ns[0].name.as_str(), ns[0].auth), ("group", 7));
        let (items, total) = repos(&resp(200, r#"[{"name":"a/b","namespace":"g","is_public":false,"path":"swr.x/g/a/b","total_range":31}]"#)).unwrap();
        assert_eq!((items[0].name.as_str(), total), ("a/b", 31));
        assert_eq!(repos(&resp(200, "[]")).unwrap().1, 0);

        let mut r = resp(
            201,
            r#"{"token":{"expires_at":"2026-11-24T12:00:00.000000Z","user":{"name":"alice","domain":{"name":"acme"}}}}"#,
        );
        assert!(token(&r, None)
            .unwrap_err()
            .message
            .contains("X-Subject-Token"));
        r.subject_token = Some("MIIabc".into());
        let s = token(&r, None).unwrap();
        assert_eq!(
            (s.token.as_str(), s.user.as_str(), s.account.as_str()),
            ("MIIabc", "alice", "acme")
        );
        assert_eq!(
            s.expires_at.unwrap().to_rfc3339(),
            "2026-11-24T12:00:00+00:00"
        );
    }
}
