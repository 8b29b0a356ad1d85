//! Every request the app sends, described as data: method, URL, headers, body.

use crate::json::{self, object, string, Value};
use crate::model::new_share::NewShare;
use crate::model::{Deadline, RepoRef};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Patch,
    Delete,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }
}

/// Which side of sharing `GET /v2/manage/shared-repositories` lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Center {
    /// `self`: repositories this account shares.
    Mine,
    /// `thirdparty`: repositories other accounts share with this one.
    WithMe,
}

impl Center {
    pub fn key(self) -> &'static str {
        match self {
            Center::Mine => "self",
            Center::WithMe => "thirdparty",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct ApiRequest {
    pub method: Method,
    pub url: String,
    pub headers: Vec<(&'static str, String)>,
    pub body: Option<String>,
}

impl ApiRequest {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Where SWR and IAM are, and the token to send. Bases are URLs or path prefixes without
/// a trailing slash; an empty base means "this origin" (the usual same-origin proxy).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SwrApi {
    pub swr_base: String,
    pub iam_base: String,
    pub token: String,
}

fn encode_segment(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            // `$` stays literal: it is how SWR spells `/` in a repository name.
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'$' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

impl SwrApi {
    pub fn new(swr_base: &str, iam_base: &str, token: &str) -> SwrApi {
        SwrApi {
            swr_base: swr_base.trim().trim_end_matches('/').into(),
            iam_base: iam_base.trim().trim_end_matches('/').into(),
            token: token.trim().into(),
        }
    }

    fn request(&self, method: Method, url: String, body: Option<Value>) -> ApiRequest {
        ApiRequest {
            method,
            url,
            // The API documents Content-Type as mandatory on every call, GET and DELETE too.
            headers: vec![
                ("Content-Type", "application/json".into()),
                ("X-Auth-Token", self.token.clone()),
            ],
            body: body.map(|b| json::to_text(&b)),
        }
    }

    fn shares_url(&self, repo: &RepoRef) -> String {
        format!(
            "{}/v2/manage/namespaces/{}/repositories/{}/access-domains",
            self.swr_base,
            encode_segment(&repo.namespace),
            encode_segment(&repo.repository_segment())
        )
    }

    fn share_url(&self, repo: &RepoRef, account: &str) -> String {
        format!(
            "{}/{}",
            self.shares_url(repo),
            encode_segment(account.trim())
        )
    }

    pub fn list_shares(&self, repo: &RepoRef) -> ApiRequest {
        self.request(Method::Get, self.shares_url(repo), None)
    }

    pub fn get_share(&self, repo: &RepoRef, account: &str) -> ApiRequest {
        self.request(Method::Get, self.share_url(repo, account), None)
    }

    pub fn create_share(&self, repo: &RepoRef, share: &NewShare) -> ApiRequest {
        let body = object(vec![
            ("access_domain", string(&share.account)),
            ("permit", string("read")),
            ("deadline", string(share.deadline.to_api())),
            ("description", string(&share.description)),
        ]);
        self.request(Method::Post, self.shares_url(repo), Some(body))
    }

    pub fn update_share(
        &self,
        repo: &RepoRef,
        account: &str,
        deadline: &Deadline,
        description: &str,
    ) -> ApiRequest {
        let body = object(vec![
            ("permit", string("read")),
            ("deadline", string(deadline.to_api())),
            ("description", string(description)),
        ]);
        self.request(Method::Patch, self.share_url(repo, account), Some(body))
    }

    pub fn delete_share(&self, repo: &RepoRef, account: &str) -> ApiRequest {
        self.request(Method::Delete, self.share_url(repo, account), None)
    }

    pub fn list_namespaces(&self) -> ApiRequest {
        self.request(
            Method::Get,
            format!("{}/v2/manage/namespaces", self.swr_base),
            None,
        )
    }

    /// One page of the private repositories of an organization.
    pub fn list_private_repos(&self, namespace: &str, offset: usize, limit: usize) -> ApiRequest {
        let url = format!(
            "{}/v2/manage/repos?namespace={}&is_public=false&limit={limit}&offset={offset}&order_column=name&order_type=asc",
            self.swr_base,
            encode_segment(namespace)
        );
        self.request(Method::Get, url, None)
    }

    /// One page of the repositories shared by the signed-in account (`Center::Mine`, in
    /// one organization or all) or with it (`Center::WithMe`).
    pub fn list_shared_repos(
        &self,
        center: Center,
        namespace: Option<&str>,
        offset: usize,
        limit: usize,
    ) -> ApiRequest {
        let only = namespace
            .map(|ns| format!("&namespace={}", encode_segment(ns)))
            .unwrap_or_default();
        let url = format!(
            "{}/v2/manage/shared-repositories?center={}{only}&limit={limit}&offset={offset}",
            self.swr_base,
            center.key()
        );
        self.request(Method::Get, url, None)
    }

    /// IAM password sign-in, scoped to the region's project; with `mfa` (IAM user ID and
    /// the 6-digit code) for a user whose login is protected by virtual MFA.
    pub fn password_token(
        &self,
        user: &str,
        password: &str,
        account: &str,
        project: &str,
        mfa: Option<(&str, &str)>,
    ) -> ApiRequest {
        let user = object(vec![
            ("name", string(user.trim())),
            ("password", string(password)),
            ("domain", object(vec![("name", string(account.trim()))])),
        ]);
        let mut methods = json::Array::new();
        methods.push(string("password"));
        let mut identity = vec![("password", object(vec![("user", user)]))];
        if let Some((user_id, passcode)) = mfa {
            methods.push(string("totp"));
            let totp_user = object(vec![
                ("id", string(user_id.trim())),
                ("passcode", string(passcode.trim())),
            ]);
            identity.push(("totp", object(vec![("user", totp_user)])));
        }
        identity.insert(0, ("methods", Value::Array(methods)));
        let identity = object(identity);
        let scope = object(vec![("project", object(vec![("name", string(project))]))]);
        let body = json::write(vec![(
            "auth",
            object(vec![("identity", identity), ("scope", scope)]),
        )]);
        ApiRequest {
            method: Method::Post,
            url: format!("{}/v3/auth/tokens?nocatalog=true", self.iam_base),
            headers: vec![("Content-Type", "application/json;charset=utf8".into())],
            body: Some(body),
        }
    }

    /// Asks IAM about the current token (to show when it expires).
    pub fn validate_token(&self) -> ApiRequest {
        ApiRequest {
            method: Method::Get,
            url: format!("{}/v3/auth/tokens?nocatalog=true", self.iam_base),
            headers: vec![
                ("X-Auth-Token", self.token.clone()),
                ("X-Subject-Token", self.token.clone()),
            ],
            body: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn api() -> SwrApi {
        SwrApi::new("https://proxy.example/swr/", "/iam", " tok ")
    }

    fn repo() -> RepoRef {
        RepoRef::new("acme-prod", "tools/builder").unwrap()
    }

    #[test]
    fn list_uses_dollar_for_slash_and_sends_the_token() {
        let r = api().list_shares(&repo());
        assert_eq!(r.method, Method::Get);
        assert_eq!(r.url, "https://proxy.example/swr/v2/manage/namespaces/acme-prod/repositories/tools$builder/access-domains");
        assert_eq!(r.header("x-auth-token"), Some("tok"));
        assert_eq!(r.header("content-type"), Some("application/json"));
        assert_eq!(r.body, None);
    }

    #[test]
    fn create_body_has_the_four_documented_fields() {
        let share = NewShare {
            account: "partner".into(),
            deadline: Deadline::parse("2030-01-31T00:00:00Z"),
            description: "why".into(),
        };
        let r = api().create_share(&repo(), &share);
        assert_eq!(r.method, Method::Post);
        let body: serde_json::Value = serde_json::from_str(r.body.as_deref().unwrap()).unwrap();
        assert_eq!(
            body,
            json!({"access_domain": "partner", "permit": "read", "deadline": "2030-01-31T00:00:00Z", "description": "why"})
        );
    }

    #[test]
    fn one_share_urls_and_update_body() {
        let a = api();
        assert!(a
            .get_share(&repo(), "Partner")
            .url
            .ends_with("/access-domains/Partner"));
        assert_eq!(a.delete_share(&repo(), "p").method, Method::Delete);
        let r = a.update_share(&repo(), "p", &Deadline::Forever, "");
        assert_eq!(r.method, Method::Patch);
        assert!(r.url.ends_with("/tools$builder/access-domains/p"));
        assert_eq!(
            r.body.as_deref(),
            Some(r#"{"deadline":"forever","description":"","permit":"read"}"#)
        );
    }

    #[test]
    fn same_origin_base_and_pickers() {
        let a = SwrApi::new("", "", "t");
        assert_eq!(a.list_namespaces().url, "/v2/manage/namespaces");
        assert_eq!(
            a.list_private_repos("acme-prod", 20, 10).url,
            "/v2/manage/repos?namespace=acme-prod&is_public=false&limit=10&offset=20&order_column=name&order_type=asc"
        );
    }

    #[test]
    fn password_sign_in_body() {
        let r = api().password_token("alice", "pw", "acme", "eu-de", None);
        assert_eq!(r.url, "/iam/v3/auth/tokens?nocatalog=true");
        assert_eq!(r.header("x-auth-token"), None);
        let b: serde_json::Value = serde_json::from_str(r.body.as_deref().unwrap()).unwrap();
        assert_eq!(
            b["auth"]["identity"]["password"]["user"]["domain"]["name"],
            "acme"
        );
        assert_eq!(
            b["auth"]["identity"]["methods"],
            serde_json::json!(["password"])
        );
        assert!(b["auth"]["identity"].get("totp").is_none());
        assert_eq!(b["auth"]["scope"]["project"]["name"], "eu-de");
    }

    #[test]
    fn virtual_mfa_sign_in_body() {
        let r = api().password_token("mia", "pw", "acme", "eu-de", Some((" u-1 ", "012345 ")));
        let b: serde_json::Value = serde_json::from_str(r.body.as_deref().unwrap()).unwrap();
        let identity = &b["auth"]["identity"];
        assert_eq!(identity["methods"], serde_json::json!(["password", "totp"]));
        assert_eq!(
            identity["totp"],
            serde_json::json!({"user": {"id": "u-1", "passcode": "012345"}})
        );
        assert_eq!(identity["password"]["user"]["name"], "mia");
    }

    #[test]
    fn shared_repositories_both_centers() {
        let a = SwrApi::new("", "", "t");
        assert_eq!(
            a.list_shared_repos(Center::Mine, None, 0, 1000).url,
            "/v2/manage/shared-repositories?center=self&limit=1000&offset=0"
        );
        assert_eq!(
            a.list_shared_repos(Center::WithMe, Some("a b"), 100, 100)
                .url,
            "/v2/manage/shared-repositories?center=thirdparty&namespace=a%20b&limit=100&offset=100"
        );
    }
}
